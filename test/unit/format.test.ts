// Unit tests for src/format. Expected strings are what the reference cqlsh 6.2 printed against
// Cassandra 5.0 for the same values (SELECTs on probe tables, plain and with -C), or what its own
// formatting code produced for random inputs (the samples at the bottom).

import { describe, expect, it } from 'vitest';
import { CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, type CqlType, type CqlValue } from '../../src/cql/types.js';
import { ANSI_RESET, BLUE, CYAN, DARK_MAGENTA, GREEN, MAGENTA, RED, WHITE, YELLOW } from '../../src/format/colors.js';
import { padEnd, padStart } from '../../src/format/formatted.js';
import { decimalToString, formatF, formatFloating, formatG } from '../../src/format/numbers.js';
import { formatOptions } from '../../src/format/options.js';
import { pyFloatRepr, pyRepr, pyStrRepr } from '../../src/format/pyvalues.js';
import { strftime } from '../../src/format/strftime.js';
import { escapeText, formatDefault, formatText } from '../../src/format/text.js';
import { formatDate, formatDuration, formatTime, formatTimestamp, timestampInRange, timestampMicros } from '../../src/format/time.js';
import { isKnownTimeZone, utcOffsetSeconds, zoneAbbreviation } from '../../src/format/tz.js';
import { formatColumnName, formatValue } from '../../src/format/value.js';
import { codePointLength, displayWidth } from '../../src/format/width.js';

const T = (kind: string) => ({ kind }) as CqlType;
const tuple = (...elements: CqlType[]): CqlType => ({ kind: 'tuple', elements });
const list = (element: CqlType): CqlType => ({ kind: 'list', element });
const set = (element: CqlType): CqlType => ({ kind: 'set', element });
const map = (key: CqlType, value: CqlType): CqlType => ({ kind: 'map', key, value });
const ts = (ms: number | bigint | string) => new CqlTimestamp(BigInt(ms));
const dec = (unscaled: number | bigint | string, scale: number) => new CqlDecimal(BigInt(unscaled), scale);
const EMPTY = new Uint8Array(0);
const plain = formatOptions();
const colored = formatOptions({ color: true });
const text = (v: CqlValue, t: CqlType | string, opts = plain) => formatValue(v, typeof t === 'string' ? T(t) : t, opts).text;
const paint = (color: string, s: string) => color + s + ANSI_RESET;

describe('display width (wcwidth 0.9.4 rules)', () => {
  it('ASCII, CJK, fullwidth, combining marks, zero-width characters', () => {
    expect(displayWidth('hello')).toBe(5);
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('ｆｕｌｌ')).toBe(8);
    expect(displayWidth('e\u0301 cafe')).toBe(6);
    expect(displayWidth('\u200b|\u2028|\ufeff')).toBe(2);
    expect(displayWidth('\xad')).toBe(1);
  });
  it('emoji: skin tones, ZWJ families, flags, VS16, VS15', () => {
    expect(displayWidth('👍🏽')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('emoji 👍🏽 👨‍👩‍👧 ok')).toBe(14);
    expect(displayWidth('🇫🇷 flag')).toBe(7);
    expect(displayWidth('🇫🇷🇩')).toBe(4);
    expect(displayWidth('❤️ heart')).toBe(8);
    expect(displayWidth('❤')).toBe(1);
    expect(displayWidth('⌚\ufe0e')).toBe(1);
  });
  it('Indic conjuncts and spacing marks', () => {
    expect(displayWidth('\u0915\u094d\u0937')).toBe(2);
    expect(displayWidth('\u0915\u093e')).toBe(2);
  });
  it('control characters make the width -1', () => {
    expect(displayWidth('a\nb')).toBe(-1);
    expect(displayWidth('\x85')).toBe(-1);
  });
  it('matches wcswidth on random strings', () => {
    for (const [s, w] of WIDTH_SAMPLES) expect(displayWidth(s), JSON.stringify(s)).toBe(w);
  });
  it('counts code points like Python len()', () => {
    expect(codePointLength('a😀b')).toBe(3);
  });
});

describe('padding by display width', () => {
  it('pads wide text by cells and ignores color codes', () => {
    const f = formatValue('日本', T('text'), colored);
    expect(f.width).toBe(4);
    expect(padStart(f, 6, false)).toBe('  日本');
    expect(padEnd(f, 6, true)).toBe(paint(YELLOW, '日本') + '  ');
    expect(padStart(f, 3, false)).toBe('日本');
  });
});

describe('floats and doubles', () => {
  it('%g with round-half-even on the exact binary value', () => {
    expect(formatG(123455, 5)).toBe('1.2346e+05');
    expect(formatG(123445, 5)).toBe('1.2344e+05');
    expect(formatG(2.5, 1)).toBe('2');
    expect(formatG(0.125, 2)).toBe('0.12');
    expect(formatG(0.0001, 5)).toBe('0.0001');
    expect(formatG(0.00001, 5)).toBe('1e-05');
    expect(formatG(-0, 5)).toBe('-0');
    expect(formatG(5e-324, 5)).toBe('4.9407e-324');
    expect(formatG(1.7976931348623157e308, 17)).toBe('1.7976931348623157e+308');
    expect(formatF(0.5, 0)).toBe('0');
    expect(formatF(1.5, 0)).toBe('2');
    expect(formatF(0.891, 5)).toBe('0.89100');
  });
  it('cqlsh precision rule (observed: SELECT f, d FROM fl)', () => {
    const cases: [number, number, string][] = [
      [1, 5, '1'],
      [Math.fround(0.1), 5, '0.1'],
      [Math.fround(1e20), 5, '1e+20'],
      [Math.fround(1.23456789), 5, '1.23457'],
      [NaN, 5, 'NaN'],
      [Infinity, 5, 'Infinity'],
      [-Infinity, 5, '-Infinity'],
      [-0, 5, '-0'],
      [Math.fround(12345.678), 5, '12345.67773'],
      [12345.6789012345, 5, '12345.6789'],
      [0.000012345678, 5, '1.2e-05'],
      [Math.fround(0.00012345), 5, '0.000123'],
      [100000, 5, '1e+05'],
      [Math.fround(9.99999), 3, '10'],
      [12345.6789012345, 8, '12345.67890123'],
      [5e-324, 8, '4.9406565e-324'],
    ];
    for (const [x, p, want] of cases) expect(formatFloating(x, p), `${x} @${p}`).toBe(want);
  });
  it('matches cqlsh on random values and precisions', () => {
    const parse = (r: string) => (r === 'inf' ? Infinity : r === '-inf' ? -Infinity : Number(r));
    for (const [r, p, want] of FLOAT_SAMPLES) expect(formatFloating(parse(r), p), `${r} @${p}`).toBe(want);
  });
  it('COPY TO separators (checked against cqlshlib.formatting)', () => {
    expect(formatFloating(1234567.891, 5, ',', '.')).toBe('1.234.567,891');
    expect(formatFloating(1234567.891, 5, ',')).toBe('1,2346e+06');
    expect(formatFloating(-0.5, 5, undefined, ' ')).toBe('-0.5');
    expect(formatFloating(12, 5, undefined, ',')).toBe('12');
    const copy = formatOptions({ thousandsSep: ',' });
    expect(text(1234567, 'int', copy)).toBe('1,234,567');
    expect(text(123456789012345678901234567890n, 'varint', copy)).toBe('123,456,789,012,345,677,877,719,597,056');
    expect(text(dec(12345, 1), 'decimal', copy)).toBe('1,234.5');
    expect(text(dec(12345, 1), 'decimal', formatOptions({ decimalSep: ',' }))).toBe('1234,5');
    expect(text(true, 'boolean', formatOptions({ booleanStyles: ['yes', 'no'] }))).toBe('yes');
  });
  it('double precision applies to double columns only, float precision inside collections', () => {
    const opts = formatOptions({ floatPrecision: 3, doublePrecision: 8 });
    expect(text(1.23456789, 'double', opts)).toBe('1.23456789');
    expect(text(Math.fround(1.23456789), 'float', opts)).toBe('1.235');
    expect(text([1.23456789], list(T('double')), opts)).toBe('[1.235]');
  });
});

describe('integers and decimals', () => {
  it('integers as plain digits', () => {
    expect(text(-9223372036854775808n, 'bigint')).toBe('-9223372036854775808');
    expect(text(99999999999999999999999999999999999999999999n, 'varint')).toBe('99999999999999999999999999999999999999999999');
    expect(text(-32768, 'smallint')).toBe('-32768');
    expect(text(-128, 'tinyint')).toBe('-128');
    expect(text(7n, 'counter')).toBe('7');
  });
  it("decimals as Python's str(Decimal) (observed)", () => {
    const cases: [CqlDecimal, string][] = [
      [dec(1, -10), '1E+10'],
      [dec(1, 6), '0.000001'],
      [dec(1234500, 4), '123.4500'],
      [dec(-1, 7), '-1E-7'],
      [dec(10, 8), '1.0E-7'],
      [dec('12345678901234567890123456789', 9), '12345678901234567890.123456789'],
      [dec(0, 0), '0'],
      [dec(0, 2), '0.00'],
      [dec(100, 2), '1.00'],
      [dec(-1, -3), '-1E+3'],
    ];
    for (const [d, want] of cases) expect(text(d, 'decimal')).toBe(want);
  });
  it('matches str(Decimal) on random values', () => {
    for (const [u, s, want] of DECIMAL_SAMPLES) expect(decimalToString(BigInt(u), s)).toBe(want);
  });
});

