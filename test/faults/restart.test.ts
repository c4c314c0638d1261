// A real server restart mid-session: a Cassandra of its own (the launcher's `restart` instance, so
// the suite's server is untouched) is stopped and started again under an open REPL and an open
// batch run. Statements fail while it is down, with cqlsh's words; the first one after it is back
// works; nothing has to be restarted by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile, start as startServer, stop as stopServer } from '../../scripts/cassandra/launcher.mjs';
import { sleep, startRepl } from '../e2e/repl-helpers.js';
import { exitDelay, EXIT_BOUND_MS, start } from '../support/faults.js';
import type { Term } from '../support/pty.js';

const target = profile('restart');
let term: Term | undefined;

beforeAll(async () => {
  await startServer('restart', { quiet: true });
}, 300_000);
afterAll(async () => {
  term?.close();
  await stopServer('restart', { quiet: true });
}, 120_000);

// the first statement after the server went away finds its connection defunct, the next ones
// find the host down (both as the reference cqlsh prints them)
const DEFUNCT = `NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: ${target.host}:${target.port} datacenter1>: ConnectionShutdown('Connection to ${target.host}:${target.port} is defunct')})`;

describe('server restart mid-session', () => {
  it('the REPL reports the statements sent while the server is down, and recovers as soon as it is back', async () => {
    await startServer('restart', { quiet: true });
    ({ term } = await startRepl({ host: target.host, port: target.port }));
    term.line('SELECT cluster_name AS before FROM system.local;');
    await term.waitFor(/ before\n-+\n Test Cluster/);
    await stopServer('restart', { quiet: true });
    term.line('SELECT cluster_name AS during FROM system.local;');
    const s = await term.waitFor(/during FROM system\.local;\n[\s\S]*NoHostAvailable[\s\S]*cqlsh>\s*$/, { timeoutMs: 30_000 });
    // (the terminal wraps the long line)
    expect(s.replace(/\n/g, '')).toContain(DEFUNCT);
    await startServer('restart', { quiet: true });
    const t0 = Date.now();
    term.line('SELECT cluster_name AS after FROM system.local;');
    await term.waitFor(/ after\n-+\n Test Cluster/, { timeoutMs: 15_000 });
    expect(Date.now() - t0).toBeLessThan(EXIT_BOUND_MS);
    term.line('EXIT');
    expect(await term.waitExit(EXIT_BOUND_MS + 1000)).toBe(0);
  }, 300_000);

  it('a batch run (piped stdin) goes on after the restart and exits at the end', async () => {
    // (running again whatever the test before left it as)
    await startServer('restart', { quiet: true });
    const c = start('tscqlsh', target, [], { killAfterMs: 240_000 });
    c.line('SELECT cluster_name AS s1 FROM system.local;');
    await c.waitFor(' s1\n', 30_000);
    await stopServer('restart', { quiet: true });
    c.line('SELECT cluster_name AS s2 FROM system.local;');
    await c.waitFor('<stdin>:3:', 30_000);
    await startServer('restart', { quiet: true });
    c.line('SELECT cluster_name AS s3 FROM system.local;');
    await c.waitFor(' s3\n', 15_000);
    await sleep(100);
    c.end();
    const f = await c.finished();
    expect(f.stderr).toBe(`<stdin>:3:${DEFUNCT}\n`);
    expect(f.code).toBe(2);
    expect(exitDelay(f, 'eof')).toBeLessThan(EXIT_BOUND_MS);
  }, 300_000);
});
