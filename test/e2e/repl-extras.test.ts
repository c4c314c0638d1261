// What tscqlsh's REPL adds to cqlsh's, driven in a real terminal: syntax highlighting (colors read
// off the screen; on even with CI set, off under NO_COLOR / --no-color / HIGHLIGHT OFF),
// suggestions from history, $EDITOR (Ctrl-X Ctrl-E and EDIT), the guard on destructive statements
// (asked in the REPL, refused by --safe in batch mode), the pager for wide results, SAVE, and the
// completion menu's notes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startKeyspacesDouble } from '../support/keyspaces-double.js';
import type { Term } from '../support/pty.js';
import { tscqlsh } from '../support/run.js';
import { server, startRepl } from './repl-helpers.js';

const KS = 'e2e_extras';
let term: Term | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

const ON = { TSCQLSH_SUGGEST: 'on', TSCQLSH_PAGER: 'on' };
const CTRL = (ch: string) => String.fromCharCode(ch.charCodeAt(0) - 96);
const ALT = (s: string) => `\x1b${s}`;
const RIGHT = '\x1b[C';
const ESC = String.fromCharCode(27);

/**
 * The attributes (SGR codes: 1 bold, 2 dim, 4 underline, 7 inverse, 3x colors) in effect where
 * `needle` starts in a row read with its colors (tmux writes them its own way: `[0;4m[31m`, ...).
 */
function attrsAt(row: string, needle: string): string[] {
  const on = new Map<string, string>();
  let plain = '';
  const at = (row.replace(/\x1b\[[0-9;]*m/g, '')).indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} is not in ${JSON.stringify(row)}`);
  for (const m of row.matchAll(/\x1b\[([0-9;]*)m|[^\x1b]/g)) {
    if (m[1] === undefined) {
      if (plain.length === at) break;
      plain += m[0];
      continue;
    }
    for (const c of (m[1] || '0').split(';')) {
      const n = Number(c);
      if (n === 0) on.clear();
      else if (n === 22) (on.delete('1'), on.delete('2'));
      else if (n === 24 || n === 27) on.delete(String(n - 20));
      else if (n === 39) on.delete('fg');
      else if (n === 49) on.delete('bg');
      else if (n >= 30 && n <= 37) on.set('fg', c);
      else if (n >= 40 && n <= 47) on.set('bg', c);
      else on.set(c, c);
    }
  }
  return [...on.values()].sort();
}

async function batch(statements: string, args: string[] = []) {
  const s = server();
  return tscqlsh([s.host, String(s.port), ...args], { stdin: statements, timeoutMs: 60_000 });
}

beforeAll(async () => {
  const r = await batch(
    [
      `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
      `CREATE TABLE IF NOT EXISTS ${KS}.orders (customer int, day int, id int, note text, PRIMARY KEY (customer, day, id));`,
      `TRUNCATE ${KS}.orders;`,
      ...Array.from({ length: 30 }, (_, i) => `INSERT INTO ${KS}.orders (customer, day, id, note) VALUES (${i % 3}, ${i % 5}, ${i}, 'note ${i}');`),
      `CREATE TABLE IF NOT EXISTS ${KS}.wide (k int PRIMARY KEY, a text, b text, c text);`,
      `INSERT INTO ${KS}.wide (k, a, b, c) VALUES (1, '${'a'.repeat(60)}', '${'b'.repeat(60)}', 'end of the row');`,
      // 40 columns of alternating types: a menu longer than its 8 rows
      `CREATE TABLE IF NOT EXISTS ${KS}.many (k int PRIMARY KEY, ${Array.from({ length: 40 }, (_, i) => `c${String(i).padStart(2, '0')} ${i % 2 ? 'text' : 'bigint'}`).join(', ')});`,
      `DROP TABLE IF EXISTS ${KS}.scratch;`,
      `CREATE TABLE ${KS}.scratch (k int PRIMARY KEY, gone text, kept text);`,
    ].join('\n') + '\n',
  );
  if (r.code !== 0) throw new Error(`fixture set-up failed: ${r.stderr}`);
}, 120_000);