describe('timestamps', () => {
  it('default format in UTC, with the python driver microsecond noise (observed)', () => {
    const cases: [number | string, string][] = [
      [1704164645678, '2024-01-02 03:04:05.678000+0000'],
      [-62135596800000, '1-01-01 00:00:00.000000+0000'],
      [-62135596799999, '1-01-01 00:00:00.000999+0000'],
      [253402300799999, '9999-12-31 23:59:59.998993+0000'],
      [253402214400001, '9999-12-31 00:00:00.001007+0000'],
      [123456789012345, '5882-03-11 00:30:12.345001+0000'],
      [-2208988800000, '1900-01-01 00:00:00.000000+0000'],
      [-30610224000000, '1000-01-01 00:00:00.000000+0000'],
      [-1, '1969-12-31 23:59:59.999000+0000'],
      [1, '1970-01-01 00:00:00.001000+0000'],
    ];
    for (const [ms, want] of cases) expect(text(ts(ms), 'timestamp'), String(ms)).toBe(want);
  });
  it('out of Python datetime range: the milliseconds', () => {
    expect(text(ts(253402300800000), 'timestamp')).toBe('253402300800000');
    expect(text(ts(-62135596800001), 'timestamp')).toBe('-62135596800001');
    expect(text(ts('9223372036854775807'), 'timestamp')).toBe('9223372036854775807');
    expect(timestampInRange(253402300799999n)).toBe(true);
    expect(timestampInRange(253402300800000n)).toBe(false);
    expect(timestampMicros(1n)).toBe(1000n);
  });
  it('in a zone: offsets with seconds (LMT), DST, and failures near the range ends (observed)', () => {
    const ny = formatOptions({ timezone: 'America/New_York' });
    expect(text(ts(1719835200000), 'timestamp', ny)).toBe('2024-07-01 08:00:00.000000-0400');
    expect(text(ts(-5000000000000), 'timestamp', ny)).toBe('1811-07-23 10:10:38.000000-045602');
    const bad = formatValue(ts(-62135596800000), T('timestamp'), ny);
    expect(bad.text).toBe('datetime.datetime(1, 1, 1, 0, 0)');
    expect(bad.error).toBe('Failed to format value datetime.datetime(1, 1, 1, 0, 0) : date value out of range');
    const badColored = formatValue(ts(-62135596800000), T('timestamp'), { ...ny, color: true });
    expect(badColored.colored).toBe(paint(RED, 'datetime.datetime(1, 1, 1, 0, 0)'));
    expect(badColored.width).toBe(32);
  });
  it('custom time_format with %Z, %j, %a ... (observed with [ui] timezone = Asia/Kolkata)', () => {
    const opts = formatOptions({ timezone: 'Asia/Kolkata', timestampFormat: '%Y/%m/%d %H:%M:%S %Z %z %f %a %b %j %y' });
    expect(text(ts(-2208988800000), 'timestamp', opts)).toBe('1900/01/01 05:21:10 MMT +052110 000000 Mon Jan 001 00');
    expect(text(ts(1700000000123), 'timestamp', opts)).toBe('2023/11/15 03:43:20 IST +0530 123000 Wed Nov 319 23');
    expect(text(ts(-62135596800000), 'timestamp', opts)).toBe('1/01/01 05:53:28 LMT +055328 000000 Mon Jan 001 01');
  });
  it('matches cqlsh on random instants, zones and formats', () => {
    for (const [ms, zone, fmt, want, err] of TIMESTAMP_SAMPLES) {
      const f = formatValue(ts(ms), T('timestamp'), formatOptions({ timezone: zone ?? undefined, timestampFormat: fmt }));
      expect(f.text, `${ms} ${zone} ${fmt}`).toBe(want);
      expect(f.error?.replace(/^.* : /, '')).toBe(err ?? undefined);
    }
  });
  it('inside collections timestamps (and out-of-range ones) are quoted', () => {
    expect(text([ts(1704067200000), ts(253402300800000)], list(T('timestamp')))).toBe("['2024-01-01 00:00:00.000000+0000', '253402300800000']");
  });
  it('milliseconds-only rounding for COPY TO', () => {
    expect(formatTimestamp(1704164645678n, { format: '%Y-%m-%d %H:%M:%S.%f%z', millisecondsOnly: true })).toBe('2024-01-02 03:04:05.678+0000');
  });
  it('strftime flags and directives (glibc)', () => {
    const t = { year: 1, month: 1, day: 1, hour: 5, minute: 3, second: 2, microsecond: 7, offset: 0, zoneName: 'UTC' };
    expect(strftime('%F|%C|%G|%g|%V|%U|%W|%u|%w|%e|%k|%l|%I|%p|%P|%c|%x|%X|%D|%r|%R|%T|%h', t)).toBe(
      '1-01-01|0|1|01|01|00|01|1|1| 1| 5| 5|05|AM|am|Mon Jan  1 05:03:02 1|01/01/01|05:03:02|01/01/01|05:03:02 AM|05:03|05:03:02|Jan',
    );
    expect(strftime('%-d|%_m|%^a|%#b|%10Y|%Ey|%Od|%Q|%5d|%-5d|%%|%E', t)).toBe('1| 1|MON|JAN|0000000001|01|01|%Q|00001|    1|%|%E');
    const t2 = { ...t, year: 2024, month: 12, day: 30, hour: 15 };
    expect(strftime('%G|%g|%V|%U|%W|%j|%f|%z|%Z', { ...t2, offset: -18000, zoneName: 'EST' })).toBe('2025|25|01|52|53|365|000007|-0500|EST');
  });
  it('time zones', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Not/AZone')).toBe(false);
    expect(utcOffsetSeconds('Asia/Kolkata', 0)).toBe(19800);
    expect(zoneAbbreviation('America/New_York', 1719835200, -14400)).toBe('EDT');
    expect(zoneAbbreviation('America/New_York', 253402300799, -18000)).toBe('EST');
  });
});

describe('dates, times and durations (observed)', () => {
  it('dates: zero-padded in years 1-9999, the day count outside', () => {
    expect(formatDate(19782)).toBe('2024-02-29');
    expect(formatDate(-719162)).toBe('0001-01-01');
    expect(formatDate(2932896)).toBe('9999-12-31');
    expect(formatDate(-2147483648)).toBe('-2147483648');
    expect(formatDate(2932897)).toBe('2932897');
    expect(text(new CqlDate(-25567), 'date')).toBe('1900-01-01');
  });
  it('times with nanoseconds', () => {
    expect(formatTime(47655123456789n)).toBe('13:14:15.123456789');
    expect(formatTime(0n)).toBe('00:00:00.000000000');
    expect(formatTime(86399999999999n)).toBe('23:59:59.999999999');
  });
  it('durations', () => {
    expect(formatDuration(14, 25, 18367008009010n)).toBe('1y2mo25d5h6m7s8ms9us10ns');
    expect(formatDuration(0, 0, 0n)).toBe('');
    expect(formatDuration(-1, -2, 0n)).toBe('-1mo2d');
    expect(formatDuration(0, 0, -1n)).toBe('-1ns');
    expect(formatDuration(25, 0, 0n)).toBe('2y1mo');
    expect(formatDuration(0, 0, 3_600_000_000_000n)).toBe('1h');
    expect(text(new CqlDuration(0, 1, 0n), 'duration')).toBe('1d');
    expect(text([new CqlDuration(0, 1, 0n), new CqlDuration(0, 0, 0n)], list(T('duration')))).toBe('[1d, ]');
  });
});

describe('text', () => {
  it('escapes backslashes and control characters, keeps other unicode (observed)', () => {
    expect(escapeText('a\nb\tc\x01d', false)).toBe('a\\nb\\tc\\x01d');
    expect(escapeText('back\\slash', false)).toBe('back\\\\slash');
    expect(escapeText('\x7f\x80\x9f\xa0\xad', false)).toBe('\\x7f\\x80\\x9f\\xa0\xad');
    expect(escapeText('\x1b[31m', false)).toBe('\\x1b[31m');
    expect(escapeText('\r', false)).toBe('\\r');
  });
  it('quotes inside collections, doubling single quotes', () => {
    expect(text(['a', "it's", '日本', 'x\\ny'], list(T('text')))).toBe("['a', 'it''s', '日本', 'x\\\\ny']");
  });
  it('colored: escapes in dark magenta, doubled backslashes shown once and counted once', () => {
    const f = formatText('tab\t\\\x01', { ...colorsFor(), text: YELLOW, blob: DARK_MAGENTA, reset: ANSI_RESET }, false);
    expect(f.text).toBe('tab\\t\\\\\\x01');
    expect(f.colored).toBe(`${YELLOW}tab${DARK_MAGENTA}\\t${YELLOW}\\${DARK_MAGENTA}\\x01${YELLOW}${ANSI_RESET}`);
    expect(f.width).toBe(10);
    expect(formatValue('back\\slash', T('text'), colored).width).toBe(10);
    expect(formatValue('back\\slash', T('text'), plain).width).toBe(11);
  });
  it("values shown through Python's str() escape Latin-1 non-printables too", () => {
    expect(formatDefault('a\xad\xa0b\\', null).text).toBe('a\\xad\\xa0b\\\\');
  });
  it('empty strings and blobs', () => {
    expect(text('', 'text')).toBe('');
    expect(text(EMPTY, 'blob')).toBe('0x');
    expect(text(new Uint8Array([0xde, 0xad]), 'blob')).toBe('0xdead');
  });
});

