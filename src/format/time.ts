// Timestamps, dates, times and durations as cqlsh shows them.
//
// Timestamps go the way the Python driver takes them: milliseconds / 1000.0 as a float, turned
// into a datetime with microsecond rounding (so far-away instants show rounding noise, e.g.
// 9999-12-31 23:59:59.998993), printed with the time format in the display time zone (UTC by
// default). Instants Python's datetime cannot hold (before year 1, after 9999) print as the raw
// millisecond count. An instant whose local time in the display zone leaves that range fails
// to format ("date value out of range").

import { civilFromDays, MAX_DAY, MIN_DAY } from './civil.js';
import { FormatFailure } from './failure.js';
import { strftime, type WallTime } from './strftime.js';
import { utcOffsetSeconds, zoneAbbreviation } from './tz.js';

export const DEFAULT_TIMESTAMP_FORMAT = '%Y-%m-%d %H:%M:%S.%f%z';

/**
 * What cqlsh writes to stderr (once per session, as a Python warning prefixed with its source
 * location and "DateOverFlowWarning: ") when a result holds a timestamp it shows as milliseconds.
 */
export const TIMESTAMP_OVERFLOW_WARNING = 'Some timestamps are larger than Python datetime can represent. Timestamps are displayed in milliseconds from epoch.';

const US_PER_SECOND = 1_000_000n;
const US_PER_DAY = 86_400n * US_PER_SECOND;
const MIN_US = BigInt(MIN_DAY) * US_PER_DAY;
const MAX_US = BigInt(MAX_DAY + 1) * US_PER_DAY - 1n;

function roundHalfEvenWithParity(left: number, accumulatedOdd: boolean): number {
  let whole = Math.sign(left) * Math.round(Math.abs(left));
  if (Math.abs(whole - left) === 0.5) {
    const odd = accumulatedOdd ? 1 : 0;
    whole = 2 * Math.sign(left + odd) * Math.round(Math.abs((left + odd) * 0.5)) - odd;
  }
  return whole;
}

/**
 * Microseconds since the epoch of the datetime the Python driver makes of a timestamp, or null
 * when Python's datetime cannot represent it (the driver then hands cqlsh the raw milliseconds).
 */
export function timestampMicros(millis: bigint): bigint | null {
  if (millis > 9_007_199_254_740_991n || millis < -9_007_199_254_740_991n) return null;
  const seconds = Number(millis) / 1000;
  const whole = Math.trunc(seconds);
  const frac = seconds - whole;
  let us = BigInt(whole) * US_PER_SECOND;
  if (frac !== 0) {
    const scaled = 1e6 * frac;
    const scaledWhole = Math.trunc(scaled);
    us += BigInt(scaledWhole);
    const left = scaled - scaledWhole;
    if (left !== 0) us += BigInt(roundHalfEvenWithParity(left, (us & 1n) === 1n));
  }
  return us < MIN_US || us > MAX_US ? null : us;
}

/**
 * Below 2^32 seconds either side of the epoch (1833 to 2106) a double holds millis / 1000 to
 * within 2^-22 s, far below half a microsecond, so timestampMicros is exactly millis × 1000
 * (test/unit/format-fast.test.ts checks it).
 */
export const EXACT_MILLIS = 4_294_967_296_000n;

