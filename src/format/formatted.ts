// A formatted value: its plain text, its ANSI-colored text and the width it takes on a terminal.
// Padding works on the width, never on the string length, so that wide characters line up and
// color escape codes take no room.

import type { ColorKey, ColorMap } from './colors.js';
import { codePointLength } from './width.js';

export interface Formatted {
  /** the text as cqlsh prints it without colors */
  text: string;
  /** the text with ANSI colors (equal to `text` when coloring is off) */
  colored: string;
  /** terminal cells the value is taken to fill (cqlsh's rule, which may differ from the truth) */
  width: number;
  /** set when the value could not be formatted: the message cqlsh prints after the row count */
  error?: string;
}

/** A piece of text in one color; its width is its length in code points unless given. */
export function tinted(text: string, colors: ColorMap | null, key: ColorKey, width?: number): Formatted {
  return {
    text,
    colored: colors ? colors[key] + text + colors.reset : text,
    width: width ?? codePointLength(text),
  };
}

function padding(f: Formatted, width: number): string {
  return width > f.width ? ' '.repeat(width - f.width) : '';
}

/** Left-aligned in `width` cells (Python's str.ljust, by display width). */
export function padEnd(f: Formatted, width: number, color: boolean): string {
  return (color ? f.colored : f.text) + padding(f, width);
}

/** Right-aligned in `width` cells (Python's str.rjust, by display width). */
export function padStart(f: Formatted, width: number, color: boolean): string {
  return padding(f, width) + (color ? f.colored : f.text);
}
