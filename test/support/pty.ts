// A terminal for end-to-end tests: runs a command in a detached tmux session of its own (own
// socket), types into it byte by byte (send-keys -H, so nothing is parsed by tmux) and reads the
// screen with capture-pane.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let counter = 0;

export interface TermOptions {
  cwd?: string;
  env: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  /** scrollback rows kept (tmux's history-limit; its default is 2000) */
  history?: number;
  /** a shell command run in the terminal after the program exits (before its status is written) */
  afterExit?: string;
}

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class Term {
  private readonly socket: string;
  readonly exitFile: string;

  constructor(command: string[], o: TermOptions) {
    this.socket = `tscqlsh-e2e-${process.pid}-${++counter}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-term-'));
    this.exitFile = path.join(dir, 'exit');
    const env = Object.entries(o.env)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${shq(v!)}`)
      .join(' ');
    // the shell stays after the command exits so the screen can still be read
    const after = o.afterExit ? ` ${o.afterExit};` : '';
    const script = `cd ${shq(o.cwd ?? process.cwd())} && env -i ${env} ${command.map(shq).join(' ')}; rc=$?;${after} echo $rc > ${shq(this.exitFile)}; sleep 600`;
    // (history-limit applies to panes made after it is set: set first, on the same server start)
    const history = o.history ? ['set-option', '-g', 'history-limit', String(o.history), ';'] : [];
    this.tmux(...history, 'new-session', '-d', '-s', 'main', '-x', String(o.cols ?? 100), '-y', String(o.rows ?? 40), 'sh', '-c', script);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Types text exactly (control characters included). */
  type(text: string): void {
    const hex = [...Buffer.from(text, 'utf8')].map((b) => b.toString(16).padStart(2, '0'));
    for (let i = 0; i < hex.length; i += 200) this.tmux('send-keys', '-t', 'main', '-H', ...hex.slice(i, i + 200));
  }

  /** Pastes text as a terminal does (bracketed when the program asked for it). */
  paste(text: string): void {
    execFileSync('tmux', ['-L', this.socket, 'load-buffer', '-b', 'p', '-'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] });
    this.tmux('paste-buffer', '-p', '-d', '-b', 'p', '-t', 'main');
  }

  /** Types a line and Enter. */
  line(text: string): void {
    this.type(text + '\r');
  }

  /** The visible screen, trailing blanks trimmed. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'main').replace(/\s+$/, '');
  }

  /** The pid of the command (the child of the pane's shell). */
  commandPid(): number {
    const shell = this.tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').trim();
    const out = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n');
    return Number(out[0]);
  }

  /** Resizes the terminal (the program gets SIGWINCH). */
  resize(cols: number, rows: number): void {
    this.tmux('resize-window', '-t', 'main', '-x', String(cols), '-y', String(rows));
  }

  /** The terminal cursor, 0-based. */
  cursor(): { x: number; y: number } {
    const [x, y] = this.tmux('display-message', '-p', '-t', 'main', '#{cursor_x} #{cursor_y}').trim().split(' ').map(Number);
    return { x, y };
  }

  /** The visible screen with its colors as escape sequences. */
  screenWithColors(): string {
    return this.tmux('capture-pane', '-p', '-e', '-t', 'main').replace(/\s+$/, '');
  }

  /** The whole scrollback plus screen. */
  all(): string {
    return this.tmux('capture-pane', '-p', '-S', '-10000', '-t', 'main').replace(/\s+$/, '');
  }

  /** The whole scrollback plus screen with colors as escape sequences. */
  allWithColors(): string {
    return this.tmux('capture-pane', '-p', '-e', '-S', '-10000', '-t', 'main').replace(/\s+$/, '');
  }

  /** Waits until the screen (or the whole scrollback with `all`) satisfies the test. */
  async waitFor(test: string | RegExp | ((s: string) => boolean), o: { timeoutMs?: number; all?: boolean } = {}): Promise<string> {
    const deadline = Date.now() + (o.timeoutMs ?? 15_000);
    const check = typeof test === 'function' ? test : typeof test === 'string' ? (s: string) => s.includes(test) : (s: string) => test.test(s);
    let last = '';
    while (Date.now() < deadline) {
      last = o.all ? this.all() : this.screen();
      if (check(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${String(test)}; screen:\n${last}`);
  }

  /**
   * Waits until the screen has not changed for `quietMs` (a program done redrawing) and returns
   * it; `colors` reads it with its escape sequences.
   */
  async settle(o: { quietMs?: number; timeoutMs?: number; colors?: boolean } = {}): Promise<string> {
    const quiet = o.quietMs ?? 300;
    const deadline = Date.now() + (o.timeoutMs ?? 10_000);
    const read = () => (o.colors ? this.screenWithColors() : this.screen());
    let last = read();
    let since = Date.now();
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 60));
      const now = read();
      if (now !== last) {
        last = now;
        since = Date.now();
      } else if (Date.now() - since >= quiet) {
        return now;
      }
    }
    throw new Error(`the screen kept changing; last:\n${last}`);
  }

  /**
   * Types keys and returns the screen once they have had their effect: it waits for the screen to
   * change (up to `changeMs`: keys may also change nothing) and then to be still.
   */
  async typeAndSettle(text: string, o: { changeMs?: number; quietMs?: number; colors?: boolean } = {}): Promise<string> {
    const read = () => (o.colors ? this.screenWithColors() : this.screen());
    const before = read();
    this.type(text);
    const deadline = Date.now() + (o.changeMs ?? 3000);
    while (Date.now() < deadline && read() === before) await new Promise((r) => setTimeout(r, 40));
    return this.settle({ quietMs: o.quietMs, colors: o.colors });
  }

  /** Forgets the scrollback (what scrolled off the screen). */
  clearHistory(): void {
    this.tmux('clear-history', '-t', 'main');
  }

  /** The command's exit status once it ended, else null. */
  exitCode(): number | null {
    try {
      return Number(fs.readFileSync(this.exitFile, 'utf8').trim());
    } catch {
      return null;
    }
  }

  async waitExit(timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const c = this.exitCode();
      if (c !== null) return c;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`did not exit; screen:\n${this.screen()}`);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
