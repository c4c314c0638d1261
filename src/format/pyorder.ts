// The order cqlsh shows set elements and map entries in. The Python driver keeps sets in a
// SortedSet (insertion by bisection with Python's `<`, dropping elements Python finds equal) and
// cqlsh prints maps through sorted(): both follow Python's comparison rules, not Cassandra's
// (timeuuids sort by their 128-bit value, not by time; -0.0 equals 0.0; a set is "less" than
// another only when it is a proper subset). Comparing None with anything raises TypeError.

import { CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, type CqlType, type CqlValue } from '../cql/types.js';
import { FormatFailure } from './failure.js';
import { timestampMicros } from './time.js';

/** The Python class name of a (non-null) value of type `t` as the driver builds it. */
function pyTypeName(v: CqlValue, t: CqlType): string {
  if (v === null) return 'NoneType';
  switch (t.kind) {
    case 'ascii':
    case 'text':
    case 'varchar':
    case 'inet':
      return 'str';
    case 'int':
    case 'bigint':
    case 'smallint':
    case 'tinyint':
    case 'varint':
    case 'counter':
      return 'int';
    case 'float':
    case 'double':
      return 'float';
    case 'decimal':
      return 'Decimal';
    case 'boolean':
      return 'bool';
    case 'uuid':
    case 'timeuuid':
      return 'UUID';
    case 'blob':
    case 'custom':
    case 'empty':
      return 'bytes';
    case 'timestamp':
      return v instanceof CqlTimestamp && timestampMicros(v.millis) !== null ? 'datetime.datetime' : 'int';
    case 'date':
      return 'Date';
    case 'time':
      return 'Time';
    case 'duration':
      return 'Duration';
    case 'list':
    case 'vector':
      return 'list';
    case 'set':
      return 'SortedSet';
    case 'map':
      return 'OrderedMapSerializedKey';
    case 'tuple':
      return 'tuple';
    case 'udt':
      return t.name;
  }
}

/** Python's TypeError from an unsupported comparison. */
export class PyTypeError extends FormatFailure {}

type Op = '<' | '>=';

function unsupported(op: Op, a: CqlValue, b: CqlValue, t: CqlType): never {
  throw new PyTypeError(`'${op}' not supported between instances of '${pyTypeName(a, t)}' and '${pyTypeName(b, t)}'`);
}

function codePointCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate stands for a code point above U+FFFF
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function bytesCompare(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function decimalCompare(a: CqlDecimal, b: CqlDecimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.unscaled * 10n ** BigInt(scale - a.scale);
  const y = b.unscaled * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A total-order comparison result for scalar values, or NaN when unordered (float NaN). */
function scalarCompare(a: CqlValue, b: CqlValue, t: CqlType, op: Op): number {
  switch (t.kind) {
    case 'float':
    case 'double':
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'bigint':
    case 'varint':
    case 'counter':
    case 'time': {
      const x = a as number | bigint;
      const y = b as number | bigint;
      if (typeof x === 'number' && Number.isNaN(x)) return NaN;
      if (typeof y === 'number' && Number.isNaN(y)) return NaN;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'boolean':
      return Number(a) - Number(b);
    case 'decimal':
      return decimalCompare(a as CqlDecimal, b as CqlDecimal);
    case 'date':
      return (a as CqlDate).days - (b as CqlDate).days;
    case 'timestamp': {
      const x = a as CqlTimestamp;
      const y = b as CqlTimestamp;
      const xIn = timestampMicros(x.millis) !== null;
      const yIn = timestampMicros(y.millis) !== null;
      if (xIn !== yIn) unsupported(op, a, b, t);
      const mx = xIn ? timestampMicros(x.millis)! : x.millis;
      const my = yIn ? timestampMicros(y.millis)! : y.millis;
      return mx < my ? -1 : mx > my ? 1 : 0;
    }
    case 'blob':
    case 'custom':
    case 'empty':
      return bytesCompare(a as Uint8Array, b as Uint8Array);
    case 'duration':
      return unsupported(op, a, b, t);
    default:
      return codePointCompare(String(a), String(b));
  }
}

function elementTypes(t: CqlType, n: number): CqlType[] {
  if (t.kind === 'tuple') return t.elements;
  if (t.kind === 'udt') return t.fields.map((f) => f.type);
  if (t.kind === 'list' || t.kind === 'vector') return Array(n).fill(t.element);
  return [];
}

/** Python's `a == b`. */
export function pyEqual(a: CqlValue, b: CqlValue, t: CqlType): boolean {
  if (a === null || b === null) return a === b;
  switch (t.kind) {
    case 'list':
    case 'vector':
    case 'tuple':
    case 'udt': {
      const x = a as CqlValue[];
      const y = b as CqlValue[];
      if (x.length !== y.length) return false;
      const types = elementTypes(t, x.length);
      return x.every((v, i) => pyEqual(v, y[i], types[i]));
    }
    case 'set': {
      const x = a as CqlValue[];
      const y = b as CqlValue[];
      return x.length === y.length && x.every((v, i) => pyEqual(v, y[i], t.element));
    }
    case 'map': {
      const x = a as [CqlValue, CqlValue][];
      const y = b as [CqlValue, CqlValue][];
      return x.length === y.length && x.every(([k, v], i) => pyEqual(k, y[i][0], t.key) && pyEqual(v, y[i][1], t.value));
    }
    case 'duration': {
      const x = a as CqlDuration;
      const y = b as CqlDuration;
      return x.months === y.months && x.days === y.days && x.nanoseconds === y.nanoseconds;
    }
    case 'timestamp': {
      const xIn = timestampMicros((a as CqlTimestamp).millis) !== null;
      const yIn = timestampMicros((b as CqlTimestamp).millis) !== null;
      return xIn === yIn && scalarCompare(a, b, t, '<') === 0;
    }
    default:
      return scalarCompare(a, b, t, '<') === 0;
  }
}

function contains(items: CqlValue[], x: CqlValue, t: CqlType): boolean {
  return items.some((y) => pyEqual(y, x, t));
}

/** Python's `a < b` or `a >= b`; throws PyTypeError where Python raises TypeError. */
export function pyCompare(a: CqlValue, b: CqlValue, t: CqlType, op: Op): boolean {
  if (a === null || b === null) unsupported(op, a, b, t);
  switch (t.kind) {
    case 'list':
    case 'vector':
    case 'tuple':
    case 'udt': {
      const x = a as CqlValue[];
      const y = b as CqlValue[];
      const types = elementTypes(t, Math.max(x.length, y.length));
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        if (!pyEqual(x[i], y[i], types[i])) return pyCompare(x[i], y[i], types[i], op);
      }
      return op === '<' ? x.length < y.length : x.length >= y.length;
    }
    case 'set': {
      const x = a as CqlValue[];
      const y = b as CqlValue[];
      if (op === '<') return y.length > x.length && x.every((v) => contains(y, v, t.element));
      return y.every((v) => contains(x, v, t.element));
    }
    case 'map':
      return unsupported(op, a, b, t);
    default: {
      const c = scalarCompare(a, b, t, op);
      if (Number.isNaN(c)) return false;
      return op === '<' ? c < 0 : c >= 0;
    }
  }
}

function findInsertion(items: CqlValue[], x: CqlValue, t: CqlType): number {
  let lo = 0;
  let hi = items.length;
  try {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pyCompare(items[mid], x, t, '<')) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  } catch (e) {
    if (!(e instanceof PyTypeError)) throw e;
  }
  lo = 0;
  let comparedOne = false;
  while (lo < hi) {
    try {
      if (pyEqual(items[lo], x, t) || pyCompare(items[lo], x, t, '>=')) break;
      comparedOne = true;
    } catch (e) {
      if (!(e instanceof PyTypeError)) throw e;
      if (comparedOne) break;
    }
    lo += 1;
  }
  return lo;
}

/** The elements of a set in the order (and with the duplicates dropped) of the driver's SortedSet. */
export function sortedSetItems(values: CqlValue[], t: CqlType): CqlValue[] {
  const items: CqlValue[] = [];
  for (const v of values) {
    const i = findInsertion(items, v, t);
    if (i < items.length) {
      if (!pyEqual(items[i], v, t)) items.splice(i, 0, v);
    } else items.push(v);
  }
  return items;
}

/** Map entries in the order of Python's sorted() over (key, value) pairs. */
export function sortedMapEntries(entries: [CqlValue, CqlValue][], keyType: CqlType, valueType: CqlType): [CqlValue, CqlValue][] {
  const less = (p: [CqlValue, CqlValue], q: [CqlValue, CqlValue]): boolean => {
    if (!pyEqual(p[0], q[0], keyType)) return pyCompare(p[0], q[0], keyType, '<');
    if (!pyEqual(p[1], q[1], valueType)) return pyCompare(p[1], q[1], valueType, '<');
    return false;
  };
  // V8's sort is the same stable TimSort as Python's
  return [...entries].sort((p, q) => (less(p, q) ? -1 : less(q, p) ? 1 : 0));
}
