// The reference cqlsh and tscqlsh side by side, each in a terminal of its own of the same size
// (test/support/pty.ts): the same keys go to both, and what a person would see — the whole
// scrollback and screen, as text and with its colors — is read back once both have settled, with
// only the documented differences (docs/compat.md) normalised away.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Term } from './pty.js';
import { referenceCqlsh } from './reference.js';
import { projectRoot, tscqlshBin } from './run.js';

export interface PairOptions {
  host: string;
  port: number;
  /** a port for one side instead of `port` (e.g. each through a proxy of its own) */
  ports?: Partial<Record<Side, number>>;
  cols: number;
  rows: number;
  /** arguments after host and port, for both shells */
  args?: string[];
  /** a directory for the shells' working directories `<cwd>/ref` and `<cwd>/ours` (default: a fresh temporary one) */
  cwd?: string;
  env?: Record<string, string>;
  /**
   * wrap each shell's command line (e.g. `cmd => \`${cmd} | tee log\``): the shell is then run by
   * sh -c; `side` tells which one
   */
  wrap?: (command: string, side: Side) => string;
}

export type Side = 'ref' | 'ours';

/** What both shells show, normalised. */
export interface Seen {
  ref: string;
  ours: string;
}

/**
 * Waiting for the user: the last line is a prompt (or continuation prompt) with nothing typed
 * after it, the pager or password prompt, or cqlsh's reminder (a prompt too, maybe wrapped).
 */
