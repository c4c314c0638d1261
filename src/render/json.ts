// JSON output: a streamed JSON array of row objects, or NDJSON (one object per line), keyed by
// column name. CQL values map to JSON as follows, with no precision lost:
//   null                                  -> null (also for an empty value of a non-text type)
//   ascii, text, varchar, inet, uuid,
//   timeuuid                              -> string
//   boolean                               -> true / false
//   tinyint, smallint, int                -> number
//   bigint, counter, varint               -> number, digits written exactly (no float rounding)
//   decimal                               -> number, exact (e.g. 12.50, 1E+10)
//   float, double                         -> number, shortest digits that read back to the same
//                                            value (float as a 32-bit float: 0.1, not 0.10000000149);
//                                            NaN, Infinity, -Infinity -> strings "NaN", ...
//   blob, custom                          -> "0x..." hex string
//   timestamp                             -> ISO 8601 UTC string "2024-01-02T03:04:05.678Z" (years
//                                            outside 0-9999 in expanded form "+010000-..."); a
//                                            number of milliseconds beyond JavaScript's Date range
//   date                                  -> "YYYY-MM-DD" (expanded years as for timestamps)
//   time                                  -> "HH:MM:SS.nnnnnnnnn"
//   duration                              -> CQL duration literal string "1y2mo3d4h5m6s7ms8us9ns"
//   list, set, vector, tuple              -> array (set elements in the order the server sent)
//   map                                   -> object; keys are the text of the key (a string key
//                                            as is, anything else as its JSON text)
//   user-defined type                     -> object of its fields

import type { Column, CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, CqlType, CqlValue } from '../cql/types.js';
import { civilFromDays } from '../format/civil.js';
import { decimalToString } from '../format/numbers.js';
import { formatDuration, formatTime } from '../format/time.js';

function hex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

function isoYear(y: number): string {
  if (y >= 0 && y <= 9999) return String(y).padStart(4, '0');
  return (y < 0 ? '-' : '+') + String(Math.abs(y)).padStart(6, '0');
}

function isoDate(days: number): string {
  const d = civilFromDays(days);
  return `${isoYear(d.year)}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const MAX_DATE_MS = 8_640_000_000_000_000n;

function isoTimestamp(ms: bigint): string | null {
  if (ms > MAX_DATE_MS || ms < -MAX_DATE_MS) return null;
  const days = Number((ms >= 0n ? ms : ms - 86_399_999n) / 86_400_000n);
  const msOfDay = Number(ms - BigInt(days) * 86_400_000n);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const time = `${p(Math.floor(msOfDay / 3_600_000))}:${p(Math.floor(msOfDay / 60_000) % 60)}:${p(Math.floor(msOfDay / 1000) % 60)}.${p(msOfDay % 1000, 3)}`;
  return `${isoDate(days)}T${time}Z`;
}

function floatDigits(x: number, single: boolean): string {
  if (Number.isNaN(x)) return '"NaN"';
  if (!Number.isFinite(x)) return x > 0 ? '"Infinity"' : '"-Infinity"';
  if (Object.is(x, -0)) return '-0';
  if (single) {
    for (let p = 1; p <= 9; p++) {
      const s = x.toPrecision(p);
      if (Math.fround(Number(s)) === x) return String(Number(s));
    }
  }
  return String(x);
}

const STRING_KINDS = new Set(['ascii', 'text', 'varchar', 'inet', 'uuid', 'timeuuid']);
const BYTES_KINDS = new Set(['blob', 'custom', 'empty']);

/** The JSON text of one value. */
export function jsonValue(v: CqlValue, t: CqlType): string {
  if (v === null) return 'null';
  if (v instanceof Uint8Array && v.length === 0 && !BYTES_KINDS.has(t.kind)) return 'null';
  switch (t.kind) {
    case 'ascii':
    case 'text':
    case 'varchar':
    case 'inet':
    case 'uuid':
    case 'timeuuid':
      return JSON.stringify(String(v));
    case 'boolean':
      return v ? 'true' : 'false';
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'counter':
    case 'varint':
      return String(v);
    case 'float':
      return floatDigits(Number(v), true);
    case 'double':
      return floatDigits(Number(v), false);
    case 'decimal':
      return decimalToString((v as CqlDecimal).unscaled, (v as CqlDecimal).scale);
    case 'blob':
    case 'custom':
    case 'empty':
      return JSON.stringify('0x' + hex(v as Uint8Array));
    case 'timestamp': {
      const ms = (v as CqlTimestamp).millis;
      const iso = isoTimestamp(ms);
      return iso === null ? ms.toString() : JSON.stringify(iso);
    }
    case 'date':
      return JSON.stringify(isoDate((v as CqlDate).days));
    case 'time':
      return JSON.stringify(formatTime(BigInt(v as bigint)));
    case 'duration': {
      const d = v as CqlDuration;
      return JSON.stringify(formatDuration(d.months, d.days, d.nanoseconds) || '0s');
    }
    case 'list':
    case 'set':
    case 'vector':
      return `[${(v as CqlValue[]).map((x) => jsonValue(x, t.element)).join(',')}]`;
    case 'tuple':
      return `[${(v as CqlValue[]).map((x, i) => jsonValue(x, t.elements[i])).join(',')}]`;
    case 'map': {
      const entries = (v as [CqlValue, CqlValue][]).map(([k, x]) => {
        const key = STRING_KINDS.has(t.key.kind) && typeof k === 'string' ? k : jsonKeyText(k, t.key);
        return `${JSON.stringify(key)}:${jsonValue(x, t.value)}`;
      });
      return `{${entries.join(',')}}`;
    }
    case 'udt': {
      const values = v as CqlValue[];
      return `{${t.fields.map((f, i) => `${JSON.stringify(f.name)}:${jsonValue(values[i] ?? null, f.type)}`).join(',')}}`;
    }
  }
}

function jsonKeyText(k: CqlValue, t: CqlType): string {
  const text = jsonValue(k, t);
  return text.startsWith('"') ? (JSON.parse(text) as string) : text;
}

/** Streams rows as a JSON array ("[", rows separated by ",\n", "]") or as NDJSON lines. */
export class JsonRenderer {
  private count = 0;

  constructor(
    private readonly columns: Column[],
    private readonly opts: { ndjson?: boolean } = {},
  ) {}

  begin(): string {
    return this.opts.ndjson ? '' : '[';
  }

  private keys?: string[];

  row(values: CqlValue[]): string {
    this.keys ??= this.columns.map((c) => JSON.stringify(c.name) + ':');
    let obj = '{';
    for (let i = 0; i < this.keys.length; i++) obj += (i ? ',' : '') + this.keys[i] + jsonValue(values[i] ?? null, this.columns[i].type);
    obj += '}';
    if (this.opts.ndjson) return obj + '\n';
    return (this.count++ === 0 ? '\n' : ',\n') + obj;
  }

  end(): string {
    if (this.opts.ndjson) return '';
    return (this.count > 0 ? '\n' : '') + ']\n';
  }
}

/** All rows at once. */
export function renderJson(columns: Column[], rows: Iterable<CqlValue[]>, opts?: { ndjson?: boolean }): string {
  const r = new JsonRenderer(columns, opts);
  let out = r.begin();
  for (const row of rows) out += r.row(row);
  return out + r.end();
}
