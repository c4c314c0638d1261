// The interactive face when stdin is a terminal but stdout is not (`tscqlsh | tee session.log`):
// cqlsh is interactive whenever stdin is a terminal, and then, with stdout not a terminal, reads
// plain lines. So does this face, without Ink: banner, prompts, ---MORE--- and results go to
// stdout (through the pipe to the screen and the log), what the user types is echoed straight to
// the terminal (so it is not in the log, as with cqlsh), colors are off unless asked for. Lines
// are edited as in a terminal's cooked mode (Backspace, Ctrl-U, Ctrl-W); the terminal is in raw
// mode so that Ctrl-C reaches the shell as a key and never kills the other end of the pipe.
import fs from 'node:fs';
import { splitBuffer } from '../cql/splitter.js';
import { displayWidth } from '../format/width.js';
import type { Session } from '../db/session.js';
import type { ShellFactory } from '../shell/shell.js';
import { History } from './history.js';
import { KeyParser, type Key } from './keys.js';
import { continuationPrompt, mainPrompt, TERMINATOR_HINT, type PromptOptions } from './prompt.js';
import { banner } from './banner.js';
import { Runner, StopPaging } from './runner.js';
import { isYes } from '../shell/guard.js';

export interface LineReplOptions {
  color: boolean;
  disableHistory?: boolean;
  historySize?: number;
  promptWord?: string;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WritableStream;
  /** ends the REPL (SIGTERM, SIGHUP): the statement running is cancelled, nothing more runs */
  stop?: AbortSignal;
}

type LineEvent = { kind: 'line'; text: string } | { kind: 'interrupt' } | { kind: 'eof' };

const cellsOf = (s: string) => {
  const w = displayWidth(s);
  return w >= 0 ? w : Array.from(s).length;
};

/** The terminal to echo typed keys on: stderr when it is one, else /dev/tty; none without one. */
function echoTarget(): ((s: string) => void) | undefined {
  if (process.stderr.isTTY) return (s) => void process.stderr.write(s);
  try {
    const fd = fs.openSync('/dev/tty', 'w');
    return (s) => {
      try {
        fs.writeSync(fd, s);
      } catch {
        /* the terminal went away: nothing to echo on */
      }
    };
  } catch {
    return undefined;
  }
}

/** Raw keys in, lines out, edited and echoed as a terminal in cooked mode would. */
export class LineReader {
  private line = '';
  private readonly ready: LineEvent[] = [];
  private waiter: ((e: LineEvent) => void) | undefined;
  private readonly parser = new KeyParser({ lfIsEnter: true });
  /** a line that is not echoed (a password) */
  secret = false;

  constructor(
    private readonly echo: (s: string) => void,
    /** Ctrl-C while no line is asked for (a statement runs): true when it was taken care of */
    private readonly onInterrupt: () => boolean,
  ) {}

  push(chunk: string): void {
    for (const k of this.parser.push(chunk)) this.key(k);
  }

  end(): void {
    for (const k of this.parser.flush()) this.key(k);
    this.emit({ kind: 'eof' });
  }

