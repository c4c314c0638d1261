// Connection loss: a TCP proxy between tscqlsh and Cassandra is cut mid-session and during a
// running query; the error is shown, the prompt stays, and once the proxy is back the next
// statement works without restarting tscqlsh.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Term } from '../support/pty.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { server, sleep, startRepl } from './repl-helpers.js';

let term: Term | undefined;
let proxy: TcpProxy;
beforeAll(async () => {
  const s = server();
  proxy = new TcpProxy(s.host, s.port);
  await proxy.start();
});
afterAll(() => proxy.close());
afterEach(() => term?.close());

async function untilWorks(t: Term, n: number): Promise<void> {
  for (let i = 0; i < 20; i++) {
    t.line(`SELECT cluster_name AS probe_${n}_${i} FROM system.local;`);
    const s = await t.waitFor(new RegExp(`probe_${n}_${i}[\\s\\S]*(\\(1 rows\\)|Error|NoHostAvailable|Unable)[\\s\\S]*cqlsh>$`));
    if (new RegExp(`probe_${n}_${i}\\n-+\\n`).test(s)) return;
    await sleep(1000);
  }
  throw new Error('the statement never worked again');
}

describe('REPL connection loss', () => {
  it('reports a cut connection, keeps the prompt, and works again once it is back', async () => {
    ({ term } = await startRepl({ port: proxy.port }));
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
    await proxy.cut();
    term.line('SELECT release_version FROM system.local;');
    const s = await term.waitFor(/release_version FROM system\.local;\n[\s\S]*(NoHostAvailable|Unable|Connection|closed)[\s\S]*cqlsh>$/, { timeoutMs: 30_000 });
    expect(s).not.toContain('release_version\n---');
    await proxy.restore();
    await untilWorks(term, 1);
  });

  it('reports a connection cut while a query runs', async () => {
    ({ term } = await startRepl({ port: proxy.port }));
    proxy.hold();
    term.line('SELECT release_version FROM system.local;');
    await sleep(800);
    await proxy.cut();
    await term.waitFor(/(NoHostAvailable|Unable|Connection|closed|socket)[\s\S]*cqlsh>$/i, { timeoutMs: 30_000 });
    await proxy.restore();
    await untilWorks(term, 2);
  });
});
