// Value formatting, cqlsh 6.2 style.

export * from './colors.js';
export type { Formatted } from './formatted.js';
export { padEnd, padStart, tinted } from './formatted.js';
export * from './options.js';
export { formatColumnName, formatRow, formatValue } from './value.js';
export { displayWidth, codePointLength } from './width.js';
export { formatFloating, formatG, decimalToString } from './numbers.js';
export {
  DEFAULT_TIMESTAMP_FORMAT,
  TIMESTAMP_OVERFLOW_WARNING,
  formatDate,
  formatDuration,
  formatTime,
  formatTimestamp,
  timestampInRange,
} from './time.js';
export { isKnownTimeZone } from './tz.js';
export { escapeText } from './text.js';