  /** The next line (or Ctrl-C, or the end of input). */
  next(): Promise<LineEvent> {
    const e = this.ready.shift();
    if (e) return Promise.resolve(e);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  private emit(e: LineEvent): void {
    const w = this.waiter;
    this.waiter = undefined;
    if (w) w(e);
    else this.ready.push(e);
  }

  private show(s: string): void {
    if (!this.secret) this.echo(s);
  }

  private erase(text: string): void {
    const n = cellsOf(text);
    this.show('\b'.repeat(n) + ' '.repeat(n) + '\b'.repeat(n));
  }

  /**
   * Ctrl-C: typed-ahead lines are dropped, as a terminal flushes its input on an interrupt; a
   * line being asked for ends (shown as ^C, as a terminal echoes it; the caller ends the row).
   */
  private interrupt(): void {
    this.ready.length = 0;
    this.line = '';
    if (this.waiter || !this.onInterrupt()) {
      this.show('^C');
      this.emit({ kind: 'interrupt' });
    }
  }

  private key(k: Key): void {
    switch (k.name) {
      case 'char':
      case 'paste': {
        const parts = (k.text ?? '').split('\n');
        parts.forEach((p, i) => {
          if (i > 0) this.enter();
          this.line += p;
          this.show(p);
        });
        return;
      }
      case 'tab':
        this.line += '\t';
        this.show('\t');
        return;
      case 'enter':
      case 'newline':
        return this.enter();
      case 'backspace': {
        const chars = Array.from(this.line);
        const last = chars.pop();
        if (last === undefined) return;
        this.line = chars.join('');
        this.erase(last);
        return;
      }
      case 'ctrl':
        if (k.text === 'c') return this.interrupt();
        if (k.text === 'd' && this.line === '') return this.emit({ kind: 'eof' });
        if (k.text === 'u') {
          this.erase(this.line);
          this.line = '';
        } else if (k.text === 'w') {
          const m = /\S*\s*$/.exec(this.line)!;
          this.erase(m[0]);
          this.line = this.line.slice(0, m.index);
        }
        return;
      case 'eof':
        return this.emit({ kind: 'eof' });
      default:
        // arrows and the other editing keys have no meaning on a plain line
        return;
    }
  }

  private enter(): void {
    const text = this.line;
    this.line = '';
    this.show('\r\n');
    this.emit({ kind: 'line', text });
  }
}

export async function runLineRepl(makeShell: ShellFactory, session: Session, o: LineReplOptions): Promise<number> {
  const stdin = o.stdin ?? process.stdin;
  const stdout = o.stdout ?? process.stdout;
  const out = (s: string) => void stdout.write(s);
  await session.loadDetails().catch(() => {});
  out(banner(session, o.color));
  const history = new History({ persist: !o.disableHistory, maxSize: o.historySize });
  // the face's IO, given to the engine as it is built (the reader answers once it exists)
  const shell = makeShell({
    // as getpass: the prompt on the terminal, nothing echoed
    readPassword: async (prompt) => {
      reader.secret = true;
      const show = (s: string) => (process.stderr.isTTY ? process.stderr.write(s) : out(s));
      show(prompt);
      try {
        const e = await reader.next();
        return e.kind === 'line' ? e.text : '';
      } finally {
        reader.secret = false;
        show('\n');
      }
    },
    readLine: async () => {
      out('[copy] ');
      const e = await reader.next();
      return e.kind === 'line' ? e.text + '\n' : null;
    },
    history: () => history.all(),
    // the guard on destructive statements asks on a line of its own
    confirm: async (question) => {
      out(question);
      const e = await reader.next();
      if (e.kind === 'interrupt') out('\n');
      return e.kind === 'line' && isYes(e.text);
    },
  });
  const promptOptions = (): PromptOptions => ({
    keyspace: shell.keyspace,
    username: session.username,
    custom: process.env.CQLSH_PROMPT || undefined,
    word: o.promptWord || process.env.TSCQLSH_PROMPT_WORD || undefined,
  });

  let abort: AbortController | undefined;
  // (typed keys are echoed only when they come from a terminal)
  const echo = (stdin.isTTY ? echoTarget() : undefined) ?? (() => {});
  const reader = new LineReader(echo, () => {
    abort?.abort();
    return abort !== undefined;
  });
  const runner = new Runner(
    shell,
    {
      out,
      err: (s) => void process.stderr.write(s),
      // cqlsh asks for a line at ---MORE---: Enter goes on; q (or Ctrl-C) stops the result
      more: async () => {
        out('---MORE---');
        const e = await reader.next();
        if (e.kind === 'interrupt') out('\n');
        if (e.kind !== 'line' || /^\s*q/i.test(e.text)) throw new StopPaging();
      },
      onKeyspace: () => {},
      onStatementDone: () => {},
    },
    o.color,
  );

  const onData = (d: Buffer | string) => reader.push(typeof d === 'string' ? d : d.toString('utf8'));
  const onEnd = () => reader.end();
  const onSigint = () => reader.push('\x03');
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  stdin.resume();
  process.on('SIGINT', onSigint);
  const onStop = () => {
    abort?.abort();
    reader.end();
  };
  o.stop?.addEventListener('abort', onStop, { once: true });

  try {
    let text = '';
    let emptyLines = 0;
    let prompt = mainPrompt(promptOptions());
    for (;;) {
      if (o.stop?.aborted) return 1;
      out(prompt);
      const e = await reader.next();
      if (o.stop?.aborted) return 1;
      if (e.kind === 'interrupt') {
        // cqlsh: the statement typed so far is dropped, a fresh prompt
        out('\n');
        text = '';
        emptyLines = 0;
        prompt = mainPrompt(promptOptions());
        continue;
      }
      if (e.kind === 'eof') {
        out('\n');
        if (text.trim()) await runStatements(text);
        return 0;
      }
      text += e.text + '\n';
      const split = splitBuffer(text);
      if (text.trim() !== '' && split.incomplete) {
        // cqlsh's continuation prompt, and its reminder in place of it after a few empty lines
        if (emptyLines >= 3) {
          prompt = TERMINATOR_HINT;
          emptyLines = 0;
        } else {
          prompt = continuationPrompt({ ...promptOptions(), username: undefined });
          emptyLines = e.text === '' ? emptyLines + 1 : 0;
        }
        continue;
      }
      const statement = text;
      text = '';
      emptyLines = 0;
      if (statement.trim()) {
        history.add(statement.replace(/\n$/, ''));
        if ((await runStatements(statement)) === 'exit') return 0;
      }
      prompt = mainPrompt(promptOptions());
    }
  } finally {
    process.off('SIGINT', onSigint);
    stdin.off('data', onData);
    stdin.off('end', onEnd);
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
  }

  async function runStatements(statement: string): Promise<string> {
    abort = new AbortController();
    try {
      return await runner.runAll(splitBuffer(statement).events, abort.signal);
    } catch (e) {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      return 'ok';
    } finally {
      abort = undefined;
    }
  }
}
