// `cat big.cql | tscqlsh` on 100,000 statements keeps memory flat: the batch face holds neither
// the input nor the results. Measured in-process (live heap after a forced GC, sampled while the
// input is being consumed), since a process's RSS mostly shows how lazily V8 collects.
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runBatch } from '../../src/batch.js';
import { Session } from '../../src/db/session.js';
import { Shell } from '../../src/shell/shell.js';

const server = inject('cassandra');
const KS = 'it_batch_memory';
const N = 100_000;
let session: Session;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

beforeAll(async () => {
  session = await Session.connect({ host: server.host, port: server.port });
  for (const q of [
    `DROP KEYSPACE IF EXISTS ${KS}`,
    `CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`,
    `CREATE TABLE ${KS}.t (k int PRIMARY KEY, v text)`,
  ]) {
    for await (const _ of session.execute(q)); // eslint-disable-line @typescript-eslint/no-unused-vars
  }
});
afterAll(async () => {
  for await (const _ of session.execute(`DROP KEYSPACE ${KS}`)); // eslint-disable-line @typescript-eslint/no-unused-vars
  await session.close();
});

describe('batch mode on a large piped script', () => {
  it(`runs ${N} statements with flat memory`, async () => {
    const samples: number[] = [];
    function* script() {
      for (let i = 0; i < N; i++) {
        if (i % 10_000 === 0) {
          gc();
          samples.push(process.memoryUsage().heapUsed);
        }
        // a page of rows every 1000 statements, so results flow through the printer too
        yield i % 1000 === 999
          ? `SELECT * FROM ${KS}.t LIMIT 50;\n`
          : `INSERT INTO ${KS}.t (k, v) VALUES (${i}, 'value number ${i} with some padding text');\n`;
      }
    }
    let written = 0;
    const sink = { write: (s: string) => ((written += s.length), true) };
    const shell = new Shell(session);
    const code = await runBatch(shell, { kind: 'stream', name: '<stdin>', stream: Readable.from(script(), { objectMode: false }) }, { out: sink, err: { write: (s: string) => { throw new Error(s); } }, color: false });
    expect(code).toBe(0);
    expect(written).toBeGreaterThan(0);
    const first = samples[1]; // after warm-up
    const last = samples[samples.length - 1];
    // 90,000 more statements may not grow the live heap by more than a few MB
    expect(last - first).toBeLessThan(8 * 1024 * 1024);
  }, 300_000);
});
