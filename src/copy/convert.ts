// COPY FROM: CSV field text → CQL values, as cqlsh 6.2's ImportConversion reads them, and the
// messages it gives for what it cannot read. One deliberate difference: text values are
// un-escaped (\\, \n, \r, \t, \xHH: what COPY TO writes), so a round trip is lossless.
import { CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, type CqlType, type CqlValue } from '../cql/types.js';
import { daysFromCivil } from '../format/civil.js';
import { dequoteValue } from '../cql/literals.js';

export class ParseError extends Error {}

export interface ConvertOptions {
  nullText: string;
  decimalSep: string;
  thousandsSep: string;
  booleanStyles: [string, string];
  /** strftime format of timestamps (DATETIMEFORMAT) */
  timestampFormat: string;
}

type Conv = (v: string) => CqlValue;

/** A converter for one top-level column value (the null text is handled by the caller). */
export function converter(t: CqlType, o: ConvertOptions): Conv {
  switch (t.kind) {
    case 'ascii':
    case 'text':
    case 'varchar':
      return unescapeText;
    case 'int':
      return (v) => Number(intRange(parseInteger(v, o), 32));
    case 'smallint':
      return (v) => Number(intRange(parseInteger(v, o), 16));
    case 'tinyint':
      return (v) => Number(intRange(parseInteger(v, o), 8));
    case 'bigint':
    case 'counter':
      return (v) => intRange(parseInteger(v, o), 64);
    case 'varint':
      return (v) => parseInteger(v, o);
    case 'float':
      return (v) => Math.fround(parseFloating(numText(v, o)));
    case 'double':
      return (v) => parseFloating(numText(v, o));
    case 'decimal':
      return (v) => parseDecimal(numText(v, o));
    case 'boolean':
      return (v) => v.toLowerCase() === o.booleanStyles[0].toLowerCase();
    case 'uuid':
    case 'timeuuid':
      return parseUuid;
    case 'inet':
      return (v) => v;
    case 'blob':
    case 'custom':
    case 'empty':
      return parseBlob;
    case 'timestamp':
      return (v) => parseTimestamp(v, o.timestampFormat);
    case 'date':
      return parseDate;
    case 'time':
      return parseTime;
    case 'duration':
      return parseDuration;
    case 'list':
    case 'set': {
      const el = element(t.element, o);
      return (v) => split(v).map(el);
    }
    case 'vector': {
      const el = element(t.element, o);
      return (v) => {
        const parts = split(v);
        if (parts.length !== t.dimension) {
          throw new ParseError(`The length of given vector value '${parts.length}' is not equal to the vector size from the type definition '${t.dimension}'`);
        }
        return parts.map(el);
      };
    }
    case 'map': {
      const k = element(t.key, o);
      const x = nullable(t.value, o);
      return (v) =>
        split(v).map((item) => {
          const kv = split(`{${item}}`, ':');
          return [k(kv[0] ?? ''), x(kv[1] ?? '')] as [CqlValue, CqlValue];
        });
    }
    case 'tuple': {
      // cqlsh writes a null element as None (and cannot read it back): read it as a null
      const els = t.elements.map((e) => nullable(e, o));
      return (v) => {
        const parts = split(v);
        return t.elements.map((_, i) => (i < parts.length ? els[i](parts[i]) : null));
      };
    }
    case 'udt': {
      const fs = t.fields.map((f) => nullable(f.type, o));
      return (v) => {
        const given = new Map<string, string>();
        for (const item of split(v)) {
          const kv = split(`{${item}}`, ':');
          given.set(dequoteValue(kv[0] ?? ''), kv[1] ?? '');
        }
        return t.fields.map((f, i) => (given.has(f.name) ? fs[i](given.get(f.name)!) : null));
      };
    }
  }
}

/** cqlsh's convert_mandatory: an element inside a collection (dequoted, never null). */
function element(t: CqlType, o: ConvertOptions): Conv {
  const c = converter(t, o);
  const textual = t.kind === 'text' || t.kind === 'varchar' || t.kind === 'ascii';
  return (v) => {
    const d = dequoteValue(v);
    if (d === o.nullText && t.kind !== 'varchar' && t.kind !== 'text') throw new ParseError('Empty values are not allowed');
    return textual ? d : c(d);
  };
}

/** cqlsh's convert: a map value or UDT field (dequoted, the null text is a null). */
function nullable(t: CqlType, o: ConvertOptions): Conv {
  const c = converter(t, o);
  const textual = t.kind === 'text' || t.kind === 'varchar' || t.kind === 'ascii';
  return (v) => {
    const raw = v.trim();
    if (raw === 'None' || raw === 'null' || raw === o.nullText) return null;
    const d = dequoteValue(v);
    return textual ? d : c(d);
  };
}

