// cassandra-driver values → the neutral CqlValue representation of src/cql/types.ts.
import driver from 'cassandra-driver';
import { CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, type CqlType, type CqlValue } from '../cql/types.js';
import { timestampInRange } from '../format/time.js';

/** A value of zero bytes for a type that has no empty form (an `int` set to `blobAsInt(0x)`). */
const EMPTY = Object.freeze({ empty: Symbol('tscqlsh.empty') });
const ZERO_LENGTH_OK = new Set<number>([
  driver.types.dataTypes.text,
  driver.types.dataTypes.ascii,
  driver.types.dataTypes.varchar,
  driver.types.dataTypes.custom,
  driver.types.dataTypes.blob,
]);
const MS_PER_DAY = 86_400_000;

let overflows = 0;

/**
 * Timestamps decoded so far that cqlsh cannot show as dates (it prints them as milliseconds, with
 * its DateOverFlowWarning once).
 */
export function timestampOverflows(): number {
  return overflows;
}

/**
 * Things the driver's decoding loses or makes slow: timestamps become Date, which cannot hold
 * every int64 millisecond value (cqlsh prints out-of-range ones as raw numbers), and decimals
 * become BigDecimal, slow to turn into digits, so both decode straight to the neutral values;
 * empty values of fixed-size types become null (cqlsh prints them as nothing, not `null`), so
 * they decode to a marker instead.
 */
let patched = false;
export function patchTimestampDecoding(): void {
  if (patched) return;
  patched = true;
  const Encoder = (driver as unknown as { Encoder: { prototype: { decode: (b: Buffer | null, t: { code: number }) => unknown } } }).Encoder;
  const original = Encoder.prototype.decode;
  const { timestamp, decimal, uuid, timeuuid } = driver.types.dataTypes;
  Encoder.prototype.decode = function (buffer, type) {
    if (buffer) {
      const code = type.code;
      if (buffer.length === 0 && !ZERO_LENGTH_OK.has(code)) return EMPTY;
      // exact and fast: straight to the neutral values (the driver's own types are slow to convert)
      if (code === timestamp && buffer.length === 8) {
        const millis = buffer.readBigInt64BE(0);
        // (within ±2^47 ms, years 2430 BC to 6429, Python's datetime holds it: no exact check needed)
        const hi = buffer.readInt32BE(0);
        if ((hi >= 0x8000 || hi < -0x8000) && !timestampInRange(millis)) overflows++;
        return new CqlTimestamp(millis);
      }
      if (code === decimal && buffer.length >= 4) return new CqlDecimal(varint(buffer, 4), buffer.readInt32BE(0));
      if ((code === uuid || code === timeuuid) && buffer.length === 16) return uuidText(buffer);
    }
    return original.call(this, buffer, type);
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 16 bytes as a UUID's canonical text (what the driver's Uuid.toString() gives, without the copy). */
function uuidText(b: Buffer): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[b[i]];
  }
  return s;
}

/** A two's-complement big-endian integer of any length (from byte `start`). */
function varint(buffer: Buffer, start = 0): bigint {
  const n = buffer.length - start;
  // up to 6 bytes fit a double exactly
  if (n > 0 && n <= 6) return BigInt(buffer.readIntBE(start, n));
  const b = start ? buffer.subarray(start) : buffer;
  if (b.length === 0) return 0n;
  const v = BigInt('0x' + b.toString('hex'));
  return b[0] & 0x80 ? v - (1n << BigInt(b.length * 8)) : v;
}

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export function toCqlValue(v: Any, t: CqlType): CqlValue {
  if (v === null || v === undefined) return null;
  if (v === EMPTY) return new Uint8Array(0);
  switch (t.kind) {
    case 'ascii':
    case 'text':
    case 'varchar':
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'float':
    case 'double':
    case 'boolean':
      return v;
    case 'bigint':
    case 'counter':
    case 'varint':
      return typeof v === 'bigint' ? v : BigInt(v.toString());
    case 'decimal':
      if (v instanceof CqlDecimal) return v;
      // BigDecimal keeps its unscaled Integer and scale in private fields (no public getters)
      return new CqlDecimal(BigInt(v._intVal.toString()), v._scale);
    case 'uuid':
    case 'timeuuid':
    case 'inet':
      return v.toString();
    case 'blob':
    case 'custom':
    case 'empty':
      return v as Uint8Array;
    case 'timestamp':
      return v instanceof CqlTimestamp ? v : new CqlTimestamp(BigInt((v as Date).getTime()));
    case 'date': {
      const d = v as { date: Date; _value: number | null };
      const ms = d.date.getTime();
      return new CqlDate(Number.isNaN(ms) ? Number(d._value) : Math.floor(ms / MS_PER_DAY));
    }
    case 'time':
      return BigInt(v.getTotalNanoseconds().toString());
    case 'duration':
      return new CqlDuration(v.months, v.days, BigInt(v.nanoseconds.toString()));
    case 'list':
    case 'set':
      return Array.from(v as Iterable<Any>, (x) => toCqlValue(x, t.element));
    case 'vector':
      return Array.from(v as Iterable<Any>, (x) => toCqlValue(x, t.element));
    case 'map': {
      const out: [CqlValue, CqlValue][] = [];
      const entries: Iterable<[Any, Any]> = v instanceof Map ? v.entries() : Object.entries(v);
      for (const [k, x] of entries) out.push([toCqlValue(k, t.key), toCqlValue(x, t.value)]);
      return out;
    }
    case 'tuple': {
      const out: CqlValue[] = [];
      for (let i = 0; i < t.elements.length; i++) out.push(toCqlValue(v.get(i), t.elements[i]));
      return out;
    }
    case 'udt':
      return t.fields.map((f) => toCqlValue(v[f.name], f.type));
  }
}

/** toCqlValue for one column's type, made once per result: the values the patched decoding already made neutral pass straight through. */
export function valueConverter(t: CqlType): (v: Any) => CqlValue {
  const general = (v: Any) => toCqlValue(v, t);
  switch (t.kind) {
    case 'ascii':
    case 'text':
    case 'varchar':
      return (v) => (typeof v === 'string' ? v : general(v));
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'float':
    case 'double':
      return (v) => (typeof v === 'number' ? v : general(v));
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : general(v));
    case 'bigint':
    case 'counter':
    case 'varint':
      return (v) => (typeof v === 'bigint' ? v : general(v));
    case 'uuid':
    case 'timeuuid':
      return (v) => (typeof v === 'string' ? v : general(v));
    case 'timestamp':
      return (v) => (v instanceof CqlTimestamp ? v : general(v));
    case 'decimal':
      return (v) => (v instanceof CqlDecimal ? v : general(v));
    case 'list':
      // the driver's array of strings is already the neutral value
      if (t.element.kind === 'text' || t.element.kind === 'varchar' || t.element.kind === 'ascii') {
        return (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : general(v));
      }
      return general;
    default:
      return general;
  }
}
