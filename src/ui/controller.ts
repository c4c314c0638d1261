// The REPL's state machine, independent of Ink: keys in, a view out (prompt, buffer, menu, one
// status line), results written once through `io.out`/`io.err`. Modes: editing, running a
// submission, waiting at ---MORE---, reverse search, exiting.
import type { CompletionSource } from '../cql/completion.js';
import { splitBuffer } from '../cql/splitter.js';
import type { Shell } from '../shell/shell.js';
import * as B from './buffer.js';
import { applyEditKey } from './editor.js';
import { highlightLines } from './highlight.js';
import { LineEditor } from './line-editor.js';
import type { History } from './history.js';
import type { Key } from './keys.js';
import type { PagerSink } from './pager.js';
import { continuationPrompt, echo, mainPrompt, type PromptOptions } from './prompt.js';
import { Runner, StopPaging } from './runner.js';
import { searchStep, startSearch, type Search } from './search.js';
import { moveInMenu, tabPress, type Menu, type MenuMove } from './tab.js';

export type { Menu } from './tab.js';
export type { Search } from './search.js';

export type Mode = 'edit' | 'running' | 'more' | 'search' | 'input' | 'exit';

/** A line a running command asks for: a password (not shown) or COPY FROM STDIN data. */
export interface InputRequest {
  prompt: string;
  secret: boolean;
  buffer: B.EditBuffer;
}

export interface View {
  mode: Mode;
  prompt: string;
  continuation: string;
  /** lines of the buffer whose prompt is cqlsh's reminder (prompt.ts continuationFor) */
  hints: readonly string[];
  buffer: B.EditBuffer;
  menu: Menu | null;
  search: Search | null;
  input: InputRequest | null;
  status: string;
  /** the buffer is shown highlighted (colors on and HIGHLIGHT ON) */
  highlight: boolean;
  /** the rest of the suggestion from history, shown dimmed after the buffer ('' when none) */
  suggestion: string;
}

export interface ControllerIO {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): void;
  /** Ctrl-Z: stop the process as a shell's job (the terminal is handed back first) */
  suspend?(): void;
  /** opens the text in the user's editor: what was saved, or null when nothing came back */
  editor?(text: string): Promise<string | null>;
}

export interface ControllerOptions {
  shell: Shell;
  history: History;
  /** `refresh` after DDL; `pending`: a schema load to wait for (briefly) before completing */
  schema: CompletionSource & { refresh?(): Promise<void>; pending?(): Promise<void> | undefined };
  io: ControllerIO;
  color: boolean;
  prompt?: Omit<PromptOptions, 'keyspace' | 'username'>;
  /** the logged-in user, read for each prompt */
  username?: () => string | undefined;
  /** the optional pager, used instead of ---MORE--- */
  pager?: PagerSink;
}

export const SCHEMA_WAIT = 'Reading the schema for completion… (Ctrl-C to stop waiting)';
export { TERMINATOR_HINT } from './prompt.js';
const DDL = /^(create|alter|drop)$/i;

/** Keys that move the selection while the completion menu is open. */
const MENU_KEYS: Partial<Record<Key['name'], MenuMove>> = {
  up: 'up',
  down: 'down',
  left: 'left',
  right: 'right',
  pageup: 'page-up',
  pagedown: 'page-down',
};

export class ReplController {
  private view: View;
  private readonly listeners = new Set<() => void>();
  private readonly runner: Runner;
  private readonly queue: Key[] = [];
  private abort: AbortController | undefined;
  private moreWaiter: { resolve: () => void; reject: (e: Error) => void } | undefined;
  private inputWaiter: ((line: string | null) => void) | undefined;
  private emptyLines = 0;
  /** waiting for the schema before completing: keys queue */
  private waiting = false;
  private waitToken = 0;
  /** kill ring and undo of the prompt's buffer */
  private readonly editor = new LineEditor();
  /** the terminal's width, for moving in the completion menu's grid */
  private width = 80;