/** Splits a composite `(a, b)` / `[..]` / `{..}` at top-level separators outside quotes. */
export function split(val: string, sep = ','): string[] {
  const open = '{[(';
  const close = '}])';
  if (val.length < 2 || open.indexOf(val[0]) < 0 || open.indexOf(val[0]) !== close.indexOf(val[val.length - 1])) {
    throw new ParseError(`Invalid composite string, it should start and end with matching parentheses: ${val}`);
  }
  const out: string[] = [];
  let last = 1;
  let level = 0;
  let quote = false;
  for (let i = 0; i < val.length; i++) {
    const c = val[i];
    if (c === "'") quote = !quote;
    else if (!quote) {
      if (open.includes(c)) level++;
      else if (close.includes(c)) level--;
      else if (c === sep && level === 1) {
        out.push(val.slice(last, i));
        last = i + 1;
      }
    }
  }
  if (last < val.length - 1) out.push(val.slice(last, -1));
  return out;
}

const TEXT_ESCAPE = /\\(\\|n|r|t|x[0-9a-fA-F]{2})/g;

export function unescapeText(v: string): string {
  if (!v.includes('\\')) return v;
  return v.replace(TEXT_ESCAPE, (_, e: string) => {
    if (e === '\\') return '\\';
    if (e === 'n') return '\n';
    if (e === 'r') return '\r';
    if (e === 't') return '\t';
    return String.fromCharCode(parseInt(e.slice(1), 16));
  });
}

function pyRepr(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replaceAll("'", "\\'")}'`;
}

function numText(v: string, o: ConvertOptions): string {
  let s = v;
  if (o.thousandsSep) s = s.replaceAll(o.thousandsSep, '');
  if (o.decimalSep) s = s.replaceAll(o.decimalSep, '.');
  return s;
}

function parseInteger(v: string, o: ConvertOptions): bigint {
  const s = (o.thousandsSep ? v.replaceAll(o.thousandsSep, '') : v).trim().replace(/(?<=\d)_(?=\d)/g, '');
  if (!/^[+-]?\d+$/.test(s)) throw new ParseError(`invalid literal for int() with base 10: ${pyRepr(v)}`);
  return BigInt(s);
}

function intRange(n: bigint, bits: number): bigint {
  const max = (1n << BigInt(bits - 1)) - 1n;
  if (n > max || n < -max - 1n) {
    const fmt = bits === 8 ? 'b' : bits === 16 ? 'h' : bits === 32 ? 'i' : 'q';
    throw new ParseError(`'${fmt}' format requires ${-max - 1n} <= number <= ${max}`);
  }
  return n;
}

function parseFloating(v: string): number {
  const s = v
    .trim()
    .toLowerCase()
    .replace(/(?<=\d)_(?=\d)/g, '');
  if (/^[+-]?(inf|infinity)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(s)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) throw new ParseError(`could not convert string to float: ${pyRepr(v)}`);
  return Number(s);
}

