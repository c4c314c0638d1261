// Column order as the server keeps it: partition key and clustering columns by position, then
// static and regular columns, simple before complex (non-frozen collections and UDTs), by name
// with the server's prefix comparison (ColumnMetadata.compareTo).
import { NATIVE_TYPES } from '../cql/vocabulary.js';
import type { ColumnModel } from './model.js';

// the native types and 'empty' (a type the server can report for a column)
const SCALARS: ReadonlySet<string> = new Set([...NATIVE_TYPES, 'empty']);

/** True for a multi-cell type: a non-frozen list, set, map or user type. */
export function isComplex(type: string): boolean {
  const t = type.trim();
  if (/^(list|set|map)</i.test(t)) return true;
  if (/^(frozen|tuple|vector)</i.test(t) || t.startsWith("'")) return false;
  return !SCALARS.has(t.toLowerCase());
}

/** The server's comparison of two column names of the same kind. */
export function compareColumnNames(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  for (let i = 0; i < 6; i++) {
    const p = i < x.length ? x[i] ^ (i === 0 ? 0x80 : 0) : i === 0 ? 0x80 : 0;
    const q = i < y.length ? y[i] ^ (i === 0 ? 0x80 : 0) : i === 0 ? 0x80 : 0;
    if (p !== q) return p - q;
  }
  return Buffer.compare(x, y);
}

function compareCells(a: ColumnModel, b: ColumnModel): number {
  const ca = isComplex(a.type) ? 1 : 0;
  const cb = isComplex(b.type) ? 1 : 0;
  if (ca !== cb) return ca - cb;
  return compareColumnNames(a.name, b.name);
}

export const partitionKey = (cols: readonly ColumnModel[]): ColumnModel[] =>
  cols.filter((c) => c.kind === 'partition_key').sort((a, b) => a.position - b.position);

export const clustering = (cols: readonly ColumnModel[]): ColumnModel[] => cols.filter((c) => c.kind === 'clustering').sort((a, b) => a.position - b.position);

/** Every column in the order CREATE TABLE lists them. */
export function createOrder(cols: readonly ColumnModel[]): ColumnModel[] {
  const statics = cols.filter((c) => c.kind === 'static').sort(compareCells);
  const regulars = cols.filter((c) => c.kind === 'regular').sort(compareCells);
  return [...partitionKey(cols), ...clustering(cols), ...statics, ...regulars];
}

/** Every column in SELECT order: key columns, then the rest by name. */
export function selectOrder(cols: readonly ColumnModel[]): ColumnModel[] {
  const rest = cols
    .filter((c) => c.kind === 'static' || c.kind === 'regular')
    .sort((a, b) => Buffer.compare(Buffer.from(a.name, 'utf8'), Buffer.from(b.name, 'utf8')));
  return [...partitionKey(cols), ...clustering(cols), ...rest];
}
