// The Tab completion engine: given the text up to the cursor and a schema snapshot, what may come
// next and where the replaced word starts. Pure: the schema and directory listing come in through
// `CompletionSource`; nothing here does I/O of its own.

export interface CompletionSource {
  keyspaces(): readonly string[];
  tables(keyspace: string): readonly string[];
  columns(keyspace: string, table: string): readonly string[];
  types?(keyspace: string): readonly string[];
  functions?(keyspace: string): readonly string[];
  /** entries of a directory, directories with a trailing '/'; [] when it cannot be read */
  listDir?(dir: string): readonly string[];
}

export interface Completion {
  /** offset in the text where the replaced word starts */
  start: number;
  /** full replacements for text.slice(start, cursor), sorted */
  items: string[];
}

export const CONSISTENCY_LEVELS = ['ANY', 'ONE', 'TWO', 'THREE', 'QUORUM', 'ALL', 'LOCAL_QUORUM', 'EACH_QUORUM', 'SERIAL', 'LOCAL_SERIAL', 'LOCAL_ONE'];
export const SERIAL_LEVELS = ['SERIAL', 'LOCAL_SERIAL'];

const STATEMENT_STARTS = [
  'ALTER', 'BEGIN', 'CREATE', 'DELETE', 'DROP', 'GRANT', 'INSERT', 'LIST', 'REVOKE', 'SELECT', 'TRUNCATE', 'UPDATE', 'USE',
];
export const SHELL_COMMANDS = [
  'CAPTURE', 'CLEAR', 'CLS', 'CONSISTENCY', 'COPY', 'DESC', 'DESCRIBE', 'EXIT', 'EXPAND', 'HELP', 'HISTORY', 'LOGIN', 'PAGING',
  'QUIT', 'SERIAL', 'SHOW', 'SOURCE', 'TIMING', 'TRACING', 'UNICODE', 'OUTPUT',
];

/** keywords that may follow a word (upper case), by the previous one or two words */
const NEXT: Record<string, string[]> = {
  CREATE: ['KEYSPACE', 'TABLE', 'INDEX', 'CUSTOM', 'MATERIALIZED', 'TYPE', 'FUNCTION', 'AGGREGATE', 'ROLE', 'USER', 'TRIGGER', 'OR'],
  ALTER: ['KEYSPACE', 'TABLE', 'MATERIALIZED', 'TYPE', 'ROLE', 'USER'],
  DROP: ['KEYSPACE', 'TABLE', 'INDEX', 'MATERIALIZED', 'TYPE', 'FUNCTION', 'AGGREGATE', 'ROLE', 'USER', 'TRIGGER'],
  BEGIN: ['BATCH', 'UNLOGGED', 'COUNTER'],
  UNLOGGED: ['BATCH'],
  COUNTER: ['BATCH'],
  INSERT: ['INTO'],
  DELETE: ['FROM'],
  SELECT: ['*', 'DISTINCT', 'JSON', 'COUNT(*)'],
  MATERIALIZED: ['VIEW'],
  OR: ['REPLACE'],
  IF: ['NOT', 'EXISTS'],
  NOT: ['EXISTS'],
  ORDER: ['BY'],
  GROUP: ['BY'],
  ALLOW: ['FILTERING'],
  PER: ['PARTITION'],
  PARTITION: ['LIMIT'],
  PRIMARY: ['KEY'],
  LIST: ['ROLES', 'USERS', 'ALL', 'PERMISSIONS'],
  EXPAND: ['ON', 'OFF'],
  TRACING: ['ON', 'OFF'],
  TIMING: ['ON', 'OFF'],
  PAGING: ['ON', 'OFF'],
  UNICODE: ['ON', 'OFF'],
  SERIAL: ['CONSISTENCY'],
  SHOW: ['VERSION', 'HOST', 'SESSION', 'REPLICAS'],
  CAPTURE: ['OFF'],
  OUTPUT: ['FORMAT'],
  FORMAT: ['TABLE', 'EXPANDED', 'CSV', 'JSON', 'NDJSON', 'BOX'],
  DESCRIBE: ['KEYSPACES', 'KEYSPACE', 'TABLES', 'TABLE', 'TYPES', 'TYPE', 'FUNCTIONS', 'FUNCTION', 'AGGREGATES', 'AGGREGATE', 'MATERIALIZED', 'INDEX', 'CLUSTER', 'SCHEMA', 'FULL', 'ONLY'],
  HELP: [...STATEMENT_STARTS, ...SHELL_COMMANDS],
  WITH: ['replication', 'durable_writes', 'CLUSTERING', 'compaction', 'comment', 'default_time_to_live', 'gc_grace_seconds', 'PASSWORD', 'LOGIN', 'SUPERUSER'],
};
NEXT.DESC = NEXT.DESCRIBE;