function parseDecimal(v: string): CqlDecimal {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(v.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new ParseError("[<class 'decimal.ConversionSyntax'>]");
  const frac = m[3] ?? '';
  const unscaled = BigInt((m[1] === '-' ? '-' : '') + (m[2] + frac || '0'));
  return new CqlDecimal(unscaled, frac.length - Number(m[4] ?? 0));
}

function parseUuid(v: string): string {
  const hex = v
    .trim()
    .replace(/^urn:uuid:/i, '')
    .replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new ParseError('badly formed hexadecimal UUID string');
  const h = hex.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function parseBlob(v: string): Uint8Array {
  const hex = v.slice(2).replace(/\s+/g, '');
  const bad = hex.search(/[^0-9a-fA-F]/);
  if (bad >= 0 || hex.length % 2) {
    throw new ParseError(`non-hexadecimal number found in fromhex() arg at position ${bad >= 0 ? bad : hex.length}`);
  }
  return Buffer.from(hex, 'hex');
}

const TS = /^(-?\d{1,9})-(\d{1,2})-(\d{1,2})(?:(?:\s|T|'T')(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(?:(Z|UTC|GMT)|([+-])(\d{2}):?(\d{2}))?$/;

/** A timestamp in the DATETIMEFORMAT, a CQL timestamp literal, or milliseconds since the epoch. */
export function parseTimestamp(v: string, format: string): CqlTimestamp {
  const s = v.trim();
  const m = TS.exec(s) ?? strptimeAsIso(s, format);
  if (!m) {
    if (/^[+-]?\d+$/.test(s)) return new CqlTimestamp(BigInt(s));
    throw new ParseError(`can't interpret ${pyRepr(v)} as a date with format ${format} or as int`);
  }
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  const secs = BigInt(days) * 86400n + BigInt(Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0));
  const ms = m[7] ? BigInt(m[7].padEnd(3, '0').slice(0, 3)) : 0n;
  let offset = 0;
  if (m[9]) offset = (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 3600 + Number(m[11]) * 60);
  return new CqlTimestamp((secs - BigInt(offset)) * 1000n + ms);
}

/** A DATETIMEFORMAT made of %Y %m %d %H %M %S %f %z and literals, matched into TS's groups. */
function strptimeAsIso(s: string, format: string): RegExpExecArray | null {
  const groups: Record<string, string> = {
    Y: '(-?\\d{4})',
    m: '(\\d{1,2})',
    d: '(\\d{1,2})',
    H: '(\\d{1,2})',
    M: '(\\d{1,2})',
    S: '(\\d{1,2})',
    f: '(\\d{1,6})',
    z: '(?:(Z)|([+-])(\\d{2}):?(\\d{2}))',
  };
  const order: string[] = [];
  let re = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '%' && i + 1 < format.length) {
      const k = format[++i];
      if (k === '%') re += '%';
      else if (groups[k]) {
        re += groups[k];
        order.push(k);
      } else return null;
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const m = new RegExp(`^${re}$`).exec(s);
  if (!m) return null;
  const out: string[] = [m[0], '', '', '', '', '', '', '', '', '', '', ''];
  const slot: Record<string, number> = { Y: 1, m: 2, d: 3, H: 4, M: 5, S: 6, f: 7 };
  let g = 1;
  for (const k of order) {
    if (k === 'z') {
      out[8] = m[g] ?? '';
      out[9] = m[g + 1] ?? '';
      out[10] = m[g + 2] ?? '';
      out[11] = m[g + 3] ?? '';
      g += 4;
    } else out[slot[k]] = m[g++];
  }
  if (!out[1] || !out[2] || !out[3]) return null;
  const r = out.map((x) => (x === '' ? undefined : x)) as unknown as RegExpExecArray;
  return r;
}

function parseDate(v: string): CqlDate {
  const s = v.trim();
  const m = /^(-?\d+)-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return new CqlDate(daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])));
  if (/^-?\d+$/.test(s)) return new CqlDate(Number(s));
  throw new ParseError(`Could not parse date string: ${pyRepr(v)}`);
}

function parseTime(v: string): bigint {
  const s = v.trim();
  const m = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/.exec(s);
  if (m) {
    const [h, mi, se] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (h > 23 || mi > 59 || se > 59) throw new ParseError(`Timestamp format was not understood: ${pyRepr(v)}`);
    return BigInt((h * 60 + mi) * 60 + se) * 1_000_000_000n + BigInt((m[4] ?? '').padEnd(9, '0'));
  }
  if (/^\d+$/.test(s)) return BigInt(s);
  throw new ParseError(`Timestamp format was not understood: ${pyRepr(v)}`);
}

const DURATION_UNITS: Record<string, [months: number, days: number, nanos: bigint]> = {
  y: [12, 0, 0n],
  mo: [1, 0, 0n],
  w: [0, 7, 0n],
  d: [0, 1, 0n],
  h: [0, 0, 3_600_000_000_000n],
  m: [0, 0, 60_000_000_000n],
  s: [0, 0, 1_000_000_000n],
  ms: [0, 0, 1_000_000n],
  us: [0, 0, 1000n],
  µs: [0, 0, 1000n],
  ns: [0, 0, 1n],
};

function parseDuration(v: string): CqlDuration {
  let s = v.trim().toLowerCase();
  const neg = s.startsWith('-');
  if (neg) s = s.slice(1);
  const re = /(\d+)(mo|ms|us|µs|ns|y|w|d|h|m|s)/gy;
  let months = 0;
  let days = 0;
  let nanos = 0n;
  let pos = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const [mo, d, n] = DURATION_UNITS[m[2]];
    const k = BigInt(m[1]);
    months += mo * Number(k);
    days += d * Number(k);
    nanos += n * k;
    pos = re.lastIndex;
  }
  if (pos === 0 || pos !== s.length) throw new ParseError(`Unable to convert '${v}' to a duration`);
  return neg ? new CqlDuration(-months, -days, -nanos) : new CqlDuration(months, days, nanos);
}
