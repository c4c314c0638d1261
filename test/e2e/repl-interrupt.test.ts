// Ctrl-C: cancels a running query and says so (the next one works), stops paging at ---MORE---,
// clears a partial statement, gives a fresh prompt on an empty one, stops a COPY with the rows
// done so far; it never exits the shell (Ctrl-D does), and neither does SIGINT.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Term } from '../support/pty.js';
import { tscqlsh } from '../support/run.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { createFixtures, CTRL_C, CTRL_D, KS, server, sleep, startRepl } from './repl-helpers.js';

let term: Term | undefined;
let proxy: TcpProxy;
beforeAll(async () => {
  await createFixtures();
  // COPY writes into a table of its own: writes still in flight when the interrupted COPY's process
  // is closed may land after the next file's fixtures refill widgets, which other files count
  const s0 = server();
  const r = await tscqlsh([s0.host, String(s0.port)], {
    stdin: `DROP TABLE IF EXISTS ${KS}.copied;\nCREATE TABLE ${KS}.copied (widget_id int PRIMARY KEY, widget_name text, qty int);\n`,
    timeoutMs: 60_000,
  });
  if (r.code !== 0) throw new Error(`set-up failed: ${r.stderr}`);
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
    await term.waitFor(new RegExp(`widgets;\\nQuery cancelled\\.\\ncqlsh>$`));
    // the press that cancelled does not count toward anything: more presses never exit
    term.type(CTRL_C);
    term.type(CTRL_C);
    await term.waitFor(/cancelled\.\ncqlsh>\ncqlsh>\ncqlsh>$/);
    await sleep(300);
    expect(term.exitCode()).toBeNull();
    proxy.release();
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
  });

  it('stops a paged result at ---MORE---', async () => {
    ({ term } = await startRepl());
    term.line(`SELECT widget_id FROM ${KS}.widgets;`);
    await term.waitFor(/---MORE---$/);
    term.type(CTRL_C);
    // the ---MORE--- line stays, as in cqlsh, and the prompt comes on the next line
    await term.waitFor(/\n---MORE---\ncqlsh>$/);
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
  });

  it('clears a partial statement, gives a fresh prompt on an empty one, never exits; Ctrl-D does', async () => {
    ({ term } = await startRepl());
    term.line('SELECT * FROM');
    term.type('system.local');
    await term.waitFor(/\.\.\. system\.local$/m);
    term.type(CTRL_C);
    await term.waitFor(/cqlsh> SELECT \* FROM\n {3}\.\.\. system\.local\ncqlsh>$/);
    for (let i = 0; i < 5; i++) term.type(CTRL_C);
    await term.waitFor(/system\.local(\ncqlsh>){6}$/);
    await sleep(300);
    expect(term.exitCode()).toBeNull();
    term.type(CTRL_D);
    expect(await term.waitExit()).toBe(0);
  });

  it('stops a COPY FROM and prints the rows done so far', async () => {
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-e2e-copy-')), 'rows.csv');
    fs.writeFileSync(csv, Array.from({ length: 3000 }, (_, i) => `${10_000 + i},c${i},1\n`).join(''));
    ({ term } = await startRepl());
    term.line(`COPY ${KS}.copied (widget_id, widget_name, qty) FROM '${csv}' WITH INGESTRATE = 200 AND CHUNKSIZE = 20 AND MAXBATCHSIZE = 10;`);
    await term.waitFor('Using ');
    await sleep(2500);
    term.type(CTRL_C);
    const s = await term.waitFor(/Interrupted: (\d+) rows written\.[\s\S]*\n\1 rows imported from 1 files in [^\n]+\ncqlsh>$/, { timeoutMs: 10_000 });
    const n = Number(/Interrupted: (\d+) rows/.exec(s)![1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(3000);
    expect(s).not.toContain('Query cancelled.');
  });

  it('survives SIGINT', async () => {
    ({ term } = await startRepl());
    const pid = term.commandPid();
    expect(execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' })).toContain('dist/cli.js');
    process.kill(pid, 'SIGINT');
    // the signal's effect (a fresh prompt) seen before the next keys, so a late handler cannot
    // take the SELECT for the thing it interrupts on a loaded machine
    await term.waitFor(/cqlsh>\ncqlsh>$/);
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
  });
});
