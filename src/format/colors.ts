// ANSI colors used by cqlsh for values, column headers and messages.

import type { Column } from '../cql/types.js';

export const RED = '\x1b[0;1;31m';
export const GREEN = '\x1b[0;1;32m';
export const YELLOW = '\x1b[0;1;33m';
export const BLUE = '\x1b[0;1;34m';
export const MAGENTA = '\x1b[0;1;35m';
export const CYAN = '\x1b[0;1;36m';
export const WHITE = '\x1b[0;1;37m';
export const DARK_MAGENTA = '\x1b[0;35m';
export const ANSI_RESET = '\x1b[0m';

/** What a piece of formatted output is, which picks its color. */
export type ColorKey =
  'text' | 'error' | 'blob' | 'timestamp' | 'date' | 'time' | 'int' | 'float' | 'decimal' | 'inet' | 'boolean' | 'uuid' | 'duration' | 'collection';

export interface ColorMap {
  text: string;
  error: string;
  /** escapes inside text (\n, \x01, ...) */
  blob: string;
  timestamp: string;
  date: string;
  time: string;
  int: string;
  float: string;
  decimal: string;
  inet: string;
  boolean: string;
  uuid: string;
  duration: string;
  collection: string;
  reset: string;
}

export const VALUE_COLORS: ColorMap = {
  text: YELLOW,
  error: RED,
  blob: DARK_MAGENTA,
  timestamp: GREEN,
  date: GREEN,
  time: GREEN,
  int: GREEN,
  float: GREEN,
  decimal: GREEN,
  inet: GREEN,
  boolean: GREEN,
  uuid: GREEN,
  duration: GREEN,
  collection: BLUE,
  reset: ANSI_RESET,
};

/** The colors a header name is drawn with: the role's color, escapes dark magenta. */
export function headerColors(role: Column['role']): ColorMap {
  const main = role === 'partition_key' ? RED : role === 'clustering' ? CYAN : role === 'static' ? WHITE : MAGENTA;
  const colors = { ...VALUE_COLORS };
  for (const key of Object.keys(colors) as (keyof ColorMap)[]) colors[key] = main;
  colors.error = RED;
  colors.blob = DARK_MAGENTA;
  colors.reset = ANSI_RESET;
  return colors;
}

/** `text` wrapped in `color` when coloring is on (cqlsh's applycolor for messages). */
export function applyColor(text: string, color: string | undefined, enabled: boolean): string {
  return enabled && color ? color + text + ANSI_RESET : text;
}
