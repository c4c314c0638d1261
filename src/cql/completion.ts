// The Tab completion engine: given the text up to the cursor and a schema snapshot, what may come
// next and where the replaced word starts. It follows cqlsh's rules: the word being completed is
// what follows the last word break (readline's delimiters plus `.`), the text before it is lexed
// and the current statement is matched against the grammar in complete/ (every reading at once),
// which says what could come next. Pure: the schema and directory listings come in through
// `CompletionSource`.
import { tokenize, type Token } from './lexer.js';
import { COMMANDS_ENDING_AT_NEWLINE } from './vocabulary.js';
import { suggest } from './complete/grammar.js';
import { quoteName, quoteValue, unquote, type CompletionSource, type Env } from './complete/env.js';
import { command } from './complete/rules-shell.js';
import { noteFor } from './complete/notes.js';
import { dequoteValue } from './literals.js';

export type { CompletionSource, TableInfo } from './complete/env.js';
export { quoteName };

export interface Completion {
  /** offset in the text where the replaced word starts */
  start: number;
  /** the candidates as shown, sorted */
  items: string[];
  /** what each candidate puts in place of the word (a space first where CQL wants one) */
  inserts: string[];
  /** what each candidate is, shown next to it: a column's type, a table's kind ('' for none) */
  notes: string[];
  /** what is expected where no candidate can be given: `<value for k (int)>`, `<enter>`, ... */
  hints: string[];
  /** the quote that ends a single candidate: inside a string or quoted name, or for a file name */
  closing: string | null;
}

/** Word breaks: readline's default delimiters (cqlsh keeps them) and `.`. */
const DELIMITERS = new Set(' \t\n`~!@#$%^&*()-=+[{]}\\|;:\'",<>/?.');

/** The statement the cursor is in, as tokens: newlines end shell commands, a batch is one. */
function currentStatement(tokens: readonly Token[]): Token[] {
  // split at `;` (and at the newline that ends a shell command)
  const split: Token[][] = [[]];
  let endsAtNewline = false;
  for (const t0 of tokens) {
    let t = t0;
    const cur = split[split.length - 1];
    if (t.type === 'endline') {
      if (!endsAtNewline) continue;
      t = { ...t, type: 'endtoken' };
    }
    cur.push(t);
    if (cur.length === 1) endsAtNewline = COMMANDS_ENDING_AT_NEWLINE.has(t.text.toLowerCase());
    if (t.type === 'endtoken') {
      endsAtNewline = false;
      split.push([]);
    }
  }
  // the statements of a batch stay together up to APPLY BATCH
  const statements: Token[][] = [];
  let inBatch = false;
  for (const s of split) {
    if (inBatch) statements[statements.length - 1].push(...s);
    else statements.push([...s]);
    if (s.length > 2) {
      if (s[s.length - 3].text.toUpperCase() === 'APPLY') inBatch = false;
      else if (s[0].text.toUpperCase() === 'BEGIN') inBatch = true;
    }
  }
  return statements[statements.length - 1];
}

/** Whether CQL text reads better with a space between a token and what is inserted after it. */
function wantsSpace(prev: Token, next: string): boolean {
  if (next === ',' || next === ')' || next === ':') return false;
  if (prev.type === 'op' && (prev.text === ',' || prev.text === ')' || prev.text === '=')) return true;
  if (prev.type === 'star' && next[0] !== ')') return true;
  if (prev.type === 'endtoken') return true;
  return /[\p{L}\p{N}]$/u.test(prev.text) && next[0] !== ',';
}

/** `FROM [ks.]table` in the rest of the statement after the cursor. */
function tableAfter(after: string): Env['laterTable'] {
  const semi = after.indexOf(';');
  const toks = tokenize(semi >= 0 ? after.slice(0, semi) : after).tokens.filter((t) => t.type !== 'endline');
  const isName = (t: Token | undefined) => t !== undefined && (t.type === 'identifier' || t.type === 'quotedName');
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].text.toUpperCase() !== 'FROM' || !isName(toks[i + 1])) continue;
    if (toks[i + 2]?.text === '.' && isName(toks[i + 3])) return { ks: unquote(toks[i + 1].text), name: unquote(toks[i + 3].text) };
    return { ks: undefined, name: unquote(toks[i + 1].text) };
  }
  return undefined;
}

