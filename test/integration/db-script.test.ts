// `npm run db:start` / `db:stop` (scripts/db.mjs): idempotent start, host and ports printed when
// ready, stop by pid. Uses the launcher's scratch instance so the suite's server is untouched.
import { afterAll, describe, expect, it } from 'vitest';
import { portOpen, profile } from '../../scripts/cassandra/launcher.mjs';
import { run } from '../support/run.js';

const { port, tlsPort } = profile('scratch');
const db = (...args: string[]) => run(process.execPath, ['scripts/db.mjs', ...args, '--profile=scratch'], { timeoutMs: 200_000 });

describe('db:start / db:stop', () => {
  // whatever an assertion says, never leave the scratch server running
  afterAll(() => db('stop'));

  it('starts once, says so the second time, and stops by pid', async () => {
    const first = await db('start');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Cassandra 5\.0\.\d+ \(scratch\) on 127\.0\.0\.1/);
    expect(first.stdout).toContain(`native port ${port} (plaintext), ${tlsPort} (TLS`);
    expect(await portOpen('127.0.0.1', port)).toBe(true);

    const second = await db('start');
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/already running \(pid \d+\)/);

    const status = await db('status');
    expect(status.stdout).toMatch(/running \(pid \d+\)/);

    const stop = await db('stop');
    expect(stop.code).toBe(0);
    expect(stop.stderr).toMatch(/stopped Cassandra \(scratch, pid \d+\)/);
    expect(await portOpen('127.0.0.1', port)).toBe(false);

    const again = await db('stop');
    expect(again.stderr).toMatch(/is not running/);
  }, 240_000);
});
