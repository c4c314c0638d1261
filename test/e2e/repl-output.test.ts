// What the REPL shows: every result whole (DESCRIBE's statements, JSON), PAGING OFF printing
// everything, CAPTURE OFF bringing results back, TIMING that leaves out the wait at ---MORE---,
// HELP for tscqlsh's own commands, and no stale rows after Ctrl-L or a pasted statement.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Term } from '../support/pty.js';
import { tscqlsh } from '../support/run.js';
import { outputAfter, server, sleep, startRepl } from './repl-helpers.js';

// (not e2e_r...: repl-completion.test.ts completes that prefix to its own keyspace)
const KS = 'e2e_screen';
const BIG = 5100;
let term: Term | undefined;
afterEach(() => term?.close());

beforeAll(async () => {
  const s = server();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-e2e-output-'));
  const csv = path.join(dir, 'big.csv');
  fs.writeFileSync(csv, Array.from({ length: BIG }, (_, i) => `${i},v${i}\n`).join(''));
  const script = [
    `DROP KEYSPACE IF EXISTS ${KS};`,
    `CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
    `CREATE TABLE ${KS}.users (id int PRIMARY KEY, name text, age int);`,
    `CREATE TABLE ${KS}.big (k int PRIMARY KEY, v text);`,
    `CREATE TYPE ${KS}.address (street text, city text);`,
    `INSERT INTO ${KS}.users (id, name, age) VALUES (1, 'ann', 30);`,
    `INSERT INTO ${KS}.users (id, name, age) VALUES (2, 'bob', 40);`,
    `INSERT INTO ${KS}.users (id, name, age) VALUES (3, '日本語', 50);`,
    `INSERT INTO ${KS}.users (id, name, age) VALUES (4, 'dave', 60);`,
    `COPY ${KS}.big (k, v) FROM '${csv}';`,
  ].join('\n');
  const r = await tscqlsh([s.host, String(s.port)], { stdin: script + '\n', timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`fixture set-up failed: ${r.stderr}`);
}, 180_000);

/** What `-e statement` prints in batch mode (stdout), for comparing with the REPL. */
async function batch(statement: string): Promise<string> {
  const s = server();
  const r = await tscqlsh([s.host, String(s.port), '-e', statement]);
  expect(r.code).toBe(0);
  return r.stdout;
}

describe('REPL output', () => {
  it('DESCRIBE TABLE and DESCRIBE KEYSPACE show every line, the prompt on a line of its own', async () => {
    ({ term } = await startRepl({ cols: 250, rows: 60 }));
    for (const statement of [`DESCRIBE TABLE ${KS}.users;`, `DESCRIBE KEYSPACE ${KS};`]) {
      term.line(statement);
      const all = await term.waitFor((s) => outputAfter(s, statement) !== undefined, { all: true });
      const shown = outputAfter(all, statement)!;
      // the screen shows what batch mode prints, every statement with its last line and `;`
      expect(shown).toBe((await batch(statement)).replace(/\n+$/, ''));
      expect(shown).toMatch(/AND speculative_retry = '99p';$/m);
    }
    expect(term.all()).toMatch(/AND speculative_retry = '99p';\ncqlsh>$/);
    expect(term.all()).not.toMatch(/;cqlsh/);
  });

  it('OUTPUT FORMAT json shows the whole array, zero rows as []; --format json too', async () => {
    ({ term } = await startRepl());
    term.line('OUTPUT FORMAT json');
    await term.waitFor('OUTPUT FORMAT set to json');
    const select = `SELECT id, name FROM ${KS}.users;`;
    term.line(select);
    let all = await term.waitFor((s) => outputAfter(s, select) !== undefined, { all: true });
    const rows = JSON.parse(outputAfter(all, select)!) as { id: number; name: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual([1, 2, 3, 4]);
    expect(rows.find((r) => r.id === 3)?.name).toBe('日本語');
    const none = `SELECT id FROM ${KS}.users WHERE id = 99;`;
    term.line(none);
    all = await term.waitFor((s) => outputAfter(s, none) !== undefined, { all: true });
    expect(JSON.parse(outputAfter(all, none)!)).toEqual([]);
    term.close();

    ({ term } = await startRepl({ args: ['--format', 'json'] }));
    term.line(select);
    all = await term.waitFor((s) => outputAfter(s, select) !== undefined, { all: true });
    expect(JSON.parse(outputAfter(all, select)!)).toHaveLength(4);
  });

  it('PAGING OFF prints a result of more than 5000 rows without stopping', async () => {
    ({ term } = await startRepl({ rows: 30, history: 20_000 }));
    term.line('PAGING OFF');
    await term.waitFor('PAGING set to OFF');
    term.line(`SELECT k FROM ${KS}.big;`);
    await term.waitFor(new RegExp(`\\(${BIG} rows\\)\\ncqlsh>$`), { timeoutMs: 60_000 });
    const all = term.all();
    expect(all).not.toContain('---MORE---');
    // one header: the result is one table, as cqlsh prints it with paging off
    expect(all.match(/^ +k$/gm)).toHaveLength(1);
  });

  it('CAPTURE OFF stops capturing; without a capture it says so', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-e2e-capture-')), 'out.txt');
    ({ term } = await startRepl());
    term.line('CAPTURE OFF');
    await term.waitFor(/CAPTURE OFF\nNot currently capturing output\.\ncqlsh>$/);
    term.line(`CAPTURE '${file}'`);
    await term.waitFor(`Now capturing query output to '${file}'.`);
    term.line(`SELECT name FROM ${KS}.users WHERE id = 1;`);
    await term.waitFor(/WHERE id = 1;\ncqlsh>$/);
    term.line('CAPTURE OFF');
    await term.waitFor(/CAPTURE OFF\ncqlsh>$/);
    term.line('CAPTURE');
    await term.waitFor('Currently not capturing query output.');
    term.line(`SELECT name FROM ${KS}.users WHERE id = 2;`);
    await term.waitFor(/ bob\n\n\(1 rows\)\ncqlsh>$/);
    const captured = fs.readFileSync(file, 'utf8');
    expect(captured).toContain(' ann\n');
    expect(captured).not.toContain('bob');
  });

  it('TIMING measures the query, not the time spent at ---MORE---', async () => {
    ({ term } = await startRepl());
    term.line('TIMING ON');
    await term.waitFor(/TIMING ON\n.*\ncqlsh>$/);
    term.line('PAGING 2');
    await term.waitFor('Page size: 2');
    term.line(`SELECT id FROM ${KS}.users;`);
    for (let i = 0; i < 2; i++) {
      await term.waitFor(/---MORE---$/);
      await sleep(2500);
      term.type('\r');
    }
    const s = await term.waitFor(/\(4 rows\)\nTime: [\d.]+ m?s\ncqlsh>$/);
    const [, n, unit] = /Time: ([\d.]+) (m?s)\ncqlsh>$/.exec(s)!;
    const ms = unit === 's' ? Number(n) * 1000 : Number(n);
    // five seconds were spent at ---MORE---; the query itself is a few local round trips
    expect(ms).toBeLessThan(2000);
  });

  it('HELP lists and explains tscqlsh’s own commands and the pager setting', async () => {
    ({ term } = await startRepl({ rows: 60 }));
    term.line('HELP');
    let s = await term.waitFor(/tscqlsh[^\n]*\n=+\n[\s\S]*cqlsh>$/);
    const block = s.slice(s.lastIndexOf('tscqlsh'));
    for (const word of ['OUTPUT', 'PAGER', 'TIMING']) expect(block).toContain(word);
    for (const topic of ['TIMING', 'OUTPUT', 'PAGER']) {
      term.line(`HELP ${topic}`);
      s = await term.waitFor(new RegExp(`HELP ${topic}\\n[\\s\\S]+cqlsh>$`));
      const text = s.slice(s.lastIndexOf(`HELP ${topic}`));
      expect(text).not.toContain('No help');
      expect(text).toContain(topic === 'PAGER' ? 'TSCQLSH_PAGER' : `${topic} `);
    }
  });

  it('Ctrl-L clears the screen and leaves no stale copy of the next statement in the scrollback', async () => {
    ({ term } = await startRepl());
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
    term.type('\x0c');
    await term.waitFor((s) => s === 'cqlsh>');
    const select = 'SELECT release_version FROM system.local;';
    term.type(select);
    await term.waitFor((s) => s === `cqlsh> ${select}`);
    term.type('\r');
    await term.waitFor(/\(1 rows\)\ncqlsh>$/);
    await sleep(200);
    expect(term.all().split('\n').filter((l) => l === `cqlsh> ${select}`)).toHaveLength(1);
  });

  it('a pasted statement ending in a newline shows no empty continuation lines', async () => {
    ({ term } = await startRepl());
    term.paste(`SELECT id FROM ${KS}.users\nWHERE id = 1;\n`);
    const s = await term.waitFor(/\(1 rows\)\ncqlsh>$/);
    expect(s).toContain(`cqlsh> SELECT id FROM ${KS}.users\n   ... WHERE id = 1;\n\n id\n`);
    expect(s).not.toMatch(/^ {3}\.\.\.$/m);
  });
});
