// The CQL shell's tokenizer, matching cqlsh's lexer token for token: the same token kinds, the
// same extents, and the same characters it refuses. It runs incrementally: text arrives in
// segments (normally one input line each) and strings, quoted names, $$ strings and comments may
// run on from one segment into the next. Every character is looked at once.
//
// Token kinds (cqlsh's names): words are `identifier` (or `reserved_identifier` for reserved
// keywords), literals `quotedStringLiteral`, `pgStringLiteral` ($$...$$), `quotedName`, `float`,
// `uuid`, `blobLiteral`, `wholenumber`; punctuation `colon`, `star`, `endtoken` (;), `op`, `cmp`,
// `brackets`, `qmark` (?); `endline` is a newline; `unclosed*` are a string, name, $$ string or
// /* comment still open at the end of the text. Whitespace and closed comments produce nothing.

export type TokenType =
  | 'reserved_identifier'
  | 'endline'
  | 'quotedStringLiteral'
  | 'pgStringLiteral'
  | 'quotedName'
  | 'unclosedPgString'
  | 'unclosedString'
  | 'unclosedName'
  | 'unclosedComment'
  | 'float'
  | 'uuid'
  | 'blobLiteral'
  | 'wholenumber'
  | 'identifier'
  | 'colon'
  | 'star'
  | 'endtoken'
  | 'op'
  | 'cmp'
  | 'brackets'
  | 'qmark';

export interface Token {
  type: TokenType;
  text: string;
  /** offset of the first character (UTF-16 units), from the start of the lexed text */
  start: number;
  /** offset just past the last character */
  end: number;
  /** the line number the caller gave for the segment where the token starts */
  line: number;
}

/** A construct still open at the end of the text so far. */
export type OpenConstruct = 'string' | 'name' | 'pgString' | 'comment' | 'lineComment';

// Reserved keywords: a word spelled like one of these (and standing alone) is a reserved_identifier.
const RESERVED = new Set([
  'add',
  'allow',
  'alter',
  'and',
  'apply',
  'asc',
  'authorize',
  'batch',
  'begin',
  'by',
  'columnfamily',
  'create',
  'delete',
  'desc',
  'describe',
  'drop',
  'entries',
  'execute',
  'from',
  'full',
  'grant',
  'if',
  'in',
  'index',
  'infinity',
  'insert',
  'into',
  'is',
  'keyspace',
  'limit',
  'materialized',
  'modify',
  'nan',
  'norecursive',
  'not',
  'null',
  'of',
  'on',
  'or',
  'order',
  'primary',
  'rename',
  'revoke',
  'schema',
  'select',
  'set',
  'table',
  'to',
  'token',
  'truncate',
  'unlogged',
  'update',
  'use',
  'using',
  'view',
  'where',
  'with',
]);

const NL = 10;
const CR = 13;
const QUOTE = 39; // '
const DQUOTE = 34; // "
const DOLLAR = 36;
const MINUS = 45;
const SLASH = 47;
const STAR = 42;
const DOT = 46;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Letters a word may start with: ASCII letters and the four that fold onto them (İ ı ſ K). */
function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x130 || c === 0x131 || c === 0x17f || c === 0x212a;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c) || c === 95;
}

function isBlank(c: number): boolean {
  // space, tab, carriage return, form feed, vertical tab (not newline)
  return c === 32 || c === 9 || c === CR || c === 12 || c === 11;
}

const UNICODE_WORD = /^[\p{L}\p{N}_]$/u;

/** A "word" character in the Unicode sense (what a keyword must not touch on either side). */
function isUnicodeWordChar(ch: string): boolean {
  return ch !== '' && UNICODE_WORD.test(ch);
}

/** The code point just before `i` in `s` as a string ('' at the start). */
function charBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const lo = s.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = s.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.slice(i - 2, i);
  }
  return s[i - 1];
}

function charAt(s: string, i: number): string {
  if (i >= s.length) return '';
  return String.fromCodePoint(s.codePointAt(i)!);
}

function foldKeyword(word: string): string {
  return word
    .replace(/[\u0130\u0131]/g, 'i')
    .replace(/\u017f/g, 's')
    .replace(/\u212a/g, 'k')
    .toLowerCase();
}

const UUID_GROUPS = [8, 4, 4, 4, 12];

/** Length of a UUID starting at `i`, or 0. */
function uuidLength(s: string, i: number): number {
  let j = i;
  for (let g = 0; g < UUID_GROUPS.length; g++) {
    if (g > 0) {
      if (s.charCodeAt(j) !== MINUS) return 0;
      j++;
    }
    for (let k = 0; k < UUID_GROUPS[g]; k++, j++) {
      if (!isHex(s.charCodeAt(j))) return 0;
    }
  }
  return j - i;
}

