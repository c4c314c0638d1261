// Collections, tuples, vectors and UDTs: elements formatted with quotes where their type quotes,
// joined with blue brackets and separators when colored. The width cqlsh assigns them counts
// 2 cells per element for brackets and ", " (4 per entry for maps and UDTs, with ": "), so an
// empty collection is taken to be 0 cells wide although it prints as "[]" — reproduced as is.

import type { CqlType, CqlValue } from '../cql/types.js';
import type { ColorMap } from './colors.js';
import type { Formatted } from './formatted.js';
import { sortedMapEntries, sortedSetItems } from './pyorder.js';
import { formatText } from './text.js';

export type SubFormatter = (value: CqlValue, type: CqlType) => Formatted;

function punct(s: string, colors: ColorMap | null): string {
  return colors ? colors.collection + s + colors.reset : s;
}

/** list, set, tuple and vector: `open` a, b `close`. */
export function formatSequence(items: CqlValue[], types: CqlType[], open: string, close: string, colors: ColorMap | null, sub: SubFormatter): Formatted {
  const subs = items.map((v, i) => sub(v, types[i]));
  return {
    text: open + subs.map((s) => s.text).join(', ') + close,
    colored: colors
      ? punct(open, colors) + subs.map((s) => s.colored).join(punct(', ', colors)) + punct(close, colors)
      : open + subs.map((s) => s.text).join(', ') + close,
    width: 2 * subs.length + subs.reduce((n, s) => n + s.width, 0),
  };
}

/** A list of text values, as formatSequence formats them (each quoted and escaped): a large read's fast path. */
export function formatTextList(items: string[], colors: ColorMap | null): Formatted {
  return formatSequence(items, [], '[', ']', colors, (v) => formatText(v as string, colors, true));
}

function formatPairs(pairs: [Formatted, Formatted][], colors: ColorMap | null): Formatted {
  const text = '{' + pairs.map(([k, v]) => `${k.text}: ${v.text}`).join(', ') + '}';
  return {
    text,
    colored: colors
      ? punct('{', colors) + pairs.map(([k, v]) => k.colored + punct(': ', colors) + v.colored).join(punct(', ', colors)) + punct('}', colors)
      : text,
    width: 4 * pairs.length + pairs.reduce((n, [k, v]) => n + k.width + v.width, 0),
  };
}

export function formatSet(items: CqlValue[], element: CqlType, colors: ColorMap | null, sub: SubFormatter): Formatted {
  const sorted = sortedSetItems(items, element);
  return formatSequence(
    sorted,
    sorted.map(() => element),
    '{',
    '}',
    colors,
    sub,
  );
}

export function formatMap(entries: [CqlValue, CqlValue][], keyType: CqlType, valueType: CqlType, colors: ColorMap | null, sub: SubFormatter): Formatted {
  const sorted = sortedMapEntries(entries, keyType, valueType);
  return formatPairs(
    sorted.map(([k, v]) => [sub(k, keyType), sub(v, valueType)]),
    colors,
  );
}

/** A UDT: {name: value, ...} with bare field names; null fields show as the null text. */
export function formatUdt(
  values: CqlValue[],
  fields: { name: string; type: CqlType }[],
  colors: ColorMap | null,
  nullField: () => Formatted,
  sub: SubFormatter,
): Formatted {
  const pairs = fields.map((f, i): [Formatted, Formatted] => {
    const v = values[i] ?? null;
    return [formatText(f.name, colors, false), v === null ? nullField() : sub(v, f.type)];
  });
  return formatPairs(pairs, colors);
}
