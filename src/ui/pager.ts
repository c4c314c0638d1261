// The optional pager (a setting: TSCQLSH_PAGER=on uses $PAGER, else `less -SRXF`; any other value
// is the command): a statement's output is held until it is taller or wider than the terminal,
// then the terminal is handed to the pager and the rest streams into it. Output that fits is
// written as usual.
import { spawn, type ChildProcess } from 'node:child_process';
import { cells } from './buffer.js';

export interface PagerHost {
  columns(): number;
  rows(): number;
  /** hands the terminal over (Ink suspended, raw mode off); resolves to the way back */
  suspend(): Promise<() => Promise<void>>;
  out(text: string): void;
}

/** The pager command a setting value stands for, or undefined when the pager is off. */
export function pagerCommand(setting: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!setting || /^(off|no|false|0)$/i.test(setting)) return undefined;
  if (/^(on|yes|true|1|auto)$/i.test(setting)) return env.PAGER || 'less -SRXF';
  return setting;
}

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

export class PagerSink {
  private held: string[] = [];
  private lines = 0;
  private tooWide = false;
  private child: ChildProcess | undefined;
  private starting: Promise<void> | undefined;
  private resume: (() => Promise<void>) | undefined;
  private exited: Promise<void> | undefined;
  /** the user left the pager before the output ended: stop fetching */
  stopped = false;

  constructor(
    private readonly command: string,
    private readonly host: PagerHost,
  ) {}

  write(text: string): void {
    if (this.stopped) return;
    if (this.child) {
      this.child.stdin?.write(text);
      return;
    }
    this.held.push(text);
    if (this.starting) return;
    const width = this.host.columns();
    for (const line of text.split('\n')) if (cells(line.replace(ANSI, '')) > width) this.tooWide = true;
    this.lines += text.split('\n').length - 1;
    if (this.tooWide || this.lines >= this.host.rows() - 1) this.starting = this.start();
  }

  private async start(): Promise<void> {
    this.resume = await this.host.suspend();
    const child = spawn('sh', ['-c', this.command], {
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
    this.tooWide = false;
    this.starting = undefined;
    this.stopped = false;
  }
}
