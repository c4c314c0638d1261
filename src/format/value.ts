// formatValue: one CQL value to the text (and colored text, and width) cqlsh 6.2 prints for it.
//
// A null column shows as "null". Inside a tuple a null element goes through the element type's
// formatter, as in cqlsh: most print "None", some quoted ('None' for inet and timestamp), and
// ascii, blob, duration, float, double and collection elements make the whole value fail, which
// shows its Python repr in red and reports "Failed to format value ..." (Formatted.error).
// An empty (zero-length) value of a type that has no empty form — passed as an empty
// Uint8Array — shows as nothing, as cqlsh's EMPTY.

import { CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, type Column, type CqlType, type CqlValue } from '../cql/types.js';
import { headerColors, VALUE_COLORS, type ColorKey, type ColorMap } from './colors.js';
import { formatMap, formatSequence, formatSet, formatTextList, formatUdt } from './collections.js';
import { FormatFailure } from './failure.js';
import { tinted, type Formatted } from './formatted.js';
import { decimalToString, formatF, formatFloating, groupThousands } from './numbers.js';
import { DEFAULT_FORMAT_OPTIONS, type FormatOptions } from './options.js';
import { pyRepr } from './pyvalues.js';
import { escapeText, formatDefault, formatText } from './text.js';
import { DEFAULT_TIMESTAMP_FORMAT, formatDate, formatDuration, formatTime, formatTimestamp, utcDefaultTimestamp } from './time.js';
import { codePointLength } from './width.js';

interface Ctx {
  opts: FormatOptions;
  colors: ColorMap | null;
  precision: number;
  /** below a UDT, element types come from schema metadata, where text is "text" (whose formatter fails on None), never "varchar" */
  inUdt: boolean;
}

const BYTES_KINDS = new Set(['blob', 'custom', 'empty', 'ascii', 'text', 'varchar']);

function none(ctx: Ctx, key: ColorKey): Formatted {
  return tinted('None', ctx.colors, key);
}

function failNone(message: string): never {
  throw new FormatFailure(message);
}

function hex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

function formatInteger(v: number | bigint | null, ctx: Ctx): Formatted {
  const sep = ctx.opts.thousandsSep;
  if (v === null) {
    if (sep) failNone('unsupported format string passed to NoneType.__format__');
    return tinted('None', ctx.colors, 'int');
  }
  const text = sep ? groupThousands(formatF(Number(v), 0), sep) : String(v);
  return tinted(text, ctx.colors, 'int');
}

function bytesToPyStr(b: Uint8Array): string {
  return pyRepr(b, { kind: 'blob' });
}

