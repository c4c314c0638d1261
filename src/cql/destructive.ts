// Which statements destroy data or schema, for the guard that asks before running them
// (--confirm-destructive) or refuses them (--safe): any DROP, TRUNCATE, ALTER TABLE ... DROP, and
// a DELETE whose WHERE clause does not pin the full primary key (a whole partition or a range of
// rows goes), also inside a BATCH. Pure: the table's key comes in through `keyOf`.
import { tokenize, type Token } from './lexer.js';

/** A table's primary key and static columns (names as stored). */
export interface TableKey {
  partitionKey: readonly string[];
  clustering: readonly string[];
  statics: readonly string[];
}

export interface Destructive {
  /** what the statement does, short: `DROP TABLE shop.orders`, `DELETE FROM shop.orders` */
  what: string;
  /** why a DELETE counts (it does not give the full primary key) */
  why?: string;
}

/** A name as typed → as stored: "Quoted" keeps its case, a bare name is folded to lower case. */
function unquote(name: string): string {
  return name.startsWith('"') && name.endsWith('"') && name.length >= 2 ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase();
}

const isName = (t: Token | undefined) => t !== undefined && (t.type === 'identifier' || t.type === 'quotedName' || t.type === 'reserved_identifier');
const up = (t: Token | undefined) => (t ? t.text.toUpperCase() : '');

/** The source text of tokens [from, to), blanks collapsed. */
function textOf(src: string, toks: readonly Token[], from: number, to: number): string {
  if (to <= from) return '';
  return src.slice(toks[from].start, toks[to - 1].end).replace(/\s+/g, ' ');
}

/** `[ks.]name` at `i`: its parts and the index after it, or null. */
function qualifiedName(toks: readonly Token[], i: number): { ks?: string; name: string; end: number } | null {
  if (!isName(toks[i])) return null;
  if (toks[i + 1]?.text === '.' && isName(toks[i + 2])) return { ks: unquote(toks[i].text), name: unquote(toks[i + 2].text), end: i + 3 };
  return { name: unquote(toks[i].text), end: i + 1 };
}

const DROP_KINDS = [
  'MATERIALIZED VIEW',
  'COLUMNFAMILY',
  'KEYSPACE',
  'SCHEMA',
  'TABLE',
  'INDEX',
  'TYPE',
  'FUNCTION',
  'AGGREGATE',
  'ROLE',
  'USER',
  'TRIGGER',
  'IDENTITY',
];
/** Kinds whose names live in a keyspace (the session's, when not qualified). */
const IN_KEYSPACE = new Set(['MATERIALIZED VIEW', 'COLUMNFAMILY', 'TABLE', 'INDEX', 'TYPE', 'FUNCTION', 'AGGREGATE']);

/**
 * The statement's danger, or null when it is not destructive. `keyspace`: the session's (named
 * with an unqualified target); `keyOf`: a table's key, undefined when unknown (then any DELETE
 * counts: it cannot be shown to be a single-row delete).
 */
export function destructive(
  text: string,
  keyspace: string | undefined,
  keyOf: (ks: string | undefined, table: string) => TableKey | undefined,
): Destructive | null {
  const { tokens } = tokenize(text);
  const toks = tokens.filter((t) => t.type !== 'endline' && !t.type.startsWith('unclosed'));
  while (toks.length && toks[toks.length - 1].type === 'endtoken') toks.pop();
  return statement(text, toks, keyspace, keyOf);
}