/** The prompt row (the last one on the screen) as the terminal colors it. */
async function promptRow(keys: string, plain: string): Promise<string> {
  term!.type(keys);
  await term!.waitFor((s) => s.split('\n').pop() === plain);
  await term!.settle({ quietMs: 200, colors: true });
  return term!.screenWithColors().split('\n').pop()!;
}

describe('syntax highlighting', () => {
  it('colors the statement being typed from the lexer, with CI set in the environment too', async () => {
    ({ term } = await startRepl({ env: { CI: 'true' } }));
    const row = await promptRow("SELECT 'abc', 42 FROM system.local -- note", "cqlsh> SELECT 'abc', 42 FROM system.local -- note");
    expect(attrsAt(row, 'SELECT')).toEqual(['1']);
    expect(attrsAt(row, "'abc'")).toEqual(['32']);
    expect(attrsAt(row, '42')).toEqual(['36']);
    expect(attrsAt(row, 'FROM')).toEqual(['1']);
    expect(attrsAt(row, 'system.local')).toEqual([]);
    expect(attrsAt(row, '-- note')).toEqual(['2']);
    // an unclosed quote is shown as such, and so is an unmatched bracket
    const open = await promptRow(`${CTRL('u')}SELECT count(* FROM t WHERE a = 'x`, "cqlsh> SELECT count(* FROM t WHERE a = 'x");
    expect(attrsAt(open, '(')).toEqual(['31', '4']);
    expect(attrsAt(open, "'x")).toEqual(['31', '4']);
    // the statement stays highlighted in the scrollback once run, and the menu's selection is inverted
    term.type(`${CTRL('u')}SELECT key FROM system.local;\r`);
    await term.waitFor('(1 rows)');
    const echoed = term.screenWithColors().split('\n').find((l) => l.includes('system.local;'))!;
    expect(attrsAt(echoed, 'SELECT')).toEqual(['1']);
    term.type('CONSISTENCY LOCAL_\t');
    await term.waitFor(/LOCAL_ONE/);
    term.type('\t');
    await term.settle({ colors: true });
    const menu = term.screenWithColors().split('\n').find((l) => l.includes('LOCAL_QUORUM'))!;
    expect(attrsAt(menu, 'LOCAL_ONE')).toEqual(['7']);
    expect(attrsAt(menu, 'LOCAL_QUORUM')).toEqual([]);
  });

  it('gives shell commands and types colors of their own', async () => {
    ({ term } = await startRepl());
    const shell = await promptRow('CONSISTENCY QUORUM', 'cqlsh> CONSISTENCY QUORUM');
    expect(attrsAt(shell, 'CONSISTENCY')).toEqual(['1', '35']);
    expect(attrsAt(shell, 'QUORUM')).toEqual([]);
    const ddl = await promptRow(`${CTRL('u')}CREATE TABLE t (k int PRIMARY KEY, v map<text, blob>)`, 'cqlsh> CREATE TABLE t (k int PRIMARY KEY, v map<text, blob>)');
    expect(attrsAt(ddl, 'CREATE')).toEqual(['1']);
    expect(attrsAt(ddl, 'PRIMARY')).toEqual(['1']);
    for (const type of ['int', 'map', 'text', 'blob']) expect(attrsAt(ddl, type)).toEqual(['35']);
    expect(attrsAt(ddl, 't (')).toEqual([]);
    // no background colors and neither black nor white text: readable on light and dark terminals
    expect(ddl + shell).not.toMatch(/\x1b\[[0-9;]*(?:\b(?:30|37|9[07])\b|\b4[0-7]\b)[0-9;]*m/);
  });

  it('is off with HIGHLIGHT OFF, under NO_COLOR and with --no-color', async () => {
    ({ term } = await startRepl());
    term.line('HIGHLIGHT OFF');
    await term.waitFor('HIGHLIGHT set to OFF');
    expect(await promptRow("SELECT 'x' FROM t", "cqlsh> SELECT 'x' FROM t")).not.toContain(ESC);
    term.close();
    for (const o of [{ env: { NO_COLOR: '1' } }, { args: ['--no-color'] }]) {
      ({ term } = await startRepl(o));
      expect(await promptRow("SELECT 'x' FROM t", "cqlsh> SELECT 'x' FROM t")).not.toContain(ESC);
      term.close();
    }
  });
});

describe('suggestions from history', () => {
  it('show the newest matching entry dimmed; Right takes it, Alt-F a word; Alt-F moves by words without one', async () => {
    ({ term } = await startRepl({ env: ON }));
    term.line(`SELECT note FROM ${KS}.orders WHERE customer = 1 AND day = 1 AND id = 1;`);
    await term.waitFor('(1 rows)');
    const row = await promptRow('SELECT no', `cqlsh> SELECT note FROM ${KS}.orders WHERE customer = 1 AND day = 1 AND id = 1;`);
    expect(attrsAt(row, 'te FROM')).toEqual(['2']);
    expect(attrsAt(row, 'SELECT')).toEqual(['1']);
    // the cursor stays after what was typed
    expect(term.cursor().x).toBe('cqlsh> SELECT no'.length);
    term.type(ALT('f'));
    await term.waitFor(() => term!.cursor().x === 'cqlsh> SELECT note'.length);
    term.type(RIGHT);
    await term.waitFor(() => term!.cursor().x === `cqlsh> SELECT note FROM ${KS}.orders WHERE customer = 1 AND day = 1 AND id = 1;`.length);
    expect(attrsAt((await term.settle({ colors: true })).split('\n').pop()!, 'te FROM')).toEqual([]);
    term.type('\r');
    await term.waitFor((s) => s.split('(1 rows)').length === 3);
    // End takes it too
    term.type('SELECT note FROM');
    await term.waitFor(() => term!.cursor().x === 'cqlsh> SELECT note FROM'.length);
    term.type('\x1b[F');
    await term.waitFor(() => term!.cursor().x === `cqlsh> SELECT note FROM ${KS}.orders WHERE customer = 1 AND day = 1 AND id = 1;`.length);
    // no suggestion: Alt-F moves by readline's words
    term.type(`${CTRL('u')}CONSISTENCY LOCAL_ONE${CTRL('a')}${ALT('f')}`);
    await term.waitFor(() => term!.cursor().x === 'cqlsh> CONSISTENCY'.length);
    expect(term.screen().split('\n').pop()).toBe('cqlsh> CONSISTENCY LOCAL_ONE');
  });
});

describe('$EDITOR', () => {
  function editor(): { env: Record<string, string>; seen: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-editor-'));
    const seen = path.join(dir, 'seen');
    const script = path.join(dir, 'edit.sh');
    // an editor that keeps what it was given and adds LIMIT 2 before the `;`
    fs.writeFileSync(script, `#!/bin/sh\ncp "$1" ${seen}\nsed -i 's/;$/ LIMIT 2;/' "$1"\n`, { mode: 0o755 });
    return { env: { VISUAL: script, EDITOR: 'false' }, seen };
  }

  it('Ctrl-X Ctrl-E edits the statement being typed; what is saved waits at the prompt, not run', async () => {
    const e = editor();
    ({ term } = await startRepl({ env: e.env }));
    term.type(`SELECT id FROM ${KS}.orders;`);
    await term.waitFor(`cqlsh> SELECT id FROM ${KS}.orders;`);
    term.type(`${CTRL('x')}${CTRL('e')}`);
    await term.waitFor((s) => s.split('\n').pop() === `cqlsh> SELECT id FROM ${KS}.orders LIMIT 2;`);
    expect(fs.readFileSync(e.seen, 'utf8')).toBe(`SELECT id FROM ${KS}.orders;\n`);
    expect(term.screen()).not.toContain('rows)');
    term.type('\r');
    await term.waitFor('(2 rows)');
  });

  it('Ctrl-X Ctrl-E on an empty line opens the last statement', async () => {
    const e = editor();
    ({ term } = await startRepl({ env: e.env }));
    term.line('SELECT key FROM system.local;');
    await term.waitFor('(1 rows)');
    term.type(`${CTRL('x')}${CTRL('e')}`);
    await term.waitFor((s) => s.split('\n').pop() === 'cqlsh> SELECT key FROM system.local LIMIT 2;');
    expect(fs.readFileSync(e.seen, 'utf8')).toBe('SELECT key FROM system.local;\n');
  });

  it('EDIT opens the last statement and is listed in HELP; batch mode refuses EDIT', async () => {
    const e = editor();
    ({ term } = await startRepl({ env: e.env }));
    term.line('SELECT key FROM system.local;');
    await term.waitFor('(1 rows)');
    term.line('EDIT');
    await term.waitFor((s) => s.split('\n').pop() === 'cqlsh> SELECT key FROM system.local LIMIT 2;');
    term.type(`${CTRL('u')}HELP\r`);
    const help = await term.waitFor(/tscqlsh commands and settings[^]*\ncqlsh>$/);
    expect(help.slice(help.indexOf('tscqlsh commands and settings')).split(/\s+/)).toEqual(expect.arrayContaining(['EDIT', 'SAVE', 'PAGER', 'HIGHLIGHT', 'SUGGEST']));
    term.line('HELP EDIT');
    await term.waitFor(/Ctrl-X Ctrl-E/);
    const r = await batch('EDIT\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('EDIT needs the interactive shell');
  });
});

describe('guarded destructive statements', () => {
  it('ask in the REPL, naming the target and the connection; No is the default', async () => {
    ({ term } = await startRepl({ args: ['--confirm-destructive', 'on', '-k', KS] }));
    term.line('DELETE FROM orders WHERE customer = 0;');
    await term.waitFor('Run it? [y/N]');
    const s = server();
    expect(term.screen().replace(/\n/g, '')).toContain(
      `DELETE FROM orders (keyspace ${KS}) on ${s.host}:${s.port}: not the full primary key (customer, day, id): more than one row may go.Run it? [y/N]`,
    );
    term.type('\r');
    await term.waitFor(/Not run\.\ncqlsh:e2e_extras>$/);
    // a single row by its full key is not asked about
    term.line('DELETE FROM orders WHERE customer = 0 AND day = 0 AND id = 0;');
    await term.waitFor(/id = 0;\ncqlsh:e2e_extras>$/);
    term.line('TRUNCATE orders;');
    await term.waitFor('Run it? [y/N]');
    term.line('n');
    await term.waitFor(/Not run\.\ncqlsh:e2e_extras>$/);
    term.line('SELECT count(*) FROM orders;');
    await term.waitFor(/\n\s+29\n/);
  });

  it('a profile setting turns them on: y runs the statement; ALTER TABLE ... DROP and DROP KEYSPACE are asked too', async () => {
    const s = server();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-home-'));
    const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') };
    const added = await tscqlsh(['profile', 'add', 'careful', '--host', s.host, '--port', String(s.port), '-k', KS, '--confirm-destructive', 'on'], { env });
    expect(added.code).toBe(0);
    ({ term } = await startRepl({ home, args: ['-p', 'careful'] }));
    term.line('ALTER TABLE scratch DROP gone;');
    await term.waitFor('Run it? [y/N]');
    expect(term.screen().replace(/\n/g, '')).toContain(`ALTER TABLE scratch DROP gone (keyspace ${KS}) on ${s.host}:${s.port} (profile careful).Run it? [y/N]`);
    term.line('y');
    await term.waitFor(/y\ncqlsh:e2e_extras>$/);
    term.line('DESCRIBE TABLE scratch;');
    const described = await term.waitFor(/kept text[^]*\ncqlsh:e2e_extras>$/);
    expect(described).not.toMatch(/\bgone text\b/);
    term.line('DROP KEYSPACE IF EXISTS no_such_keyspace_here;');
    await term.waitFor(`DROP KEYSPACE no_such_keyspace_here on ${s.host}:${s.port} (profile careful).`);
    term.line('N');
    await term.waitFor(/Not run\.\ncqlsh:e2e_extras>$/);
    // a plain statement is never asked about
    term.line('SELECT k FROM scratch WHERE k = 1;');
    await term.waitFor(/\(0 rows\)\ncqlsh:e2e_extras>$/);
    expect(term.all().split('Run it?').length).toBe(3);
  });

  it('are asked about by default with the Amazon Keyspaces preset', async () => {
    const KEY = 'AKIDTESTDOUBLE01';
    const SECRET = 'double/Secret+Key=1';
    const double = await startKeyspacesDouble({ region: 'us-east-1', keys: { [KEY]: SECRET } });
    try {
      ({ term } = await startRepl({
        host: double.host,
        port: double.port,
        args: ['--preset', 'keyspaces', '--region', 'us-east-1', '--ca', double.caFile],
        env: { AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: SECRET, AWS_EC2_METADATA_DISABLED: 'true' },
      }));
      term.line('DROP TABLE demo.paged;');
      await term.waitFor('Run it? [y/N]');
      expect(term.screen().replace(/\n/g, '')).toContain(`DROP TABLE demo.paged on ${double.host}:${double.port}.Run it? [y/N]`);
      term.line('');
      await term.waitFor(/Not run\.\ncqlsh>$/);
      expect(double.queries.filter((q) => /^\s*drop/i.test(q))).toEqual([]);
    } finally {
      term?.close();
      await double.close();
    }
  });

  it('are refused in batch mode with --safe (exit status 2); without it batch mode never asks', async () => {
    const r = await batch(`TRUNCATE ${KS}.orders;\nSELECT count(*) FROM ${KS}.orders;\n`, ['--safe']);
    expect(r.code).toBe(2);
    const s = server();
    expect(r.stderr).toMatch(new RegExp(`^<stdin>:\\d:Refused \\(--safe\\): TRUNCATE ${KS}\\.orders on ${s.host}:${s.port}\\.\n$`));
    expect(r.stdout).toMatch(/\n\s+29\n/);
    const d = await batch(`DELETE FROM ${KS}.orders WHERE customer = 2 AND day = 2 AND id = 2;\n`, ['--confirm-destructive', 'on']);
    expect(d.code).toBe(0);
  });
});

describe('the pager', () => {
  it('shows a result wider than the terminal through less -SRXF; q comes back; PAGER OFF prints it', async () => {
    ({ term } = await startRepl({ cols: 100, rows: 30, env: { TSCQLSH_PAGER: 'on' } }));
    term.line(`SELECT * FROM ${KS}.wide;`);
    // less chops the long row at the width and waits (it did not fit): (END)
    await term.waitFor(/\(END\)$/);
    expect(term.screen()).not.toContain('end of the row');
    term.type('q');
    await term.waitFor(/cqlsh> $|cqlsh>$/);
    // a narrow result prints as usual
    term.line(`SELECT k FROM ${KS}.wide;`);
    await term.waitFor(/\(1 rows\)\ncqlsh>$/);
    term.line('PAGER OFF');
    await term.waitFor('PAGER set to OFF');
    term.line(`SELECT * FROM ${KS}.wide;`);
    await term.waitFor('end of the row');
  });

  it('is never used in batch mode', async () => {
    const s = server();
    const r = await tscqlsh([s.host, String(s.port), '--pager', 'on', '--pager-tall', 'on'], {
      stdin: `SELECT * FROM ${KS}.wide;\n`,
      env: { PAGER: "sed 's/^/PAGED /'" },
      timeoutMs: 60_000,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('end of the row');
    expect(r.stdout).not.toContain('PAGED');
  });

  it('takes taller results too with --pager-tall on; $PAGER is the program', async () => {
    ({ term } = await startRepl({ rows: 20, args: ['--pager-tall', 'on'], env: { TSCQLSH_PAGER: 'on', PAGER: "sed -n '$=' | sed 's/^/paged lines: /'" } }));
    term.line(`SELECT id FROM ${KS}.orders;`);
    await term.waitFor(/paged lines: \d+/);
    expect(term.screen()).not.toContain('---MORE---');
  });
});

describe('SAVE', () => {
  it('writes the last result set as CSV or JSON without running the query again', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-save-'));
    ({ term } = await startRepl({ args: ['-k', KS] }));
    term.line('PAGING 10');
    await term.waitFor('Page size: 10');
    term.line('SELECT customer, day, id FROM orders;');
    await term.waitFor('---MORE---');
    term.type('q');
    await term.waitFor(/cqlsh:e2e_extras>$/);
    term.line(`SAVE '${cwd}/first.csv'`);
    await term.waitFor(`Saved 10 rows to '${cwd}/first.csv': the rows fetched so far`);
    expect(fs.readFileSync(`${cwd}/first.csv`, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(11);
    term.line('PAGING OFF');
    await term.waitFor('PAGING set to OFF');
    term.line('SELECT customer, id FROM orders WHERE customer = 2;');
    await term.waitFor(/\((\d+) rows\)\ncqlsh:e2e_extras>$/);
    term.line(`SAVE '${cwd}/all.json'`);
    await term.waitFor(/Saved \d+ rows to '.*all\.json'\.\n/);
    const rows = JSON.parse(fs.readFileSync(`${cwd}/all.json`, 'utf8')) as { customer: number }[];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((r) => r.customer === 2)).toBe(true);
    term.line(`SAVE '${cwd}/all.ndjson'`);
    await term.waitFor(`Saved ${rows.length} rows to '${cwd}/all.ndjson'.`);
    const lines = fs.readFileSync(`${cwd}/all.ndjson`, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(rows);
    // an existing file is kept unless OVERWRITE says so
    term.line(`SAVE '${cwd}/all.ndjson'`);
    await term.waitFor((x) => x.replace(/\n/g, '').includes(`SAVE '${cwd}/all.ndjson' OVERWRITE replaces it.`));
  });
});

describe('the completion menu', () => {
  /**
   * `text` typed and Tab pressed until the menu shows `menu`: the first Tab of a session waits at
   * most 5 s for the schema, which a loaded machine may not read in that time.
   */
  async function tabUntil(text: string, menu: RegExp): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      term!.type(`${CTRL('u')}${text}\t`);
      try {
        return await term!.waitFor(menu, { timeoutMs: 12_000 });
      } catch (e) {
        if (attempt === 2) throw e;
        term!.type(CTRL('c'));
      }
    }
  }

  it('shows a column’s type next to it and a table’s kind next to it', async () => {
    ({ term } = await startRepl({ args: ['-k', KS] }));
    await tabUntil('UPDATE wide SET ', /b +text/);
    term.type(CTRL('c'));
    expect(await tabUntil(`SELECT * FROM ${KS}.`, /orders +table/)).toMatch(/wide +table/);
  });

  it('scrolls a long menu with the notes dimmed beside the names', async () => {
    // 40 columns, 3 to a row at this width: 14 rows, 8 shown
    ({ term } = await startRepl({ cols: 40, args: ['-k', KS] }));
    let s = await tabUntil('UPDATE many SET ', /^\(\d+ more\)$/m);
    expect(s).toMatch(/c00 +bigint +c01 +text/);
    await term.settle({ colors: true });
    const row = term.screenWithColors().split('\n').find((l) => l.includes('c00'))!;
    expect(attrsAt(row, 'bigint')).toEqual(['2']);
    expect(attrsAt(row, 'c01')).toEqual([]);
    // down through the rows: the window follows the selection, names keep their types
    for (let i = 0; i < 10; i++) term.type('\x1b[B');
    s = await term.waitFor(/^\(\d+ above, \d+ below\)$/m);
    s = await term.settle();
    expect(s).toMatch(/c29 +text/);
    expect(s).not.toMatch(/c0[0-5] /);
    const selected = /^cqlsh:e2e_extras> UPDATE many SET (c\d\d)$/m.exec(s)![1];
    expect(Number(selected.slice(1))).toBeGreaterThan(20);
    expect(s).toMatch(new RegExp(`${selected} +${Number(selected.slice(1)) % 2 ? 'text' : 'bigint'}`));
  });
});
