// COPY across a cut connection: what COPY prints is what happened. The rows it says it imported
// are the rows the table holds, the rows it says it exported are the lines the file holds, the
// rows it gave up on are in the error file; and the process exits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { exitDelay, EXIT_BOUND_MS, sleep, start, STACK_TRACE } from '../support/faults.js';
import { tscqlsh } from '../support/run.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const server = inject('cassandra');
const KS = 'faults_copy';
const ROWS = 20_000;
let dir: string;
let proxy: TcpProxy;

const cql = async (text: string) => {
  const r = await tscqlsh([server.host, String(server.port)], { stdin: text, timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`${text.slice(0, 200)}: ${r.stderr}`);
  return r.stdout;
};
const count = async (table: string) => Number(/^\s+(\d+)\s*$/m.exec(await cql(`SELECT count(*) FROM ${KS}.${table};\n`))![1]);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-copy-'));
  const csv = Array.from({ length: ROWS }, (_, i) => `${i},${'r'.repeat(100)}${i}`).join('\n') + '\n';
  fs.writeFileSync(path.join(dir, 'rows.csv'), csv);
  await cql(
    [
      `DROP KEYSPACE IF EXISTS ${KS};`,
      `CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
      `CREATE TABLE ${KS}.source (id int PRIMARY KEY, v text);`,
      `CREATE TABLE ${KS}.target (id int PRIMARY KEY, v text);`,
      `COPY ${KS}.source (id, v) FROM '${path.join(dir, 'rows.csv')}';`,
    ].join('\n') + '\n',
  );
  expect(await count('source')).toBe(ROWS);
}, 240_000);

beforeEach(async () => {
  proxy = new TcpProxy(server.host, server.port);
  await proxy.start();
});
afterEach(() => proxy.close());

/** Cuts the proxy once `bytes` more have gone through it, for `ms`, then lets it pass again. */
async function cutAfter(dir: 'up' | 'down', bytes: number, ms: number): Promise<{ cutAt: number; restoredAt: number }> {
  let seen = 0;
  await new Promise<void>((resolve) => {
    proxy.tap = (d, chunk) => {
      if (d !== dir) return;
      seen += chunk.length;
      if (seen >= bytes) {
        proxy.tap = undefined;
        resolve();
      }
    };
  });
  proxy.setMode('cut');
  const cutAt = Date.now();
  await sleep(ms);
  proxy.pass();
  return { cutAt, restoredAt: Date.now() };
}

describe('COPY FROM across a cut', () => {
  it('the rows it says it imported are the rows in the table; the others are in the error file', async () => {
    await cql(`TRUNCATE ${KS}.target;\n`);
    const errFile = path.join(dir, 'import.err');
    fs.rmSync(errFile, { force: true });
    const c = start('tscqlsh', { host: '127.0.0.1', port: proxy.port }, ['-e', `COPY ${KS}.target (id, v) FROM '${path.join(dir, 'rows.csv')}' WITH ERRFILE = '${errFile}'`], {
      killAfterMs: 120_000,
    });
    const fault = cutAfter('up', 400_000, 1500);
    const f = await c.finished();
    await fault;
    expect(f.stderr).not.toMatch(STACK_TRACE);
    const m = /^(\d+) rows imported from 1 files in .* \((\d+) skipped\)\.$/m.exec(f.stdout);
    expect(m, f.stdout + f.stderr).not.toBeNull();
    const imported = Number(m![1]);
    const failed = fs.existsSync(errFile) ? fs.readFileSync(errFile, 'utf8').split('\n').filter(Boolean).length : 0;
    expect(await count('target')).toBe(imported);
    expect(imported + failed).toBe(ROWS);
    expect(exitDelay(f, 'output')).toBeLessThan(EXIT_BOUND_MS);
  });
});

describe('COPY TO across a cut', () => {
  it('the rows it says it exported are the lines in the file', async () => {
    const out = path.join(dir, 'export.csv');
    fs.rmSync(out, { force: true });
    const c = start('tscqlsh', { host: '127.0.0.1', port: proxy.port }, ['-e', `COPY ${KS}.source (id, v) TO '${out}'`], { killAfterMs: 120_000 });
    const fault = cutAfter('down', 400_000, 1500);
    const f = await c.finished();
    await fault;
    expect(f.stderr).not.toMatch(STACK_TRACE);
    const m = /^(\d+) rows exported to 1 files in /m.exec(f.stdout);
    expect(m, f.stdout + f.stderr).not.toBeNull();
    const lines = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBe(Number(m![1]));
    // no row twice (a range read again after the cut resumes where it stopped)
    expect(new Set(lines).size).toBe(lines.length);
    if (!/some records might be missing/.test(f.stderr)) expect(lines.length).toBe(ROWS);
    expect(exitDelay(f, 'output')).toBeLessThan(EXIT_BOUND_MS);
  });
});