  constructor(private readonly o: ControllerOptions) {
    this.runner = new Runner(
      o.shell,
      {
        out: (s) => o.io.out(s),
        err: (s) => o.io.err(s),
        more: () => this.more(),
        onKeyspace: () => this.set({ ...this.prompts() }),
        onStatementDone: (ev) => {
          if (DDL.test(ev.keyword)) void o.schema.refresh?.();
        },
        pager: o.pager,
        edit: async (text) => {
          const r = await this.o.io.editor?.(text);
          if (r !== null && r !== undefined) this.edited = r;
        },
      },
      o.color,
    );
    this.view = this.decorate({
      mode: 'edit',
      ...this.prompts(),
      hints: [],
      buffer: B.EMPTY,
      menu: null,
      search: null,
      input: null,
      status: '',
      highlight: false,
      suggestion: '',
    });
  }

  /** what EDIT brought back from the editor, for the prompt once the statement is over */
  private edited: string | undefined;
  /** the last suggestion looked up: [buffer text, suggestion] */
  private suggested: [string, string] = ['', ''];

  /** The view's highlighting and suggestion, from the session's switches and the history. */
  private decorate(v: View): View {
    const repl = this.o.shell.state.repl;
    const highlight = this.o.color && repl.highlight;
    let suggestion = '';
    const b = v.buffer;
    if (this.o.color && repl.suggest && v.mode === 'edit' && !v.menu && b.cursor === b.text.length && b.text.trim() !== '') {
      if (this.suggested[0] !== b.text) this.suggested = [b.text, this.suggestFor(b.text)];
      suggestion = this.suggested[1];
    }
    return highlight === v.highlight && suggestion === v.suggestion ? v : { ...v, highlight, suggestion };
  }

  /**
   * The rest of the newest history entry that starts with `text` ('' when none). Typing on from
   * the last look-up needs no scan of the history: nothing matched then, nothing matches now; and
   * the entry found then, when it still starts with the text, is still the newest that does.
   */
  private suggestFor(text: string): string {
    const [before, rest] = this.suggested;
    if (before !== '' && text.startsWith(before)) {
      if (rest === '') return '';
      const entry = before + rest;
      if (entry.startsWith(text) && entry.length > text.length) return entry.slice(text.length);
    }
    return this.o.history.suggest(text)?.slice(text.length) ?? '';
  }

  /** The text as it stays in the scrollback after the prompt (highlighted as it was shown). */
  private echo(text: string): string {
    return echo(text, this.promptOptions(), this.view.hints, this.view.highlight ? highlightLines(text) : undefined);
  }

  private promptOptions(): PromptOptions {
    return { ...this.o.prompt, keyspace: this.o.shell.keyspace, username: this.o.username?.() };
  }

  private prompts(): { prompt: string; continuation: string } {
    const p = this.promptOptions();
    return { prompt: mainPrompt(p), continuation: continuationPrompt({ ...p, username: undefined }) };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): View => this.view;

  /** The face tells the terminal's width (the completion menu's grid depends on it). */
  setWidth(columns: number): void {
    this.width = columns;
  }

  private set(patch: Partial<View>): void {
    this.view = this.decorate({ ...this.view, ...patch });
    for (const l of this.listeners) l();
  }

  /** Feeds parsed keys; keys typed while a statement runs wait their turn. */
  handleKeys(keys: Key[]): void {
    for (const k of keys) this.handleKey(k);
  }

  handleKey(key: Key): void {
    const mode = this.view.mode;
    if (key.name === 'ctrl' && key.text === 'c') return this.interrupt();
    if (mode === 'exit') return;
    if (mode === 'running' || this.waiting) {
      this.queue.push(key);
      return;
    }
    if (mode === 'more') return this.moreKey(key);
    if (mode === 'input') return this.inputKey(key);
    if (mode === 'search') return this.searchKey(key);
    this.editKey(key);
  }

