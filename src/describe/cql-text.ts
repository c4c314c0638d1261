// The small text rules of the server's CQL output: identifier quoting, string literals, option
// maps, Java's number formatting, and the name order DESCRIBE lists things in.

/** Cassandra 5.0's reserved keywords: a name spelled like one is always quoted. */
const RESERVED = new Set(
  (
    'ADD ALLOW ALTER AND APPLY ASC AUTHORIZE BATCH BEGIN BY COLUMNFAMILY CREATE DELETE DESC DESCRIBE DROP ENTRIES ' +
    'EXECUTE FROM FULL GRANT IF IN INDEX INFINITY INSERT INTO IS KEYSPACE LIMIT MATERIALIZED MODIFY NAN NORECURSIVE ' +
    'NOT NULL OF ON OR ORDER PRIMARY RENAME REVOKE SCHEMA SELECT SET TABLE TO TOKEN TRUNCATE UNLOGGED UPDATE USE ' +
    'USING VIEW WHERE WITH'
  ).split(' '),
);

/** A name as CQL text: bare when it is a lower-case identifier and not reserved, else "double-quoted". */
export function quoteName(name: string): string {
  if (/^[a-z][a-z0-9_]*$/.test(name) && !RESERVED.has(name.toUpperCase())) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

/** `ks.name`, each part quoted as needed. */
export const qualified = (ks: string, name: string): string => `${quoteName(ks)}.${quoteName(name)}`;

/** A string literal: 'single-quoted', quotes doubled. */
export const quoteString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A text map as the server prints option maps: keys sorted, `{'k': 'v', ...}`. */
export function textMap(m: Record<string, string>, firstKey?: string): string {
  const keys = Object.keys(m).sort(byCodePoint);
  if (firstKey && keys.includes(firstKey)) {
    keys.splice(keys.indexOf(firstKey), 1);
    keys.unshift(firstKey);
  }
  return `{${keys.map((k) => `${quoteString(k)}: ${quoteString(m[k])}`).join(', ')}}`;
}

/** Java's Double.toString (shortest digits, as Java 19+ prints them). */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mant, exp] = x.toExponential().split('e');
  return `${mant.includes('.') ? mant : `${mant}.0`}E${Number(exp)}`;
}

/** Lower-case hex of bytes, `0x` first. */
export const hexBlob = (b: Uint8Array): string => `0x${Buffer.from(b).toString('hex')}`;

export function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Java's String.compareToIgnoreCase: the order DESCRIBE sorts element names in. */
export function ignoreCase(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    x = fold(x);
    y = fold(y);
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

function fold(c: number): number {
  const up = String.fromCharCode(c).toUpperCase();
  const u = up.length === 1 ? up.charCodeAt(0) : c;
  const low = String.fromCharCode(u).toLowerCase();
  return low.length === 1 ? low.charCodeAt(0) : u;
}

/** A stable sort by element name, ignoring case (SchemaElement.NAME_COMPARATOR). */
export function sortedByName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => ignoreCase(a.name, b.name));
}

/** A type as a function signature shows it: no top-level `frozen<...>`. */
export function unfrozen(type: string): string {
  const m = /^frozen<(.*)>$/s.exec(type.trim());
  return m ? m[1] : type;
}
