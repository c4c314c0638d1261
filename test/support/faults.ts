// The fault-injection harness: a shell (the built tscqlsh, or the reference cqlsh) as a child
// process fed step by step (lines on stdin, waits for its output, faults on a TcpProxy, signals),
// with a clock on everything, so a test can assert the exit code, the messages, and how long the
// process took to exit after its last statement or after the fault.
import { spawn, type ChildProcess } from 'node:child_process';
import { referenceCqlsh } from './reference.js';
import { baseEnv, projectRoot, tscqlshBin } from './run.js';

export type Shell = 'tscqlsh' | 'cqlsh';

export interface Chunk {
  at: number;
  stream: 'out' | 'err';
  text: string;
}

export interface Finished {
  stdout: string;
  stderr: string;
  /** exit code, or null when a signal ended the process */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** ms from the start to the exit */
  exitAt: number;
  /** ms from the start to the last output (stdout or stderr) */
  lastOutputAt: number;
  marks: Record<string, number>;
  chunks: Chunk[];
}

export interface ChildOptions {
  env?: Record<string, string | undefined>;
  /** 'pipe' (default): fed with line(); 'ignore': /dev/null */
  stdin?: 'pipe' | 'ignore';
  /** kill the process (SIGKILL) if it is still running after this long (ms) */
  killAfterMs?: number;
  /** close our end of its stdout once this many lines came (`| head -n N`); 0: at once */
  closeStdoutAfter?: number;
  /** close our end of its stderr at once (`2> >(exit)`) */
  closeStderr?: boolean;
}

/** The reference prints this on stdout whenever the server version differs from its own (docs/compat.md). */
const REFERENCE_ONLY = /^WARNING: cqlsh was built against [^\n]*\n/gm;

export class Child {
  readonly proc: ChildProcess;
  readonly t0 = Date.now();
  readonly marks: Record<string, number> = {};
  stdout = '';
  stderr = '';
  lastOutputAt = 0;
  readonly chunks: Chunk[] = [];
  private readonly done: Promise<Finished>;
  private readonly killTimer: NodeJS.Timeout;

  constructor(
    readonly shell: Shell,
    args: string[],
    o: ChildOptions = {},
  ) {
    const [cmd, pre] = shell === 'tscqlsh' ? [process.execPath, [tscqlshBin]] : [referenceCqlsh(), []];
    this.proc = spawn(cmd, [...pre, ...args], { cwd: projectRoot, env: baseEnv(o.env), stdio: [o.stdin ?? 'pipe', 'pipe', 'pipe'] });
    this.proc.stdin?.on('error', () => {});
    const take = (stream: 'out' | 'err') => (d: string) => {
      const at = this.now();
      this.chunks.push({ at, stream, text: d });
      this.lastOutputAt = at;
      if (stream === 'out') this.stdout += d;
      else this.stderr += d;
    };
    this.proc.stdout!.setEncoding('utf8').on('data', take('out'));
    this.proc.stderr!.setEncoding('utf8').on('data', take('err'));
    this.proc.stdout!.on('error', () => {});
    this.proc.stderr!.on('error', () => {});
    const cut = o.closeStdoutAfter;
    if (cut === 0) this.proc.stdout!.destroy();
    else if (cut !== undefined) this.proc.stdout!.on('data', () => this.stdout.split('\n').length > cut && this.proc.stdout!.destroy());
    if (o.closeStderr) this.proc.stderr!.destroy();
    this.killTimer = setTimeout(() => this.proc.kill('SIGKILL'), o.killAfterMs ?? 60_000);
    this.done = new Promise((resolve, reject) => {
      this.proc.on('error', reject);
      this.proc.on('close', (code, signal) => {
        clearTimeout(this.killTimer);
        const exitAt = this.now();
        resolve({
          stdout: shell === 'cqlsh' ? this.stdout.replace(REFERENCE_ONLY, '') : this.stdout,
          stderr: this.stderr,
          code,
          signal,
          exitAt,
          lastOutputAt: this.lastOutputAt,
          marks: this.marks,
          chunks: this.chunks,
        });
      });
    });
  }

  now(): number {
    return Date.now() - this.t0;
  }

  /** Notes the time of an event (a fault, the last statement) under a name. */
  mark(name: string): number {
    return (this.marks[name] = this.now());
  }

  /** Writes a line to the child's stdin. */
  line(text: string): this {
    this.proc.stdin!.write(text + '\n');
    return this;
  }

  /** Closes the child's stdin (EOF) and marks it as `eof`. */
  end(): this {
    this.mark('eof');
    this.proc.stdin!.end();
    return this;
  }

  /** Sends a signal and marks it under the signal's name. */
  signal(sig: NodeJS.Signals): this {
    this.mark(sig);
    this.proc.kill(sig);
    return this;
  }

  /** Waits until stdout + stderr (or the child, for a function) satisfies `test`; fails after `timeoutMs` (or when the child exits). */
  async waitFor(test: RegExp | string | ((c: Child) => boolean), timeoutMs = 20_000): Promise<void> {
    const ok = () =>
      typeof test === 'function' ? test(this) : typeof test === 'string' ? (this.stdout + this.stderr).includes(test) : test.test(this.stdout + this.stderr);
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.done.then(() => (exited = true));
    while (!ok()) {
      if (exited) throw new Error(`${this.shell} exited before ${String(test)}:\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(test)} from ${this.shell}:\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`);
      await sleep(20);
    }
  }

  /** Resolves when the child has exited and its streams are closed. */
  finished(): Promise<Finished> {
    return this.done;
  }
}

/** Starts a shell with `host port` (and more arguments). */
export function start(shell: Shell, target: { host: string; port: number }, args: string[] = [], o: ChildOptions = {}): Child {
  return new Child(shell, [target.host, String(target.port), ...args], o);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** ms from the latest of the named marks (or the last output, 'output') to the exit. */
export function exitDelay(f: Finished, ...after: string[]): number {
  const times = after.map((name) => {
    if (name === 'output') return f.lastOutputAt;
    const t = f.marks[name];
    if (t === undefined) throw new Error(`no mark ${name} (marks: ${Object.keys(f.marks).join(', ')})`);
    return t;
  });
  return f.exitAt - Math.max(...times);
}

/** The bound the issue sets: a batch run ends within 2 s of its last statement, whatever the network did. */
export const EXIT_BOUND_MS = 2000;

/** The stderr lines without their `<source>:<line>:` label (what differs by line only). */
export function unlabelled(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/^(<stdin>|[^:\s]+\.cql):\d+:/, ''));
}

/** A Node stack trace or an unhandled-error dump: never shown to a user. */
export const STACK_TRACE = /\n\s+at .+\(.*:\d+:\d+\)|node:internal|Unhandled 'error' event|Traceback \(most recent call last\)/;
