// The pager (on by default in the interactive shell; PAGER ON|OFF, --pager off|on|COMMAND): a
// statement's output that is wider than the terminal is handed to the pager ($PAGER, else
// `less -SRXF`) so wide rows scroll sideways instead of wrapping; with the pager-tall setting,
// output taller than the terminal goes there too, instead of stopping at ---MORE---. Output that
// fits is written as usual. The terminal is handed over (Ink suspended) while the pager runs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cells } from './buffer.js';

export interface PagerHost {
  columns(): number;
  rows(): number;
  /** hands the terminal over (Ink suspended, raw mode off); resolves to the way back */
  suspend(): Promise<() => Promise<void>>;
  out(text: string): void;
  /** the session's switches (PAGER ON|OFF, pager-tall), read once per statement */
  policy(): { pager: boolean; tall: boolean };
}

export const DEFAULT_PAGER = 'less -SRXF';

/** The pager command a setting value stands for (unset: on), or undefined when the pager is off. */
export function pagerCommand(setting: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (setting !== undefined && /^(off|no|false|0)$/i.test(setting)) return undefined;
  if (setting === undefined || setting === '' || /^(on|yes|true|1|auto)$/i.test(setting)) return env.PAGER || DEFAULT_PAGER;
  return setting;
}

/** Whether the program a shell command line starts with can be found (a pager that is not installed is no pager). */
export function commandExists(command: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const program = command.trim().split(/\s+/)[0];
  if (!program) return false;
  // a command line the shell itself must interpret (variables, pipes, ...) is trusted as it is
  if (/[$`|&;<>()'"\\]/.test(program) || /=/.test(program)) return true;
  const runnable = (p: string) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (program.includes('/')) return runnable(program);
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && runnable(path.join(dir, program)));
}

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

type Mode = 'off' | 'wide' | 'tall';

export class PagerSink {
  private held: string[] = [];
  private lines = 0;
  private mode: Mode | undefined;
  private child: ChildProcess | undefined;
  private starting: Promise<void> | undefined;
  private resume: (() => Promise<void>) | undefined;
  private exited: Promise<void> | undefined;
  /** the user left the pager before the output ended: stop fetching */
  stopped = false;

  /** `command`: undefined when there is no pager to run (then everything is written as usual) */
  constructor(
    private readonly command: string | undefined,
    private readonly host: PagerHost,
  ) {}

  private currentMode(): Mode {
    if (this.mode === undefined) {
      const p = this.host.policy();
      this.mode = !this.command || !p.pager ? 'off' : p.tall ? 'tall' : 'wide';
    }
    return this.mode;
  }

  /** The pager has the statement's output (or holds it to decide): ---MORE--- is not asked. */
  get takesOutput(): boolean {
    return this.starting !== undefined || this.currentMode() === 'tall';
  }

  write(text: string): void {
    if (this.stopped) return;
    if (this.child) {
      this.child.stdin?.write(text);
      return;
    }
    if (this.starting) {
      this.held.push(text);
      return;
    }
    const mode = this.currentMode();
    if (mode === 'off') return this.host.out(text);
    const width = this.host.columns();
    const wide = text.split('\n').some((line) => cells(line.replace(ANSI, '')) > width);
    if (mode === 'wide') {
      // what fits is written at once; the first line too wide starts the pager with the rest
      if (!wide) return this.host.out(text);
      this.held.push(text);
      this.starting = this.start();
      return;
    }
    this.held.push(text);
    this.lines += text.split('\n').length - 1;
    if (wide || this.lines >= this.host.rows() - 1) this.starting = this.start();
  }

  private async start(): Promise<void> {
    this.resume = await this.host.suspend();
    const child = spawn('sh', ['-c', this.command!], {
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { ...process.env, LESS: process.env.LESS ?? '-SRXF' },
    });
    this.exited = new Promise((resolve) => child.once('close', () => resolve()).once('error', () => resolve()));
    void this.exited.then(() => {
      if (this.child) this.stopped = true;
    });
    child.stdin.on('error', () => {
      this.stopped = true;
    });
    this.child = child;
    child.stdin.write(this.held.join(''));
    this.held = [];
  }

  /** The statement is over: the pager gets the end of its input and is waited for. */
  async end(): Promise<void> {
    if (this.starting) {
      await this.starting;
      const child = this.child!;
      this.child = undefined;
      child.stdin?.end();
      await this.exited;
      await this.resume?.();
    } else if (this.held.length) {
      this.host.out(this.held.join(''));
    }
    this.held = [];
    this.lines = 0;
    this.mode = undefined;
    this.starting = undefined;
    this.stopped = false;
  }
}
