// Shared set-up for the REPL end-to-end tests: the built binary in a tmux terminal with CI=false
// and a private HOME / XDG data dir, plus a small keyspace to work on. The REPL runs as it does
// for a user (syntax highlighting on) except for two extras of tscqlsh that these tests of cqlsh's
// REPL behaviour are not about: suggestions from history and the pager are off unless a test turns
// them on (EXTRAS_OFF; repl-extras.test.ts does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { Term } from '../support/pty.js';
import { projectRoot, tscqlsh, tscqlshBin } from '../support/run.js';

export const KS = 'e2e_repl';
export const ROWS = 300;

export function server(): { host: string; port: number } {
  const s = inject('cassandra');
  return { host: s.host, port: s.port };
}

export function authServer(): { host: string; port: number; username: string; password: string } {
  return inject('cassandra').auth ?? { host: '127.0.0.1', port: 19042, username: 'cassandra', password: 'cassandra' };
}

export function newHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-e2e-home-'));
  fs.mkdirSync(path.join(home, '.cassandra'), { recursive: true });
  return home;
}

export function historyFile(home: string): string {
  return path.join(home, 'data', 'tscqlsh', 'history');
}

/** tscqlsh's extras that would change what cqlsh's REPL shows: off (a test's env may turn them on). */
export const EXTRAS_OFF = { TSCQLSH_SUGGEST: 'off', TSCQLSH_PAGER: 'off' };

export interface ReplOptions {
  home?: string;
  args?: string[];
  host?: string;
  port?: number;
  cols?: number;
  rows?: number;
  history?: number;
  env?: Record<string, string>;
  /** passed to the terminal (test/support/pty.ts) */
  afterExit?: string;
}

/** Starts `node dist/cli.js host port ...` in a terminal and waits for the first prompt. */
export async function startRepl(o: ReplOptions = {}): Promise<{ term: Term; home: string }> {
  if (!fs.existsSync(tscqlshBin)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const home = o.home ?? newHome();
  const s = server();
  const term = new Term([process.execPath, tscqlshBin, o.host ?? s.host, String(o.port ?? s.port), ...(o.args ?? [])], {
    cwd: projectRoot,
    cols: o.cols ?? 100,
    rows: o.rows ?? 40,
    history: o.history,
    afterExit: o.afterExit,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_CONFIG_HOME: path.join(home, 'config'),
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      CI: 'false',
      ...EXTRAS_OFF,
      ...o.env,
    },
  });
  try {
    await term.waitFor(/cqlsh(:\w+)?>/, { timeoutMs: 30_000 });
  } catch (e) {
    term.close();
    throw e;
  }
  return { term, home };
}

/** Creates the test keyspace with ROWS rows (idempotent). */
export async function createFixtures(): Promise<void> {
  const s = server();
  const lines = [
    `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
    `CREATE TABLE IF NOT EXISTS ${KS}.widgets (widget_id int PRIMARY KEY, widget_name text, qty int);`,
    // exactly ROWS rows, whatever an earlier run left
    `TRUNCATE ${KS}.widgets;`,
  ];
  for (let i = 0; i < ROWS; i++) lines.push(`INSERT INTO ${KS}.widgets (widget_id, widget_name, qty) VALUES (${i}, 'w${i}', ${i % 7});`);
  const r = await tscqlsh([s.host, String(s.port)], { stdin: lines.join('\n') + '\n', timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`fixture set-up failed: ${r.stderr}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const CTRL_C = '\x03';
export const CTRL_D = '\x04';
export const CTRL_R = '\x12';
export const TAB = '\t';

const PROMPT_LINE = /^(\S+@)?cqlsh(:[^>\s]+)?>( |$)/;

/**
 * The lines a finished statement printed: those after the last line that echoes `statement` at a
 * prompt, up to the next prompt; undefined while that prompt has not come back.
 */
export function outputAfter(screen: string, statement: string): string | undefined {
  const lines = screen.split('\n');
  let at = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (PROMPT_LINE.test(lines[i]) && lines[i].endsWith(`> ${statement}`)) {
      at = i;
      break;
    }
  }
  if (at < 0) return undefined;
  const end = lines.findIndex((l, i) => i > at && PROMPT_LINE.test(l));
  // (right after Enter the prompt is redrawn for a moment under the echo, before the output)
  return end < 0 || end === at + 1 ? undefined : lines.slice(at + 1, end).join('\n');
}
