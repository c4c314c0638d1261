// The REPL conformance suite's groups: a keyspace of its own (made fresh before the group), one
// reference cqlsh and one tscqlsh in terminals of the group's size for all its scenarios (`g.it`;
// started again after a failed scenario, so one failure does not hide the others), and `same()`:
// keys typed into both, and what both show afterwards (scrollback included, text and colors)
// compared.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReplPair, type PairOptions, type Seen, type Side } from '../support/repl-pair.js';
import { tscqlsh } from '../support/run.js';

export interface GroupOptions {
  cols: number;
  rows: number;
  /** the group's keyspace: dropped and made again, then `setup` runs (batch mode, tscqlsh) */
  keyspace?: string;
  setup?: string[];
  /** the server with PasswordAuthenticator instead of the plain one */
  auth?: boolean;
  args?: string[];
  wrap?: PairOptions['wrap'];
  /** runs once the fixtures are there, before the shells start (e.g. files in `cwd`) */
  prepare?: (cwd: string) => void | Promise<void>;
  cwd?: string;
}

export interface Group {
  /** A scenario; after a failure the shells are started again for the next one. */
  it(title: string, fn: () => Promise<void>, timeout?: number): void;
  pair(): ReplPair;
  /** Types `keys` into both shells, waits for both, expects the same screens; returns them. */
  same(keys: string, o?: StepOptions): Promise<Seen>;
  /** Types `keys` into both and waits, without comparing (a documented difference follows). */
  step(keys: string, o?: StepOptions): Promise<Seen>;
  /** Restarts both shells (fresh terminals). */
  restart(): Promise<void>;
}

export interface StepOptions {
  until?: (screen: string, side: Side) => boolean;
  timeoutMs?: number;
  /** compare colors too (default true) */
  colors?: boolean;
}

export function server(auth = false): { host: string; port: number; username?: string; password?: string } {
  const s = inject('cassandra');
  if (!auth) return { host: s.host, port: s.port };
  return s.auth ?? { host: '127.0.0.1', port: 19042 + Number(process.env.TSCQLSH_DB_PORT_OFFSET ?? 0), username: 'cassandra', password: 'cassandra' };
}

/** Runs CQL in batch mode (tscqlsh) against the group's server; fails on any error. */
export async function runCql(statements: string[], auth = false): Promise<void> {
  const s = server(auth);
  const creds = auth ? ['-u', s.username!, '--password', s.password!] : [];
  const r = await tscqlsh([s.host, String(s.port), ...creds], { stdin: statements.join('\n') + '\n', timeoutMs: 120_000 });
  if (r.code !== 0 || r.stderr) throw new Error(`fixture set-up failed: ${r.stderr}`);
}

export function replGroup(name: string, o: GroupOptions, body: (g: Group) => void): void {
  describe(`${name} (${o.cols}x${o.rows})`, () => {
    let pair: ReplPair | undefined;
    const start = async () => {
      const s = server(o.auth);
      const creds = o.auth ? ['-u', s.username!, '--password', s.password!] : [];
      pair = await ReplPair.start({ host: s.host, port: s.port, cols: o.cols, rows: o.rows, args: [...creds, ...(o.args ?? [])], wrap: o.wrap, cwd: o.cwd });
    };
    beforeAll(async () => {
      if (o.keyspace) {
        await runCql(
          [
            `DROP KEYSPACE IF EXISTS ${o.keyspace};`,
            `CREATE KEYSPACE ${o.keyspace} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
            ...(o.setup ?? []),
          ],
          o.auth,
        );
      }
      if (o.cwd) await o.prepare?.(o.cwd);
      await start();
    }, 240_000);
    afterAll(() => pair?.close());
    const step = async (keys: string, s: StepOptions = {}) => pair!.step(keys, s.until, s.timeoutMs);
    body({
      it(title, fn, timeout) {
        it(title, async () => {
          try {
            await fn();
          } catch (e) {
            // the next scenario starts from fresh shells, whatever state this one left
            pair?.close();
            await start();
            throw e;
          }
        }, timeout);
      },
      pair: () => pair!,
      step,
      async same(keys, s = {}) {
        const seen = await step(keys, s);
        if (process.env.REPLCONF_DUMP) require('node:fs').appendFileSync(process.env.REPLCONF_DUMP, `\n=== ${JSON.stringify(keys)}\n--- ref\n${seen.ref}\n--- ours\n${seen.ours}\n`);
        expect(seen.ours).toBe(seen.ref);
        if (s.colors !== false) {
          const colored = pair!.seen(true);
          expect(colored.ours).toBe(colored.ref);
        }
        return seen;
      },
      restart: async () => {
        pair?.close();
        await start();
      },
    });
  });
}

/** A statement and Enter. */
export const line = (s: string) => s + '\r';
