// Ctrl-C: cancels a running query (the next one works), clears a partial statement, a second
// Ctrl-C on an empty prompt exits; SIGINT never kills the shell.
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Term } from '../support/pty.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createFixtures, CTRL_C, KS, server, sleep, startRepl } from './repl-helpers.js';

let term: Term | undefined;
let proxy: TcpProxy;
beforeAll(async () => {
  await createFixtures();
  const s = server();
  proxy = new TcpProxy(s.host, s.port);
  await proxy.start();
}, 120_000);
afterAll(() => proxy.close());
afterEach(() => {
  proxy.release();
  term?.close();
});

describe('REPL Ctrl-C', () => {
  it('cancels a long-running SELECT, and the next query works', async () => {
    ({ term } = await startRepl({ port: proxy.port }));
    proxy.hold(); // the server's answer never comes: the query runs until cancelled
    term.line(`SELECT * FROM ${KS}.widgets;`);
    await sleep(1000);
    expect(term.screen()).not.toMatch(/cqlsh>$/);
    term.type(CTRL_C);
    await term.waitFor(/cqlsh>$/);
    proxy.release();
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
  });

  it('stops a paged result at ---MORE---', async () => {
    ({ term } = await startRepl());
    term.line(`SELECT widget_id FROM ${KS}.widgets;`);
    await term.waitFor(/---MORE---$/);
    term.type(CTRL_C);
    await term.waitFor(/cqlsh>$/);
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
  });

  it('clears a partial statement, hints on an empty prompt, exits on a second Ctrl-C', async () => {
    ({ term } = await startRepl());
    term.line('SELECT * FROM');
    await term.waitFor(/\.\.\.$/m);
    term.type(CTRL_C);
    await term.waitFor(/\^C\ncqlsh>$/);
    term.type(CTRL_C);
    await term.waitFor('Press Ctrl-C again to exit');
    term.type(CTRL_C);
    expect(await term.waitExit()).toBe(0);
  });

  it('survives SIGINT', async () => {
    ({ term } = await startRepl());
    const pid = term.commandPid();
    expect(execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' })).toContain('dist/cli.js');
    process.kill(pid, 'SIGINT');
    await sleep(300);
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
  });
});