const NONE = (start: number): Completion => ({ start, items: [], inserts: [], notes: [], hints: [], closing: null });

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Completions at the end of `before` (the buffer text up to the cursor). `after` is the rest of
 * the buffer, read only for the table a statement names after the cursor. `keyspace`: the
 * session's keyspace.
 */
export function complete(before: string, src: CompletionSource, keyspace?: string, after = ''): Completion {
  let start = before.length;
  while (start > 0 && !DELIMITERS.has(before[start - 1])) start--;
  const text = before.slice(0, start);
  let partial = before.slice(start);
  const lexed = tokenize(text);
  if (lexed.errorAt >= 0) return NONE(start);
  let toks = currentStatement(lexed.tokens);

  // inside a string or a quoted name: complete its content
  const lastTok = toks[toks.length - 1];
  let open: Env['open'] = null;
  let opened: string | null = null;
  if (lastTok?.type === 'unclosedComment') return NONE(start);
  if (lastTok?.type === 'unclosedString' || lastTok?.type === 'unclosedName') {
    open = lastTok.type;
    const q = open === 'unclosedString' ? "'" : '"';
    opened = lastTok.text
      .slice(1)
      .split(q + q)
      .join(q);
    toks = toks.slice(0, -1);
    partial = opened + partial;
  }

  const env: Env = { src, keyspace, partial, open, laterTable: tableAfter(after) };
  const out = suggest(command, toks, text, env);
  const hints = [...out.hints];
  if (out.items.delete('\n') && partial === '') hints.push('<enter>');

  // notes go with the candidates as the grammar offered them (before any change of case or quotes)
  const noteOf = new Map<string, string>();
  if (opened === null) {
    for (const [item, o] of out.origin) {
      const n = noteFor(item, o.slot, o.b, env);
      if (n) noteOf.set(item, n);
    }
  }
  const p = partial.toLowerCase();
  const dequote = open === 'unclosedString' ? dequoteValue : open === 'unclosedName' ? unquote : (s: string) => s;
  let items = [...out.items].filter((s) => s !== '' && dequote(s).toLowerCase().startsWith(p));
  if (opened !== null) {
    // the opening quote and what follows it are typed already: offer the rest
    const requote = open === 'unclosedString' ? quoteValue : (s: string) => `"${s.replace(/"/g, '""')}"`;
    items = items.map((s) => requote(dequote(s)).slice(opened.length + 1, -1)).filter((s) => s !== '');
  } else if (partial !== '' && partial === partial.toLowerCase() && /[a-z]/.test(partial)) {
    // keywords in the case the word was started in
    items = items.map((s) => (/^[A-Z_]+[ (]*$/.test(s) ? s.toLowerCase() : s));
  }
  items = [...new Set([...items, ...out.exact])].sort(byCodePoint);

  const prev = toks[toks.length - 1];
  const spaced = prev !== undefined && opened === null && !/\s$/.test(text);
  const inserts = items.map((s) => (spaced && !out.exact.has(s) && wantsSpace(prev, s) ? ` ${s}` : s));
  const closing = open === 'unclosedString' || out.exact.size ? "'" : open === 'unclosedName' ? '"' : null;
  return { start, items, inserts, notes: items.map((s) => noteOf.get(s) ?? ''), hints: hints.sort(byCodePoint), closing };
}

/** The longest common prefix of some strings. */
export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let p = items[0];
  for (const i of items) {
    let n = 0;
    while (n < p.length && n < i.length && p[n] === i[n]) n++;
    p = p.slice(0, n);
  }
  return p;
}
