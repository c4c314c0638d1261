// Syntax highlighting of the statement being typed, from the project's own lexer (cql/lexer.ts),
// so what is colored as a string or a comment is what the splitter will take for one: keywords,
// shell commands, types, strings, numbers and constants, comments; an unclosed quote or comment, a
// bracket without its match and a character no token can start with are errors. Colors are the
// 16 ANSI ones and bold/dim, no backgrounds, readable on light and dark terminals. Pure.
import { tokenize, type Token } from '../cql/lexer.js';
import { endsAtNewline, isShellCommand, NATIVE_TYPES } from '../cql/vocabulary.js';

export type Style = 'keyword' | 'shell' | 'type' | 'string' | 'number' | 'comment' | 'error' | 'suggestion';

export interface Span {
  start: number;
  end: number;
  style: Style;
}

/** SGR on / off per style (each closes only what it opened, so styles nest in plain text). */
const SGR: Record<Style, [string, string]> = {
  keyword: ['\x1b[1m', '\x1b[22m'],
  shell: ['\x1b[1;35m', '\x1b[22;39m'],
  type: ['\x1b[35m', '\x1b[39m'],
  string: ['\x1b[32m', '\x1b[39m'],
  number: ['\x1b[36m', '\x1b[39m'],
  comment: ['\x1b[2m', '\x1b[22m'],
  error: ['\x1b[31;4m', '\x1b[39;24m'],
  suggestion: ['\x1b[2m', '\x1b[22m'],
};

/** CQL's unreserved keywords (Cassandra's grammar): words that are keywords where they stand. */
const KEYWORDS = new Set([
  'access',
  'aggregate',
  'aggregates',
  'all',
  'ann',
  'as',
  'called',
  'cast',
  'cidrs',
  'clustering',
  'compact',
  'contains',
  'count',
  'custom',
  'datacenters',
  'default',
  'deterministic',
  'distinct',
  'exists',
  'filtering',
  'finalfunc',
  'function',
  'functions',
  'group',
  'hashed',
  'initcond',
  'input',
  'internals',
  'json',
  'key',
  'keys',
  'keyspaces',
  'language',
  'like',
  'list',
  'login',
  'logged',
  'mask',
  'masked',
  'maxwritetime',
  'mbean',
  'mbeans',
  'monotonic',
  'nologin',
  'nosuperuser',
  'only',
  'options',
  'partition',
  'password',
  'per',
  'permission',
  'permissions',
  'replace',
  'returns',
  'role',
  'roles',
  'select_masked',
  'sfunc',
  'static',
  'storage',
  'stype',
  'superuser',
  'tables',
  'trigger',
  'ttl',
  'type',
  'types',
  'unmask',
  'unset',
  'user',
  'users',
  'values',
  'writetime',
  'apply',
  'counter',
  'unlogged',
  'off',
]);
/** CQL's types (and the collection words that build them). */
// (counter is styled as a keyword: it is in KEYWORDS)
const TYPES: ReadonlySet<string> = new Set([...NATIVE_TYPES.filter((t) => t !== 'counter'), 'map', 'set', 'tuple', 'frozen', 'vector']);
const CONSTANTS = new Set(['true', 'false', 'null', 'nan', 'infinity']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

function tokenStyle(t: Token, afterDot: boolean): Style | null {
  switch (t.type) {
    case 'reserved_identifier':
      return CONSTANTS.has(t.text.toLowerCase()) ? 'number' : 'keyword';
    case 'identifier': {
      if (afterDot) return null;
      const w = t.text.toLowerCase();
      if (CONSTANTS.has(w)) return 'number';
      if (TYPES.has(w)) return 'type';
      return KEYWORDS.has(w) ? 'keyword' : null;
    }
    case 'quotedStringLiteral':
    case 'pgStringLiteral':
      return 'string';
    case 'float':
    case 'uuid':
    case 'blobLiteral':
    case 'wholenumber':
      return 'number';
    case 'unclosedString':
    case 'unclosedName':
    case 'unclosedPgString':
    case 'unclosedComment':
      return 'error';
    default:
      return null;
  }
}

/** The styled stretches of `text`, in order, not overlapping (what is not in a span is plain). */
export function highlight(text: string): Span[] {
  const spans: Span[] = [];
  const tokens: Token[] = [];
  // a character no token can start with is an error; lexing goes on after it
  for (let from = 0; from < text.length;) {
    const { tokens: toks, errorAt } = tokenize(text.slice(from));
    for (const t of toks) tokens.push({ ...t, start: t.start + from, end: t.end + from });
    if (errorAt < 0) break;
    tokens.push({ type: 'op', text: '\0', start: from + errorAt, end: from + errorAt + 1, line: 0 });
    from += errorAt + 1;
  }
  const open: Token[] = [];
  const unmatched = new Set<Token>();
  let atStart = true;
  let shellCommand = false;
  let prev: Token | undefined;
  let pos = 0;
  const closeStatement = () => {
    for (const t of open) unmatched.add(t);
    open.length = 0;
    atStart = true;
    shellCommand = false;
  };
  const styled: { t: Token; style: Style | null }[] = [];
  /** what lies between tokens and is not blank is a comment (the lexer skips comments) */
  const comment = (from: number, to: number) => {
    const gap = text.slice(from, to);
    const a = gap.search(/\S/);
    if (a < 0) return;
    spans.push({ start: from + a, end: from + gap.trimEnd().length, style: 'comment' });
  };
  for (const t of tokens) {
    comment(pos, t.start);
    pos = t.end;
    if (t.type === 'endline') {
      if (shellCommand) closeStatement();
      continue;
    }
    let style: Style | null;
    if (t.text === '\0') style = 'error';
    else if (atStart && (t.type === 'identifier' || t.type === 'reserved_identifier' || t.text === '?') && isShellCommand(t.text)) {
      style = 'shell';
      shellCommand = endsAtNewline(t.text);
    } else style = tokenStyle(t, prev?.text === '.');
    if (t.type !== 'endtoken') atStart = false;
    if (OPENERS[t.text] && (t.type === 'op' || t.type === 'brackets')) open.push(t);
    else if (CLOSERS.has(t.text) && (t.type === 'op' || t.type === 'brackets')) {
      const o = open[open.length - 1];
      if (o && OPENERS[o.text] === t.text) open.pop();
      else unmatched.add(t);
    }
    styled.push({ t, style });
    if (t.type === 'endtoken') closeStatement();
    prev = t;
  }
  comment(pos, text.length);
  for (const t of open) unmatched.add(t);
  for (const { t, style } of styled) {
    const s = unmatched.has(t) ? 'error' : style;
    if (s) spans.push({ start: t.start, end: t.end, style: s });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** `text` with the spans' colors, every line closed on its own (each is written after a prompt). */
export function paint(text: string, spans: readonly Span[], offset = 0): string {
  let out = '';
  let pos = 0;
  const put = (s: string, style?: Style) => {
    if (!style) return void (out += s);
    const [on, off] = SGR[style];
    out += s
      .split('\n')
      .map((l) => (l ? on + l + off : l))
      .join('\n');
  };
  for (const sp of spans) {
    const start = Math.max(pos, sp.start - offset);
    const end = Math.min(text.length, sp.end - offset);
    if (end <= start) continue;
    put(text.slice(pos, start));
    put(text.slice(start, end), sp.style);
    pos = end;
  }
  put(text.slice(pos));
  return out;
}

/** The lines of `text`, highlighted. */
export function highlightLines(text: string): string[] {
  return paint(text, highlight(text)).split('\n');
}