function colorsFor() {
  return {
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
}

describe('colors (observed with -C)', () => {
  it('each type has its color; null is red', () => {
    const c = (v: CqlValue, t: string) => formatValue(v, T(t), colored).colored;
    expect(c(null, 'int')).toBe(paint(RED, 'null'));
    expect(c('x', 'text')).toBe(paint(YELLOW, 'x'));
    expect(c(1, 'int')).toBe(paint(GREEN, '1'));
    expect(c(new Uint8Array([1]), 'blob')).toBe(paint(DARK_MAGENTA, '0x01'));
    expect(c(true, 'boolean')).toBe(paint(GREEN, 'True'));
    expect(c(ts(0), 'timestamp')).toBe(paint(GREEN, '1970-01-01 00:00:00.000000+0000'));
  });
  it('collections: blue brackets and separators around colored elements', () => {
    const f = formatValue([['a', 2]], map(T('text'), T('int')), colored);
    expect(f.colored).toBe(paint(BLUE, '{') + paint(YELLOW, "'a'") + paint(BLUE, ': ') + paint(GREEN, '2') + paint(BLUE, '}'));
    expect(f.width).toBe(8);
  });
  it('headers by key role', () => {
    expect(formatColumnName('p', 'partition_key', true).colored).toBe(paint(RED, 'p'));
    expect(formatColumnName('c', 'clustering', true).colored).toBe(paint(CYAN, 'c'));
    expect(formatColumnName('s', 'static', true).colored).toBe(paint(WHITE, 's'));
    expect(formatColumnName('v', 'regular', true).colored).toBe(paint(MAGENTA, 'v'));
    expect(formatColumnName('v', undefined, true).colored).toBe(paint(MAGENTA, 'v'));
    expect(formatColumnName('名前', 'regular', false)).toEqual({ text: '名前', colored: '名前', width: 4 });
  });
});

describe('collections', () => {
  it('empty collections are counted 0 cells wide, as cqlsh does', () => {
    expect(formatValue([], list(T('int')), plain)).toEqual({ text: '[]', colored: '[]', width: 0 });
    expect(formatValue([], map(T('int'), T('int')), plain).width).toBe(0);
    const nested = formatValue(
      [
        [
          [1, ['a', 'b']],
          [2, []],
        ],
        [],
      ],
      list(map(T('int'), set(T('text')))),
      plain,
    );
    expect(nested.text).toBe("[{1: {'a', 'b'}, 2: {}}, {}]");
    expect(nested.width).toBe(24);
  });
  it('vectors print as lists, with float precision', () => {
    expect(text([1, 2.5, Math.fround(0.1)], { kind: 'vector', element: T('float'), dimension: 3 })).toBe('[1, 2.5, 0.1]');
    expect(text(['a', 'b'], { kind: 'vector', element: T('text'), dimension: 2 })).toBe("['a', 'b']");
  });
  it('UDTs: bare field names, null fields as null', () => {
    const addr: CqlType = {
      kind: 'udt',
      keyspace: 'ks',
      name: 'addr',
      fields: [
        { name: 'street', type: T('text') },
        { name: 'num', type: T('int') },
        { name: 'tags', type: set(T('text')) },
      ],
    };
    expect(text(['Main "St"', null, ["t'2", 't1']], addr)).toBe(`{street: 'Main "St"', num: null, tags: {'t''2', 't1'}}`);
    expect(text([null, null, null], addr)).toBe('{street: null, num: null, tags: null}');
    expect(formatValue([null, null, null], addr, colored).colored).toContain(paint(RED, 'null'));
  });
  it("sets and maps in Python's order (observed)", () => {
    const U1 = '10554d6e-29bb-11e6-b345-feff819cdc9f';
    const U5 = '50554d6e-29bb-11e5-b345-feff819cdc9f';
    const UE = 'e0554d6e-29bb-11e4-b345-feff819cdc9f';
    expect(text([UE, U5, U1], set(T('timeuuid')))).toBe(`{${U1}, ${U5}, ${UE}}`);
    expect(
      text(
        [
          [U5, '10.0.0.1'],
          [U1, '::1'],
        ],
        map(T('timeuuid'), T('inet')),
      ),
    ).toBe(`{${U1}: '::1', ${U5}: '10.0.0.1'}`);
    expect(
      text(
        [
          ['a', 2],
          ['z', 1],
          ['日', 3],
        ],
        map(T('text'), T('int')),
      ),
    ).toBe("{'a': 2, 'z': 1, '日': 3}");
    // set<float> {-0.0, 0.0, NaN, 1, -Infinity}: the server sends Cassandra's order
    expect(text([-Infinity, -0, 0, 1, NaN], set(T('float')))).toBe('{NaN, -Infinity, -0, 1}');
    // set<frozen<tuple<int, int>>> with nulls
    expect(
      text(
        [
          [null, 3],
          [0, 5],
          [1, null],
          [1, 2],
        ],
        set(tuple(T('int'), T('int'))),
      ),
    ).toBe('{(None, 3), (0, 5), (1, 2), (1, None)}');
    // map<frozen<set<int>>, int>: sets compare by inclusion
    expect(
      text(
        [
          [[], 4],
          [[0, 9], 5],
          [[1], 2],
          [[1, 2], 1],
          [[3], 3],
        ],
        map(set(T('int')), T('int')),
      ),
    ).toBe('{{}: 4, {0, 9}: 5, {1}: 2, {1, 2}: 1, {3}: 3}');
    // code point order, not UTF-16 order
    expect(text(['\uffff', '😀'], set(T('text')))).toBe("{'\uffff', '😀'}");
  });
  it('a map Python cannot sort fails as a whole (observed)', () => {
    const f = formatValue(
      [
        [[0, null], 3],
        [[1, null], 1],
        [[1, 'a'], 2],
      ],
      map(tuple(T('int'), T('text')), T('int')),
      plain,
    );
    expect(f.text).toBe("OrderedMapSerializedKey([((0, None), 3), ((1, None), 1), ((1, 'a'), 2)])");
    expect(f.error).toBe(
      "Failed to format value OrderedMapSerializedKey([((0, None), 3), ((1, None), 1), ((1, 'a'), 2)]) : '<' not supported between instances of 'str' and 'NoneType'",
    );
  });
});

describe('null elements inside tuples (observed: tuple<T, int> = (null, 1))', () => {
  const udt: CqlType = { kind: 'udt', keyspace: 'ks', name: 'addr', fields: [{ name: 'a', type: T('int') }] };
  const cases: [CqlType, string, string | null][] = [
    [T('ascii'), '(None, 1)', "'NoneType' object has no attribute 'replace'"],
    [T('text'), `${paint(YELLOW, 'None')}`, null],
    [T('varchar'), `${paint(YELLOW, 'None')}`, null],
    [T('bigint'), `${paint(GREEN, 'None')}`, null],
    [T('smallint'), `${paint(YELLOW, 'None')}`, null],
    [T('tinyint'), `${paint(YELLOW, 'None')}`, null],
    [T('varint'), `${paint(GREEN, 'None')}`, null],
    [T('decimal'), `${paint(GREEN, 'None')}`, null],
    [T('boolean'), `${paint(GREEN, 'None')}`, null],
    [T('uuid'), `${paint(GREEN, 'None')}`, null],
    [T('timeuuid'), `${paint(GREEN, 'None')}`, null],
    [T('inet'), `${paint(GREEN, "'None'")}`, null],
    [T('blob'), '(None, 1)', "'NoneType' object has no attribute 'hex'"],
    [T('timestamp'), `${paint(GREEN, "'None'")}`, null],
    [T('date'), `${paint(GREEN, 'None')}`, null],
    [T('time'), `${paint(GREEN, 'None')}`, null],
    [T('duration'), '(None, 1)', "'NoneType' object has no attribute 'months'"],
    [T('double'), '(None, 1)', 'must be real number, not NoneType'],
    [T('float'), '(None, 1)', 'must be real number, not NoneType'],
    [list(T('int')), '(None, 1)', "object of type 'NoneType' has no len()"],
    [set(T('int')), '(None, 1)', "object of type 'NoneType' has no len()"],
    [map(T('int'), T('int')), '(None, 1)', "'NoneType' object has no attribute 'items'"],
    [tuple(T('int')), '(None, 1)', "object of type 'NoneType' has no len()"],
    [udt, '(None, 1)', "'NoneType' object has no attribute '_asdict'"],
    [{ kind: 'vector', element: T('int'), dimension: 2 }, `${paint(YELLOW, 'None')}`, null],
    [T('int'), `${paint(GREEN, 'None')}`, null],
  ];
  for (const [t, want, err] of cases) {
    it(`${t.kind}`, () => {
      const f = formatValue([null, 1], tuple(t, T('int')), colored);
      if (err) {
        expect(f.colored).toBe(paint(RED, want));
        expect(f.error).toBe(`Failed to format value ${want} : ${err}`);
        expect(f.width).toBe(want.length);
      } else {
        expect(f.colored).toBe(paint(BLUE, '(') + want + paint(BLUE, ', ') + paint(GREEN, '1') + paint(BLUE, ')'));
        expect(f.error).toBeUndefined();
      }
    });
  }
  it('text inside a UDT comes from schema metadata and fails', () => {
    const u: CqlType = { kind: 'udt', keyspace: 'ks', name: 'u', fields: [{ name: 't', type: tuple(T('text')) }] };
    expect(formatValue([[null]], u, plain).error).toBe("Failed to format value u(t=(None,)) : 'NoneType' object has no attribute 'replace'");
  });
  it('a list of tuples fails as a whole (observed)', () => {
    const f = formatValue([[null], [2.5]], list(tuple(T('double'))), plain);
    expect(f.text).toBe('[(None,), (2.5,)]');
  });
});

describe('empty values (zero-length values of types without one) show as nothing', () => {
  it('int, uuid, boolean, timestamp', () => {
    for (const t of ['int', 'bigint', 'uuid', 'boolean', 'timestamp', 'date']) {
      expect(formatValue(EMPTY, T(t), plain)).toEqual({ text: '', colored: '', width: 0 });
    }
    expect(formatValue(EMPTY, T('int'), colored).colored).toBe(paint(YELLOW, ''));
  });
});

describe('python reprs (for values cqlsh fails to format)', () => {
  it('floats', () => {
    expect(pyFloatRepr(1)).toBe('1.0');
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(1234567890123456.7)).toBe('1234567890123456.8');
    expect(pyFloatRepr(0.0001)).toBe('0.0001');
    expect(pyFloatRepr(0.00001)).toBe('1e-05');
    expect(pyFloatRepr(Math.fround(0.1))).toBe('0.10000000149011612');
    expect(pyFloatRepr(-0)).toBe('-0.0');
    expect(pyFloatRepr(NaN)).toBe('nan');
    expect(pyFloatRepr(-Infinity)).toBe('-inf');
    expect(pyFloatRepr(1.5e300)).toBe('1.5e+300');
  });
  it('strings and other values', () => {
    expect(pyStrRepr("it's")).toBe('"it\'s"');
    expect(pyStrRepr('a\'b"c')).toBe("'a\\'b\"c'");
    expect(pyStrRepr('日本\n\x00\u200b😀')).toBe("'日本\\n\\x00\\u200b😀'");
    expect(pyRepr(new Uint8Array([0, 0x41, 0x27]), T('blob'))).toBe('b"\\x00A\'"');
    expect(pyRepr(dec(110, 2), T('decimal'))).toBe("Decimal('1.10')");
    expect(pyRepr('550e8400-e29b-41d4-a716-446655440000', T('uuid'))).toBe("UUID('550e8400-e29b-41d4-a716-446655440000')");
    expect(pyRepr(new CqlDate(5), T('date'))).toBe('Date(5)');
    expect(pyRepr(5n, T('time'))).toBe('Time(5)');
    expect(pyRepr(new CqlDuration(1, 2, 3n), T('duration'))).toBe('Duration(1, 2, 3)');
    expect(pyRepr([3, 1], set(T('int')))).toBe('SortedSet([1, 3])');
    expect(pyRepr(ts(1704164645678), T('timestamp'))).toBe('datetime.datetime(2024, 1, 2, 3, 4, 5, 678000)');
    expect(pyRepr([true], tuple(T('boolean')))).toBe('(True,)');
  });
});

