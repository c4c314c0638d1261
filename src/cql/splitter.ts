// Splits shell input into statements the way cqlsh does, incrementally and in one pass.
//
// cqlsh reads its input a line at a time into a buffer. After each line it looks at the whole
// buffer: if it cannot be tokenized it reports "Invalid syntax" and drops the buffer; if it holds
// nothing but whitespace and comments it drops it silently; if its last statement is finished
// (ends with `;`, or with a newline for the shell commands that allow that, and no BATCH is left
// open) it runs every statement in it and empties it; otherwise it waits for more lines. At end
// of input a non-empty buffer is an "Incomplete statement at end of file". This module keeps
// those rules (including which line numbers cqlsh reports) but never looks at a character twice.

import { CqlLexer, type OpenConstruct, type Token } from './lexer.js';
import { COMMANDS_ENDING_AT_NEWLINE, shellCommandOf, type ShellCommandName } from './vocabulary.js';

export interface Statement {
  kind: 'statement';
  /**
   * The statement as cqlsh handles it (and sends it to the server): from its first token through
   * its terminator, comments and line breaks inside kept. The terminator is `;`, or a newline
   * (`\n`, possibly after `\r`) for shell commands that end at the end of their line.
   */
  text: string;
  /** `text` without its terminator and whatever precedes it after the last token */
  body: string;
  /** the terminator token's text: ';' or '\n' */
  terminator: string;
  /** the first token in lower case: what cqlsh dispatches on (`;` for an empty statement) */
  keyword: string;
  /** the shell command this is, or null for CQL */
  shellCommand: ShellCommandName | null;
  /** the statement's tokens (comments and unneeded newlines left out), offsets relative to `text` */
  tokens: Token[];
  /** input line (1-based) of the first token */
  line: number;
  /** input line of the terminator */
  endLine: number;
  /**
   * The line number cqlsh puts in front of messages about this statement in batch mode
   * (`file:LINE:message`): one past the input line that completed the statement's buffer.
   */
  reportLine: number;
  /** the source from the end of the previous statement (or the start of the buffer) through the terminator */
  raw: string;
}

/** Input cqlsh's lexer refuses. The whole buffer it was found in is dropped. */
export interface InvalidSyntax {
  kind: 'syntax-error';
  /** line of the bad character within the buffer (1-based, counting `\n`) */
  line: number;
  /** its position in that line (1-based, in code points) */
  char: number;
  /** that line of the buffer, as is */
  sourceLine: string;
  /** what cqlsh prints: the message, the line indented by two, and a caret under the character */
  lines: [string, string, string];
  /** the message as printed when line numbers are off (interactive use) */
  shortMessage: string;
  /** line number for the `file:LINE:` prefix in batch mode */
  reportLine: number;
}

/** End of input with an unfinished statement. */
export interface IncompleteStatement {
  kind: 'incomplete';
  message: 'Incomplete statement at end of file';
  reportLine: number;
}

export type SplitEvent = Statement | InvalidSyntax | IncompleteStatement;

/** The lines cqlsh prints for a syntax error (without any `file:LINE:` prefix). */
export function syntaxErrorLines(err: InvalidSyntax, showLineNumbers: boolean): string[] {
  return [showLineNumbers ? err.lines[0] : err.shortMessage, err.lines[1], err.lines[2]];
}

/**
 * Where input lines end. `lf`: at `\n` only (standard input and the interactive shell).
 * `universal`: at `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`-`\x1e`, `\x85`, `\u2028`, `\u2029`
 * (files read with `-f` or SOURCE, as Python's str.splitlines). Either way only `\n` ends a
 * shell command's line, and line breaks are kept in the text. `newlines`: Python's universal
 * newlines mode of a text file (COPY FROM's CSV): at `\n`, `\r` or `\r\n`, each given as `\n`.
 */
export type LineBreaks = 'lf' | 'universal' | 'newlines';

const UNIVERSAL_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;
const NEWLINES_BREAK = /[\n\r]/g;

/** Cuts a stream of text chunks into lines, each keeping its line break. */
export class LineReader {
  private parts: string[] = [];
  private pendingCR = false;

  constructor(readonly lineBreaks: LineBreaks = 'lf') {}