export const CQL_TYPES = [
  'ascii', 'bigint', 'blob', 'boolean', 'counter', 'date', 'decimal', 'double', 'duration', 'float', 'frozen', 'inet', 'int',
  'list', 'map', 'set', 'smallint', 'text', 'time', 'timestamp', 'timeuuid', 'tinyint', 'tuple', 'uuid', 'varchar', 'varint', 'vector',
];

const AFTER_TABLE_IN_SELECT = ['WHERE', 'LIMIT', 'ORDER', 'GROUP', 'PER', 'ALLOW', 'USING'];
const AFTER_WHERE_EXPR = ['AND', 'IN', 'CONTAINS', 'LIMIT', 'ORDER', 'ALLOW', 'IF'];

interface Word {
  text: string;
  upper: string;
  start: number;
}

/** Words, punctuation and literals of a statement (strings and comments skipped as units). */
function words(s: string): Word[] {
  const out: Word[] = [];
  const re = /('(?:[^']|'')*'?|"(?:[^"]|"")*"?|\$\$[\s\S]*?(?:\$\$|$)|--[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|[\w.*]+|\S)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const t = m[0];
    if (t.startsWith('--') || t.startsWith('//') || t.startsWith('/*')) continue;
    out.push({ text: t, upper: t.toUpperCase(), start: m.index });
  }
  return out;
}

export function quoteName(name: string): string {
  return /^[a-z][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, name.endsWith('"') && name.length > 1 ? -1 : undefined).replace(/""/g, '"') : name.toLowerCase();
}

function matchCase(items: readonly string[], prefix: string): string[] {
  const lower = prefix !== '' && prefix === prefix.toLowerCase() && /[a-z]/.test(prefix);
  return items.map((k) => (lower && /^[A-Z_*()]+$/.test(k) ? k.toLowerCase() : k));
}

function filter(items: readonly string[], prefix: string): string[] {
  const p = prefix.toLowerCase();
  const bareP = p.replace(/^"/, '');
  const seen = new Set<string>();
  for (const i of items) {
    const l = i.toLowerCase();
    if (l.startsWith(p) || (l.startsWith('"') && l.slice(1).startsWith(bareP))) seen.add(i);
  }
  return [...seen].sort((a, b) => a.localeCompare(b));
}

/** `ks.table` or `table` (in the current keyspace) → [ks, table]. */
function tableRef(ref: string, keyspace: string | undefined): [string, string] | null {
  const m = /^("(?:[^"]|"")*"|\w+)(?:\.("(?:[^"]|"")*"|\w+))?$/.exec(ref);
  if (!m) return null;
  if (m[2] !== undefined) return [unquote(m[1]), unquote(m[2])];
  return keyspace === undefined ? null : [keyspace, unquote(m[1])];
}

/** The table a statement is about (after FROM, INTO, UPDATE, TABLE), wherever it appears. */
function statementTable(ws: Word[], keyspace: string | undefined): [string, string] | null {
  for (let i = 0; i + 1 < ws.length; i++) {
    const u = ws[i].upper;
    if (u === 'FROM' || u === 'INTO' || u === 'UPDATE' || u === 'TABLE' || u === 'TRUNCATE') {
      const r = tableRef(ws[i + 1].text, keyspace);
      if (r) return r;
    }
  }
  return null;
}

