// strftime as cqlsh runs it: Python's datetime.strftime, which substitutes %f, %z and %Z itself
// and hands the rest to the C library (glibc, C locale): unpadded %Y for years below 1000, flags
// (- _ 0 ^ #) and field widths, unknown directives copied through.

import { daysFromCivil, isLeapYear } from './civil.js';

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  /** seconds east of UTC */
  offset: number;
  /** zone abbreviation */
  zoneName: string;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Python's rendering of a UTC offset for %z: +HHMM, with :SS seconds appended when present. */
export function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = String(Math.floor((a % 3600) / 60)).padStart(2, '0');
  const ss = a % 60;
  return sign + hh + mm + (ss ? String(ss).padStart(2, '0') : '');
}

function pythonPass(format: string, t: WallTime): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const next = format[++i];
    if (next === 'f') out += String(t.microsecond).padStart(6, '0');
    else if (next === 'z') out += formatOffset(t.offset);
    else if (next === 'Z') out += t.zoneName.replaceAll('%', '%%');
    else out += '%' + next;
  }
  return out;
}

interface Fields extends WallTime {
  weekday: number; // 0 = Sunday
  yearDay: number; // 0-based
}

function isoWeek(f: Fields): { isoYear: number; week: number } {
  const wdayMon = (f.weekday + 6) % 7; // 0 = Monday
  let isoYear = f.year;
  let week = Math.floor((f.yearDay - wdayMon + 10) / 7);
  if (week < 1) {
    isoYear -= 1;
    const prevDays = isLeapYear(isoYear) ? 366 : 365;
    week = Math.floor((f.yearDay + prevDays - wdayMon + 10) / 7);
  } else {
    const days = isLeapYear(f.year) ? 366 : 365;
    if (week === 53 && f.yearDay - wdayMon + 3 >= days) {
      isoYear += 1;
      week = 1;
    }
  }
  return { isoYear, week };
}

type Conv = { num: number; width: number; pad: '0' | ' ' } | { str: string; lowerForHash?: boolean };

function conversion(c: string, f: Fields): Conv | string | null {
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  switch (c) {
    case 'a':
      return { str: DAYS[f.weekday].slice(0, 3) };
    case 'A':
      return { str: DAYS[f.weekday] };
    case 'b':
    case 'h':
      return { str: MONTHS[f.month - 1].slice(0, 3) };
    case 'B':
      return { str: MONTHS[f.month - 1] };
    case 'c':
      return '%a %b %e %H:%M:%S %Y';
    case 'C':
      return { num: Math.floor(f.year / 100), width: 1, pad: '0' };
    case 'd':
      return { num: f.day, width: 2, pad: '0' };
    case 'D':
      return '%m/%d/%y';
    case 'e':
      return { num: f.day, width: 2, pad: ' ' };
    case 'F':
      return '%Y-%m-%d';
    case 'G':
      return { num: isoWeek(f).isoYear, width: 1, pad: '0' };
    case 'g':
      return { num: ((isoWeek(f).isoYear % 100) + 100) % 100, width: 2, pad: '0' };
    case 'H':
      return { num: f.hour, width: 2, pad: '0' };
    case 'I':
      return { num: hour12, width: 2, pad: '0' };
    case 'j':
      return { num: f.yearDay + 1, width: 3, pad: '0' };
    case 'k':
      return { num: f.hour, width: 2, pad: ' ' };
    case 'l':
      return { num: hour12, width: 2, pad: ' ' };
    case 'm':
      return { num: f.month, width: 2, pad: '0' };
    case 'M':
      return { num: f.minute, width: 2, pad: '0' };
    case 'n':
      return { str: '\n' };
    case 'p':
      return { str: f.hour < 12 ? 'AM' : 'PM', lowerForHash: true };
    case 'P':
      return { str: f.hour < 12 ? 'am' : 'pm' };
    case 'r':
      return '%I:%M:%S %p';
    case 'R':
      return '%H:%M';
    case 's': {
      const days = daysFromCivil(f.year, f.month, f.day);
      return { num: days * 86400 + f.hour * 3600 + f.minute * 60 + f.second, width: 1, pad: '0' };
    }
    case 'S':
      return { num: f.second, width: 2, pad: '0' };
    case 't':
      return { str: '\t' };
    case 'T':
      return '%H:%M:%S';
    case 'u':
      return { num: f.weekday === 0 ? 7 : f.weekday, width: 1, pad: '0' };
    case 'U':
      return { num: Math.floor((f.yearDay + 7 - f.weekday) / 7), width: 2, pad: '0' };
    case 'V':
      return { num: isoWeek(f).week, width: 2, pad: '0' };
    case 'w':
      return { num: f.weekday, width: 1, pad: '0' };
    case 'W':
      return { num: Math.floor((f.yearDay + 7 - ((f.weekday + 6) % 7)) / 7), width: 2, pad: '0' };
    case 'x':
      return '%m/%d/%y';
    case 'X':
      return '%H:%M:%S';
    case 'y':
      return { num: f.year % 100, width: 2, pad: '0' };
    case 'Y':
      return { num: f.year, width: 1, pad: '0' };
    case '%':
      return { str: '%' };
    default:
      return null;
  }
}