export function idle(screen: string): boolean {
  return /(^|\n)((\S+@)?cqlsh(:\S+)?>| *\.\.\.|---MORE---|Password:)$/.test(screen) || screen.slice(-200).replace(/\n/g, '').endsWith('to cancel an incomplete statement.');
}

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The documented differences (docs/compat.md), applied to both sides' screens:
 * - the reference prints `WARNING: cqlsh was built against ...` before the banner and on each
 *   SOURCE (dropped: the screen is read from the banner's first line on, the line removed);
 * - the banner's `Native protocol v5` (the Node.js driver speaks v4 at most);
 * - HELP's block of tscqlsh's own topics;
 * - a statement cancelled with Ctrl-C: tscqlsh says `Query cancelled.` on the line where cqlsh
 *   shows the `^C` the terminal echoed.
 */
export function normalise(screen: string, side: Side): string {
  const lines = screen.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Connected to '));
  let s = (start > 0 ? lines.slice(start) : lines).join('\n');
  if (side === 'ref') {
    // (SOURCE runs a sub-shell in cqlsh, which warns again; the line may be wrapped)
    s = s.replace(/^WARNING: cqlsh was built against [\s\S]*?may not work!\n/gm, '');
    s = s.replace(/( \| Native protocol )v5\]/g, '$1v4]');
  } else {
    s = s.replace(/^tscqlsh commands and settings \(not in cqlsh\):\n=+\n(?:.+\n)*\n/gm, '');
    s = s.replace(/^Query cancelled\.$/gm, '^C');
  }
  return s;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ReplPair {
  readonly ref: Term;
  readonly ours: Term;
  readonly cwd: string;
  readonly homes: Record<Side, string>;

  private constructor(private readonly o: PairOptions) {
    this.cwd = o.cwd ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-replconf-'));
    const args = (side: Side) => [o.host, String(o.ports?.[side] ?? o.port), '--disable-history', ...(o.args ?? [])];
    const home = (side: Side) => {
      const h = fs.mkdtempSync(path.join(os.tmpdir(), `tscqlsh-replconf-${side}-`));
      fs.mkdirSync(path.join(h, '.cassandra'), { recursive: true });
      return h;
    };
    this.homes = { ref: home('ref'), ours: home('ours') };
    const term = (side: Side, command: string[]) => {
      const h = this.homes[side];
      const cmd = o.wrap ? ['sh', '-c', o.wrap(command.map(shq).join(' '), side)] : command;
      return new Term(cmd, {
        cwd: this.dir(side),
        cols: o.cols,
        rows: o.rows,
        history: 50_000,
        env: {
          PATH: process.env.PATH,
          HOME: h,
          XDG_DATA_HOME: path.join(h, 'data'),
          XDG_CONFIG_HOME: path.join(h, 'config'),
          TERM: 'xterm-256color',
          LANG: 'C.UTF-8',
          LC_ALL: 'C.UTF-8',
          PYTHONIOENCODING: 'utf-8',
          CI: 'false',
          // tscqlsh's extras that cqlsh has not: the input is not highlighted, nothing is suggested
          // from history, wide results are not paged (docs/compat.md); result colors are compared
          ...(side === 'ours' ? { TSCQLSH_HIGHLIGHT: 'off', TSCQLSH_SUGGEST: 'off', TSCQLSH_PAGER: 'off' } : {}),
          ...o.env,
        },
      });
    };
    this.ref = term('ref', [referenceCqlsh(), ...args('ref')]);
    this.ours = term('ours', [process.execPath, tscqlshBin, ...args('ours')]);
  }

  /** Starts both shells and waits for their first prompts. */
  static async start(o: PairOptions): Promise<ReplPair> {
    if (!fs.existsSync(tscqlshBin)) throw new Error(`${path.relative(projectRoot, tscqlshBin)} is missing: run \`npm run build\` first`);
    const pair = new ReplPair(o);
    try {
      await pair.settle(undefined, 60_000);
    } catch (e) {
      pair.close();
      throw e;
    }
    return pair;
  }

  /** The working directory of one side's shell (files it reads or writes by a relative name). */
  dir(side: Side): string {
    const d = path.join(this.cwd, side);
    fs.mkdirSync(d, { recursive: true });
    return d;
  }

  term(side: Side): Term {
    return side === 'ref' ? this.ref : this.ours;
  }

  /** Both sides' scrollback and screen, as text or with colors (SGR sequences), normalised. */
  seen(colors = false): Seen {
    const read = (side: Side) => {
      let s = normalise(colors ? this.term(side).allWithColors() : this.term(side).all(), side);
      // a side connected through a port of its own (a proxy) shows that port in its banner
      const own = this.o.ports?.[side];
      if (own !== undefined && own !== this.o.port) s = s.split(`:${own}`).join(`:${this.o.port}`);
      return s;
    };
    return { ref: read('ref'), ours: read('ours') };
  }

  /** Types the same keys into both (bytes as they are: '\r' is Enter, '\x03' Ctrl-C). */
  type(keys: string): void {
    this.ref.type(keys);
    this.ours.type(keys);
  }

  /** Pastes the same text into both (bracketed where the shell asked for it). */
  paste(text: string): void {
    this.ref.paste(text);
    this.ours.paste(text);
  }

  /**
   * Waits until both screens satisfy `done` (default: idle at a prompt) and stay the same for a
   * moment; `changedFrom`: they must differ from these screens first.
   */
  async settle(done: (screen: string, side: Side) => boolean = idle, timeoutMs = 30_000, changedFrom?: Seen): Promise<Seen> {
    const deadline = Date.now() + timeoutMs;
    let last: Seen | undefined;
    let stableSince = 0;
    for (;;) {
      const now: Seen = { ref: this.ref.all(), ours: this.ours.all() };
      const ready = (side: Side) => done(now[side], side) && (!changedFrom || now[side] !== changedFrom[side]);
      if (ready('ref') && ready('ours')) {
        if (last && last.ref === now.ref && last.ours === now.ours) {
          if (Date.now() - stableSince >= 300) return this.seen();
        } else {
          stableSince = Date.now();
        }
      }
      last = now;
      if (Date.now() > deadline) {
        throw new Error(`the shells did not settle\n--- cqlsh:\n${now.ref.split('\n').slice(-15).join('\n')}\n--- tscqlsh:\n${now.ours.split('\n').slice(-15).join('\n')}`);
      }
      await sleep(100);
    }
  }

  /** Types `keys` into both and waits for both to settle; what both show then. */
  async step(keys: string, done?: (screen: string, side: Side) => boolean, timeoutMs?: number): Promise<Seen> {
    const before = { ref: this.ref.all(), ours: this.ours.all() };
    this.type(keys);
    return this.settle(done, timeoutMs, before);
  }

  close(): void {
    this.ref.close();
    this.ours.close();
  }
}
