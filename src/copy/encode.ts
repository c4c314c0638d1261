// COPY FROM's bound values encoded by COPY itself: neutral values straight to their protocol bytes
// (the driver sends a Buffer as it is), without the driver's value objects (Uuid, BigDecimal,
// Long, Integer) on the way. Types not handled here go through the driver (toDriverParam).
import type { CqlType, CqlValue } from '../cql/types.js';
import { toDriverParam } from '../db/bulk.js';
import { part, type Part } from '../db/value-bytes.js';

type Enc = (v: CqlValue) => unknown;
/** A nullable value as the protocol writes it inside a collection: [int length] then the bytes, -1 for null; returns the new offset. */
function writeSized(b: Buffer, o: number, x: CqlValue, p: Part): number {
  if (x === null) {
    b.writeInt32BE(-1, o);
    return o + 4;
  }
  const len = p.write(b, o + 4, x);
  b.writeInt32BE(len, o);
  return o + 4 + len;
}

function collectionPart(t: CqlType): Part | null {
  if (t.kind === 'list' || t.kind === 'set') {
    const e = part(t.element) ?? collectionPart(t.element);
    if (!e) return null;
    return {
      size(v) {
        let n = 4;
        for (const x of v as CqlValue[]) n += 4 + (x === null ? 0 : e.size(x));
        return n;
      },
      write(b, at, v) {
        const items = v as CqlValue[];
        b.writeInt32BE(items.length, at);
        let o = at + 4;
        for (const x of items) o = writeSized(b, o, x, e);
        return o - at;
      },
    };
  }
  if (t.kind === 'map') {
    const k = part(t.key) ?? collectionPart(t.key);
    const x = part(t.value) ?? collectionPart(t.value);
    if (!k || !x) return null;
    return {
      size(v) {
        let n = 4;
        for (const [a, c] of v as [CqlValue, CqlValue][]) n += 8 + k.size(a) + (c === null ? 0 : x.size(c));
        return n;
      },
      write(b, at, v) {
        const items = v as [CqlValue, CqlValue][];
        b.writeInt32BE(items.length, at);
        let o = at + 4;
        for (const [a, c] of items) o = writeSized(b, writeSized(b, o, a, k), c, x);
        return o - at;
      },
    };
  }
  return null;
}

/**
 * A row's bound values encoded into one Buffer, each as the protocol writes a value ([int length]
 * then the bytes; -1 for null), or null when a type is not encoded here. One small Buffer a row
 * keeps the rows waiting in a chunk cheap for the garbage collector; `rowParams` cuts it into the
 * values the driver sends when the batch goes out.
 */
export function rowEncoder(types: CqlType[]): ((values: CqlValue[]) => Buffer) | null {
  const parts = types.map((t) => part(t) ?? collectionPart(t));
  if (parts.some((p) => p === null)) return null;
  const n = parts.length;
  return (values) => {
    let size = 4 * n;
    for (let i = 0; i < n; i++) if (values[i] !== null) size += parts[i]!.size(values[i]);
    const b = Buffer.allocUnsafe(size);
    let o = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null) {
        b.writeInt32BE(-1, o);
        o += 4;
        continue;
      }
      const len = parts[i]!.write(b, o + 4, v);
      b.writeInt32BE(len, o);
      o += 4 + len;
    }
    return o === size ? b : b.subarray(0, o);
  };
}

/** The values of a row encoded by rowEncoder, as the driver takes them (Buffers and nulls). */
export function rowParams(b: Buffer, n: number): (Buffer | null)[] {
  const out = new Array<Buffer | null>(n);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const len = b.readInt32BE(o);
    o += 4;
    if (len < 0) out[i] = null;
    else {
      out[i] = b.subarray(o, o + len);
      o += len;
    }
  }
  return out;
}

/** An encoder of one bound value: its bytes as a Buffer, or (other types) what the driver encodes. */
export function paramEncoder(t: CqlType): Enc {
  const p = part(t) ?? collectionPart(t);
  if (p) {
    return (v) => {
      if (v === null) return null;
      const b = Buffer.allocUnsafe(p.size(v));
      const n = p.write(b, 0, v);
      return n === b.length ? b : b.subarray(0, n);
    };
  }
  return (v) => toDriverParam(v, t);
}
