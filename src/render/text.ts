// Small text helpers shared by the renderers.

// the characters Python's str.isspace() accepts
const PY_SPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;

/** Python's str.rstrip() with no arguments. */
export function pyRstrip(s: string): string {
  return s.replace(PY_SPACE, '');
}