function tableNames(src: CompletionSource, prefix: string, keyspace: string | undefined): string[] {
  const dot = prefix.indexOf('.');
  if (dot >= 0) {
    const ks = unquote(prefix.slice(0, dot));
    return src.tables(ks).map((t) => `${prefix.slice(0, dot)}.${quoteName(t)}`);
  }
  const names = src.keyspaces().map((k) => `${quoteName(k)}.`);
  if (keyspace !== undefined) names.push(...src.tables(keyspace).map(quoteName));
  return names;
}

function pathItems(src: CompletionSource, prefix: string): string[] {
  if (!src.listDir) return [];
  const slash = prefix.lastIndexOf('/');
  const dir = slash >= 0 ? prefix.slice(0, slash + 1) : '';
  return src.listDir(dir || '.').map((e) => dir + e);
}

/**
 * Completions at the end of `before` (the buffer text up to the cursor). `after` is the rest of
 * the current statement, read only to find its table. `keyspace`: the session's keyspace.
 */
export function complete(before: string, src: CompletionSource, keyspace?: string, after = ''): Completion {
  const stmtStart = Math.max(before.lastIndexOf(';') + 1, 0);
  const stmt = before.slice(stmtStart);
  // inside a string: a file path for SOURCE / CAPTURE / COPY, nothing otherwise
  const ws = words(stmt);
  const lastTok = ws[ws.length - 1];
  const atWordEnd = lastTok !== undefined && lastTok.start + lastTok.text.length === stmt.length && /^['"\w.*$]/.test(lastTok.text);
  const prefixTok = atWordEnd ? lastTok : undefined;
  const prefix = prefixTok?.text ?? '';
  const start = stmtStart + (prefixTok ? prefixTok.start : stmt.length);
  const prev = ws.slice(0, prefixTok ? -1 : undefined);
  const first = prev[0]?.upper;
  const p1 = prev[prev.length - 1]?.upper;
  const p2 = prev[prev.length - 2]?.upper;
  const done = (items: readonly string[], pre = prefix): Completion => ({ start, items: filter(matchCase(items, pre), pre) });

  if (prefix.startsWith("'")) {
    if (first === 'SOURCE' || first === 'CAPTURE' || (first === 'COPY' && (p1 === 'FROM' || p1 === 'TO'))) {
      const inner = prefix.slice(1);
      return { start: start + 1, items: filter(pathItems(src, inner), inner) };
    }
    return { start, items: [] };
  }
  if (prev.length === 0) return done([...STATEMENT_STARTS, ...SHELL_COMMANDS]);
  if (first === 'SOURCE' || first === 'CAPTURE') return prev.length === 1 ? done(["'", ...(first === 'CAPTURE' ? ['OFF'] : [])]) : done([]);
  if ((first === 'CONSISTENCY' && prev.length === 1) || (first === 'SERIAL' && p1 === 'CONSISTENCY')) {
    return done(first === 'SERIAL' ? SERIAL_LEVELS : CONSISTENCY_LEVELS);
  }
  if (first === 'USE' && prev.length === 1) return done(src.keyspaces().map(quoteName));
  if (first === 'DESCRIBE' || first === 'DESC') {
    if (p1 === 'KEYSPACE') return done(src.keyspaces().map(quoteName));
    if (p1 === 'TABLE') return done(tableNames(src, prefix, keyspace));
    if (p1 === 'TYPE' && keyspace) return done((src.types?.(keyspace) ?? []).map(quoteName));
    if ((p1 === 'FUNCTION' || p1 === 'AGGREGATE') && keyspace) return done((src.functions?.(keyspace) ?? []).map(quoteName));
    if (prev.length === 1) return done([...NEXT.DESCRIBE, ...tableNames(src, prefix, keyspace)]);
    return done([]);
  }
  if (first === 'COPY') {
    if (prev.length === 1) return done(tableNames(src, prefix, keyspace));
    if (p1 === '(' || p1 === ',') {
      const t = tableRef(prev[1].text, keyspace);
      return done(t ? src.columns(t[0], t[1]).map(quoteName) : []);
    }
    return done(['FROM', 'TO', 'WITH', "'"]);
  }
  if (p1 === 'FROM' || p1 === 'INTO' || p1 === 'UPDATE' || p1 === 'TRUNCATE' || (p1 === 'TABLE' && first !== 'CREATE') || (p1 === 'ON' && first === 'CREATE')) {
    return done(tableNames(src, prefix, keyspace));
  }
  if (p1 === 'KEYSPACE' && first !== 'CREATE') return done(src.keyspaces().map(quoteName));
  if (p1 === 'TYPE' && first !== 'CREATE' && keyspace) return done((src.types?.(keyspace) ?? []).map(quoteName));

  const all = words(stmt + after.slice(0, Math.max(0, after.indexOf(';')) || after.length));
  const table = statementTable(all, keyspace);
  const cols = table ? src.columns(table[0], table[1]).map(quoteName) : [];
  const fns = keyspace ? (src.functions?.(keyspace) ?? []) : [];

  if (first === 'SELECT') {
    const fromAt = prev.findIndex((w) => w.upper === 'FROM');
    if (fromAt < 0) {
      // the select list: columns (of the FROM table, even when it comes after the cursor)
      const lead = prev.length === 1 ? NEXT.SELECT : ['FROM'];
      return done(p1 === ',' || p1 === '(' || prev.length === 1 || p1 === 'DISTINCT' || p1 === 'JSON' ? [...cols, ...fns, ...lead] : ['FROM', 'AS']);
    }
    if (fromAt === prev.length - 2) return done(AFTER_TABLE_IN_SELECT);
  }
  if (p1 === 'WHERE' || p1 === 'AND' || p1 === 'SET' || p1 === ',' || p1 === '(' || (p1 === 'BY' && (p2 === 'ORDER' || p2 === 'GROUP'))) {
    if (cols.length) return done(cols);
  }
  if (first === 'INSERT' && prev.length === 3) return done(['(', 'JSON']);
  if (first === 'UPDATE' && prev.length === 2) return done(['SET', 'USING']);
  if (first === 'DELETE' && prev.length === 1) return done(['FROM', ...cols]);
  if (prev.some((w) => w.upper === 'WHERE') && !NEXT[p1 ?? '']) {
    if (/^[=<>]|^'|^\d/.test(prev[prev.length - 1].text)) return done(AFTER_WHERE_EXPR);
    return done([...AFTER_WHERE_EXPR, '=', 'IN']);
  }
  if (first === 'CREATE' && p1 === 'TABLE') return done(['IF', ...src.keyspaces().map((k) => `${quoteName(k)}.`)]);
  // a column's type in CREATE TABLE / TYPE, ALTER ... ADD, and inside collection brackets
  const defining = (first === 'CREATE' || first === 'ALTER') && prev.some((w) => w.upper === 'TABLE' || w.upper === 'TYPE');
  if (defining && (p1 === '<' || ((p2 === '(' || p2 === ',' || p2 === 'ADD') && /^[\w"]/.test(p1 ?? '')))) {
    return done([...CQL_TYPES, ...(keyspace ? (src.types?.(keyspace) ?? []).map(quoteName) : [])]);
  }
  return done(NEXT[p1 ?? ''] ?? []);
}

/** The longest common prefix of completion items (case-insensitive match, first item's case). */
export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let p = items[0];
  for (const i of items) {
    let n = 0;
    while (n < p.length && n < i.length && p[n].toLowerCase() === i[n].toLowerCase()) n++;
    p = p.slice(0, n);
  }
  return p;
}