function statement(
  src: string,
  toks: Token[],
  keyspace: string | undefined,
  keyOf: (ks: string | undefined, table: string) => TableKey | undefined,
): Destructive | null {
  const first = up(toks[0]);
  const inKs = (qualified: boolean) => (!qualified && keyspace !== undefined ? ` (keyspace ${keyspace})` : '');
  if (first === 'DROP') {
    const kind = DROP_KINDS.find((k) => k.split(' ').every((w, i) => up(toks[1 + i]) === w));
    let i = 1 + (kind ? kind.split(' ').length : 0);
    if (up(toks[i]) === 'IF' && up(toks[i + 1]) === 'EXISTS') i += 2;
    const target = textOf(src, toks, i, toks.length);
    const qualified = toks.slice(i).some((t) => t.text === '.');
    const what = `DROP ${kind ?? textOf(src, toks, 1, i)}${target ? ` ${target}` : ''}`.trim();
    return { what: what + (kind && IN_KEYSPACE.has(kind) ? inKs(qualified) : '') };
  }
  if (first === 'TRUNCATE') {
    const i = up(toks[1]) === 'TABLE' || up(toks[1]) === 'COLUMNFAMILY' ? 2 : 1;
    const n = qualifiedName(toks, i);
    return { what: `TRUNCATE ${textOf(src, toks, i, toks.length)}${inKs(n?.ks !== undefined)}` };
  }
  if (first === 'ALTER' && (up(toks[1]) === 'TABLE' || up(toks[1]) === 'COLUMNFAMILY')) {
    const n = qualifiedName(toks, 2);
    if (!n || up(toks[n.end]) !== 'DROP') return null;
    return { what: `ALTER TABLE ${textOf(src, toks, 2, toks.length)}${inKs(n.ks !== undefined)}` };
  }
  if (first === 'DELETE') return deleteStatement(src, toks, keyspace, keyOf);
  if (first === 'BEGIN') {
    // each statement of the batch (a DELETE is the one that can be destructive), up to APPLY BATCH
    let seg: Token[] = [];
    for (const t of [...toks.slice(1), { type: 'endtoken', text: ';' } as Token]) {
      if (t.type !== 'endtoken') {
        seg.push(t);
        continue;
      }
      const at = seg.findIndex((x) => up(x) === 'DELETE');
      const found = at < 0 ? null : deleteStatement(src, seg.slice(at), keyspace, keyOf);
      if (found) return found;
      seg = [];
    }
  }
  return null;
}

/** DELETE [cols] FROM [ks.]t [USING ...] WHERE ... [IF ...]: destructive unless it names one row by its full key. */
function deleteStatement(
  src: string,
  toks: Token[],
  keyspace: string | undefined,
  keyOf: (ks: string | undefined, table: string) => TableKey | undefined,
): Destructive | null {
  const from = toks.findIndex((t) => up(t) === 'FROM');
  const n = from < 0 ? null : qualifiedName(toks, from + 1);
  if (!n) return null;
  const what = `DELETE ${textOf(src, toks, 1, from + 1)} ${textOf(src, toks, from + 1, n.end)}`.replace(/\s+/g, ' ').trim();
  const label = what + (n.ks === undefined && keyspace !== undefined ? ` (keyspace ${keyspace})` : '');
  const key = keyOf(n.ks ?? keyspace, n.name);
  if (!key) return { what: label, why: 'its table is not known, so it may not name one row' };
  const where = toks.findIndex((t, i) => i >= n.end && up(t) === 'WHERE');
  const pinned = where < 0 ? new Set<string>() : pinnedColumns(toks, where + 1);
  const missing = (cols: readonly string[]) => cols.filter((c) => !pinned.has(c));
  const fullKey = [...key.partitionKey, ...key.clustering];
  if (missing(fullKey).length === 0) return null;
  // static columns of one partition are one row's worth
  const deleted = toks
    .slice(1, from)
    .filter(isName)
    .map((t) => unquote(t.text));
  if (missing(key.partitionKey).length === 0 && deleted.length > 0 && deleted.every((c) => key.statics.includes(c))) return null;
  return { what: label, why: `not the full primary key (${fullKey.join(', ')}): more than one row may go` };
}

/** Columns a WHERE clause restricts with `=` or `IN` (one value, or a list: still single rows). */
function pinnedColumns(toks: readonly Token[], from: number): Set<string> {
  const out = new Set<string>();
  let depth = 0;
  for (let i = from; i < toks.length; i++) {
    const t = toks[i];
    if (depth === 0 && up(t) === 'IF') break;
    if (t.text === '(' || t.text === '[' || t.text === '{') {
      // (a, b) = (...) / (a, b) IN (...): a tuple of columns right after WHERE or AND
      if (depth === 0 && t.text === '(' && (i === from || up(toks[i - 1]) === 'AND')) {
        const close = toks.findIndex((x, j) => j > i && x.text === ')');
        const names = toks.slice(i + 1, close).filter((x) => x.text !== ',');
        if (close > 0 && names.every(isName) && (toks[close + 1]?.text === '=' || up(toks[close + 1]) === 'IN')) {
          for (const x of names) out.add(unquote(x.text));
          i = close;
          continue;
        }
      }
      depth++;
      continue;
    }
    if (t.text === ')' || t.text === ']' || t.text === '}') {
      depth--;
      continue;
    }
    if (depth === 0 && isName(t) && (i === from || up(toks[i - 1]) === 'AND')) {
      const op = toks[i + 1];
      if (op?.text === '=' || up(op) === 'IN') out.add(unquote(t.text));
    }
  }
  return out;
}