  /** The complete lines this chunk finishes. */
  push(chunk: string): string[] {
    const out: string[] = [];
    let pos = 0;
    if (this.pendingCR) {
      if (chunk === '') return out;
      this.pendingCR = false;
      if (chunk.charCodeAt(0) === 10) {
        // the \r\n split across chunks (already a \n when translated)
        if (this.lineBreaks !== 'newlines') this.parts.push('\n');
        pos = 1;
      }
      out.push(this.take());
    }
    if (this.lineBreaks === 'lf') {
      for (;;) {
        const k = chunk.indexOf('\n', pos);
        if (k < 0) break;
        this.parts.push(chunk.slice(pos, k + 1));
        out.push(this.take());
        pos = k + 1;
      }
    } else {
      const re = this.lineBreaks === 'universal' ? UNIVERSAL_BREAK : NEWLINES_BREAK;
      const translate = this.lineBreaks === 'newlines';
      re.lastIndex = pos;
      for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
        let k = m.index + 1;
        if (m[0] === '\r') {
          if (k === chunk.length) {
            this.parts.push(translate ? chunk.slice(pos, m.index) + '\n' : chunk.slice(pos));
            this.pendingCR = true;
            return out;
          }
          if (chunk.charCodeAt(k) === 10) k++;
        }
        this.parts.push(translate && m[0] === '\r' ? chunk.slice(pos, m.index) + '\n' : chunk.slice(pos, k));
        out.push(this.take());
        pos = k;
        re.lastIndex = k;
      }
    }
    if (pos < chunk.length) this.parts.push(chunk.slice(pos));
    return out;
  }

  /** The last line, when the input does not end with a line break (else null). */
  end(): string | null {
    this.pendingCR = false;
    return this.parts.length > 0 ? this.take() : null;
  }

  private take(): string {
    const line = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    return line;
  }
}

export interface SplitterOptions {
  lineBreaks?: LineBreaks;
}

/**
 * One cqlsh buffer: its text, its tokens grouped into finished statements (a BATCH merged into
 * one) plus the one in progress, and the lexer state at its end.
 */
class StatementBuffer {
  readonly lexer = new CqlLexer();
  parts: string[] = [];
  private done: Token[][] = [];
  private cur: Token[] = [];
  private endsAtNewline = false;
  batchOpen = false;
  private readonly onToken = (t: Token) => this.addToken(t);

  /** Adds a segment; returns the buffer offset of a character that cannot be lexed, or -1. */
  add(seg: string, line: number): number {
    this.parts.push(seg);
    return this.lexer.lex(seg, line, this.onToken);
  }

  isEmpty(): boolean {
    return this.parts.length === 0;
  }

  text(): string {
    return this.parts.join('');
  }

  /** Would cqlsh run this buffer now? 'empty' when it holds no statement at all. */
  status(): 'incomplete' | 'empty' | 'complete' {
    const open = this.lexer.openConstruct;
    if ((open !== null && open !== 'lineComment') || this.cur.length > 0 || this.batchOpen) return 'incomplete';
    return this.done.length > 0 ? 'complete' : 'empty';
  }

  /** Appends the buffer's statements to `events`. */
  emit(reportLine: number, events: SplitEvent[]): void {
    emitStatements(this.text(), this.done, reportLine, events);
  }

  clear(): void {
    this.parts = [];
    this.done = [];
    this.cur = [];
    this.endsAtNewline = false;
    this.batchOpen = false;
    this.lexer.reset();
  }

  private addToken(t: Token): void {
    if (t.type === 'endline') {
      if (!this.endsAtNewline) return;
      t.type = 'endtoken';
    }
    const cur = this.cur;
    cur.push(t);
    if (t.type !== 'endtoken') {
      if (cur.length === 1) this.endsAtNewline = COMMANDS_ENDING_AT_NEWLINE.has(t.text.toLowerCase());
      return;
    }
    this.endsAtNewline = false;
    if (this.batchOpen) {
      const last = this.done[this.done.length - 1];
      for (const x of cur) last.push(x);
    } else {
      this.done.push(cur);
    }
    // A piece whose third-last token is APPLY closes a batch; one that starts with BEGIN opens one.
    if (cur.length > 2) {
      if (cur[cur.length - 3].text.toUpperCase() === 'APPLY') this.batchOpen = false;
      else if (cur[0].text.toUpperCase() === 'BEGIN') this.batchOpen = true;
    }
    this.cur = [];
  }
}

/**
 * The incremental splitter. `push` text in chunks of any size (or whole lines with `pushLine`),
 * run the statements returned in order, and call `end` at the end of input.
 *
 * Statements come out in groups, as in cqlsh: a line that finishes a statement while an earlier
 * one in the same buffer is still open yields nothing until the whole buffer is complete, and
 * a syntax error anywhere in the buffer drops all of it.
 */
export class StatementSplitter {
  private readonly reader: LineReader;
  private readonly buffer = new StatementBuffer();
  private linesRead = 0;

  constructor(options: SplitterOptions = {}) {
    this.reader = new LineReader(options.lineBreaks ?? 'lf');
  }

  /** Feeds a chunk of input; returns what the lines it completes produce. */
  push(chunk: string): SplitEvent[] {
    const events: SplitEvent[] = [];
    for (const line of this.reader.push(chunk)) this.feedLine(line, events);
    return events;
  }

  /**
   * Feeds exactly one input line (ending with its line break, unless it is the last). Use this
   * with a `LineReader` when something else (COPY ... FROM STDIN) may take lines in between.
   */
  pushLine(line: string): SplitEvent[] {
    const events: SplitEvent[] = [];
    this.feedLine(line, events);
    return events;
  }

  /** End of input: the last unterminated line's statements, then any incomplete statement. */
  end(): SplitEvent[] {
    const events: SplitEvent[] = [];
    const last = this.reader.end();
    if (last !== null) this.feedLine(last, events);
    if (!this.buffer.isEmpty()) {
      events.push({ kind: 'incomplete', message: 'Incomplete statement at end of file', reportLine: this.linesRead + 1 });
      this.buffer.clear();
    }
    return events;
  }

