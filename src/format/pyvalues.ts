// How the values cqlsh formats behave as Python objects: their reprs (what cqlsh shows, in red,
// for a value it failed to format). Their type names and ordering: pyorder.ts.

import { CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, type CqlType, type CqlValue } from '../cql/types.js';
import { decimalToString } from './numbers.js';
import { sortedSetItems } from './pyorder.js';
import { datetimeRepr, timestampMicros } from './time.js';

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr() of a str. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f || !NOT_PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + quote;
}

/** Python's repr() of bytes. */
export function pyBytesRepr(b: Uint8Array): string {
  const hasSingle = b.includes(0x27);
  const quote = hasSingle && !b.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/** Python's repr() of a float (shortest round-trip digits, Python's notation rules). */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let body: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  } else if (exp < 0) {
    body = '0.' + '0'.repeat(-exp - 1) + digits;
  } else if (digits.length <= exp + 1) {
    body = digits + '0'.repeat(exp + 1 - digits.length) + '.0';
  } else {
    body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return (neg ? '-' : '') + body;
}

/** Python's repr() of the value the driver hands cqlsh for `v` of type `t`. */
export function pyRepr(v: CqlValue, t: CqlType): string {
  if (v === null) return 'None';
  switch (t.kind) {
    case 'ascii':
    case 'text':
    case 'varchar':
    case 'inet':
      return pyStrRepr(String(v));
    case 'int':
    case 'bigint':
    case 'smallint':
    case 'tinyint':
    case 'varint':
    case 'counter':
      return String(v);
    case 'float':
    case 'double':
      return pyFloatRepr(Number(v));
    case 'decimal':
      return v instanceof CqlDecimal ? `Decimal('${decimalToString(v.unscaled, v.scale)}')` : String(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'uuid':
    case 'timeuuid':
      return `UUID('${String(v)}')`;
    case 'blob':
    case 'custom':
    case 'empty':
      return v instanceof Uint8Array ? pyBytesRepr(v) : String(v);
    case 'timestamp': {
      if (!(v instanceof CqlTimestamp)) return String(v);
      const us = timestampMicros(v.millis);
      return us === null ? v.millis.toString() : datetimeRepr(us);
    }
    case 'date':
      return v instanceof CqlDate ? `Date(${v.days})` : String(v);
    case 'time':
      return `Time(${String(v)})`;
    case 'duration':
      return v instanceof CqlDuration ? `Duration(${v.months}, ${v.days}, ${v.nanoseconds})` : String(v);
    case 'list':
    case 'vector': {
      const items = v as CqlValue[];
      return `[${items.map((x) => pyRepr(x, t.element)).join(', ')}]`;
    }
    case 'set': {
      const items = sortedSetItems(v as CqlValue[], t.element);
      return `SortedSet([${items.map((x) => pyRepr(x, t.element)).join(', ')}])`;
    }
    case 'map': {
      const pairs = v as [CqlValue, CqlValue][];
      return `OrderedMapSerializedKey([${pairs.map(([k, x]) => `(${pyRepr(k, t.key)}, ${pyRepr(x, t.value)})`).join(', ')}])`;
    }
    case 'tuple': {
      const items = (v as CqlValue[]).map((x, i) => pyRepr(x, t.elements[i] ?? { kind: 'blob' }));
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    case 'udt': {
      const items = v as CqlValue[];
      const fields = t.fields.map((f, i) => `${f.name}=${pyRepr(items[i] ?? null, f.type)}`);
      return `${t.name}(${fields.join(', ')})`;
    }
  }
}
