// The REPL conformance suite's groups: a keyspace of its own (made fresh before the group), one
// reference cqlsh and one tscqlsh in terminals of the group's size for all its scenarios (`g.it`;
// started again after a failed scenario, so one failure does not hide the others), and `same()`:
// keys typed into both, and what both show afterwards (scrollback included, text and colors)
// compared.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  /** runs once the fixtures are there, before the shells start, for each shell's working directory */
  prepare?: (dir: string) => void | Promise<void>;
  /** ports per side instead of the server's (e.g. proxies) */
  ports?: PairOptions['ports'];
}

export interface Group {
  /** A scenario; after a failure the shells are started again for the next one. */
  it(title: string, fn: () => Promise<void>, timeout?: number): void;
  pair(): ReplPair;
  /** Types `keys` into both shells, waits for both, expects the same screens; returns them. */
  same(keys: string, o?: StepOptions): Promise<Seen>;
  /** Pastes into both (bracketed where the shell asked for it), waits, expects the same screens. */
  pasted(text: string, o?: StepOptions): Promise<Seen>;
  /** Expects the same screens now (text and colors). */
  compare(): Seen;
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
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-replconf-'));
      for (const side of ['ref', 'ours']) {
        fs.mkdirSync(path.join(cwd, side));
        await o.prepare?.(path.join(cwd, side));
      }
      pair = await ReplPair.start({ host: s.host, port: s.port, ports: o.ports, cols: o.cols, rows: o.rows, args: [...creds, ...(o.args ?? [])], wrap: o.wrap, cwd });
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
      await start();
    }, 240_000);
    afterAll(() => pair?.close());
    const step = async (keys: string, s: StepOptions = {}) => pair!.step(keys, s.until, s.timeoutMs);
    const compare = (colors = true): Seen => {
      const seen = pair!.seen();
      expect(seen.ours).toBe(seen.ref);
      if (colors) {
        const colored = pair!.seen(true);
        expect(colored.ours).toBe(colored.ref);
      }
      return seen;
    };
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
        // (TSCQLSH_REPLCONF_DUMP=file: every step's screens, for looking into a failure)
        const dump = process.env.TSCQLSH_REPLCONF_DUMP;
        if (dump) fs.appendFileSync(dump, `\n=== ${JSON.stringify(keys)}\n--- cqlsh\n${seen.ref}\n--- tscqlsh\n${seen.ours}\n`);
        return compare(s.colors !== false);
      },
      compare: () => compare(),
      async pasted(text, s = {}) {
        const before = { ref: pair!.ref.all(), ours: pair!.ours.all() };
        pair!.paste(text);
        await pair!.settle(s.until, s.timeoutMs, before);
        return compare(s.colors !== false);
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

/** The screen ends at a main prompt (not ---MORE---, not a continuation line). */
export const atPrompt = (s: string) => /(^|\n)(\w+@)?cqlsh(:\w+)?>$/.test(s);

/** The screen ends at ---MORE---. */
export const atMore = (s: string) => /---MORE---$/.test(s);
