// The fast paths of value formatting (large reads and COPY TO spend their time there) against the
// exact, general implementations they stand in for: same output on every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CqlDecimal, CqlTimestamp, type CqlType, type CqlValue } from '../../src/cql/types.js';
import { formatOptions, type FormatOptions } from '../../src/format/options.js';
import { columnText, formatValue, rowFormatter } from '../../src/format/value.js';
import { formatG, roundSignificant, roundSignificantExact } from '../../src/format/numbers.js';
import { strftime, strftimeGeneral, type WallTime } from '../../src/format/strftime.js';
import { EXACT_MILLIS, formatTimestamp, roundToMilliseconds, timestampMicros, utcDefaultTimestamp } from '../../src/format/time.js';

describe('%g rounding: toExponential fast path', () => {
  it('equals the exact BigInt expansion for any finite double and precision', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, minExcluded: true }), fc.integer({ min: 1, max: 30 }), (x, p) => {
        expect(roundSignificant(x, p)).toEqual(roundSignificantExact(x, p));
      }),
      { numRuns: 20000 },
    );
  });

  it('rounds exact ties to even, as C does (JS would round them up)', () => {
    for (const [x, p] of [
      [0.125, 2],
      [2.5, 1],
      [0.375, 2],
      [1.5, 1],
      [1152921504606846976, 3],
      [0.5, 0 + 1],
      [1e23, 1],
      [8.5, 1],
    ] as const) {
      expect(roundSignificant(x, p)).toEqual(roundSignificantExact(x, p));
    }
    expect(formatG(0.125, 2)).toBe('0.12');
    expect(formatG(0.375, 2)).toBe('0.38');
    expect(formatG(2.5, 1)).toBe('2');
    expect(formatG(142.71428571428572, 12)).toBe('142.714285714');
  });
});