function skipDigits(s: string, i: number): number {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** End of a float (`-?[0-9]+.[0-9]+`) starting at `i`, or -1. */
function floatEnd(s: string, i: number): number {
  let j = i;
  if (s.charCodeAt(j) === MINUS) j++;
  const digitsEnd = skipDigits(s, j);
  if (digitsEnd === j || s.charCodeAt(digitsEnd) !== DOT || !isDigit(s.charCodeAt(digitsEnd + 1))) return -1;
  return skipDigits(s, digitsEnd + 1);
}

const LINE_END = /[\n\r]/g;

/**
 * An incremental tokenizer. Feed it segments with `lex`; read what is still open with
 * `openConstruct`; call `finish` at the very end of the text to get the unclosed token, if any.
 */
export class CqlLexer {
  private base = 0;
  private prevChar = '';
  private open: OpenConstruct | null = null;
  private openStart = 0;
  private openLine = 0;
  private openParts: string[] = [];
  /** offset of the last `''` (or `""`) pair inside the open string or name, or -1 */
  private lastPair = -1;

  /** What the text so far ends inside of, if anything. */
  get openConstruct(): OpenConstruct | null {
    return this.open;
  }

  /** Total length of the text lexed so far. */
  get length(): number {
    return this.base;
  }

  /** Forget everything: the next segment starts a new text at offset 0. */
  reset(): void {
    this.base = 0;
    this.prevChar = '';
    this.open = null;
    this.openParts = [];
    this.lastPair = -1;
  }

  /**
   * Tokenizes one segment, calling `emit` for each token completed in it (newlines included, as
   * `endline`). Returns the offset (from the start of the whole text) of the first character no
   * token can start with, or -1. After an error the lexer must be reset.
   *
   * A segment should end at a line end (or be the last one): tokens never look past its end.
   */
  lex(seg: string, line: number, emit: (t: Token) => void): number {
    const n = seg.length;
    const base = this.base;
    const tok = (type: TokenType, s: number, e: number) => emit({ type, text: seg.slice(s, e), start: base + s, end: base + e, line });
    let i = 0;
    if (this.open) i = this.resume(seg, 0, 0, emit);
    while (i < n) {
      const c = seg.charCodeAt(i);
      if (c === NL) {
        tok('endline', i, i + 1);
        i++;
      } else if (isBlank(c)) {
        i++;
        while (i < n && isBlank(seg.charCodeAt(i))) i++;
      } else if (isWordStart(c)) {
        let e = isHex(c) ? i + uuidLength(seg, i) : i;
        if (e > i) {
          tok('uuid', i, e);
        } else {
          e = i + 1;
          while (e < n && isWordPart(seg.charCodeAt(e))) e++;
          const word = seg.slice(i, e);
          const before = i > 0 ? charBefore(seg, i) : this.prevChar;
          const reserved = RESERVED.has(foldKeyword(word)) && !isUnicodeWordChar(before) && !isUnicodeWordChar(charAt(seg, e));
          emit({ type: reserved ? 'reserved_identifier' : 'identifier', text: word, start: base + i, end: base + e, line });
        }
        i = e;
      } else if (isDigit(c)) {
        let e = floatEnd(seg, i);
        if (e > 0) {
          tok('float', i, e);
        } else if ((e = uuidLength(seg, i)) > 0) {
          e += i;
          tok('uuid', i, e);
        } else if (c === 48 && (seg.charCodeAt(i + 1) | 32) === 120 && isHex(seg.charCodeAt(i + 2))) {
          e = i + 3;
          while (e < n && isHex(seg.charCodeAt(e))) e++;
          tok('blobLiteral', i, e);
        } else {
          e = skipDigits(seg, i);
          tok('wholenumber', i, e);
        }
        i = e;
      } else if (c === QUOTE || c === DQUOTE) {
        this.openAt(c === QUOTE ? 'string' : 'name', base + i, line);
        i = this.resume(seg, i, i + 1, emit);
      } else if (c === DOLLAR) {
        if (seg.charCodeAt(i + 1) !== DOLLAR) return base + i;
        this.openAt('pgString', base + i, line);
        i = this.resume(seg, i, i + 2, emit);
      } else if ((c === MINUS && seg.charCodeAt(i + 1) === MINUS) || (c === SLASH && seg.charCodeAt(i + 1) === SLASH)) {
        this.openAt('lineComment', base + i, line);
        i = this.resume(seg, i, i + 2, emit);
      } else if (c === SLASH && seg.charCodeAt(i + 1) === STAR) {
        this.openAt('comment', base + i, line);
        i = this.resume(seg, i, i + 2, emit);
      } else if (c === MINUS) {
        const e = floatEnd(seg, i);
        if (e > 0) {
          tok('float', i, e);
          i = e;
        } else {
          tok('op', i, i + 1);
          i++;
        }
      } else {
        const type = punctuation(c);
        if (type === null) return base + i;
        const e = type === 'cmp' && seg.charCodeAt(i + 1) === 61 ? i + 2 : i + 1;
        tok(type, i, e);
        i = e;
      }
    }
    this.base += n;
    if (n > 0) this.prevChar = charBefore(seg, n);
    return -1;
  }

  /** Emits the token left open at the very end of the text (if any) and closes it. */
  finish(emit: (t: Token) => void): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    if (open === 'lineComment') return;
    const text = this.openParts.join('');
    this.openParts = [];
    const start = this.openStart;
    const line = this.openLine;
    if ((open === 'string' || open === 'name') && this.lastPair >= 0) {
      // An unterminated string that contains doubled quotes closes at the last pair; what
      // follows is a new, unclosed one.
      const cut = this.lastPair + 1 - start;
      emit({ type: open === 'string' ? 'quotedStringLiteral' : 'quotedName', text: text.slice(0, cut), start, end: start + cut, line });
      emit({ type: open === 'string' ? 'unclosedString' : 'unclosedName', text: text.slice(cut), start: start + cut, end: start + text.length, line });
      return;
    }
    const type: TokenType =
      open === 'string' ? 'unclosedString' : open === 'name' ? 'unclosedName' : open === 'pgString' ? 'unclosedPgString' : 'unclosedComment';
    emit({ type, text, start, end: start + text.length, line });
  }

  private openAt(kind: OpenConstruct, start: number, line: number): void {
    this.open = kind;
    this.openStart = start;
    this.openLine = line;
    this.openParts = [];
    this.lastPair = -1;
  }

  /**
   * Continues the open construct, which begins at `from` in this segment (0 when it began in
   * an earlier one), scanning from `at`. Returns where lexing resumes: just past the construct's
   * end, or the segment's length when it is still open.
   */
  private resume(seg: string, from: number, at: number, emit: (t: Token) => void): number {
    const n = seg.length;
    let end = -1;
    switch (this.open) {
      case 'string':
      case 'name': {
        const q = this.open === 'string' ? "'" : '"';
        let j = at;
        for (;;) {
          const k = seg.indexOf(q, j);
          if (k < 0) break;
          if (k + 1 < n && seg[k + 1] === q) {
            this.lastPair = this.base + k;
            j = k + 2;
            continue;
          }
          end = k + 1;
          break;
        }
        break;
      }
      case 'pgString': {
        const k = seg.indexOf('$$', at);
        if (k >= 0) end = k + 2;
        break;
      }
      case 'comment': {
        const k = seg.indexOf('*/', at);
        if (k >= 0) end = k + 2;
        break;
      }
      case 'lineComment': {
        LINE_END.lastIndex = at;
        const m = LINE_END.exec(seg);
        if (m) end = m.index + 1;
        break;
      }
      default:
        return at;
    }
    if (end < 0) {
      this.openParts.push(from === 0 ? seg : seg.slice(from));
      return n;
    }
    const kind = this.open;
    this.open = null;
    if (kind === 'string' || kind === 'name' || kind === 'pgString') {
      this.openParts.push(seg.slice(from, end));
      const text = this.openParts.join('');
      const type: TokenType = kind === 'string' ? 'quotedStringLiteral' : kind === 'name' ? 'quotedName' : 'pgStringLiteral';
      emit({ type, text, start: this.openStart, end: this.openStart + text.length, line: this.openLine });
    }
    this.openParts = [];
    return end;
  }
}

