// A small grammar engine for Tab completion. Rules are functions from a parse position to every
// position they can reach (all alternatives are followed at once, so an ambiguous prefix keeps
// all its readings). When a rule stands exactly at the end of the tokens it says what could come
// there: a keyword adds itself, a token class adds a hint such as `<wholenumber>`, and a named
// slot with a completer adds what the completer finds (schema names, options) instead of what its
// own sub-rules would add. Named slots also record the text they matched (bindings), which later
// completers read: the table a WHERE clause is about, the columns already listed, ...
import type { Token, TokenType } from '../lexer.js';

export type Bindings = Readonly<Record<string, string | readonly string[]>>;

/** A parse position: the next token to match and what has been bound on the way. */
export interface Ctx {
  readonly at: number;
  readonly b: Bindings;
}

/** A hint: shown with the candidates but never inserted (`<value for k (int)>`). */
export interface Hint {
  hint: string;
}

/** A candidate its completer already matched against the word typed (it is not filtered again). */
export interface Exact {
  exact: string;
}

export type Suggestion = string | Hint | Exact;

export interface Sink {
  items: Set<string>;
  hints: Set<string>;
  exact: Set<string>;
  /** the slot that offered each item, and what was bound there (for notes: a column's type, a table's kind) */
  origin: Map<string, { slot: string; b: Bindings }>;
}

/** One completion run: the tokens of the statement before the cursor and where suggestions go. */
export interface Run<E> {
  readonly toks: readonly Token[];
  /** the source text the token offsets point into */
  readonly src: string;
  /** null while a completer has claimed the position (sub-rules are matched but add nothing) */
  readonly out: Sink | null;
  readonly env: E;
}

export type Rule<E> = (c: Ctx, r: Run<E>) => Ctx[];

/**
 * What a slot suggests at the end of the input, or null when it does not apply (then the slot's
 * own sub-rules suggest as usual).
 */
export type Completer<E> = (c: Ctx, r: Run<E>) => Iterable<Suggestion> | null;

export const hint = (text: string): Hint => ({ hint: text });

function add(out: Sink, s: Suggestion): void {
  if (typeof s === 'string') out.items.add(s);
  else if ('hint' in s) out.hints.add(s.hint);
  else out.exact.add(s.exact);
}

const step = (c: Ctx): Ctx => ({ at: c.at + 1, b: c.b });

/** A fixed word or symbol (matched without regard to case). */
export function word<E>(text: string): Rule<E> {
  const lower = text.toLowerCase();
  return (c, r) => {
    const t = r.toks[c.at];
    if (t) return t.text.toLowerCase() === lower ? [step(c)] : [];
    if (r.out) r.out.items.add(text);
    return [];
  };
}

/** Several words in a row: `words('PRIMARY KEY')`. */
export function words<E>(text: string): Rule<E> {
  return seq(...text.split(' ').map((w) => word<E>(w)));
}

/** A token of a class; at the end it hints `<name>` (or adds `suggest` for a one-symbol class). */
export function token<E>(type: TokenType, name: string = type, suggest?: string): Rule<E> {
  return (c, r) => {
    const t = r.toks[c.at];
    if (t) return t.type === type ? [step(c)] : [];
    if (r.out) {
      if (suggest !== undefined) r.out.items.add(suggest);
      else r.out.hints.add(`<${name}>`);
    }
    return [];
  };
}

/** A token whose text matches `re` (whatever its class); at the end it hints `<name>`. */
export function pattern<E>(re: RegExp, name: string): Rule<E> {
  return (c, r) => {
    const t = r.toks[c.at];
    if (t) return re.test(t.text) ? [step(c)] : [];
    if (r.out) r.out.hints.add(`<${name}>`);
    return [];
  };
}