/** True when cqlsh can show the timestamp as a date (otherwise it shows the milliseconds). */
export function timestampInRange(millis: bigint): boolean {
  return timestampMicros(millis) !== null;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

interface Broken {
  days: number;
  secondOfDay: number;
  microsecond: number;
}

function breakMicros(us: bigint): Broken {
  const secs = floorDiv(us, US_PER_SECOND);
  const microsecond = Number(us - secs * US_PER_SECOND);
  const days = Number(floorDiv(secs, 86_400n));
  return { days, secondOfDay: Number(secs - BigInt(days) * 86_400n), microsecond };
}

/** Python's repr of the naive datetime the driver returned, for error messages. */
export function datetimeRepr(us: bigint): string {
  const { days, secondOfDay, microsecond } = breakMicros(us);
  const d = civilFromDays(days);
  const parts = [d.year, d.month, d.day, Math.floor(secondOfDay / 3600), Math.floor(secondOfDay / 60) % 60];
  const second = secondOfDay % 60;
  if (second || microsecond) parts.push(second);
  if (microsecond) parts.push(microsecond);
  return `datetime.datetime(${parts.join(', ')})`;
}

export interface TimestampOptions {
  /** strftime format; cqlsh's default is DEFAULT_TIMESTAMP_FORMAT */
  format: string;
  /** IANA zone to show timestamps in; undefined shows UTC (with +0000 and "UTC") */
  timezone?: string;
  /** round the fraction to milliseconds (as COPY TO does) */
  millisecondsOnly?: boolean;
}

/**
 * The text of a timestamp, or the millisecond count when out of range. Throws FormatFailure when
 * the time in the display zone cannot be represented.
 */
export function formatTimestamp(millis: bigint, opts: TimestampOptions): string {
  let utc: Broken;
  if (millis > -EXACT_MILLIS && millis < EXACT_MILLIS) {
    // here the driver's float seconds round back to exactly millis × 1000 microseconds
    const ms = Number(millis);
    const secs = Math.floor(ms / 1000);
    const days = Math.floor(secs / 86400);
    utc = { days, secondOfDay: secs - days * 86400, microsecond: (ms - secs * 1000) * 1000 };
  } else {
    const us = timestampMicros(millis);
    if (us === null) return millis.toString();
    utc = breakMicros(us);
  }
  const epochSeconds = utc.days * 86400 + utc.secondOfDay;
  let offset = 0;
  let zoneName = 'UTC';
  if (opts.timezone) {
    offset = utcOffsetSeconds(opts.timezone, epochSeconds);
    const localDays = Math.floor((epochSeconds + offset) / 86400);
    if (localDays < MIN_DAY || localDays > MAX_DAY) throw new FormatFailure('date value out of range');
    zoneName = zoneAbbreviation(opts.timezone, epochSeconds, offset);
  }
  const local = epochSeconds + offset;
  const days = Math.floor(local / 86400);
  const sod = local - days * 86400;
  const d = civilFromDays(days);
  const wall: WallTime = {
    ...d,
    hour: Math.floor(sod / 3600),
    minute: Math.floor(sod / 60) % 60,
    second: sod % 60,
    microsecond: utc.microsecond,
    offset,
    zoneName,
  };
  const text = strftime(opts.format, wall);
  return opts.millisecondsOnly ? roundToMilliseconds(text) : text;
}

const MS_PER_DAY = 86_400_000;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * formatTimestamp for the default format in UTC (cqlsh's usual output, and COPY TO's), made once
 * per column: the date part is kept while the day does not change (a large read's timestamps
 * are often close together). undefined where the general path must answer (out of years 1-9999,
 * or beyond EXACT_MILLIS). Same text (test/unit/format-fast.test.ts).
 */
export function utcDefaultTimestamp(millisecondsOnly = false): (millis: bigint) => string | undefined {
  let day = NaN;
  let date = '';
  const tail = millisecondsOnly ? '+0000' : '000+0000';
  return (millis) => {
    if (millis <= -EXACT_MILLIS || millis >= EXACT_MILLIS) return undefined;
    const ms = Number(millis);
    const days = Math.floor(ms / MS_PER_DAY);
    if (days !== day) {
      if (days < MIN_DAY || days > MAX_DAY) return undefined;
      const d = civilFromDays(days);
      date = `${String(d.year).padStart(4, '0')}-${TWO[d.month]}-${TWO[d.day]} `;
      day = days;
    }
    const inDay = ms - days * MS_PER_DAY;
    const secs = Math.floor(inDay / 1000);
    return `${date}${TWO[Math.floor(secs / 3600)]}:${TWO[Math.floor(secs / 60) % 60]}:${TWO[secs % 60]}.${THREE[inDay - secs * 1000]}${tail}`;
  };
}

/** COPY TO's rounding of the first ".NNNNNN" fraction to ".NNN" (truncating, in fact). */
export function roundToMilliseconds(text: string): string {
  // the usual case, the last "." followed by six digits: keep the first three (the same as below)
  const k = text.lastIndexOf('.');
  if (k >= 0 && k + 6 < text.length && /^\d{6}$/.test(text.slice(k + 1, k + 7))) return text.slice(0, k + 4) + text.slice(k + 7);
  const m = /^(.*)\.(\d{1,6})(.*)$/s.exec(text);
  if (!m) return text;
  const ms = Math.floor(Number(m[2]) * 10 ** (3 - m[2].length));
  return `${m[1]}.${String(ms).padStart(3, '0')}${m[3]}`;
}

/** A date (days since the epoch): YYYY-MM-DD in years 1-9999, otherwise the day count. */
export function formatDate(days: number): string {
  if (days < MIN_DAY || days > MAX_DAY) return String(days);
  const d = civilFromDays(days);
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A time of day (nanoseconds since midnight): HH:MM:SS.nnnnnnnnn. */
export function formatTime(nanos: bigint): string {
  const p2 = (n: bigint) => n.toString().padStart(2, '0');
  const hours = nanos / 3_600_000_000_000n;
  const minutes = (nanos / 60_000_000_000n) % 60n;
  const seconds = (nanos / 1_000_000_000n) % 60n;
  const frac = nanos % 1_000_000_000n;
  return `${p2(hours)}:${p2(minutes)}:${p2(seconds)}.${frac.toString().padStart(9, '0')}`;
}

const NANOS_PER_MICRO = 1000n;
const NANOS_PER_MILLI = 1000n * NANOS_PER_MICRO;
const NANOS_PER_SECOND = 1000n * NANOS_PER_MILLI;
const NANOS_PER_MINUTE = 60n * NANOS_PER_SECOND;
const NANOS_PER_HOUR = 60n * NANOS_PER_MINUTE;

/** A duration as cqlsh writes it: 1y2mo3d4h5m6s7ms8us9ns, '-' first when any part is negative. */
export function formatDuration(months: number, days: number, nanoseconds: bigint): string {
  const out: string[] = [];
  if (months < 0 || days < 0 || nanoseconds < 0n) out.push('-');
  const put = (amount: bigint, unit: bigint, suffix: string): bigint => {
    if (amount === 0n || amount < unit) return amount;
    out.push((amount / unit).toString(), suffix);
    return amount % unit;
  };
  const abs = (n: bigint) => (n < 0n ? -n : n);
  const monthsLeft = put(abs(BigInt(months)), 12n, 'y');
  put(monthsLeft, 1n, 'mo');
  put(abs(BigInt(days)), 1n, 'd');
  if (nanoseconds !== 0n) {
    let rest = put(abs(nanoseconds), NANOS_PER_HOUR, 'h');
    rest = put(rest, NANOS_PER_MINUTE, 'm');
    rest = put(rest, NANOS_PER_SECOND, 's');
    rest = put(rest, NANOS_PER_MILLI, 'ms');
    rest = put(rest, NANOS_PER_MICRO, 'us');
    put(rest, 1n, 'ns');
  }
  return out.join('');
}
