// Text values: backslashes doubled, control characters shown as Python escapes (\n, \t, \x01),
// quotes doubled and the whole quoted inside collections. With colors the escapes stand out in
// dark magenta and a doubled backslash is shown single (so it is one cell narrower).

import type { ColorMap } from './colors.js';
import type { Formatted } from './formatted.js';
import { codePointLength, displayWidth } from './width.js';

const NAMED_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function controlEscape(ch: string): string {
  return NAMED_ESCAPES[ch] ?? '\\x' + ch.charCodeAt(0).toString(16).padStart(2, '0');
}

// C0, DEL, C1 and NO-BREAK SPACE: what cqlsh escapes in text values
const TEXT_CONTROLS = /[\x00-\x1f\x7f-\xa0]/g;
// what it escapes in values it shows through str(): also the Latin-1 range Python won't print
const DEFAULT_CONTROLS = /[\x00-\x1f\x7f-\xa0\xad]/g;

/** The escaped (and, inside collections, quoted) form of a text value. */
const PLAIN = /[\\\x00-\x1f\x7f-\xa0]/;
const PLAIN_QUOTED = /[\\'\x00-\x1f\x7f-\xa0]/;

export function escapeText(value: string, quote: boolean): string {
  // most text needs nothing escaped: one scan instead of three replacements
  if (!(quote ? PLAIN_QUOTED : PLAIN).test(value)) return quote ? `'${value}'` : value;
  let s = value.replaceAll('\\', '\\\\');
  if (quote) s = s.replaceAll("'", "''");
  s = s.replace(TEXT_CONTROLS, controlEscape);
  return quote ? `'${s}'` : s;
}

// an escape sequence produced above, or a doubled backslash
const ESCAPE_BITS = /\\([^uUx]|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8})/gu;

function countDoubledBackslashes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\\\\'); i >= 0; i = s.indexOf('\\\\', i + 2)) n++;
  return n;
}

/** Colors already-escaped text: escapes in the blob color, doubled backslashes shown single. */
export function colorText(escaped: string, colors: ColorMap | null, width: number): Formatted {
  if (!colors) return { text: escaped, colored: escaped, width };
  const body = escaped.replace(ESCAPE_BITS, (bit) => (bit === '\\\\' ? '\\' : colors.blob + bit + colors.text));
  return {
    text: escaped,
    colored: colors.text + body + colors.reset,
    width: colors.text ? width - countDoubledBackslashes(escaped) : width,
  };
}

/** A text/ascii/varchar value (or a column or field name, with quote false). */
export function formatText(value: string, colors: ColorMap | null, quote: boolean): Formatted {
  const escaped = escapeText(value, quote);
  return colorText(escaped, colors, displayWidth(escaped));
}

/** cqlsh's fallback for values without a formatter of their own: str() then escaped. */
export function formatDefault(value: string, colors: ColorMap | null): Formatted {
  const escaped = value.replaceAll('\\', '\\\\').replace(DEFAULT_CONTROLS, controlEscape);
  return colorText(escaped, colors, codePointLength(escaped));
}
