// A CQL string literal as typed → its value: '...' unquoted ('' → '), anything else as is (trimmed).
// Shell commands' arguments, COPY's options and values, completion's map keys all read them so.

export function dequoteValue(s: string): string {
  const v = s.trim();
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}
