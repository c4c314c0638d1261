// Schema table rows (column name → value) and the conversions of their values the schema loader
// uses.
import type { CqlValue } from '../cql/types.js';

export type Row = Record<string, CqlValue>;

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