  /**
   * Ctrl-C or SIGINT: stops what runs (the runner says it was cancelled), stops paging, clears the
   * statement being typed, or gives a fresh prompt; it never exits (Ctrl-D does), as in cqlsh.
   */
  interrupt(): void {
    const v = this.view;
    if (v.mode === 'more') {
      // (the statement is stopped, not cancelled: nothing more to say, as in cqlsh)
      const w = this.moreWaiter;
      this.moreWaiter = undefined;
      this.answerMore();
      this.set({ mode: 'running' });
      w?.reject(new StopPaging());
      return;
    }
    if (v.mode === 'input') {
      this.finishInput(null);
      this.abort?.abort();
      return;
    }
    if (v.mode === 'running') {
      this.queue.length = 0;
      this.abort?.abort();
      return;
    }
    if (v.mode === 'search') {
      this.set({ mode: 'edit', search: null, buffer: v.search?.original ?? v.buffer });
      return;
    }
    if (v.mode === 'exit') return;
    if (this.waiting) {
      this.waiting = false;
      this.waitToken++;
      this.set({ status: '' });
      this.drainQueue();
      return;
    }
    // the line stays in the scrollback as typed, a fresh prompt follows (cqlsh shows no ^C)
    this.o.io.out(this.echo(v.buffer.text) + '\n');
    this.o.history.resetNavigation();
    this.emptyLines = 0;
    this.editor.reset();
    this.set({ buffer: B.EMPTY, menu: null, status: '' });
  }

  private exit(code: number, echoPrompt: boolean): void {
    if (echoPrompt) this.o.io.out(mainPrompt(this.promptOptions()) + '\n');
    this.set({ mode: 'exit', status: '', menu: null, buffer: B.EMPTY });
    this.o.io.exit(code);
  }

  private editKey(key: Key): void {
    const v = this.view;
    if (key.name === 'tab' || key.name === 'backtab') {
      const loading = v.menu ? undefined : this.o.schema.pending?.();
      if (!loading) return this.tab(key.name === 'backtab' ? -1 : 1);
      // the schema may be loading (or out of date after DDL): wait for it (a few seconds at most;
      // Ctrl-C gives up), keys typed meanwhile queue
      this.waiting = true;
      const token = ++this.waitToken;
      // a fresh schema answers at once; say something only when a load takes a while
      const slow = setTimeout(() => {
        if (token === this.waitToken) this.set({ status: SCHEMA_WAIT });
      }, 150);
      const wait = Promise.race([loading, new Promise((r) => setTimeout(r, 5000).unref?.())]);
      void wait.then(() => {
        clearTimeout(slow);
        if (token !== this.waitToken) return;
        this.waiting = false;
        this.set({ status: '' });
        this.tab(key.name === 'backtab' ? -1 : 1);
        this.drainQueue();
      });
      return;
    }
    if (v.menu && key.name === 'enter' && v.menu.selected >= 0) {
      this.set({ menu: null });
      return;
    }
    if (v.menu && key.name === 'escape') {
      this.set({ menu: null });
      return;
    }
    const move = v.menu ? MENU_KEYS[key.name] : undefined;
    if (v.menu && move) {
      const r = moveInMenu(v.buffer, v.menu, move, this.width);
      if (r) return this.completed(r);
    }
    if (key.name === 'eof') return this.exit(0, v.buffer.text === '');
    const patch: Partial<View> = { menu: null, status: '' };
    if (this.editor.prefixed && key.name === 'ctrl' && key.text === 'e') {
      this.editor.clearPrefix();
      return this.openEditor();
    }
    if (v.suggestion && !this.editor.prefixed) {
      // a suggestion is taken whole with Right or End (Ctrl-F, Ctrl-E), a word of it with Alt-F
      const full = v.buffer.text + v.suggestion;
      const all = key.name === 'right' || key.name === 'end' || (key.name === 'ctrl' && (key.text === 'f' || key.text === 'e'));
      if (all || key.name === 'word-right') {
        this.editor.changed(v.buffer);
        const to = all ? full.length : B.wordRightPos(full, v.buffer.cursor);
        return this.set({ ...patch, buffer: B.fromText(full.slice(0, to)) });
      }
    }
    if (key.name === 'enter') return this.enter();
    if (key.name === 'paste') {
      this.editor.changed(v.buffer);
      const lines = (key.text ?? '').replace(/\t/g, '    ').split('\n');
      // a pasted line end is Enter, as when the lines are typed (cqlsh shows a paste that way):
      // the rest of the paste waits while a statement it completed runs
      const keys: Key[] = [];
      lines.forEach((text, i) => {
        if (i > 0) keys.push({ name: 'enter' });
        if (text) keys.push({ name: 'char', text });
      });
      this.queue.unshift(...keys);
      return this.drainQueue();
    }
    if (key.name === 'ctrl') {
      switch (key.text) {
        case 'd':
          if (v.buffer.text === '') return this.exit(0, true);
          return this.set({ ...patch, buffer: B.deleteForward(v.buffer) });
        case 'r':
          return this.set({ ...patch, mode: 'search', search: startSearch(this.o.history, v.buffer) });
        case 'l':
          // as readline: the line being edited is on the screen when it is cleared (terminals
          // that keep a cleared screen in the scrollback keep it), then the prompt at the top
          this.o.io.out(this.echo(v.buffer.text) + '\x1b[H\x1b[2J');
          return this.set(patch);
        case 'p':
          return this.historyMove(-1);
        case 'n':
          return this.historyMove(1);
        case 'g':
          return this.set(patch);
        case 'z':
          this.set(patch);
          return this.o.io.suspend?.();
      }
    }
    if (key.name === 'up' || key.name === 'down') {
      const moved = B.verticalMove(v.buffer, key.name === 'up' ? -1 : 1);
      if (moved) return this.set({ ...patch, buffer: moved });
      return this.historyMove(key.name === 'up' ? -1 : 1);
    }
    const buffer = this.editor.key(v.buffer, key);
    if (buffer) this.set({ ...patch, buffer });
  }