  /** Drops the unfinished statement (as Ctrl-C does in the shell). Line counting goes on. */
  reset(): void {
    this.buffer.clear();
  }

  /** Counts `n` input lines read by someone else (COPY ... FROM STDIN). */
  skipLines(n: number): void {
    this.linesRead += n;
  }

  /** Input lines read so far; cqlsh's current line number for messages is this plus one. */
  get lineCount(): number {
    return this.linesRead;
  }

  /** True when no unfinished statement is waiting (the shell shows its main prompt). */
  isEmpty(): boolean {
    return this.buffer.isEmpty();
  }

  /** The text of the unfinished statement(s) waiting for more input ('' when none). */
  pending(): string {
    return this.buffer.text();
  }

  /** What the pending text ends inside of: a string, quoted name, $$ string, comment, or nothing. */
  openConstruct(): OpenConstruct | null {
    const open = this.buffer.lexer.openConstruct;
    return open === 'lineComment' ? null : open;
  }

  /** True inside an unfinished BEGIN BATCH ... APPLY BATCH. */
  inBatch(): boolean {
    return this.buffer.batchOpen;
  }

  private feedLine(line: string, events: SplitEvent[]): void {
    this.linesRead++;
    const buffer = this.buffer;
    const errorAt = buffer.add(line, this.linesRead);
    if (errorAt >= 0) {
      events.push(syntaxError(buffer.text(), errorAt, this.linesRead + 1));
      buffer.clear();
      return;
    }
    const status = buffer.status();
    if (status === 'incomplete') return;
    if (status === 'complete') buffer.emit(this.linesRead + 1, events);
    buffer.clear();
  }
}

function emitStatements(buffer: string, pieces: Token[][], reportLine: number, events: SplitEvent[]): void {
  let prevEnd = 0;
  for (const tokens of pieces) {
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const start = first.start;
    const text = buffer.slice(start, last.end);
    const body = tokens.length > 1 ? buffer.slice(start, tokens[tokens.length - 2].end) : '';
    const raw = buffer.slice(prevEnd, last.end);
    prevEnd = last.end;
    for (const t of tokens) {
      t.start -= start;
      t.end -= start;
    }
    const keyword = first.text.toLowerCase();
    events.push({
      kind: 'statement',
      text,
      body,
      terminator: last.text,
      keyword,
      shellCommand: shellCommandOf(keyword),
      tokens,
      line: first.line,
      endLine: last.line,
      reportLine,
      raw,
    });
  }
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function syntaxError(buffer: string, at: number, reportLine: number): InvalidSyntax {
  let line = 1;
  for (let k = buffer.indexOf('\n'); k >= 0 && k < at; k = buffer.indexOf('\n', k + 1)) line++;
  const lineStart = buffer.lastIndexOf('\n', at - 1) + 1;
  const nextNl = buffer.indexOf('\n', at);
  const sourceLine = buffer.slice(lineStart, nextNl < 0 ? buffer.length : nextNl);
  const char = codePoints(buffer.slice(lineStart, at)) + 1;
  return {
    kind: 'syntax-error',
    line,
    char,
    sourceLine,
    lines: [`Invalid syntax at line ${line}, char ${char}`, `  ${sourceLine}`, ` ${' '.repeat(char)}^`],
    shortMessage: `Invalid syntax at char ${char}`,
    reportLine,
  };
}

/** Splits a whole input (as a file or standard input would be) in one go. */
export function splitAll(text: string, options: SplitterOptions = {}): SplitEvent[] {
  const splitter = new StatementSplitter(options);
  const events = splitter.push(text);
  for (const e of splitter.end()) events.push(e);
  return events;
}

export interface BufferSplit {
  /** the statements, or the one syntax error */
  events: SplitEvent[];
  /** true when the text does not finish its last statement (cqlsh then runs nothing, silently) */
  incomplete: boolean;
}

/**
 * Splits a text handled as one buffer, the way `cqlsh -e` does (nothing is run unless all of it
 * is complete; messages carry line number 1). Give it the text as `-e` would: with a `;` appended
 * when it does not end with one (see `executeText`).
 */
export function splitBuffer(text: string): BufferSplit {
  const buffer = new StatementBuffer();
  const events: SplitEvent[] = [];
  let pos = 0;
  let line = 1;
  // the lines go in with no check in between; one check at the very end
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const errorAt = buffer.add(text.slice(pos, end), line);
    if (errorAt >= 0) {
      events.push(syntaxError(text, errorAt, 1));
      return { events, incomplete: false };
    }
    pos = end;
    line++;
  }
  const status = buffer.status();
  if (status === 'complete') buffer.emit(1, events);
  return { events, incomplete: status === 'incomplete' };
}

/** The text `cqlsh -e` works on: the argument with `;` added unless it already ends with one. */
export function executeText(arg: string): string {
  return arg.endsWith(';') ? arg : `${arg};`;
}