/** Formats a value nested in a collection (quote true) or a whole column value (quote false). */
function formatAny(v: CqlValue, t: CqlType, ctx: Ctx, quote: boolean): Formatted {
  const { colors } = ctx;
  if (v instanceof Uint8Array && v.length === 0 && !BYTES_KINDS.has(t.kind)) return formatDefault('', colors);
  const nested = (x: CqlValue, xt: CqlType) => formatAny(x, xt, ctx, true);
  switch (t.kind) {
    case 'ascii':
    case 'text':
    case 'varchar':
      if (v === null) {
        if (t.kind === 'ascii' || ctx.inUdt) failNone("'NoneType' object has no attribute 'replace'");
        return formatDefault('None', colors);
      }
      return formatText(String(v), colors, quote);
    case 'int':
    case 'bigint':
    case 'varint':
      return formatInteger(v as number | bigint | null, ctx);
    case 'smallint':
    case 'tinyint':
    case 'counter':
      return v === null ? formatDefault('None', colors) : formatInteger(v as number | bigint, ctx);
    case 'float':
    case 'double':
      if (v === null) failNone('must be real number, not NoneType');
      return tinted(formatFloating(Number(v), ctx.precision, ctx.opts.decimalSep, ctx.opts.thousandsSep), colors, 'float');
    case 'decimal': {
      const { decimalSep, thousandsSep } = ctx.opts;
      const asFloat = (decimalSep && decimalSep !== '.') || thousandsSep;
      if (v === null) {
        if (asFloat) failNone('must be real number, not NoneType');
        return none(ctx, 'decimal');
      }
      const d = v as CqlDecimal;
      const text = decimalToString(d.unscaled, d.scale);
      if (asFloat) {
        return tinted(formatFloating(Number(text), ctx.precision, decimalSep, thousandsSep), colors, 'float');
      }
      return tinted(text, colors, 'decimal');
    }
    case 'boolean': {
      const styles = ctx.opts.booleanStyles;
      if (styles) return tinted(v ? styles[0] : styles[1], colors, 'boolean');
      return v === null ? none(ctx, 'boolean') : tinted(v ? 'True' : 'False', colors, 'boolean');
    }
    case 'uuid':
    case 'timeuuid':
      return v === null ? none(ctx, 'uuid') : tinted(String(v), colors, 'uuid');
    case 'inet': {
      const text = v === null ? 'None' : String(v);
      return tinted(quote ? `'${text}'` : text, colors, 'inet');
    }
    case 'blob':
      if (v === null) failNone("'NoneType' object has no attribute 'hex'");
      return tinted('0x' + hex(v as Uint8Array), colors, 'blob');
    case 'timestamp': {
      const text =
        v === null
          ? 'None'
          : formatTimestamp((v as CqlTimestamp).millis, {
              format: ctx.opts.timestampFormat,
              timezone: ctx.opts.timezone,
              millisecondsOnly: ctx.opts.millisecondsOnly,
            });
      return tinted(quote ? `'${text}'` : text, colors, 'timestamp');
    }
    case 'date':
      return tinted(v === null ? 'None' : formatDate((v as CqlDate).days), colors, 'date');
    case 'time':
      return tinted(v === null ? 'None' : formatTime(BigInt(v as bigint)), colors, 'time');
    case 'duration': {
      if (v === null) failNone("'NoneType' object has no attribute 'months'");
      const d = v as CqlDuration;
      return tinted(formatDuration(d.months, d.days, d.nanoseconds), colors, 'duration');
    }
    case 'empty':
      return formatDefault(v === null ? 'None' : '', colors);
    case 'custom':
      return formatDefault(v === null ? 'None' : bytesToPyStr(v as Uint8Array), colors);
    case 'list':
      if (v === null) failNone("object of type 'NoneType' has no len()");
      return formatSequence(
        v as CqlValue[],
        (v as CqlValue[]).map(() => t.element),
        '[',
        ']',
        colors,
        nested,
      );
    case 'vector':
      if (v === null) return formatDefault('None', colors);
      return formatSequence(
        v as CqlValue[],
        (v as CqlValue[]).map(() => t.element),
        '[',
        ']',
        colors,
        nested,
      );
    case 'set':
      if (v === null) failNone("object of type 'NoneType' has no len()");
      return formatSet(v as CqlValue[], t.element, colors, nested);
    case 'tuple':
      if (v === null) failNone("object of type 'NoneType' has no len()");
      return formatSequence(v as CqlValue[], t.elements, '(', ')', colors, nested);
    case 'map':
      if (v === null) failNone("'NoneType' object has no attribute 'items'");
      return formatMap(v as [CqlValue, CqlValue][], t.key, t.value, colors, nested);
    case 'udt': {
      if (v === null) failNone("'NoneType' object has no attribute '_asdict'");
      const inner: Ctx = ctx.inUdt ? ctx : { ...ctx, inUdt: true };
      return formatUdt(
        v as CqlValue[],
        t.fields,
        colors,
        () => tinted(ctx.opts.nullText, colors ?? VALUE_COLORS, 'error'),
        (x, xt) => formatAny(x, xt, inner, true),
      );
    }
  }
}

/**
 * Formats one column value as cqlsh does. Never throws: a value cqlsh cannot format comes back
 * as its Python repr (in red when colored) with `error` set to cqlsh's message.
 */
export function formatValue(value: CqlValue, type: CqlType, opts: FormatOptions = DEFAULT_FORMAT_OPTIONS): Formatted {
  const colors = opts.color ? VALUE_COLORS : null;
  if (value === null) return withColor(opts.nullText, VALUE_COLORS.error, opts.color);
  const ctx: Ctx = {
    opts,
    colors,
    precision: type.kind === 'double' ? opts.doublePrecision : opts.floatPrecision,
    inUdt: false,
  };
  try {
    return formatAny(value, type, ctx, false);
  } catch (e) {
    if (!(e instanceof FormatFailure)) throw e;
    const repr = pyRepr(value, type);
    return { ...withColor(repr, VALUE_COLORS.error, opts.color), error: `Failed to format value ${repr} : ${e.message}` };
  }
}

function withColor(text: string, color: string, on: boolean): Formatted {
  return { text, colored: on ? color + text + VALUE_COLORS.reset : text, width: codePointLength(text) };
}

/** A column header: the name escaped like text, colored by the column's role in the key. */
export function formatColumnName(name: string, role: Column['role'], color: boolean): Formatted {
  return formatText(name, color ? headerColors(role) : null, false);
}

/** Formats a row of values against its columns. */
export function formatRow(values: CqlValue[], columns: Column[], opts: FormatOptions = DEFAULT_FORMAT_OPTIONS): Formatted[] {
  return columns.map((c, i) => formatValue(values[i] ?? null, c.type, opts));
}

type ValueFormatter = (v: CqlValue) => Formatted;
/** a scalar's text, or undefined when the value is not of the usual shape (then the general path) */
type TextOf = (v: CqlValue) => string | undefined;