  private historyMove(dir: -1 | 1): void {
    const h = this.o.history;
    const text = dir < 0 ? h.prev(this.view.buffer.text) : h.next();
    if (text === null) return;
    this.editor.reset();
    this.set({ buffer: B.fromText(text), menu: null, status: '' });
  }

  private enter(): void {
    const b = this.view.buffer;
    if (b.text.trim() !== '' && splitBuffer(b.text + '\n').incomplete) {
      // cqlsh's reminder, as the prompt of the line after four empty ones in an unfinished
      // statement (counted as cqlsh counts them)
      const buffer = B.insert(b, '\n');
      let hints = this.view.hints;
      if (this.emptyLines >= 3) {
        this.emptyLines = 0;
        hints = [...hints, buffer.text.slice(0, buffer.cursor)];
      } else {
        this.emptyLines = b.text.slice(B.lineStart(b), B.lineEnd(b)).trim() === '' ? this.emptyLines + 1 : 0;
      }
      this.set({ buffer, hints, menu: null, status: '' });
      return;
    }
    this.emptyLines = 0;
    this.submit();
  }

  /** Runs the buffer: echoed once into the scrollback, remembered, then its statements in order. */
  private submit(): void {
    const text = this.view.buffer.text;
    this.o.io.out(this.echo(text) + '\n');
    this.o.history.add(text);
    // the history changed: the next suggestion is looked up afresh
    this.suggested = ['', ''];
    this.editor.reset();
    this.set({ buffer: B.EMPTY, menu: null, status: '', search: null });
    if (text.trim() === '') return;
    const { events } = splitBuffer(text + '\n');
    const abort = new AbortController();
    this.abort = abort;
    this.set({ mode: 'running' });
    void this.runner
      .runAll(events, abort.signal)
      .catch((e: unknown) => {
        this.o.io.err(`${e instanceof Error ? e.message : String(e)}\n`);
        return 'ok' as const;
      })
      .then((r) => {
        this.abort = undefined;
        if (r === 'exit') return this.exit(0, false);
        // EDIT brought a statement back from the editor: it waits at the prompt, not run
        const edited = this.edited;
        this.edited = undefined;
        this.set({ mode: 'edit', ...this.prompts(), ...(edited !== undefined ? { buffer: B.fromText(edited) } : {}) });
        this.drainQueue();
      });
  }

  /**
   * Ctrl-X Ctrl-E: the buffer (or, when it is empty, the last statement) in the user's editor;
   * what is saved replaces the buffer, ready to run (one undo step), and is not run.
   */
  private openEditor(): void {
    const editor = this.o.io.editor;
    if (!editor) return;
    const before = this.view.buffer;
    const all = this.o.history.all();
    const text = before.text !== '' ? before.text : (all[all.length - 1] ?? '');
    this.set({ mode: 'running', menu: null, status: '' });
    void editor(text)
      .catch(() => null)
      .then((r) => {
        if (r !== null && r !== before.text) this.editor.changed(before);
        this.set({ mode: 'edit', buffer: r === null ? before : B.fromText(r) });
        this.drainQueue();
      });
  }

