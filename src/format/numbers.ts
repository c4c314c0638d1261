// Numbers as cqlsh shows them: floats through C's "%.*g" (correctly rounded, ties to even, as
// glibc does on the exact binary value), cqlsh's precision rule for them, decimals as Python's
// Decimal prints them (scientific notation for large exponents), integers as plain digits.

/** The exact decimal expansion of a finite positive double: value = digits × 10^exp10. */
function exactDecimal(x: number): { digits: string; exp10: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biased === 0) exp2 = -1074;
  else {
    mantissa |= 1n << 52n;
    exp2 = biased - 1075;
  }
  if (exp2 >= 0) return { digits: (mantissa << BigInt(exp2)).toString(), exp10: 0 };
  // m / 2^k = m * 5^k / 10^k
  return { digits: (mantissa * 5n ** BigInt(-exp2)).toString(), exp10: exp2 };
}

/**
 * The first `precision` significant digits of |x| rounded half-to-even, and the decimal exponent
 * of the first digit (x = d.ddd × 10^exponent).
 */
export function roundSignificant(x: number, precision: number): { digits: string; exponent: number } {
  // Fast path: toExponential rounds the exact binary value to nearest too, and differs from C
  // only on an exact tie (it rounds those up, C to even). A tie shows as a final 5 one digit
  // further, and so does anything near one: those take the exact path below.
  if (precision <= 100) {
    const probe = x.toExponential(precision);
    if (probe.charCodeAt(probe.indexOf('e') - 1) !== 53 /* 5 */) {
      const s = x.toExponential(precision - 1);
      const e = s.indexOf('e');
      return { digits: e > 1 ? s[0] + s.slice(2, e) : s[0], exponent: Number(s.slice(e + 1)) };
    }
  }
  return roundSignificantExact(x, precision);
}

/** roundSignificant on the exact decimal expansion (BigInt): slow, for ties. Exported for tests. */
export function roundSignificantExact(x: number, precision: number): { digits: string; exponent: number } {
  const { digits: raw, exp10 } = exactDecimal(x);
  const digits = raw.replace(/0+$/, '') || '0';
  const exp10Trimmed = exp10 + (raw.length - digits.length);
  let exponent = digits.length - 1 + exp10Trimmed;
  if (digits.length <= precision) return { digits: digits.padEnd(precision, '0'), exponent };
  let kept = digits.slice(0, precision);
  const rest = digits.slice(precision);
  const first = rest.charCodeAt(0) - 48;
  const roundUp = first > 5 || (first === 5 && (rest.length > 1 || (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1));
  if (roundUp) {
    const bumped = (BigInt(kept) + 1n).toString();
    if (bumped.length > kept.length) {
      exponent += 1;
      kept = bumped.slice(0, precision);
    } else kept = bumped;
  }
  return { digits: kept, exponent };
}

/** C printf's "%.{precision}g" for a finite double. */
export function formatG(x: number, precision: number): string {
  const p = precision <= 0 ? 1 : precision;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const ax = Math.abs(x);
  if (ax === 0) return sign + '0';
  const { digits, exponent } = roundSignificant(ax, p);
  let body: string;
  if (exponent >= -4 && exponent < p) {
    if (exponent >= 0) {
      const intPart = digits.slice(0, exponent + 1);
      const frac = digits.slice(exponent + 1).replace(/0+$/, '');
      body = frac ? `${intPart}.${frac}` : intPart;
    } else {
      const frac = ('0'.repeat(-exponent - 1) + digits).replace(/0+$/, '');
      body = `0.${frac}`;
    }
  } else {
    const frac = digits.slice(1).replace(/0+$/, '');
    const mant = frac ? `${digits[0]}.${frac}` : digits[0];
    const e = Math.abs(exponent).toString().padStart(2, '0');
    body = `${mant}e${exponent < 0 ? '-' : '+'}${e}`;
  }
  return sign + body;
}

/** C printf's "%.{decimals}f" for a finite double (exact, ties to even). */
export function formatF(x: number, decimals: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const ax = Math.abs(x);
  if (ax === 0) return sign + (decimals > 0 ? '0.' + '0'.repeat(decimals) : '0');
  const { digits, exp10 } = exactDecimal(ax);
  // scale to an integer count of 10^-decimals units, rounding half to even
  const shift = exp10 + decimals;
  let units: bigint;
  if (shift >= 0) units = BigInt(digits) * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    const n = BigInt(digits);
    units = n / div;
    const rem = n % div;
    if (rem * 2n > div || (rem * 2n === div && units % 2n === 1n)) units += 1n;
  }
  const s = units.toString().padStart(decimals + 1, '0');
  return decimals > 0 ? `${sign}${s.slice(0, -decimals)}.${s.slice(-decimals)}` : sign + s;
}

/** Digits grouped by threes with `sep` (Python's "{:,.0f}" with the comma replaced). */
export function groupThousands(intDigits: string, sep: string): string {
  const neg = intDigits.startsWith('-');
  const d = neg ? intDigits.slice(1) : intDigits;
  const groups: string[] = [];
  for (let end = d.length; end > 0; end -= 3) groups.unshift(d.slice(Math.max(0, end - 3), end));
  return (neg ? '-' : '') + groups.join(sep);
}

const EPSILON = 2.220446049250313e-16;

/**
 * A float or double as cqlsh shows it with the given precision: NaN, Infinity, -Infinity, or
 * "%.*g" with the precision raised by the number's magnitude when that keeps it out of
 * scientific notation (so 12345.678 keeps its decimals at precision 5).
 */
export function formatFloating(x: number, precision: number, decimalSep?: string, thousandsSep?: string): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (thousandsSep) {
    const intPart = Math.trunc(x);
    const fracPart = Math.abs(x - intPart);
    let s = groupThousands(formatF(intPart, 0), thousandsSep);
    const frac = formatF(fracPart, precision).slice(2).replace(/0+$/, '');
    if (frac) s += (decimalSep || '.') + frac;
    return s;
  }
  const ax = Math.abs(x);
  const exponent = ax > EPSILON ? Math.trunc(Math.log10(ax)) : Number.MIN_SAFE_INTEGER;
  let p = precision;
  if (exponent >= -4 && exponent < precision) p = precision + exponent + 1;
  const s = formatG(x, p);
  return decimalSep ? s.replaceAll('.', decimalSep) : s;
}

/** Python's str(Decimal): plain notation unless the exponent is positive or the number tiny. */
export function decimalToString(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString();
  const exp = -scale;
  const leftDigits = exp + digits.length;
  const dot = exp <= 0 && leftDigits > -6 ? leftDigits : 1;
  let intPart: string;
  let fracPart: string;
  if (dot <= 0) {
    intPart = '0';
    fracPart = '.' + '0'.repeat(-dot) + digits;
  } else if (dot >= digits.length) {
    intPart = digits + '0'.repeat(dot - digits.length);
    fracPart = '';
  } else {
    intPart = digits.slice(0, dot);
    fracPart = '.' + digits.slice(dot);
  }
  const e = leftDigits === dot ? '' : 'E' + (leftDigits - dot >= 0 ? '+' : '-') + Math.abs(leftDigits - dot);
  return (neg ? '-' : '') + intPart + fracPart + e;
}