const TEXT_KINDS = new Set(['ascii', 'text', 'varchar']);

/** The fast path of the common scalar types: their text, color and whether it is ASCII (width = length). */
function scalarText(type: CqlType, opts: FormatOptions): { text: TextOf; key: ColorKey; ascii: boolean } | null {
  const separators = Boolean(opts.thousandsSep || (opts.decimalSep && opts.decimalSep !== '.'));
  switch (type.kind) {
    case 'int':
    case 'bigint':
    case 'varint':
    case 'smallint':
    case 'tinyint':
    case 'counter':
      if (opts.thousandsSep) return null;
      return { text: (v) => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined), key: 'int', ascii: true };
    case 'float':
    case 'double': {
      const precision = type.kind === 'double' ? opts.doublePrecision : opts.floatPrecision;
      return {
        text: (v) => (typeof v === 'number' ? formatFloating(v, precision, opts.decimalSep, opts.thousandsSep) : undefined),
        key: 'float',
        ascii: false,
      };
    }
    case 'decimal':
      if (separators) return null;
      return { text: (v) => (v instanceof CqlDecimal ? decimalToString(v.unscaled, v.scale) : undefined), key: 'decimal', ascii: true };
    case 'boolean': {
      const [yes, no] = opts.booleanStyles ?? ['True', 'False'];
      return { text: (v) => (typeof v === 'boolean' ? (v ? yes : no) : undefined), key: 'boolean', ascii: false };
    }
    case 'uuid':
    case 'timeuuid':
      return { text: (v) => (typeof v === 'string' ? v : undefined), key: 'uuid', ascii: true };
    case 'timestamp': {
      const ts = { format: opts.timestampFormat, timezone: opts.timezone, millisecondsOnly: opts.millisecondsOnly };
      if (!opts.timezone && opts.timestampFormat === DEFAULT_TIMESTAMP_FORMAT) {
        const utc = utcDefaultTimestamp(opts.millisecondsOnly);
        return { text: (v) => (v instanceof CqlTimestamp ? utc(v.millis) : undefined), key: 'timestamp', ascii: true };
      }
      return {
        text: (v) => {
          if (!(v instanceof CqlTimestamp)) return undefined;
          try {
            return formatTimestamp(v.millis, ts);
          } catch {
            return undefined; // the general path reports the failure
          }
        },
        key: 'timestamp',
        ascii: false,
      };
    }
    default:
      return null;
  }
}

/**
 * formatValue for one column's type, made once per result: the common scalar values take a
 * direct path (no context, no exceptions); anything else (null, empty values, collections, the
 * COPY separators) goes through formatValue. Same output (test/unit/format-fast.test.ts).
 */
export function columnFormatter(type: CqlType, opts: FormatOptions = DEFAULT_FORMAT_OPTIONS): ValueFormatter {
  const general: ValueFormatter = (v) => formatValue(v, type, opts);
  const colors = opts.color ? VALUE_COLORS : null;
  if (TEXT_KINDS.has(type.kind)) return (v) => (typeof v === 'string' ? formatText(v, colors, false) : general(v));
  if (isTextList(type)) return (v) => (isStrings(v) ? formatTextList(v, colors) : general(v));
  const fast = scalarText(type, opts);
  if (!fast) return general;
  const { text, key, ascii } = fast;
  return (v) => {
    const t = text(v);
    return t === undefined ? general(v) : tinted(t, colors, key, ascii ? t.length : undefined);
  };
}

/** formatValue(v, type, opts).text for one column's type, without colors or widths (COPY TO, CSV output). */
export function columnText(type: CqlType, opts: FormatOptions = DEFAULT_FORMAT_OPTIONS): (v: CqlValue) => string {
  const plain = { ...opts, color: false };
  const general = (v: CqlValue) => formatValue(v, type, plain).text;
  if (TEXT_KINDS.has(type.kind)) return (v) => (typeof v === 'string' ? escapeText(v, false) : general(v));
  if (isTextList(type)) return (v) => (isStrings(v) ? formatTextList(v, null).text : general(v));
  const fast = scalarText(type, plain);
  if (!fast) return general;
  const { text } = fast;
  return (v) => text(v) ?? general(v);
}

const isTextList = (t: CqlType): boolean => t.kind === 'list' && TEXT_KINDS.has(t.element.kind);
const isStrings = (v: CqlValue): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** formatRow for many rows of the same columns: the column formatters are made once. */
export function rowFormatter(columns: Column[], opts: FormatOptions = DEFAULT_FORMAT_OPTIONS): (values: CqlValue[]) => Formatted[] {
  const fs = columns.map((c) => columnFormatter(c.type, opts));
  const n = fs.length;
  return (values) => {
    const out: Formatted[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v === null || v === undefined ? formatValue(null, columns[i].type, opts) : fs[i](v);
    }
    return out;
  };
}
