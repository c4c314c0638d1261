// Display settings for values, with cqlsh 6.2's defaults.

import { DEFAULT_TIMESTAMP_FORMAT } from './time.js';

export interface FormatOptions {
  /** ANSI colors on (cqlsh --color / [ui] color) */
  color: boolean;
  /** significant digits for float values, and for floats and doubles inside collections ([ui] float_precision, 5) */
  floatPrecision: number;
  /** significant digits for double columns ([ui] double_precision, 5) */
  doublePrecision: number;
  /** strftime format for timestamps ([ui] time_format) */
  timestampFormat: string;
  /** IANA zone timestamps are shown in (TZ, or [ui] timezone); undefined shows UTC */
  timezone?: string;
  /** how a null shows ('null'; COPY TO uses its NULL option) */
  nullText: string;
  /** COPY TO's DECIMALSEP, THOUSANDSSEP and BOOLSTYLE options; unset for display */
  decimalSep?: string;
  thousandsSep?: string;
  booleanStyles?: [trueText: string, falseText: string];
  /** round timestamp fractions to milliseconds (COPY TO) */
  millisecondsOnly?: boolean;
}

export const DEFAULT_FORMAT_OPTIONS: Readonly<FormatOptions> = Object.freeze({
  color: false,
  floatPrecision: 5,
  doublePrecision: 5,
  timestampFormat: DEFAULT_TIMESTAMP_FORMAT,
  nullText: 'null',
});

export function formatOptions(overrides: Partial<FormatOptions> = {}): FormatOptions {
  return { ...DEFAULT_FORMAT_OPTIONS, ...overrides };
}
