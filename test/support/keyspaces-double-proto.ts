// CQL native protocol v4 framing for the Keyspaces test double: just enough encoding and decoding.
export const OP = {
  ERROR: 0x00, STARTUP: 0x01, READY: 0x02, AUTHENTICATE: 0x03, OPTIONS: 0x05, SUPPORTED: 0x06,
  QUERY: 0x07, RESULT: 0x08, PREPARE: 0x09, EXECUTE: 0x0a, REGISTER: 0x0b, BATCH: 0x0d,
  AUTH_CHALLENGE: 0x0e, AUTH_RESPONSE: 0x0f, AUTH_SUCCESS: 0x10,
} as const;

export const ERR = { PROTOCOL: 0x000a, BAD_CREDENTIALS: 0x0100, INVALID: 0x2200, SERVER: 0x0000 } as const;

/** column types the double returns */
export const T = { varchar: 0x000d, int: 0x0009, uuid: 0x000c, inet: 0x0010, boolean: 0x0004, double: 0x0007, blob: 0x0003, list: 0x0020, map: 0x0021, set: 0x0022 } as const;

export class Writer {
  private parts: Buffer[] = [];
  short(n: number) {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(n);
    this.parts.push(b);
    return this;
  }
  int(n: number) {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    this.parts.push(b);
    return this;
  }
  string(s: string) {
    const b = Buffer.from(s, 'utf8');
    return this.short(b.length).raw(b);
  }
  longString(s: string) {
    const b = Buffer.from(s, 'utf8');
    return this.int(b.length).raw(b);
  }
  bytes(b: Buffer | null) {
    if (b === null) return this.int(-1);
    return this.int(b.length).raw(b);
  }
  raw(b: Buffer) {
    this.parts.push(b);
    return this;
  }
  stringList(l: string[]) {
    this.short(l.length);
    for (const s of l) this.string(s);
    return this;
  }
  stringMultimap(m: Record<string, string[]>) {
    this.short(Object.keys(m).length);
    for (const [k, v] of Object.entries(m)) this.string(k).stringList(v);
    return this;
  }
  build() {
    return Buffer.concat(this.parts);
  }
}

export class Reader {
  constructor(
    private b: Buffer,
    private o = 0,
  ) {}
  short() {
    const v = this.b.readUInt16BE(this.o);
    this.o += 2;
    return v;
  }
  byte() {
    return this.b[this.o++];
  }
  int() {
    const v = this.b.readInt32BE(this.o);
    this.o += 4;
    return v;
  }
  string() {
    const n = this.short();
    const s = this.b.toString('utf8', this.o, this.o + n);
    this.o += n;
    return s;
  }
  longString() {
    const n = this.int();
    const s = this.b.toString('utf8', this.o, this.o + n);
    this.o += n;
    return s;
  }
  bytes(): Buffer | null {
    const n = this.int();
    if (n < 0) return null;
    const v = this.b.subarray(this.o, this.o + n);
    this.o += n;
    return v;
  }
  stringMap() {
    const out: Record<string, string> = {};
    for (let n = this.short(); n > 0; n--) out[this.string()] = this.string();
    return out;
  }
}

export function frame(stream: number, opcode: number, body: Buffer, version = 0x84): Buffer {
  const h = Buffer.alloc(9);
  h[0] = version;
  h[1] = 0;
  h.writeInt16BE(stream, 2);
  h[4] = opcode;
  h.writeInt32BE(body.length, 5);
  return Buffer.concat([h, body]);
}

/** A column type: a code of T, with element types for collections. */
export interface TypeSpec {
  type: number;
  /** element type of list<...> and set<...> (varchar when absent) */
  sub?: number | TypeSpec;
  /** key and value types of map<...> (varchar when absent) */
  key?: number | TypeSpec;
  value?: number | TypeSpec;
}

export interface Column extends TypeSpec {
  name: string;
}

/** A value: maps are objects (text keys), lists and sets arrays. */
export type Cell = string | number | boolean | Buffer | null | Cell[] | { [key: string]: Cell };

const spec = (t: number | TypeSpec | undefined): TypeSpec => (t === undefined ? { type: T.varchar } : typeof t === 'number' ? { type: t } : t);

function encodeCell(c: TypeSpec, v: Cell): Buffer | null {
  if (v === null) return null;
  if (Buffer.isBuffer(v)) return v;
  switch (c.type) {
    case T.int: {
      const b = Buffer.alloc(4);
      b.writeInt32BE(v as number);
      return b;
    }
    case T.double: {
      const b = Buffer.alloc(8);
      b.writeDoubleBE(v as number);
      return b;
    }
    case T.boolean:
      return Buffer.from([v ? 1 : 0]);
    case T.uuid:
      return Buffer.from((v as string).replace(/-/g, ''), 'hex');
    case T.inet:
      return Buffer.from((v as string).split('.').map(Number));
    case T.list:
    case T.set: {
      const items = v as Cell[];
      const w = new Writer().int(items.length);
      for (const x of items) w.bytes(encodeCell(spec(c.sub), x));
      return w.build();
    }
    case T.map: {
      const entries = Object.entries(v as Record<string, Cell>);
      const w = new Writer().int(entries.length);
      for (const [k, x] of entries) w.bytes(encodeCell(spec(c.key), k)).bytes(encodeCell(spec(c.value), x));
      return w.build();
    }
    default:
      return Buffer.from(String(v), 'utf8');
  }
}

/** A type in a result's metadata: its code, then its element types. */
function writeType(w: Writer, t: TypeSpec): void {
  w.short(t.type);
  if (t.type === T.list || t.type === T.set) writeType(w, spec(t.sub));
  if (t.type === T.map) {
    writeType(w, spec(t.key));
    writeType(w, spec(t.value));
  }
}

export function rowsResult(ks: string, table: string, columns: Column[], rows: Cell[][], pagingState?: Buffer): Buffer {
  const w = new Writer().int(0x0002).int(0x0001 | (pagingState ? 0x0002 : 0)).int(columns.length);
  if (pagingState) w.bytes(pagingState);
  w.string(ks).string(table);
  for (const c of columns) {
    w.string(c.name);
    writeType(w, c);
  }
  w.int(rows.length);
  for (const r of rows) columns.forEach((c, i) => w.bytes(encodeCell(c, r[i])));
  return w.build();
}

export const voidResult = () => new Writer().int(0x0001).build();
export const setKeyspaceResult = (ks: string) => new Writer().int(0x0003).string(ks).build();
export const errorBody = (code: number, message: string) => new Writer().int(code).string(message).build();