const SPEC = /%([-_0^#]*)(\d*)([EO]?)(.?)/gs;

function cPass(format: string, f: Fields): string {
  return format.replace(SPEC, (whole, flags: string, widthText: string, _mod: string, c: string) => {
    const conv = c ? conversion(c, f) : null;
    if (conv === null) return whole;
    if (typeof conv === 'string') return cPass(conv, f);
    const width = widthText ? Number(widthText) : 0;
    if ('num' in conv) {
      const neg = conv.num < 0;
      const digits = String(Math.abs(conv.num));
      let pad: string = conv.pad;
      let minWidth = Math.max(conv.width, width);
      if (flags.includes('_')) pad = ' ';
      if (flags.includes('0')) pad = '0';
      if (flags.includes('-')) {
        pad = ' ';
        minWidth = width;
      }
      const body = (neg ? '-' : '') + digits;
      if (pad === '0') return (neg ? '-' : '') + digits.padStart(minWidth - (neg ? 1 : 0), '0');
      return body.padStart(minWidth, ' ');
    }
    let s = conv.str;
    if (flags.includes('^')) s = s.toUpperCase();
    else if (flags.includes('#')) s = conv.lowerForHash ? s.toLowerCase() : s.toUpperCase();
    return s.padStart(width, flags.includes('0') ? '0' : ' ');
  });
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

/** What the common directives make of a wall time, without flags or widths (as cPass would). */
const SIMPLE: Record<string, (t: WallTime) => string> = {
  Y: (t) => String(t.year),
  y: (t) => pad2(((t.year % 100) + 100) % 100),
  m: (t) => pad2(t.month),
  d: (t) => pad2(t.day),
  H: (t) => pad2(t.hour),
  M: (t) => pad2(t.minute),
  S: (t) => pad2(t.second),
  f: (t) => String(t.microsecond).padStart(6, '0'),
  z: (t) => formatOffset(t.offset),
  Z: (t) => t.zoneName,
};

type Compiled = (t: WallTime) => string;
const compiled = new Map<string, Compiled | null>();

/**
 * A format made only of literal text, %% and the directives in SIMPLE, as one function (the
 * default time format is one); null for anything else, which goes the general way.
 */
function compile(format: string): Compiled | null {
  const parts: (string | ((t: WallTime) => string))[] = [];
  let text = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%') {
      text += ch;
      continue;
    }
    const next = format[++i];
    if (next === '%') text += '%';
    else if (next !== undefined && Object.hasOwn(SIMPLE, next)) {
      if (text) parts.push(text);
      text = '';
      parts.push(SIMPLE[next]);
    } else return null;
  }
  if (text) parts.push(text);
  return (t) => {
    let out = '';
    for (const p of parts) out += typeof p === 'string' ? p : p(t);
    return out;
  };
}

/** Formats a wall-clock time with a Python/glibc strftime format. */
export function strftime(format: string, t: WallTime): string {
  let fast = compiled.get(format);
  if (fast === undefined) {
    fast = compile(format);
    if (compiled.size < 64) compiled.set(format, fast);
  }
  return fast ? fast(t) : strftimeGeneral(format, t);
}

/** strftime by the general two-pass rules (Python's substitutions, then C's). Exported for tests. */
export function strftimeGeneral(format: string, t: WallTime): string {
  const days = daysFromCivil(t.year, t.month, t.day);
  const fields: Fields = {
    ...t,
    weekday: (((days + 4) % 7) + 7) % 7,
    yearDay: days - daysFromCivil(t.year, 1, 1),
  };
  return cPass(pythonPass(format, t), fields);
}
