// The CQL type model and the neutral value representation shared by db/ (which decodes the
// driver's values into these), format/ and render/ (which turn them into text). Nothing here
// knows about cassandra-driver.

export type ScalarKind =
  | 'ascii'
  | 'text'
  | 'varchar'
  | 'int'
  | 'bigint'
  | 'smallint'
  | 'tinyint'
  | 'varint'
  | 'counter'
  | 'float'
  | 'double'
  | 'decimal'
  | 'boolean'
  | 'uuid'
  | 'timeuuid'
  | 'inet'
  | 'blob'
  | 'timestamp'
  | 'date'
  | 'time'
  | 'duration'
  | 'empty';

export type CqlType =
  | { kind: ScalarKind }
  | { kind: 'list' | 'set'; element: CqlType; frozen?: boolean }
  | { kind: 'map'; key: CqlType; value: CqlType; frozen?: boolean }
  | { kind: 'tuple'; elements: CqlType[]; frozen?: boolean }
  | { kind: 'udt'; keyspace: string; name: string; fields: { name: string; type: CqlType }[]; frozen?: boolean }
  | { kind: 'vector'; element: CqlType; dimension: number }
  | { kind: 'custom'; className: string };

/**
 * Neutral values, by type kind (null always means a CQL null):
 * - ascii, text, varchar, inet, uuid, timeuuid: string (uuids lower-case canonical)
 * - int, smallint, tinyint, float, double: number
 * - bigint, counter, varint: bigint
 * - decimal: CqlDecimal (exact)
 * - boolean: boolean
 * - blob, custom: Uint8Array
 * - timestamp: CqlTimestamp (milliseconds since the epoch, exact int64)
 * - date: CqlDate (days since the epoch)
 * - time: bigint (nanoseconds since midnight)
 * - duration: CqlDuration
 * - list, set, vector, tuple: CqlValue[] (tuple: one entry per element type)
 * - map: [key, value][] in the order the server sent them
 * - udt: (CqlValue)[] aligned with the type's fields (missing trailing fields are null)
 */
export type CqlValue =
  null | string | number | bigint | boolean | Uint8Array | CqlDecimal | CqlTimestamp | CqlDate | CqlDuration | CqlValue[] | [CqlValue, CqlValue][];

export class CqlDecimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}
}

export class CqlTimestamp {
  constructor(readonly millis: bigint) {}
}

export class CqlDate {
  /** days since 1970-01-01 (may be outside the range a calendar date can show) */
  constructor(readonly days: number) {}
}

export class CqlDuration {
  constructor(
    readonly months: number,
    readonly days: number,
    readonly nanoseconds: bigint,
  ) {}
}

export interface Column {
  name: string;
  type: CqlType;
  /** where the column sits in its table's key, when known (for header colors) */
  role?: 'partition_key' | 'clustering' | 'static' | 'regular';
}

/** `frozen<...>` aware, cqlsh-style type name: list<int>, map<text, frozen<list<int>>>, ... */
export function typeName(t: CqlType): string {
  const wrap = (s: string, frozen?: boolean) => (frozen ? `frozen<${s}>` : s);
  switch (t.kind) {
    case 'list':
    case 'set':
      return wrap(`${t.kind}<${typeName(t.element)}>`, t.frozen);
    case 'map':
      return wrap(`map<${typeName(t.key)}, ${typeName(t.value)}>`, t.frozen);
    case 'tuple':
      return wrap(`tuple<${t.elements.map(typeName).join(', ')}>`, t.frozen);
    case 'udt':
      return wrap(t.name, t.frozen);
    case 'vector':
      return `vector<${typeName(t.element)}, ${t.dimension}>`;
    case 'custom':
      return `'${t.className}'`;
    default:
      return t.kind;
  }
}