// Measured with the reference cqlsh's own code (Python wcwidth 0.9.4 wcswidth; cqlshlib 6.2.2
// format_floating_point_type and format_value_timestamp fed by the python driver's datetime
// conversion, zoneinfo zones; str(Decimal)) on random inputs.
const WIDTH_SAMPLES: [string, number][] = [
  ['\ufe04\ua960\u2a33\u200d', 3],
  ['\u200d\ud840\udc0d\u202c\ud7c0\u117d\u01e0\ud7f9', 1],
  ['\u0e50', 1],
  ['\u11b5\udb40\udc03\u200d\u4e17\ud800\udc1f\ud7f0\ufe07', 1],
  ['\ufe0e\ufe0c\u0d4d\ufe01\u0900\ud83e\udd47\u2023\u202b', 3],
  ['\ud83e\udd05\ufe0e\u292eb\ua97e\ufe08\ud800\udc7f', 5],
  ['o\u111d\u094d\ud83c\udffb\ud800\udc0f\ud83c\udffb\ua961\uff2c', 10],
  ['\u0e4b\ud83c\udfff', 2],
  ['\ud83c\udded\ud800\udc56\ud83c\udffb', 5],
  ['\ud83d\udde4\u200d', 1],
  ['\u09cd\uff9f\u206f\u2015\u0e23\ud7b6\uffd4\ua975', 7],
  ['\ud83c\udffd\u01ef\u205d', 4],
  ['\uff70\udb40\udc63\ufe0f\u098b\ud83c\udde7\u1005', 5],
  ['\uac1e', 2],
  ['\ud83e\udd71\u200d\u02622\u094b', 4],
  ['\u107d\ua96a\u090c\u0d4d\u200d\u11a3', 4],
  ['\u01a2\ud83d\ude91\u4e0c\u108e\u0e44\ua974\u094d\u100e', 9],
  ['\u2882\ud7cb\u1191\uffd4\ufe0f', 2],
  ['\ud83c\udffb', 2],
  ['\u0335\ud83e\udd62\u0e23\ufe07\u0959\ud83e\uddb6\u11b7', 6],
  ['\ufe09\u09a7\u098e\ud7e7\u032a\ud83c\udfff', 4],
  ['\u11d1', 0],
  ['\u200d\u0d4d\ufe0e\ud83c\udfff\ufe0e\u09c0\ufe0e\u0341', 2],
  ['\ud83c\uddf3\u0e7f\ud7d7\ufe0f\u09eb', 4],
  [']\u2046\u200d\ud83c\uddf4\u0308\ufe06', 2],
  ['\u03b7\u09d7\ud83e\udd86\ufe0e', 4],
  ['\udb40\udc1f\ud83e\udda9\u1177', 2],
  ['\ud800\udc3c\u4e13\ud800\udc35\u28ef\u1040\u30d0\ud83c\uddfe', 10],
  ['\u094d\ud800\udc7c\ua969\u09cd\ua96b\u200d\u094d', 4],
  ['\uffbf\ufe0f\ua96e\u09cd\u0321\u200d\ud800\udc73', 3],
  ['\u036de\ud83c\udfff\u0136', 4],
  ['\u098d\u200d\u09c9\u0e0b\u030b\u094d\u094d\ud83e\udddc', 3],
  ['\ua969v\u0e08\u1078\ufe0e\u200d\u200d\u1177', 5],
  ['\udb40\udc59\u2064\ufe0f\ud83c\uddf1\u094d\u0900\u11ea', 2],
  ['\u112d\u0e42\u094d', 3],
  ['\ufe0e\u4e17\u0d4d\u114b', 2],
  ['\u0d4d\ud83c\udfb8\u200d\u103e\ud83c\udffe\ud83c\udffd', 2],
  ['\u4e14\u200d\u200d\ufe0f', 2],
  ['\u200d', 0],
  ['\ud83c\uddeb', 2],
  ['\u095b\ud83c\udffc\uff95\u3044\u11bb', 6],
  ['\u200d\ud83c\udfff\ud7d7\u0225', 1],
  ['\u11f7\ud83c\udffc\u200d\ud800\udc19\uff05\uac2d', 6],
  ['\ufe0e\u117f\u108d\u0d4d\u0927\ud83e\udd30', 4],
  ['\ua97b\ud83e\udddf', 4],
  ['\ud7ef\ud83e\uddd1\ud83d\uddae\u30f6\u0303\u0d4d\u0966\ufe0f', 5],
  ['\ufe0e\ud7c4\u2000\ud83e\udd8a\uff63\ufe0f', 4],
  ['\ud83c\udffe\u094d\u3080', 2],
  ['\ud83c\udffb\ud800\udc78\u200d\u200c\uac35\u0912\u0d4d\ud800\udc74', 7],
  ['\uac37\u200d\ud7ca\ud83e\udd84\u09642', 6],
  ['\ud83c\udffd', 2],
  ['\ud83e\udd3e\uff9b\u090b\u0956\ufe09\ud840\udc0a\u0966', 7],
  ['\ud83d\udea2\ud83c\uddef\ufe01', 4],
  ['\u0355\ud83c\udf3d\u0d4d\u0e3f:\u1162\ufe0f', 3],
  ['\ud800\udc70\u0d4d', 1],
  ['\ud840\udc03\udb40\udc2b\ufe0fz\ufe0f\u1192\u106d', 3],
  ['\udb40\udc06\ufe0e\ud83e\udd6e\ufe0e\u035a\u116c\u200d\ud840\udc08', 2],
  ['\u0d4d', 0],
  ['p\u094d', 1],
  ['\udb40\udc69\ud83c\uddef\u03e7\u00c2\udb40\udc70\ufe06\u2711', 5],
  ['\u1054\ua977\u1173\ud83e\udd1b\ud7ec', 5],
  ['\u094d\ua96b\u200d\u200d\u094d\u1064\u202b', 2],
  ['\ufe0c\ufe03\ud83d\ude34\u0164\u031a\ud83c\uddeb\u0957', 5],
  ['\ud83e\udd6f\udb40\udc32\u094d\ud83e\udd5b\u0966\uffa3\ud7e0', 4],
  ['\u094d\udb40\udc25\u0e2bi', 2],
  ['\ufe0f\u0d4d\u098d\ud83d\udc57', 4],
  ['\u0e76\u0321\ud83c\udded', 3],
  ['\u015c\u1179\ufe0bu\udb40\udc17\u4e10\u09af\u200d', 5],
  ['\ud83e\udd63\u3034\u201c\u2051\u205b\u09b2\udb40\udc71', 8],
  ['\u1171\u0988\u092f\udb40\udc57\ufe0e', 2],
  ['\ud83c\udffd\ud7f1\u200d\u3069\udb40\udc55\u0e69', 3],
  ['\u1180\u09fd\uac12\u030f\u0988\uff65\uff80\uac1e', 8],
  ['\u11c2', 0],
  ['\ua967\u3082\uac28', 6],
  ['\u0e47', 0],
  ['\u4e31\ud7b5\u2065\u0998', 3],
  ['\u1199\ud7e3', 0],
  ['\u103f\u1078\ufe0f\ud83c\udfff\ufe0f\u095a', 5],
  ['\ud83c\udffe\ufe0f\ud840\udc0c\ud83d\udde1\u094d\u4e14\udb40\udc7e', 6],
  ['\uff8a\ud83d\uddee\ud83c\udde6', 4],
  ['\u0356\u236d\uac03\u0186\ud83e\udd31\udb40\udc49\ud83c\udffb\ud83c\udffb', 6],
  ['\u036e\udb40\udc5c\ud83c\uddfb\u094d\u1030', 2],
  ['\u2a17\ud83c\udf50\ufe0f\ua96d', 5],
  ['\u2a2c[\u0111\ud83e\udd20\uff7f,\u099e', 8],
  ['\u200d\u1017\u09df\u109e', 2],
  ['\u3002\ufe01\ua969\u200d\ud83d\udc74\ud7b0\u011f', 5],
  ['\ud840\udc09\u3057\u01f1\ud83e\udd84', 7],
  ['\ud800\udc1b\u036c\ud83d\ude44\u094d\ufe0e\u202a\u3061\u01b9', 6],
  ['\ufe0e\u033a\u03a2\ud83c\udffc', 3],
  ['\ufe0b\uff26\u0d4d\u0993\u0971', 3],
  ['\u1131\uff1b\u0982\u200d\u303a', 4],
  ['c\u035c\u0948\ufe07T\ua962\udb40\udc33\u0316', 4],
  ['\ua967\uac0b\u4e11\u200d\u114d\ud7eb', 6],
  ['\u0d4d\u108d', 0],
  ['\ud7cf', 0],
  ['\ufe0f\ufe0e\ufe08\u0336\ud83d\udc62\u11f6', 2],
  ['\ufe0f\ud83c\uddfc\ud83d\udd83\ufe0f\udb40\udc41', 3],
  ['\u0321\u4e25\u0d4d', 2],
  ['\u11e1\ud83c\udf0c\u01f6\u0e27', 4],
  ['\u4e0b\u2aa2', 3],
  ['n', 1],
  ['\u3002\u09eb\ud83c\udffd\u200d\ua968', 5],
  ['\u09dd\ufe0fz\u205c', 3],
  ['\ud800\udc3d\ufe0f\ud83c\udded\ud83c\uddf3\u301c\ud7e9\u4e22', 7],
  ['\ufe0f\u4e2c\u0d4d\u0d4d\u200d', 2],
  ['\u200d\ud83c\udffb', 0],
  ['\u094d\u0962\u09aa\u0e7f', 2],
  ['\ud800\udc48', 1],
  ['\ua970\u11e58\u09d3\ud83c\uddf3\u017a\ud83d\udd5c', 9],
  ['\ua96c\u4e29', 4],
  ['\u0e58\u102f\u202d\u0d4d\u0e35\u2059', 2],
  ['\ua974\ud800\udc30\uff6b\u4e37\uac1b\ud83c\uddfa\u0d4d', 10],
  ['\u0d4d\u2026\ufe0e', 2],
  ['\u094d\u1015\u200d\u1012\ua967R\ufe0a', 5],
  ['\u0d4d\ud840\udc0b\u098d\u200d\ufe03\u3086', 5],
  ['\ud83c\udf26', 1],
  ['\u4e31\u4e33', 4],
  ['\u0996\ud800\udc68\u236d\ud83c\udf14\u200d', 5],
  ['\u00e8\ufe0e\u091d', 2],
  ['\u4e0f\u201c', 3],
  ['\u0949\udb40\udc43\u200d\uac38', 0],
  ['\ud83c\udffe\u09a2\ud83d\udc4c\u0308\u094d\uffda\u1135', 7],
  ['\u0d4d\ud83e\udd61', 2],
  ['\u2041', 1],
  ['\u116a\ua975\ua97c\ud83e\uddda', 6],
  ['\u0e0e\uac01', 3],
  ['\u305b\ud840\udc00\u0123\ud840\udc08\u1100', 9],
  ['\u2055\ud800\udc3d\ud83e\udd3f', 4],
  ['\u2039\ufe0f\ud800\udc3f\u094d\u09bb', 3],
  ['\ufe0f\ua96c', 2],
  ['\ud83e\udde8\ud83e\udd4b\u4e1a\ufe0f\ud800\udc4e\u4e39\u11ba\u0d4d', 9],
  ['\u25ee', 1],
  ['\u0e00~', 2],
  ['\u200d\ud840\udc01\u1196_\u1032', 1],
  ['\uac30\uff54\udb40\udc50\ud840\udc05\udb40\udc4d\ud800\udc30\u104c', 8],
  ['\u2409\u1119\u0d4d\udb40\udc7c\ua971\u0d4d\ud83c\uddfa\u0911', 6],
  ['\u200d\u2001\u30f8\u11dd', 2],
  ['\u4e37\ua96a\u200d', 4],
  ['\ufe0f\u00a4\udb40\udc1e\u1072\u03bbM\u0322\ud83e\udd77', 5],
  ['\u09e2\ua974\ufe0e\u23ce\ud83c\uddf2\u09a1\u0d4d', 6],
  ['\uac27\u2039\u4e32\u200d\ufe09\ud83d\udedc\u03bd\ua970', 10],
  ['\ufe0e\u028e', 1],
  ['\u0304\u0908\ud83d\udd92\u0d4d\uff1e\u11b8', 3],
  ['\u0207\ufe0f\u282c\u200d', 2],
  ['\ud83d\udc4e\u200d\u09d5\u094c', 2],
  ['\ud7dd\u0e77\ufe0f\u0d4d', 1],
  ['\u0e42\ud7c6\u106c\u034b', 2],
  ['\ud83c\udffe\uff5e\u109f\u30ff\u201c\u4e27s', 11],
  ['\u2064\u0364', 0],
  ['\ud83c\udffd\u4e30\u0e1f\ud83d\udcb8\u114f\u4e1d\u03ff\u09aa', 13],
  ['\u200d\u300e\u1078\ufe0e\ud800\udc5d\u09f5', 3],
  ['\ua96e\ufe0f\ud83e\udda4\u2b14', 5],
  ['\ud83c\uddea\ud83c\uddeb\ua96f\u094d\u094d\ud83c\udffd', 4],
  ['\ud840\udc0f\u11e7\ud83d\udc34', 4],
  ['\u30c9\u0d4d\u030c\u2006\ud800\udc25\u202d\u4e3e\ua97e', 7],
  ['\u253dG', 2],
  ['\ufe03\u119c\u2045\u200d\u1190', 1],
  ['\udb40\udc15\ud840\udc01', 2],
  ['\ufe01\u0919', 1],
  ['\u1034\u09eb', 1],
];
const FLOAT_SAMPLES: [string, number, string][] = [
  ['0.0007249083115381861', 3, '0.0007'],
  ['2.9794738264236603e+179', 1, '3e+179'],
  ['1647331.75', 5, '1.6473e+06'],
  ['-3.8133362990501847e+275', 8, '-3.8133363e+275'],
  ['-9.17181226518629e-136', 1, '-9e-136'],
  ['-32355.701171875', 17, '-32355.701171875'],
  ['9.928998731327302e-167', 12, '9.92899873133e-167'],
  ['-44654.98', 5, '-44654.98'],
  ['5.198747266361193e+129', 5, '5.1987e+129'],
  ['-3.4261596061751744e+230', 1, '-3e+230'],
  ['0.0007205494520038634', 0, '0.0007'],
  ['1208101.375', 12, '1208101.375'],
  ['2087504.5', 12, '2087504.5'],
  ['-0.05468086898326874', 5, '-0.054681'],
  ['0.00039611220705331493', 12, '0.0003961122071'],
  ['363265.75', 0, '4e+05'],
  ['-1.5471780065122392e-37', 5, '-1.5472e-37'],
  ['-1.8633461170497002e+205', 0, '-2e+205'],
  ['-0.0008410300278814276', 12, '-0.0008410300279'],
  ['-1.2143222442145738e+78', 3, '-1.21e+78'],
  ['-0.990949', 17, '-0.990948999999999969'],
  ['164073360.0', 0, '2e+08'],
  ['-103.04', 1, '-1e+02'],
  ['1773.0', 5, '1773'],
  ['-4245879.0', 12, '-4245879'],
  ['3.7465697211302995e-10', 3, '3.75e-10'],
  ['8.09e-05', 5, '8.1e-05'],
  ['-5.8147278658715607e-11', 3, '-5.81e-11'],
  ['0.0004332677675405901', 8, '0.000433268'],
  ['-4.8686622831543505e-284', 17, '-4.8686622831543505e-284'],
  ['-3.0625742243768715e-58', 17, '-3.0625742243768715e-58'],
  ['-4.2264952281061134e-32', 5, '-4.2265e-32'],
  ['-3.106207285535601e-245', 17, '-3.106207285535601e-245'],
  ['-0.0008429802994900455', 17, '-0.000842980299490046'],
  ['0.0003001694768643103', 0, '0.0003'],
  ['-174721417084928.0', 1, '-2e+14'],
  ['-51598852784.33587', 3, '-5.16e+10'],
  ['423490600.0', 5, '4.2349e+08'],
  ['783244.76', 5, '7.8324e+05'],
  ['4115019.0', 5, '4.115e+06'],
  ['794160400.0', 8, '7.941604e+08'],
  ['3.4669763884573795e-190', 17, '3.4669763884573795e-190'],
  ['2959100.0', 5, '2.9591e+06'],
  ['1.872487610348991e-141', 17, '1.872487610348991e-141'],
  ['-0.0003408432891021211', 17, '-0.000340843289102121'],
  ['-4.190542676626874e+102', 1, '-4e+102'],
  ['-2.656631295168719e-35', 17, '-2.656631295168719e-35'],
  ['6.636848634848196e+236', 8, '6.6368486e+236'],
  ['1152536.0', 1, '1e+06'],
  ['-3.4800100538793628e-183', 5, '-3.48e-183'],
  ['0.0008976179150516315', 1, '0.0009'],
  ['401.0', 3, '401'],
  ['1.8974002571157778e-165', 0, '2e-165'],
  ['2.2657371076252294e+297', 1, '2e+297'],
  ['-7.693068186041582e-290', 5, '-7.6931e-290'],
  ['-3.059346056488721e-07', 1, '-3e-07'],
  ['-1.2046862665662358e-19', 17, '-1.2046862665662358e-19'],
  ['-5.692659676243469e-288', 5, '-5.6927e-288'],
  ['1.1180620615225732e+94', 5, '1.1181e+94'],
  ['-0.0009029034708287107', 8, '-0.000902903'],
  ['-324581.082208', 17, '-324581.0822080000070855'],
  ['0.000880205538123846', 12, '0.0008802055381'],
  ['3.05069732013497e-168', 8, '3.0506973e-168'],
  ['-1.243276704704944e-179', 0, '-1e-179'],
  ['14164.5', 17, '14164.5'],
  ['-1.5365985056570424e-06', 8, '-1.5365985e-06'],
  ['1.9e-07', 12, '1.9e-07'],
  ['-80.94304387', 0, '-8e+01'],
  ['4.585965918481537e+285', 17, '4.5859659184815369e+285'],
  ['9.863706395529981e+57', 0, '1e+58'],
  ['9519.54', 8, '9519.54'],
  ['-281772470304768.0', 5, '-2.8177e+14'],
  ['-7.8e-06', 5, '-7.8e-06'],
  ['-0.0009761139806422697', 5, '-0.000976'],
  ['0.159', 5, '0.159'],
  ['5.271977010335355e-36', 12, '5.27197701034e-36'],
  ['-0.0007904381880115423', 0, '-0.0008'],
  ['0.0004873167389379473', 1, '0.0005'],
  ['-3.19661563423528e+266', 5, '-3.1966e+266'],
  ['-6.22', 5, '-6.22'],
  ['-0.02104289', 0, '-0.02'],
  ['-8.812680857588952e+288', 0, '-9e+288'],
  ['9770.0', 8, '9770'],
  ['-0.0009881', 3, '-0.001'],
  ['-1.3086654689686839e-05', 5, '-1.3e-05'],
  ['4.29157563188466e+32', 17, '4.2915756318846602e+32'],
  ['-5033.0', 12, '-5033'],
  ['-3.6462206104632185e-15', 8, '-3.6462206e-15'],
  ['-3.320752997931078e+162', 12, '-3.32075299793e+162'],
  ['1031273.25', 12, '1031273.25'],
  ['-3.9809104477217644e-86', 5, '-3.9809e-86'],
  ['-5.72e-06', 1, '-6e-06'],
  ['-78.336', 0, '-8e+01'],
  ['-0.0001788626794000987', 1, '-0.0002'],
  ['3.117140184482277e-31', 3, '3.12e-31'],
  ['4247647.5', 1, '4e+06'],
  ['0.0008822114324142454', 5, '0.000882'],
  ['7970763.0', 0, '8e+06'],
  ['-0.000305112018453431', 0, '-0.0003'],
  ['1.1593090011402401e-172', 12, '1.15930900114e-172'],
  ['-0.0006', 12, '-0.0006'],
  ['-1.4990032423228494e-278', 3, '-1.5e-278'],
  ['7.49075514337118e+25', 1, '7e+25'],
  ['1942722.0', 0, '2e+06'],
  ['0.0143307', 1, '0.01'],
  ['269355200.0', 5, '2.6936e+08'],
  ['7e-06', 5, '7e-06'],
  ['-43.68031', 5, '-43.68031'],
  ['-8.44e-05', 8, '-8.44e-05'],
  ['4.377859399851635e-05', 5, '4.4e-05'],
  ['-1.2556871098468037e-08', 17, '-1.2556871098468037e-08'],
  ['-4234907547074560.0', 0, '-4e+15'],
  ['-4.438867798346344e+185', 0, '-4e+185'],
  ['1.6654773046798077e-11', 0, '2e-11'],
  ['-1.6702406795837922e-22', 17, '-1.6702406795837922e-22'],
  ['-1.2372750956339053e+38', 12, '-1.23727509563e+38'],
  ['-2.2012053556696794e-94', 5, '-2.2012e-94'],
  ['12682770.0', 0, '1e+07'],
  ['2.602028427361193e-301', 5, '2.602e-301'],
  ['0.00908', 3, '0.0091'],
  ['2.3044519292177483e+56', 0, '2e+56'],
  ['-4.345296389374198e-08', 1, '-4e-08'],
  ['496601.5', 0, '5e+05'],
  ['382.73811', 8, '382.73811'],
  ['0.0003382859097755084', 1, '0.0003'],
  ['7.603935046180364e-15', 5, '7.6039e-15'],
  ['557584.75', 17, '557584.75'],
  ['0.00015437194635431386', 1, '0.0002'],
  ['3.142216242100457e-170', 12, '3.1422162421e-170'],
  ['-8.46823778115182e-50', 3, '-8.47e-50'],
  ['-0.01', 5, '-0.01'],
  ['-774300417598.0', 12, '-774300417598'],
  ['-1.0959561021968706e-50', 17, '-1.0959561021968706e-50'],
  ['-0.0005004751211626552', 1, '-0.0005'],
  ['5.602707380183448e-146', 3, '5.6e-146'],
  ['-6.973806719686034e-05', 0, '-7e-05'],
  ['6.457863161020759e+155', 3, '6.46e+155'],
  ['6.988549181365413e-81', 8, '6.9885492e-81'],
  ['-0.000966782318779037', 12, '-0.0009667823188'],
  ['3.0920511130116408e+38', 12, '3.09205111301e+38'],
  ['238816.056354', 5, '2.3882e+05'],
  ['-2.576762874191408e-37', 5, '-2.5768e-37'],
  ['51.58955923', 3, '51.59'],
  ['4.113730413301252e-208', 5, '4.1137e-208'],
  ['1.3973299511464108e-219', 12, '1.39732995115e-219'],
  ['-4.970102584139624e+29', 5, '-4.9701e+29'],
  ['1.603820001828188e-191', 12, '1.60382000183e-191'],
  ['6.69792371185591e+214', 5, '6.6979e+214'],
  ['0.0004641443336629999', 3, '0.0005'],
  ['0.0008241923581650372', 8, '0.000824192'],
  ['1181569.375', 5, '1.1816e+06'],
  ['-1.11977647108391e+75', 17, '-1.1197764710839101e+75'],
  ['6.341678701570166e-26', 5, '6.3417e-26'],
  ['-6.373767872814345e+256', 5, '-6.3738e+256'],
  ['3.852395412017478e-201', 3, '3.85e-201'],
  ['-1.4367535575497779e-37', 5, '-1.4368e-37'],
  ['-0.0008257206792089034', 5, '-0.000826'],
  ['-3.658408993242698e+33', 1, '-4e+33'],
  ['0.0008397780987401823', 5, '0.00084'],
  ['5.648442143758067e-05', 8, '5.6484e-05'],
];
const TIMESTAMP_SAMPLES: [string, string | null, string, string, string | null][] = [
  [
    '183752610695610',
    'America/St_Johns',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Tue 20 Nov 7792 04:21:35 AM 325 47 47 47 7792 2 2 77 92 20',
    null,
  ],
  ['-62135596800019', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S.%f%z', '-62135596800019', null],
  [
    '-62135596797721',
    'America/St_Johns',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'datetime.datetime(1, 1, 1, 0, 0, 2, 278999)',
    'date value out of range',
  ],
  ['933598875180', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '1999-08-02 09:01:15-0400 EDT', null],
  ['2066286203131', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S.%f%z', '2035-06-24 13:53:23.131000+0530', null],
  [
    '1305097959495',
    'Australia/Lord_Howe',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Wed 11 May 2011 05:42:39 PM 131 19 19 19 2011 3 3 20 11 11',
    null,
  ],
  ['428494472041', 'Europe/Paris', '%Y-%m-%d %H:%M:%S.%f%z', '1983-07-31 12:14:32.041000+0200', null],
  ['17148503131', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S.%f%z', '1970-07-18 00:48:23.131000-1040', null],
  ['692009122533', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', '1991-12-06 19:45:22+1100 +11', null],
  ['-62135596797375', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S%z %Z', 'datetime.datetime(1, 1, 1, 0, 0, 2, 625000)', 'date value out of range'],
  ['-43533059520847', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '590-06-28 22:31:57-045602 LMT', null],
  ['325985008245', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '1980-04-30 19:23:28-0400 EDT', null],
  [
    '87508868462426',
    'Australia/Lord_Howe',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Mon 18 Jan 4743 02:01:02 PM 018 03 03 03 4743 1 1 47 43 18',
    null,
  ],
  [
    '201331035168075',
    'Asia/Kolkata',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Mon 05 Dec 8349 01:02:48 PM 339 49 49 49 8349 1 1 83 49  5',
    null,
  ],
  [
    '-1663255905403',
    'Australia/Lord_Howe',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Wed 18 Apr 1917 06:28:14 PM 108 15 16 16 1917 3 3 19 17 18',
    null,
  ],
  ['-2907826571177', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Thu 08 Nov 1877 02:23:48 PM 312 44 45 45 1877 4 4 18 77  8', null],
  ['198499426513285', 'America/St_Johns', '%Y-%m-%d %H:%M:%S.%f%z', '8260-03-12 23:05:13.285004-0230', null],
  ['-6019366762482', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', '1779-04-03 20:16:57+103620 LMT', null],
  ['34919471547979', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S%z %Z', '3076-07-21 18:42:27+0530 IST', null],
  ['-62135596801632', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '-62135596801632', null],
  ['-1176820051259', null, '%Y-%m-%d %H:%M:%S%z %Z', '1932-09-16 09:32:28+0000 UTC', null],
  [
    '12844134025633',
    'Europe/Paris',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Thu 06 Jan 2377 12:00:25 AM 006 01 01 01 2377 4 4 23 77  6',
    null,
  ],
  ['37246023589', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Mon 08 Mar 1971 02:07:03 AM 067 10 10 10 1971 1 1 19 71  8', null],
  ['220101871619', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '1976-12-22 06:24:31-0500 EST', null],
  ['802350568800', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S.%f%z', '1995-06-05 16:39:28.800000+0530', null],
  ['694016894806', 'America/St_Johns', '%Y-%m-%d %H:%M:%S%z %Z', '1991-12-29 10:58:14-0330 NST', null],
  ['-595202177317', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S.%f%z', '1951-02-20 15:23:42.683000-1040', null],
  ['2138103561998', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S.%f%z', '2037-10-02 19:09:21.998000+0530', null],
  ['20439561751463', null, '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Mon 15 Sep 2617 12:02:31 AM 258 37 37 38 2617 1 1 26 17 15', null],
  ['-9199193114865', 'Europe/Paris', '%Y-%m-%d %H:%M:%S.%f%z', '1678-06-27 20:44:06.135000+000921', null],
  [
    '-1004606390995',
    'Asia/Kolkata',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Wed 02 Mar 1938 08:10:09 PM 061 09 09 09 1938 3 3 19 38  2',
    null,
  ],
  ['1875760982131', null, '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Sun 10 Jun 2029 04:43:02 AM 161 23 23 23 2029 7 0 20 29 10', null],
  ['229520592517358', 'America/St_Johns', '%Y-%m-%d %H:%M:%S.%f%z', '9243-03-21 05:38:37.358002-0230', null],
  ['253402300798759', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Fri 31 Dec 9999 11:59:58 PM 365 52 52 52 9999 5 5 99 99 31', null],
  [
    '41394383748921',
    'Asia/Kolkata',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Thu 25 Sep 3281 09:25:48 PM 268 38 38 39 3281 4 4 32 81 25',
    null,
  ],
  ['356393527954', 'Europe/Paris', '%Y-%m-%d %H:%M:%S%z %Z', '1981-04-18 00:12:07+0200 CEST', null],
  ['72538532858505', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S.%f%z', '4268-08-27 22:27:38.505005+1400', null],
  ['230352518911402', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', '9269-07-31 13:18:31+1030 +1030', null],
  ['177970419263023', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '7609-08-28 15:34:23-0400 EDT', null],
  ['1667134607111', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S.%f%z', '2022-10-30 23:56:47.111000+1100', null],
  [
    '2066236151480',
    'America/St_Johns',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Sat 23 Jun 2035 03:59:11 PM 174 24 25 25 2035 6 6 20 35 23',
    null,
  ],
  ['110930007525087', null, '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Thu 26 Mar 5485 02:58:45 AM 085 12 12 13 5485 4 4 54 85 26', null],
  ['-9534796133026', null, '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Tue 08 Nov 1667 01:31:06 PM 312 45 45 45 1667 2 2 16 67  8', null],
  [
    '1701556100179',
    'Australia/Lord_Howe',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Sun 03 Dec 2023 09:28:20 AM 337 49 48 48 2023 7 0 20 23  3',
    null,
  ],
  [
    '-62135596797709',
    'Pacific/Kiritimati',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'datetime.datetime(1, 1, 1, 0, 0, 2, 291000)',
    'date value out of range',
  ],
  ['-2753739542692', null, '%Y-%m-%d %H:%M:%S.%f%z', '1882-09-27 00:20:57.308000+0000', null],
  [
    '2340037967973',
    'Asia/Kolkata',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Fri 26 Feb 2044 12:02:47 AM 057 08 08 08 2044 5 5 20 44 26',
    null,
  ],
  ['67072648347272', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S%z %Z', '4095-06-13 09:12:27+1400 +14', null],
  [
    '-4920559007964',
    'Australia/Lord_Howe',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Fri 28 Jan 1814 12:39:32 PM 028 04 04 04 1814 5 5 18 14 28',
    null,
  ],
  ['-2151055405731', null, '%Y-%m-%d %H:%M:%S%z %Z', '1901-11-02 12:36:34+0000 UTC', null],
  ['877267287617', 'Europe/Paris', '%Y-%m-%d %H:%M:%S.%f%z', '1997-10-19 15:21:27.617000+0200', null],
  ['248159517628007', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S.%f%z', '9833-11-11 20:50:28.006989+0530', null],
  ['253402300798224', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S%z %Z', 'datetime.datetime(9999, 12, 31, 23, 59, 58, 223999)', 'date value out of range'],
  ['-3286820013442', 'America/St_Johns', '%Y-%m-%d %H:%M:%S%z %Z', '1865-11-04 22:55:34-033052 LMT', null],
  ['74242340165580', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S.%f%z', '4322-08-25 18:46:05.580002+1030', null],
  [
    '157010210903',
    'America/New_York',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Mon 23 Dec 1974 12:56:50 AM 357 51 51 52 1974 1 1 19 74 23',
    null,
  ],
  ['143138193566330', 'America/St_Johns', '%Y-%m-%d %H:%M:%S.%f%z', '6505-11-13 21:49:26.329987-0330', null],
  ['19497160718542', null, '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Sat 03 Nov 2587 01:58:38 PM 307 43 44 44 2587 6 6 25 87  3', null],
  ['-62135596799364', 'America/St_Johns', '%Y-%m-%d %H:%M:%S.%f%z', 'datetime.datetime(1, 1, 1, 0, 0, 0, 636002)', 'date value out of range'],
  ['1231934150491', null, '%Y-%m-%d %H:%M:%S.%f%z', '2009-01-14 11:55:50.491000+0000', null],
  ['8553211557', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '1970-04-09 18:53:31-0500 EST', null],
  ['1745055048147', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S.%f%z', '2025-04-19 20:00:48.147000+1030', null],
  ['213655591514487', null, '%Y-%m-%d %H:%M:%S.%f%z', '8740-06-23 15:25:14.487000+0000', null],
  ['-62135596801686', 'America/St_Johns', '%Y-%m-%d %H:%M:%S%z %Z', '-62135596801686', null],
  ['1592918469936', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '2020-06-23 09:21:09-0400 EDT', null],
  ['155364908137055', 'Europe/Paris', '%Y-%m-%d %H:%M:%S%z %Z', '6893-04-26 00:55:37+0200 CEST', null],
  ['-31113715489831', 'Europe/Paris', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Sat 17 Jan 984 01:24:31 PM 017 02 02 03 984 6 6 9 84 17', null],
  [
    '73933710935068',
    'Asia/Kolkata',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Wed 13 Nov 4312 11:25:35 AM 318 45 46 46 4312 3 3 43 12 13',
    null,
  ],
  ['1492439425970', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S.%f%z', '2017-04-17 20:00:25.970000+0530', null],
  ['-6270623094425', 'Europe/Paris', '%Y-%m-%d %H:%M:%S.%f%z', '1771-04-17 08:24:26.575000+000921', null],
  [
    '1049979114312',
    'Pacific/Kiritimati',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Fri 11 Apr 2003 02:51:54 AM 101 14 14 15 2003 5 5 20 03 11',
    null,
  ],
  ['1116910658434', 'America/New_York', '%Y-%m-%d %H:%M:%S.%f%z', '2005-05-24 00:57:38.434000-0400', null],
  ['-2225070294127', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S%z %Z', '1899-06-28 10:25:45-102920 LMT', null],
  ['211967350183269', 'Europe/Paris', '%Y-%m-%d %H:%M:%S.%f%z', '8686-12-23 20:29:43.269012+0100', null],
  ['178910704494635', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S.%f%z', '7639-06-15 23:24:54.635010+0530', null],
  ['-5701787655855', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Sun 26 Apr 1789 02:05:44 AM 116 17 16 17 1789 7 0 17 89 26', null],
  ['14813104084873', 'Europe/Paris', '%Y-%m-%d %H:%M:%S%z %Z', '2439-05-30 01:08:04+0200 CEST', null],
  ['98132331872293', 'Europe/Paris', '%Y-%m-%d %H:%M:%S.%f%z', '5079-09-09 23:04:32.292999+0200', null],
  ['189871286125', null, '%Y-%m-%d %H:%M:%S%z %Z', '1976-01-07 14:01:26+0000 UTC', null],
  ['110018252252934', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '5456-05-04 05:37:32-0400 EDT', null],
  ['2196700970885', 'UTC', '%Y-%m-%d %H:%M:%S.%f%z', '2039-08-11 18:42:50.885000+0000', null],
  ['704489839727', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', '1992-04-29 06:07:19+1030 +1030', null],
  [
    '2071596030359',
    'Pacific/Kiritimati',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Sat 25 Aug 2035 09:20:30 AM 237 33 34 34 2035 6 6 20 35 25',
    null,
  ],
  ['1216778846786', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', '2008-07-23 12:37:26+1030 +1030', null],
  ['-529722701810', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Thu 19 Mar 1953 10:48:18 PM 078 11 11 12 1953 4 4 19 53 19', null],
  ['7362048003349', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', '2203-04-19 07:50:03+1030 +1030', null],
  ['1755033653123', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S%z %Z', '2025-08-13 02:50:53+0530 IST', null],
  [
    '-62135596797191',
    'America/St_Johns',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'datetime.datetime(1, 1, 1, 0, 0, 2, 808998)',
    'date value out of range',
  ],
  [
    '543019868954',
    'America/New_York',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Tue 17 Mar 1987 05:51:08 PM 076 11 11 12 1987 2 2 19 87 17',
    null,
  ],
  ['-62135596797505', null, '%Y-%m-%d %H:%M:%S.%f%z', '1-01-01 00:00:02.495003+0000', null],
  [
    '-4371606053338',
    'America/New_York',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Tue 21 Jun 1831 12:03:04 PM 172 25 25 25 1831 2 2 18 31 21',
    null,
  ],
  ['173714978042011', 'Europe/Paris', '%Y-%m-%d %H:%M:%S%z %Z', '7474-10-23 02:34:02+0200 CEST', null],
  ['-4305527770235', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S%z %Z', '1833-07-25 01:34:29-102920 LMT', null],
  ['1313784187897', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S%z %Z', '2011-08-20 10:03:07+1400 +14', null],
  [
    '-58061807732409',
    'America/St_Johns',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Sat 04 Feb 130 04:33:35 AM 035 05 05 05 130 6 6 1 30  4',
    null,
  ],
  ['872166831609', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Thu 21 Aug 1997 12:33:51 PM 233 33 33 34 1997 4 4 19 97 21', null],
  ['1241978192983', null, '%Y-%m-%d %H:%M:%S%z %Z', '2009-05-10 17:56:32+0000 UTC', null],
  ['2769159949149', 'Europe/Paris', '%Y-%m-%d %H:%M:%S%z %Z', '2057-10-01 13:05:49+0200 CEST', null],
  ['1217899448194', 'UTC', '%Y-%m-%d %H:%M:%S.%f%z', '2008-08-05 01:24:08.194000+0000', null],
  ['432875592385', 'Europe/Paris', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Tue 20 Sep 1983 05:13:12 AM 263 38 38 38 1983 2 2 19 83 20', null],
  ['1209745266311', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', '2008-05-03 02:51:06+1030 +1030', null],
  ['1261602677802', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Wed 23 Dec 2009 09:11:17 PM 357 51 51 52 2009 3 3 20 09 23', null],
  ['611750482928', 'Europe/Paris', '%Y-%m-%d %H:%M:%S.%f%z', '1989-05-21 12:41:22.928000+0200', null],
  ['1428548794757', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '2015-04-08 23:06:34-0400 EDT', null],
  ['-5495109768333', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S.%f%z', '1795-11-13 10:30:39.667000+055328', null],
  ['172725448738', 'America/New_York', '%Y-%m-%d %H:%M:%S.%f%z', '1975-06-22 23:17:28.738000-0400', null],
  ['1726200218711', null, '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Fri 13 Sep 2024 04:03:38 AM 257 36 37 37 2024 5 5 20 24 13', null],
  ['1075143924115', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '2004-01-26 14:05:24-0500 EST', null],
  ['11199045783399', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Wed 19 Nov 2324 02:03:03 PM 324 46 46 47 2324 3 3 23 24 19', null],
  [
    '-5470955038963',
    'Pacific/Kiritimati',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Thu 18 Aug 1796 07:46:41 AM 231 33 33 33 1796 4 4 17 96 18',
    null,
  ],
  ['2059918571201', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '2035-04-11 11:36:11-0400 EDT', null],
  [
    '-11630896064014',
    'Europe/Paris',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Thu 07 Jun 1601 03:41:36 AM 158 22 23 23 1601 4 4 16 01  7',
    null,
  ],
  ['148519025224', 'America/St_Johns', '%Y-%m-%d %H:%M:%S.%f%z', '1974-09-15 20:47:05.224000-0230', null],
  [
    '8678920376390',
    'America/New_York',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Thu 09 Jan 2245 06:12:56 AM 009 01 01 02 2245 4 4 22 45  9',
    null,
  ],
  ['208363724035843', null, '%Y-%m-%d %H:%M:%S%z %Z', '8572-10-13 04:13:55+0000 UTC', null],
  [
    '-56748424054678',
    'America/St_Johns',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Wed 18 Sep 171 09:21:33 AM 261 37 37 38 171 3 3 1 71 18',
    null,
  ],
  ['119229040998400', null, '%Y-%m-%d %H:%M:%S%z %Z', '5748-03-20 18:03:18+0000 UTC', null],
  ['-62135596800783', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S.%f%z', '-62135596800783', null],
  [
    '-32412654421435',
    'America/New_York',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Mon 19 Nov 942 07:56:56 AM 323 46 47 47 942 1 1 9 42 19',
    null,
  ],
  ['1343758226303', null, '%Y-%m-%d %H:%M:%S%z %Z', '2012-07-31 18:10:26+0000 UTC', null],
  ['363123014361', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S%z %Z', '1981-07-05 01:00:14+0530 IST', null],
  ['934157003090', 'America/New_York', '%Y-%m-%d %H:%M:%S.%f%z', '1999-08-08 20:03:23.090000-0400', null],
  ['-5323876851297', 'America/New_York', '%Y-%m-%d %H:%M:%S.%f%z', '1801-04-17 20:23:06.703000-045602', null],
  [
    '138367890121',
    'Australia/Lord_Howe',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Tue 21 May 1974 09:31:30 PM 141 20 20 21 1974 2 2 19 74 21',
    null,
  ],
  ['8477844936525', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S.%f%z', '2238-08-27 18:55:36.525000+1400', null],
  [
    '-48944416300591',
    'America/St_Johns',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Sat 05 Jan 419 01:17:27 PM 005 00 00 01 419 6 6 4 19  5',
    null,
  ],
  [
    '1000870139645',
    'Europe/Paris',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Wed 19 Sep 2001 05:28:59 AM 262 37 38 38 2001 3 3 20 01 19',
    null,
  ],
  ['172170722488147', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '7425-11-15 11:41:28-0500 EST', null],
  ['1703127834339', 'Europe/Paris', '%Y-%m-%d %H:%M:%S.%f%z', '2023-12-21 04:03:54.339000+0100', null],
  ['-47910946703611', 'UTC', '%Y-%m-%d %H:%M:%S%z %Z', '451-10-06 03:41:36+0000 UTC', null],
  ['717607677857', 'America/New_York', '%Y-%m-%d %H:%M:%S%z %Z', '1992-09-27 11:27:57-0400 EDT', null],
  ['-7384019038545', 'UTC', '%Y-%m-%d %H:%M:%S.%f%z', '1736-01-04 19:36:01.455000+0000', null],
  ['62270948543947', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Fri 16 Apr 3943 01:42:23 PM 106 15 15 15 3943 5 5 39 43 16', null],
  ['45065058836', null, '%Y-%m-%d %H:%M:%S.%f%z', '1971-06-06 14:04:18.836000+0000', null],
  ['131898868614579', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S.%f%z', '6149-09-16 12:06:54.578995+0530', null],
  ['105092228800', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S.%f%z', '1973-05-01 18:17:08.800000+1000', null],
  [
    '-4952602944091',
    'Pacific/Kiritimati',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Thu 21 Jan 1813 06:28:15 PM 021 03 03 03 1813 4 4 18 13 21',
    null,
  ],
  ['-62135596798706', 'Asia/Kolkata', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Mon 01 Jan 1 05:53:29 AM 001 00 01 01 1 1 1 0 01  1', null],
  [
    '3648236728008',
    'Asia/Kolkata',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Fri 10 Aug 2085 04:35:28 AM 222 31 32 32 2085 5 5 20 85 10',
    null,
  ],
  [
    '-7336920647933',
    'Asia/Kolkata',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Wed 03 Jul 1737 04:22:40 AM 184 26 26 27 1737 3 3 17 37  3',
    null,
  ],
  ['274178500119', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Sat 09 Sep 1978 08:41:40 AM 252 36 36 36 1978 6 6 19 78  9', null],
  ['2215087892703', 'America/St_Johns', '%Y-%m-%d %H:%M:%S%z %Z', '2040-03-11 11:41:32-0230 NDT', null],
  [
    '-62135596799149',
    'Australia/Lord_Howe',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Mon 01 Jan 1 10:36:20 AM 001 00 01 01 1 1 1 0 01  1',
    null,
  ],
  [
    '27436832045765',
    'Asia/Kolkata',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Fri 10 Jun 2839 03:44:05 AM 161 23 23 23 2839 5 5 28 39 10',
    null,
  ],
  ['-30289161605424', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', '1010-03-06 10:36:14+103620 LMT', null],
  ['845929754997', 'UTC', '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e', 'Mon 21 Oct 1996 08:29:14 PM 295 42 43 43 1996 1 1 19 96 21', null],
  ['234353349287051', null, '%Y-%m-%d %H:%M:%S.%f%z', '9396-05-12 00:34:47.050995+0000', null],
  ['1917041669913', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S.%f%z', '2030-10-01 13:34:29.913000+1400', null],
  ['83084470381', 'America/New_York', '%Y-%m-%d %H:%M:%S.%f%z', '1972-08-19 11:01:10.381000-0400', null],
  ['2017927636020', null, '%Y-%m-%d %H:%M:%S%z %Z', '2033-12-11 15:27:16+0000 UTC', null],
  ['890874021053', 'America/St_Johns', '%Y-%m-%d %H:%M:%S.%f%z', '1998-03-25 21:30:21.053000-0330', null],
  ['-8646169393094', 'UTC', '%Y-%m-%d %H:%M:%S.%f%z', '1696-01-05 14:16:46.906000+0000', null],
  [
    '-1900885809804',
    'America/St_Johns',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Wed 06 Oct 1909 08:38:58 PM 279 40 40 40 1909 3 3 19 09  6',
    null,
  ],
  ['-62135596798381', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S%z %Z', 'datetime.datetime(1, 1, 1, 0, 0, 1, 619003)', 'date value out of range'],
  ['133365245786592', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', '6196-03-05 16:36:26+1100 +11', null],
  ['1237289751740', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S.%f%z', '2009-03-17 22:35:51.740000+1100', null],
  [
    '-12016056592615',
    'Australia/Lord_Howe',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'Fri 24 Mar 1589 05:06:27 PM 083 12 12 12 1589 5 5 15 89 24',
    null,
  ],
  ['1055164861219', null, '%Y-%m-%d %H:%M:%S.%f%z', '2003-06-09 13:21:01.219000+0000', null],
  ['-5683331670195', 'America/St_Johns', '%Y-%m-%d %H:%M:%S%z %Z', '1789-11-25 13:14:37-033052 LMT', null],
  ['1827037854421', 'UTC', '%Y-%m-%d %H:%M:%S.%f%z', '2027-11-24 06:30:54.421000+0000', null],
  [
    '-62135596797768',
    'Pacific/Kiritimati',
    '%a %d %b %Y %I:%M:%S %p %j %U %W %V %G %u %w %C %y %e',
    'datetime.datetime(1, 1, 1, 0, 0, 2, 232002)',
    'date value out of range',
  ],
  ['-62135596798153', 'America/St_Johns', '%Y-%m-%d %H:%M:%S.%f%z', 'datetime.datetime(1, 1, 1, 0, 0, 1, 847000)', 'date value out of range'],
  ['-62135596799270', 'America/St_Johns', '%Y-%m-%d %H:%M:%S%z %Z', 'datetime.datetime(1, 1, 1, 0, 0, 0, 730003)', 'date value out of range'],
  ['-62135596798788', 'Pacific/Kiritimati', '%Y-%m-%d %H:%M:%S%z %Z', 'datetime.datetime(1, 1, 1, 0, 0, 1, 211998)', 'date value out of range'],
  ['253402300799716', 'Australia/Lord_Howe', '%Y-%m-%d %H:%M:%S%z %Z', 'datetime.datetime(9999, 12, 31, 23, 59, 59, 716003)', 'date value out of range'],
  ['253402300798087', 'Asia/Kolkata', '%Y-%m-%d %H:%M:%S%z %Z', 'datetime.datetime(9999, 12, 31, 23, 59, 58, 87006)', 'date value out of range'],
];
const DECIMAL_SAMPLES: [string, number, string][] = [
  ['819022264596083390584568726', 5, '8190222645960833905845.68726'],
  ['-69751399193720713597', 0, '-69751399193720713597'],
  ['-9325415396548215215116', 32, '-9.325415396548215215116E-11'],
  ['47623852499595408', 32, '4.7623852499595408E-16'],
  ['-322086751949644', -34, '-3.22086751949644E+48'],
  ['-1755836925911117', 2, '-17558369259111.17'],
  ['987757805339744136822880277', -15, '9.87757805339744136822880277E+41'],
  ['-15165668220579618179742023106', -9, '-1.5165668220579618179742023106E+37'],
  ['-572010963690', -21, '-5.72010963690E+32'],
  ['-719144349514541997773868323', 38, '-7.19144349514541997773868323E-12'],
  ['-73859', 40, '-7.3859E-36'],
  ['4173524761329912476406099', -29, '4.173524761329912476406099E+53'],
  ['584279670299797539155', -21, '5.84279670299797539155E+41'],
  ['-559594970926568091193', 36, '-5.59594970926568091193E-16'],
  ['-29604878755845930', -18, '-2.9604878755845930E+34'],
  ['32159281819661173482997', 40, '3.2159281819661173482997E-18'],
  ['-888338183680109828950273464', -19, '-8.88338183680109828950273464E+45'],
  ['-657429433319997724568548', -31, '-6.57429433319997724568548E+54'],
  ['34951809390795879384704003', 5, '349518093907958793847.04003'],
  ['7578028954235717035576218', 36, '7.578028954235717035576218E-12'],
  ['-1260626407179468748843707', 4, '-126062640717946874884.3707'],
  ['23342314', -22, '2.3342314E+29'],
  ['-6571', 12, '-6.571E-9'],
  ['113828016039685151416042093', 23, '1138.28016039685151416042093'],
  ['569063362427528019736060195', 29, '0.00569063362427528019736060195'],
  ['-629010143730747900581874727', -14, '-6.29010143730747900581874727E+40'],
  ['630233422000844991', 21, '0.000630233422000844991'],
  ['-654329665904', -28, '-6.54329665904E+39'],
  ['97670088162005401976304909', -19, '9.7670088162005401976304909E+44'],
  ['342269133471381159007', 10, '34226913347.1381159007'],
  ['241991395059494217565377756', 18, '241991395.059494217565377756'],
  ['-66963285454162868820778537', -40, '-6.6963285454162868820778537E+65'],
  ['-86080736431854554373209559', -36, '-8.6080736431854554373209559E+61'],
  ['-1463125498269658264407822', -3, '-1.463125498269658264407822E+27'],
  ['54227678029234133563723722423', -25, '5.4227678029234133563723722423E+53'],
  ['55816882172027542146548193', -9, '5.5816882172027542146548193E+34'],
  ['722408972554930972834659281397', 10, '72240897255493097283.4659281397'],
  ['-27559586988303603841209092191', 14, '-275595869883036.03841209092191'],
  ['766894494603225956761', -38, '7.66894494603225956761E+58'],
  ['-6636917435', -27, '-6.636917435E+36'],
  ['-70262325143145296093934875', 40, '-7.0262325143145296093934875E-15'],
  ['119963568974', 21, '1.19963568974E-10'],
  ['62361022260009069014680', 16, '6236102.2260009069014680'],
  ['712194131220985035', -1, '7.12194131220985035E+18'],
  ['-969665743113053652870524', -24, '-9.69665743113053652870524E+47'],
  ['4947275', -38, '4.947275E+44'],
  ['61214559569510991748662195184', -15, '6.1214559569510991748662195184E+43'],
  ['-317896613591403', -33, '-3.17896613591403E+47'],
  ['-6982279827679730553175654990', -34, '-6.982279827679730553175654990E+61'],
  ['-5946292284784274624684051', 24, '-5.946292284784274624684051'],
  ['244872840139919130258842', 18, '244872.840139919130258842'],
  ['4562950417622803795255886103', -21, '4.562950417622803795255886103E+48'],
  ['6962647063587083657807237', 32, '6.962647063587083657807237E-8'],
  ['-32839394447', -2, '-3.2839394447E+12'],
  ['131059653512233206946485', 17, '1310596.53512233206946485'],
  ['973886330226686649516761985', -18, '9.73886330226686649516761985E+44'],
  ['-80033004281080998662524', 11, '-800330042810.80998662524'],
  ['95422763932416496134711', 29, '9.5422763932416496134711E-7'],
  ['68583329151433', -22, '6.8583329151433E+35'],
  ['9098014257645799880206430714', 12, '9098014257645799.880206430714'],
];