describe('strftime: compiled simple formats', () => {
  const wall = fc.record({
    year: fc.integer({ min: 1, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    microsecond: fc.integer({ min: 0, max: 999_999 }),
    offset: fc.integer({ min: -86_399, max: 86_399 }),
    zoneName: fc.constantFrom('UTC', 'CET', '+03', 'A%B', '%Z'),
  });
  const formats = fc.oneof(
    fc.constantFrom('%Y-%m-%d %H:%M:%S.%f%z', '%Y-%m-%d %H:%M:%S%z', '%d/%m/%y %H:%M %Z', '%%Y %%%f', '%%f', '100%% %S', '%-d %e', '%Y%', '%s %j'),
    fc
      .array(fc.constantFrom('%Y', '%m', '%d', '%H', '%M', '%S', '%f', '%z', '%Z', '%y', '%%', '%', 'T', ' ', '-', 'x', '%a', '%-m', '%5Y'), { maxLength: 8 })
      .map((a) => a.join('')),
  );
  it('equals the general two-pass rules', () => {
    fc.assert(
      fc.property(formats, wall, (f, t: WallTime) => {
        // (an absurd field width makes both throw: "%-%f" reads the microseconds as a width)
        const attempt = (fn: () => string) => {
          try {
            return fn();
          } catch (e) {
            return `throws ${(e as Error).name}`;
          }
        };
        expect(attempt(() => strftime(f, t))).toBe(attempt(() => strftimeGeneral(f, t)));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('timestamps: exact millisecond fast path', () => {
  it('is exactly millis × 1000 microseconds inside EXACT_MILLIS', () => {
    const edge = Number(EXACT_MILLIS) - 1;
    const ms = fc.oneof(fc.integer({ min: -edge, max: edge }), fc.constantFrom(-edge, edge, 0, -1, 1, 999, -999, -1000, 1_600_000_000_123));
    fc.assert(
      fc.property(ms, (m) => {
        expect(timestampMicros(BigInt(m))).toBe(BigInt(m) * 1000n);
      }),
      { numRuns: 50000 },
    );
  });

  it('formats the same as the BigInt path on both sides of the boundary', () => {
    const opts = { format: '%Y-%m-%d %H:%M:%S.%f%z' };
    expect(formatTimestamp(-1n, opts)).toBe('1969-12-31 23:59:59.999000+0000');
    expect(formatTimestamp(EXACT_MILLIS - 1n, opts)).toBe('2106-02-07 06:28:15.999000+0000');
    expect(formatTimestamp(-EXACT_MILLIS + 1n, opts)).toBe('1833-11-24 17:31:44.001000+0000');
    expect(formatTimestamp(EXACT_MILLIS, opts)).toBe('2106-02-07 06:28:16.000000+0000');
    expect(formatTimestamp(253402300799999n, opts)).toBe('9999-12-31 23:59:59.998993+0000');
  });
});

describe('columnFormatter: per-column fast paths', () => {
  const options = fc.record({
    color: fc.boolean(),
    floatPrecision: fc.integer({ min: 1, max: 17 }),
    doublePrecision: fc.integer({ min: 1, max: 17 }),
    timestampFormat: fc.constantFrom('%Y-%m-%d %H:%M:%S.%f%z', '%Y-%m-%d %H:%M:%S%z', '%d/%m/%Y %I:%M %p', '%s'),
    timezone: fc.constantFrom(undefined, 'Europe/Paris', 'America/St_Johns', 'Etc/GMT-14'),
    nullText: fc.constantFrom('null', ''),
    decimalSep: fc.constantFrom(undefined, '.', ','),
    thousandsSep: fc.constantFrom(undefined, '', ' ', '.'),
    booleanStyles: fc.constantFrom(undefined, ['yes', 'no'] as [string, string]),
    millisecondsOnly: fc.boolean(),
  });
  const typed: fc.Arbitrary<[CqlType, CqlValue]> = fc.oneof(
    fc.tuple(
      fc.constantFrom<CqlType>({ kind: 'text' }, { kind: 'ascii' }, { kind: 'varchar' }),
      fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('a\\b', "it's", 'x\ny', '\xa0', '日本')),
    ),
    fc.tuple(fc.constantFrom<CqlType>({ kind: 'int' }, { kind: 'smallint' }, { kind: 'tinyint' }), fc.integer()),
    fc.tuple(fc.constantFrom<CqlType>({ kind: 'bigint' }, { kind: 'varint' }, { kind: 'counter' }), fc.bigInt()),
    fc.tuple(fc.constantFrom<CqlType>({ kind: 'double' }, { kind: 'float' }), fc.double()),
    fc.tuple(
      fc.constant<CqlType>({ kind: 'decimal' }),
      fc.tuple(fc.bigInt(), fc.integer({ min: -30, max: 30 })).map(([u, s]) => new CqlDecimal(u, s)),
    ),
    fc.tuple(fc.constant<CqlType>({ kind: 'boolean' }), fc.boolean()),
    fc.tuple(fc.constantFrom<CqlType>({ kind: 'uuid' }, { kind: 'timeuuid' }), fc.uuid()),
    fc.tuple(
      fc.constant<CqlType>({ kind: 'timestamp' }),
      fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n })).map((m) => new CqlTimestamp(m)),
    ),
    fc.tuple(fc.constantFrom<CqlType>({ kind: 'int' }, { kind: 'text' }, { kind: 'timestamp' }, { kind: 'decimal' }), fc.constant<CqlValue>(new Uint8Array(0))),
    fc.tuple(fc.constant<CqlType>({ kind: 'list', element: { kind: 'text' } }), fc.array(fc.string(), { maxLength: 3 })),
  );
  it('equals formatValue for every value and display option', () => {
    fc.assert(
      fc.property(typed, options, ([type, value], o) => {
        const opts = formatOptions(o as Partial<FormatOptions>);
        const column = { name: 'c', type };
        expect(rowFormatter([column], opts)([value])).toEqual([formatValue(value, type, opts)]);
        expect(rowFormatter([column], opts)([null])).toEqual([formatValue(null, type, opts)]);
        expect(columnText(type, opts)(value)).toBe(formatValue(value, type, { ...opts, color: false }).text);
      }),
      { numRuns: 20000 },
    );
  });
});

describe('COPY TO millisecond rounding', () => {
  it('cuts the last six-digit fraction to three digits, as the general rule does', () => {
    const general = (text: string) => {
      const m = /^(.*)\.(\d{1,6})(.*)$/s.exec(text);
      if (!m) return text;
      const ms = Math.floor(Number(m[2]) * 10 ** (3 - m[2].length));
      return `${m[1]}.${String(ms).padStart(3, '0')}${m[3]}`;
    };
    const texts = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 999_999 }),
          fc.constantFrom('2020-01-01 00:00:00', '1.5 x', 'a.b', ''),
          fc.constantFrom('+0000', '', '.', '.12', '1234', 'Z.9'),
        )
        .map(([us, a, b]) => `${a}.${String(us).padStart(6, '0')}${b}`),
      fc.string({ unit: fc.constantFrom('.', '1', '2', 'x', '9', ' ') }),
    );
    fc.assert(
      fc.property(texts, (t) => {
        expect(roundToMilliseconds(t)).toBe(general(t));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('timestamps: the default format in UTC', () => {
  it('equals formatTimestamp (and its COPY TO milliseconds) wherever it answers, in any order of days', () => {
    const edge = Number(EXACT_MILLIS) + 5;
    const ms = fc.oneof(
      fc.integer({ min: -edge, max: edge }),
      fc.integer({ min: 1_600_000_000_000, max: 1_600_100_000_000 }),
      fc.constantFrom(0, -1, 1, 86_399_999, 86_400_000, -86_400_000, -62_135_596_800_000, -62_135_596_800_001, 253_402_300_799_999, 253_402_300_800_000),
    );
    for (const millisecondsOnly of [false, true]) {
      const fast = utcDefaultTimestamp(millisecondsOnly);
      fc.assert(
        fc.property(fc.array(ms, { minLength: 1, maxLength: 5 }), (xs) => {
          for (const m of xs) {
            const got = fast(BigInt(m));
            if (got !== undefined) expect(got).toBe(formatTimestamp(BigInt(m), { format: '%Y-%m-%d %H:%M:%S.%f%z', millisecondsOnly }));
          }
        }),
        { numRuns: 20000 },
      );
    }
  });
});
