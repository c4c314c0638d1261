// Signals in batch mode: SIGINT stops the run (the statement running is dropped; COPY says what it
// did) and the process dies of it; SIGTERM and SIGHUP end it at once. Whatever the driver is doing
// (a request the server never answers), within 2 s, and never with a stack trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { exitDelay, EXIT_BOUND_MS, sleep, start, STACK_TRACE } from '../support/faults.js';
import { tscqlsh } from '../support/run.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const server = inject('cassandra');
const KS = 'faults_signals';
let proxy: TcpProxy;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-sig-'));
  const r = await tscqlsh([server.host, String(server.port)], {
    stdin: [
      `DROP KEYSPACE IF EXISTS ${KS};`,
      `CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
      `CREATE TABLE ${KS}.t (id int PRIMARY KEY, v text);`,
    ].join('\n'),
    timeoutMs: 60_000,
  });
  if (r.code !== 0) throw new Error(r.stderr);
}, 120_000);

beforeEach(async () => {
  proxy = new TcpProxy(server.host, server.port);
  await proxy.start();
});
afterEach(() => proxy.close());

const via = () => ({ host: '127.0.0.1', port: proxy.port });
const q = (i: number) => `SELECT cluster_name AS s${i} FROM system.local;`;

describe('batch mode, a statement the server never answers', () => {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${sig}: the process dies of it within 2 s, without a word`, async () => {
      const c = start('tscqlsh', via(), [], { killAfterMs: 30_000 });
      c.line(q(1));
      await c.waitFor(' s1\n');
      proxy.blackhole();
      c.line(q(2));
      await sleep(500);
      c.signal(sig);
      const f = await c.finished();
      expect(f.signal).toBe(sig);
      expect(f.stderr).toBe('');
      expect(exitDelay(f, sig)).toBeLessThan(EXIT_BOUND_MS);
    });
  }

  it('SIGINT while it waits for input (-f is done, stdin idle): dies of it at once', async () => {
    const c = start('tscqlsh', via(), [], { killAfterMs: 30_000 });
    c.line(q(1));
    await c.waitFor(' s1\n');
    c.signal('SIGINT');
    const f = await c.finished();
    expect(f.signal).toBe('SIGINT');
    expect(exitDelay(f, 'SIGINT')).toBeLessThan(EXIT_BOUND_MS);
  });

  it('SIGINT in -f: nothing after the statement running is run', async () => {
    const file = path.join(dir, 'two.cql');
    fs.writeFileSync(file, `${q(1)}\nSELECT cluster_name AS never_answered FROM system.local;\nSELECT cluster_name AS not_reached FROM system.local;\n`);
    proxy.tap = (d, chunk) => {
      if (d === 'up' && chunk.includes('never_answered')) proxy.blackhole();
    };
    const c = start('tscqlsh', via(), ['-f', file], { killAfterMs: 30_000 });
    await c.waitFor(' s1\n');
    await sleep(500);
    c.signal('SIGINT');
    const f = await c.finished();
    expect(f.signal).toBe('SIGINT');
    expect(f.stdout).not.toContain('not_reached');
    expect(exitDelay(f, 'SIGINT')).toBeLessThan(EXIT_BOUND_MS);
  });
});

describe('batch mode, SIGINT during COPY FROM', () => {
  it('COPY stops and says how many rows it wrote, which is what the table holds; the process dies of SIGINT', async () => {
    const csv = path.join(dir, 'rows.csv');
    fs.writeFileSync(csv, Array.from({ length: 200_000 }, (_, i) => `${i},${'x'.repeat(50)}`).join('\n') + '\n');
    await tscqlsh([server.host, String(server.port)], { stdin: `TRUNCATE ${KS}.t;\n` });
    // a low ingest rate, so the copy is still running when the signal comes
    const c = start('tscqlsh', via(), ['-e', `COPY ${KS}.t (id, v) FROM '${csv}' WITH INGESTRATE = 5000 AND ERRFILE = '${path.join(dir, 'err.csv')}'`], {
      killAfterMs: 60_000,
    });
    await c.waitFor('Starting copy');
    await sleep(1500);
    c.signal('SIGINT');
    const f = await c.finished();
    expect(f.signal).toBe('SIGINT');
    expect(f.stderr).not.toMatch(STACK_TRACE);
    const m = /^(\d+) rows imported from 1 files/m.exec(f.stdout);
    expect(m, f.stdout + f.stderr).not.toBeNull();
    const written = Number(m![1]);
    expect(written).toBeLessThan(200_000);
    expect(f.stderr).toContain(`Interrupted: ${written} rows written.`);
    const r = await tscqlsh([server.host, String(server.port), '-e', `SELECT count(*) FROM ${KS}.t`]);
    expect(Number(/^\s+(\d+)\s*$/m.exec(r.stdout)![1])).toBe(written);
    expect(exitDelay(f, 'SIGINT')).toBeLessThan(EXIT_BOUND_MS);
  });
});