  private drainQueue(): void {
    while (this.queue.length && !this.waiting && this.view.mode !== 'running' && this.view.mode !== 'exit') this.handleKey(this.queue.shift()!);
  }

  /** The ---MORE--- prompt between pages. */
  private more(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.moreWaiter = { resolve, reject };
      this.set({ mode: 'more' });
      // keys typed ahead answer it
      const k = this.queue.shift();
      if (k) this.moreKey(k);
    });
  }

  /** The answered ---MORE--- stays in the scrollback, as cqlsh's does. */
  private answerMore(): void {
    this.o.io.out('---MORE---\n');
  }

  private moreKey(key: Key): void {
    const w = this.moreWaiter;
    if (!w) return;
    const q = key.name === 'char' && /^q/i.test(key.text ?? '');
    this.moreWaiter = undefined;
    this.answerMore();
    this.set({ mode: 'running' });
    if (q) w.reject(new StopPaging());
    else w.resolve();
  }

  /** Shows a status line while a command runs (COPY progress); null clears it. */
  progress(line: string | null): void {
    this.set({ status: line ?? '' });
  }

  /**
   * Asks for one line while a command runs; null on Ctrl-D (end of input) or Ctrl-C. Lines before
   * the prompt's last (an explanation) go to the scrollback first.
   */
  readLine(question: string, secret: boolean): Promise<string | null> {
    const nl = question.lastIndexOf('\n');
    if (nl >= 0) this.o.io.out(question.slice(0, nl + 1));
    const prompt = question.slice(nl + 1);
    return new Promise((resolve) => {
      this.inputWaiter = resolve;
      this.set({ mode: 'input', input: { prompt, secret, buffer: B.EMPTY } });
      this.drainQueue();
    });
  }

  private finishInput(line: string | null): void {
    const w = this.inputWaiter;
    const req = this.view.input;
    this.inputWaiter = undefined;
    if (req && line !== null) this.o.io.out(req.prompt + (req.secret ? '' : line) + '\n');
    this.set({ mode: this.view.mode === 'exit' ? 'exit' : 'running', input: null });
    w?.(line);
  }

  private inputKey(key: Key): void {
    const req = this.view.input!;
    if (key.name === 'enter') return this.finishInput(req.buffer.text);
    if (key.name === 'eof') {
      this.queue.unshift(key);
      return this.finishInput(null);
    }
    if (key.name === 'ctrl' && key.text === 'd' && req.buffer.text === '') return this.finishInput(null);
    if (key.name === 'paste' && (key.text ?? '').includes('\n')) {
      // a pasted block answers line by line
      const keys: Key[] = [];
      const lines = (key.text ?? '').split('\n');
      lines.forEach((l, i) => {
        if (l) keys.push({ name: 'char', text: l });
        if (i < lines.length - 1) keys.push({ name: 'enter' });
      });
      this.queue.unshift(...keys);
      return this.drainQueue();
    }
    const buffer = key.name === 'newline' ? null : applyEditKey(req.buffer, key);
    if (buffer) this.set({ input: { ...req, buffer } });
  }

  private tab(dir: 1 | -1): void {
    const v = this.view;
    const r = tabPress(v.buffer, v.menu, dir, this.o.schema, this.o.shell.keyspace, this.width);
    if (r) this.completed(r);
  }

  /** A completion's buffer and menu; the buffer before it is one undo step (the menu's first choice). */
  private completed(r: { buffer: B.EditBuffer; menu: Menu | null }): void {
    const v = this.view;
    if (r.buffer.text !== v.buffer.text && (!v.menu || v.menu.selected < 0)) this.editor.changed(v.buffer);
    this.set({ ...r, status: '' });
  }

  private searchKey(key: Key): void {
    const step = searchStep(this.view.search!, key, this.o.history);
    if (step.kind === 'search') return this.set({ search: step.search });
    if (step.kind === 'cancel') return this.set({ mode: 'edit', search: null, buffer: step.buffer });
    this.set({ mode: 'edit', search: null, buffer: step.text !== null ? B.fromText(step.text) : this.view.search!.original });
    if (key.name === 'enter') this.enter();
    else this.editKey(key);
  }
}
