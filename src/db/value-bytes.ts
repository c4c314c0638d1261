// Neutral values (src/cql/types.ts) straight to their protocol bytes, for the scalar types: what
// COPY FROM binds (copy/encode.ts) and what a partition key is hashed from (db/ring.ts).
import type { CqlDate, CqlDecimal, CqlTimestamp, CqlType, CqlValue } from '../cql/types.js';

/** writes a non-null value's bytes into a buffer */
export interface Part {
  size(v: CqlValue): number;
  write(b: Buffer, at: number, v: CqlValue): number;
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[97 + i] = HEX[65 + i] = 10 + i;

function writeUuid(b: Buffer, at: number, s: string): number {
  let j = 0;
  for (let i = 0; i < 16; i++) {
    if (s.charCodeAt(j) === 45) j++;
    const hi = HEX[s.charCodeAt(j)];
    const lo = HEX[s.charCodeAt(j + 1)];
    if (hi < 0 || lo < 0) throw new TypeError(`Invalid uuid ${s}`);
    b[at + i] = (hi << 4) | lo;
    j += 2;
  }
  return 16;
}

/** at least the length of varintBytes(n) */
function varintSize(n: bigint): number {
  return n >= -(2n ** 63n) && n < 2n ** 63n ? 8 : Math.ceil((n < 0n ? -n : n).toString(16).length / 2) + 1;
}

/** two's complement, big-endian, minimal length (CQL varint) */
function varintBytes(n: bigint): Buffer {
  if (n >= -128n && n < 128n) {
    const b = Buffer.allocUnsafe(1);
    b.writeInt8(Number(n));
    return b;
  }
  if (n >= -(2n ** 63n) && n < 2n ** 63n) {
    const b = Buffer.allocUnsafe(8);
    b.writeBigInt64BE(n);
    let i = 0;
    // drop leading bytes that only repeat the sign
    while (i < 7 && ((b[i] === 0 && b[i + 1] < 0x80) || (b[i] === 0xff && b[i + 1] >= 0x80))) i++;
    return i ? b.subarray(i) : b;
  }
  let hex = (n < 0n ? -n - 1n : n).toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let b = Buffer.from(hex, 'hex');
  if (b[0] >= 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  if (n < 0n) for (let i = 0; i < b.length; i++) b[i] = ~b[i] & 0xff;
  return b;
}

/** The writer of a scalar type's values (null for the types not handled here). */
export function part(t: CqlType): Part | null {
  switch (t.kind) {
    case 'int':
      return { size: () => 4, write: (b, at, v) => (b.writeInt32BE(v as number, at), 4) };
    case 'smallint':
      return { size: () => 2, write: (b, at, v) => (b.writeInt16BE(v as number, at), 2) };
    case 'tinyint':
      return { size: () => 1, write: (b, at, v) => (b.writeInt8(v as number, at), 1) };
    case 'bigint':
    case 'counter':
      return { size: () => 8, write: (b, at, v) => (b.writeBigInt64BE(v as bigint, at), 8) };
    case 'double':
      return { size: () => 8, write: (b, at, v) => (b.writeDoubleBE(v as number, at), 8) };
    case 'float':
      return { size: () => 4, write: (b, at, v) => (b.writeFloatBE(v as number, at), 4) };
    case 'boolean':
      return { size: () => 1, write: (b, at, v) => ((b[at] = v ? 1 : 0), 1) };
    case 'timestamp':
      return { size: () => 8, write: (b, at, v) => (b.writeBigInt64BE((v as CqlTimestamp).millis, at), 8) };
    case 'date':
      return { size: () => 4, write: (b, at, v) => (b.writeUInt32BE(((v as CqlDate).days + 2 ** 31) >>> 0, at), 4) };
    case 'time':
      return { size: () => 8, write: (b, at, v) => (b.writeBigInt64BE(v as bigint, at), 8) };
    case 'uuid':
    case 'timeuuid':
      return { size: () => 16, write: (b, at, v) => writeUuid(b, at, v as string) };
    case 'text':
    case 'varchar':
    case 'ascii':
      return { size: (v) => Buffer.byteLength(v as string, 'utf8'), write: (b, at, v) => b.write(v as string, at, 'utf8') };
    case 'blob':
      return { size: (v) => (v as Uint8Array).length, write: (b, at, v) => (b.set(v as Uint8Array, at), (v as Uint8Array).length) };
    case 'varint': {
      return {
        size: (v) => varintSize(v as bigint),
        write: (b, at, v) => {
          const x = varintBytes(v as bigint);
          b.set(x, at);
          return x.length;
        },
      };
    }
    case 'decimal':
      return {
        size: (v) => 4 + varintSize((v as CqlDecimal).unscaled),
        write: (b, at, v) => {
          const x = varintBytes((v as CqlDecimal).unscaled);
          b.writeInt32BE((v as CqlDecimal).scale, at);
          b.set(x, at + 4);
          return 4 + x.length;
        },
      };
    default:
      return null;
  }
}
