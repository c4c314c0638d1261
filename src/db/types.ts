// cassandra-driver's column type descriptors ({code, info}) → the CqlType model of src/cql/types.ts.
import driver from 'cassandra-driver';
import type { CqlType, ScalarKind } from '../cql/types.js';

const dt = driver.types.dataTypes;

const SCALARS: Record<number, ScalarKind> = {
  [dt.ascii]: 'ascii',
  [dt.bigint]: 'bigint',
  [dt.blob]: 'blob',
  [dt.boolean]: 'boolean',
  [dt.counter]: 'counter',
  [dt.decimal]: 'decimal',
  [dt.double]: 'double',
  [dt.float]: 'float',
  [dt.int]: 'int',
  [dt.text]: 'text',
  [dt.timestamp]: 'timestamp',
  [dt.uuid]: 'uuid',
  [dt.varchar]: 'varchar',
  [dt.varint]: 'varint',
  [dt.timeuuid]: 'timeuuid',
  [dt.inet]: 'inet',
  [dt.date]: 'date',
  [dt.time]: 'time',
  [dt.smallint]: 'smallint',
  [dt.tinyint]: 'tinyint',
  [dt.duration]: 'duration',
};

export interface DriverType {
  code: number;
  info?: unknown;
  customTypeName?: string;
  type?: string;
}

const MARSHAL = 'org.apache.cassandra.db.marshal.';
const MARSHAL_SCALARS: Record<string, ScalarKind> = {
  AsciiType: 'ascii',
  LongType: 'bigint',
  BytesType: 'blob',
  BooleanType: 'boolean',
  CounterColumnType: 'counter',
  DecimalType: 'decimal',
  DoubleType: 'double',
  FloatType: 'float',
  Int32Type: 'int',
  UTF8Type: 'text',
  TimestampType: 'timestamp',
  DateType: 'timestamp',
  UUIDType: 'uuid',
  IntegerType: 'varint',
  TimeUUIDType: 'timeuuid',
  InetAddressType: 'inet',
  SimpleDateType: 'date',
  TimeType: 'time',
  ShortType: 'smallint',
  ByteType: 'tinyint',
  DurationType: 'duration',
  EmptyType: 'empty',
};

/** Parses a Java marshal class name such as `VectorType(FloatType, 3)` (used for custom and vector types). */
export function parseMarshal(name: string): CqlType {
  let pos = 0;
  const s = name.replace(/\s+/g, '');
  const parse = (): CqlType | number => {
    const m = /^[\w.$]+/.exec(s.slice(pos));
    if (!m) throw new Error(`bad type name ${name}`);
    pos += m[0].length;
    const full = m[0];
    if (/^\d+$/.test(full)) return Number(full);
    const short = full.startsWith(MARSHAL) ? full.slice(MARSHAL.length) : full;
    const args: (CqlType | number)[] = [];
    if (s[pos] === '(') {
      pos++;
      while (s[pos] !== ')') {
        args.push(parse());
        if (s[pos] === ',') pos++;
      }
      pos++;
    }
    const t = (i: number) => args[i] as CqlType;
    if (MARSHAL_SCALARS[short]) return { kind: MARSHAL_SCALARS[short] };
    switch (short) {
      case 'VectorType':
        return { kind: 'vector', element: t(0), dimension: args[1] as number };
      case 'ListType':
        return { kind: 'list', element: t(0) };
      case 'SetType':
        return { kind: 'set', element: t(0) };
      case 'MapType':
        return { kind: 'map', key: t(0), value: t(1) };
      case 'TupleType':
        return { kind: 'tuple', elements: args as CqlType[] };
      case 'FrozenType': {
        const inner = t(0);
        return 'frozen' in inner || inner.kind === 'list' || inner.kind === 'set' || inner.kind === 'map' ? ({ ...inner, frozen: true } as CqlType) : inner;
      }
      case 'ReversedType':
        return t(0);
      default:
        return { kind: 'custom', className: full };
    }
  };
  const r = parse();
  if (typeof r === 'number') throw new Error(`bad type name ${name}`);
  return r;
}

export function toCqlType(t: DriverType): CqlType {
  const scalar = SCALARS[t.code];
  if (scalar) return { kind: scalar };
  switch (t.code) {
    case dt.list:
      return { kind: 'list', element: toCqlType(t.info as DriverType) };
    case dt.set:
      return { kind: 'set', element: toCqlType(t.info as DriverType) };
    case dt.map: {
      const [k, v] = t.info as DriverType[];
      return { kind: 'map', key: toCqlType(k), value: toCqlType(v) };
    }
    case dt.tuple:
      return { kind: 'tuple', elements: (t.info as DriverType[]).map(toCqlType) };
    case dt.udt: {
      const u = t.info as { keyspace: string; name: string; fields: { name: string; type: DriverType }[] };
      return { kind: 'udt', keyspace: u.keyspace, name: u.name, fields: u.fields.map((f) => ({ name: f.name, type: toCqlType(f.type) })) };
    }
    case dt.custom: {
      if (t.customTypeName === 'vector' && Array.isArray(t.info)) {
        const [sub, dim] = t.info as [DriverType, number];
        return { kind: 'vector', element: toCqlType(sub), dimension: dim };
      }
      return typeof t.info === 'string' ? parseMarshal(t.info) : { kind: 'custom', className: String(t.info) };
    }
    default:
      return { kind: 'custom', className: `code ${t.code}` };
  }
}
