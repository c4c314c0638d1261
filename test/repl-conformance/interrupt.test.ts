// Ctrl-C at each place, and Ctrl-D, typed into cqlsh and tscqlsh: on an empty prompt, in an
// unfinished statement, while a query waits for the server (each shell through a proxy of its own
// that holds the answer back); at ---MORE--- in paging.test.ts, Ctrl-D in basics.test.ts.
import { afterAll, beforeAll } from 'vitest';
import { TcpProxy } from '../support/tcp-proxy.js';
import { atPrompt, line, replGroup, server } from './harness.js';

const KS = 'rc_interrupt';
const proxies = { ref: undefined as TcpProxy | undefined, ours: undefined as TcpProxy | undefined };
const ports: { ref?: number; ours?: number } = {};

beforeAll(async () => {
  const s = server();
  for (const side of ['ref', 'ours'] as const) {
    const p = new TcpProxy(s.host, s.port);
    ports[side] = await p.start();
    proxies[side] = p;
  }
});
afterAll(async () => {
  await proxies.ref?.close();
  await proxies.ours?.close();
});


replGroup(
  'interrupt',
  {
    cols: 80,
    rows: 24,
    keyspace: KS,
    args: ['-k', KS],
    ports,
    setup: [`CREATE TABLE ${KS}.t (k int PRIMARY KEY, v text);`, `INSERT INTO ${KS}.t (k, v) VALUES (1, 'one');`],
  },
  (g) => {
    g.it('Ctrl-C on an empty prompt gives a fresh prompt, again and again', async () => {
      await g.same('\x03', { until: atPrompt });
      await g.same('\x03', { until: atPrompt });
      await g.same(line('SELECT v FROM t;'));
    });

    g.it('Ctrl-C drops the statement being typed, on one line or several', async () => {
      await g.same('SELECT v', { until: (s) => s.endsWith('> SELECT v') });
      await g.same('\x03', { until: atPrompt });
      await g.same(line('SELECT v'));
      await g.same('FROM', { until: (s) => s.endsWith('... FROM') });
      await g.same('\x03', { until: atPrompt });
      await g.same(line('SELECT k FROM t;'));
    });

    g.it('Ctrl-C while a query waits for the server cancels it; the next one works', async () => {
      proxies.ref!.hold();
      proxies.ours!.hold();
      try {
        await g.same(line('SELECT * FROM t;'), { until: (s) => s.endsWith('SELECT * FROM t;') });
        await g.same('\x03', { until: atPrompt });
      } finally {
        proxies.ref!.release();
        proxies.ours!.release();
      }
      await g.same(line('SELECT * FROM t;'));
    });
  },
);
