// What the completion rules may look at: the schema (through `CompletionSource`), the session's
// keyspace, the word being completed and the statement text after the cursor. Plus the small
// name helpers every rule module uses.
import { quoteName } from '../../describe/cql-text.js';
import type { TokenType } from '../lexer.js';
import { NATIVE_TYPES } from '../vocabulary.js';
import { last, type Bindings, type Completer } from './grammar.js';

/** A table (or materialized view) as completion sees it. */
export interface TableInfo {
  partitionKey: readonly string[];
  clustering: readonly string[];
  /** every column: partition key, clustering columns, then the others */
  columns: readonly { name: string; type: string }[];
  /** what the table's indexes are on (`col`, `keys(m)`, ...) */
  indexTargets: readonly string[];
}

export interface CompletionSource {
  keyspaces(): readonly string[];
  /** tables only (views are `views`) */
  tables(keyspace: string): readonly string[];
  table(keyspace: string, name: string): TableInfo | undefined;
  views?(keyspace: string): readonly string[];
  indexes?(keyspace: string): readonly string[];
  types?(keyspace: string): readonly string[];
  typeFields?(keyspace: string, type: string): readonly string[];
  functions?(keyspace: string): readonly string[];
  aggregates?(keyspace: string): readonly string[];
  /** what kind of table a table is (`table`, `virtual table`), for the completion menu */
  tableKind?(keyspace: string, name: string): string | undefined;
  /** HELP topics (shell commands and CQL topics) */
  helpTopics?(): readonly string[];
  /** entries of a directory, directories with a trailing '/'; [] when it cannot be read */
  listDir?(dir: string): readonly string[];
}

export interface Env {
  src: CompletionSource;
  keyspace: string | undefined;
  /** the word being completed (inside a quote: what follows the quote) */
  partial: string;
  /** the kind of the open token the cursor is in (a string or a quoted name), if any */
  open: TokenType | null;
  /** the table the rest of the statement (after the cursor) names after FROM, if any */
  laterTable: { ks: string | undefined; name: string } | undefined;
}

export type C = Completer<Env>;

export { quoteName };

/** A name as typed → as stored: "Quoted" keeps its case, a bare name is folded to lower case. */
export function unquote(name: string): string {
  const n = name.trim();
  if (n.length >= 2 && n.startsWith('"') && n.endsWith('"')) return n.slice(1, -1).replace(/""/g, '"');
  return n.toLowerCase();
}

export const quoteValue = (v: string): string => `'${v.replace(/'/g, "''")}'`;

/** The keyspace bound under `name` (unquoted), else the session's. */
export function keyspaceOf(b: Bindings, env: Env, name = 'ksname'): string | undefined {
  const ks = last(b, name);
  return ks ? unquote(ks) : env.keyspace;
}

/** The table (or view) the statement names so far (`ksname` and `cfname` or `mvname` bindings). */
export function tableOf(b: Bindings, env: Env): TableInfo | undefined {
  const cf = last(b, 'cfname') || last(b, 'mvname');
  if (!cf) return undefined;
  const ks = keyspaceOf(b, env);
  return ks === undefined ? undefined : env.src.table(ks, unquote(cf));
}

export const NON_ALTERABLE_KEYSPACES = ['system', 'system_schema', 'system_views', 'system_virtual_schema'];

/** Columns that are neither partition key nor clustering. */
export function regularColumns(t: TableInfo): string[] {
  const key = new Set([...t.partitionKey, ...t.clustering]);
  return t.columns.map((c) => c.name).filter((n) => !key.has(n));
}

export function columnType(t: TableInfo, name: string): string | undefined {
  return t.columns.find((c) => c.name === name)?.type;
}

const SIMPLE: ReadonlySet<string> = new Set(NATIVE_TYPES);
export const SIMPLE_TYPES: readonly string[] = [...SIMPLE];

/** A user-defined type's name when the column's type is one (`addr`, `frozen<addr>`), else undefined. */
export function userTypeName(type: string): string | undefined {
  const inner = /^frozen<(.*)>$/.exec(type)?.[1] ?? type;
  if (SIMPLE.has(inner) || /[<>]/.test(inner)) return undefined;
  return unquote(inner);
}
