// Schema table rows (column name → value) and the conversions of their values the schema loader
// uses.
import type { CqlValue } from '../cql/types.js';
import type { Consistency } from '../cql/vocabulary.js';
import type { Session } from './session.js';

export type Row = Record<string, CqlValue>;

/** A query's rows as column name → value, every page read. */
export async function selectRows(session: Session, cql: string, consistency?: Consistency): Promise<Row[]> {
  const out: Row[] = [];
  for await (const page of session.execute(cql, { consistency, pageSize: 5000 })) {
    if (!page.columns) break;
    const names = page.columns.map((c) => c.name);
    for (const r of page.rows) out.push(Object.fromEntries(names.map((n, i) => [n, r[i]])));
  }
  return out;
}

export const str = (v: CqlValue | undefined): string => (v === null || v === undefined ? '' : String(v));
export const strOrNull = (v: CqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
export const numOrNull = (v: CqlValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));
export const boolOrNull = (v: CqlValue | undefined): boolean | null => (typeof v === 'boolean' ? v : null);
export const list = (v: CqlValue | undefined): string[] => (Array.isArray(v) ? (v as CqlValue[]).map(str) : []);

export function textMap(v: CqlValue | undefined): Record<string, string> {
  if (!Array.isArray(v)) return {};
  return Object.fromEntries((v as [CqlValue, CqlValue][]).map(([k, x]) => [str(k), str(x)]));
}

export function blobMap(v: CqlValue | undefined): Record<string, Uint8Array> {
  if (!Array.isArray(v)) return {};
  return Object.fromEntries((v as [CqlValue, CqlValue][]).map(([k, x]) => [str(k), x instanceof Uint8Array ? x : new Uint8Array()]));
}

export const key = (ks: string, name: string) => `${ks}\u0000${name}`;