export function seq<E>(...parts: Rule<E>[]): Rule<E> {
  return (c, r) => {
    let ctxs = [c];
    for (const p of parts) {
      const next: Ctx[] = [];
      for (const x of ctxs) for (const y of p(x, r)) next.push(y);
      if (next.length === 0) return [];
      ctxs = next;
    }
    return ctxs;
  };
}

export function alt<E>(...choices: Rule<E>[]): Rule<E> {
  return (c, r) => {
    const out: Ctx[] = [];
    for (const p of choices) for (const y of p(c, r)) out.push(y);
    return out;
  };
}

export function opt<E>(p: Rule<E>): Rule<E> {
  return (c, r) => [c, ...p(c, r)];
}

/** Zero or more: every count reached is a reading. */
export function many<E>(p: Rule<E>): Rule<E> {
  return (c, r) => {
    const found = [c];
    let ctxs = [c];
    while (ctxs.length) {
      const next: Ctx[] = [];
      for (const x of ctxs) for (const y of p(x, r)) if (y.at > x.at) next.push(y);
      found.push(...next);
      ctxs = next;
    }
    return found;
  };
}

/** `p` followed by any number of `sep p`. */
export function list<E>(p: Rule<E>, sep: Rule<E> = word(',')): Rule<E> {
  return seq(p, many(seq(sep, p)));
}

/** A rule defined later (for recursion and forward references). */
export function lazy<E>(get: () => Rule<E>): Rule<E> {
  let rule: Rule<E> | undefined;
  return (c, r) => (rule ??= get())(c, r);
}

function matchedText<E>(r: Run<E>, from: number, to: number): string {
  if (to <= from) return '';
  return r.src.slice(r.toks[from].start, r.toks[to - 1].end);
}

function claim<E>(name: string, c: Ctx, r: Run<E>, complete: Completer<E> | undefined): Run<E> {
  if (!complete || !r.out || c.at < r.toks.length) return r;
  const got = complete(c, r);
  if (got === null) return r;
  for (const s of got) {
    add(r.out, s);
    if (typeof s === 'string' && !r.out.origin.has(s)) r.out.origin.set(s, { slot: name, b: c.b });
  }
  return { ...r, out: null };
}

/** A named slot: binds the text `p` matched to `name`; `complete` may suggest in its place. */
export function slot<E>(name: string, p: Rule<E>, complete?: Completer<E>): Rule<E> {
  return (c, r) => p(c, claim(name, c, r, complete)).map((y) => ({ at: y.at, b: { ...y.b, [name]: matchedText(r, c.at, y.at) } }));
}

/** Like `slot`, but each match is appended to the list bound to `name`. */
export function collect<E>(name: string, p: Rule<E>, complete?: Completer<E>): Rule<E> {
  return (c, r) =>
    p(c, claim(name, c, r, complete)).map((y) => {
      const prev = y.b[name];
      const list = Array.isArray(prev) ? prev : [];
      return { at: y.at, b: { ...y.b, [name]: [...list, matchedText(r, c.at, y.at)] } };
    });
}

/** A slot that never suggests anything (words that may be names but should not be offered). */
export function quiet<E>(p: Rule<E>): Rule<E> {
  return (c, r) => p(c, r.out && c.at >= r.toks.length ? { ...r, out: null } : r);
}

/** The last value bound to `name` ('' when none). */
export function last(b: Bindings, name: string): string {
  const v = b[name];
  if (v === undefined) return '';
  return typeof v === 'string' ? v : (v[v.length - 1] ?? '');
}

/** Every value bound to `name` (a single binding counts as one). */
export function all(b: Bindings, name: string): readonly string[] {
  const v = b[name];
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : v;
}

/** Runs `start` over the tokens and returns what may come after them. */
export function suggest<E>(start: Rule<E>, toks: readonly Token[], src: string, env: E): Sink {
  const out: Sink = { items: new Set(), hints: new Set(), exact: new Set(), origin: new Map() };
  start({ at: 0, b: {} }, { toks, src, out, env });
  return out;
}