function punctuation(c: number): TokenType | null {
  switch (c) {
    case 58: // :
      return 'colon';
    case STAR:
      return 'star';
    case 59: // ;
      return 'endtoken';
    case 43: // +
    case 61: // =
    case 37: // %
    case 44: // ,
    case 40: // (
    case 41: // )
    case DOT:
    case SLASH:
      return 'op';
    case 60: // <
    case 62: // >
    case 33: // !
      return 'cmp';
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
      return 'brackets';
    case 63: // ?
      return 'qmark';
    default:
      return null;
  }
}

export interface TokenizeResult {
  tokens: Token[];
  /** offset of the first character no token can start with, or -1 */
  errorAt: number;
}

/**
 * Tokenizes a whole text at once (newlines become `endline` tokens; line numbers count `\n`).
 * Stops at the first character that cannot be lexed.
 */
export function tokenize(text: string): TokenizeResult {
  const lexer = new CqlLexer();
  const tokens: Token[] = [];
  const push = (t: Token) => tokens.push(t);
  let line = 1;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const errorAt = lexer.lex(text.slice(pos, end), line, push);
    if (errorAt >= 0) return { tokens, errorAt };
    pos = end;
    line++;
  }
  lexer.finish(push);
  return { tokens, errorAt: -1 };
}

/**
 * The first word of a statement as cqlsh dispatches on it: the first token's text in lower case
 * ('' when there is none). `?` stays `?`.
 */
export function firstWord(text: string): string {
  const { tokens } = tokenize(text);
  for (const t of tokens) if (t.type !== 'endline') return t.text.toLowerCase();
  return '';
}
