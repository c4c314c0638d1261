// Tab completion in the REPL: a keyspace, a table, a column, the menu for several candidates (and
// scrolling it), and cqlsh's precision: key columns after WHERE, regular ones after SET, ...
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Term } from '../support/pty.js';
import { tscqlsh } from '../support/run.js';
import { createFixtures, KS, server, startRepl, TAB } from './repl-helpers.js';

let term: Term | undefined;
afterEach(() => term?.close());
beforeAll(createFixtures, 120_000);

const lastLine = (s: string) => s.split('\n').pop() ?? '';
/** The last line starting with `prefix` (the prompt line, with the menu under it). */
const lastLineOf = (s: string, prefix: string) => s.split('\n').filter((l) => l.startsWith(prefix)).pop() ?? '';

describe('REPL Tab completion', () => {
  it('completes a keyspace after USE', async () => {
    ({ term } = await startRepl());
    await new Promise((r) => setTimeout(r, 500)); // the schema snapshot loads in the background
    term.type(`USE ${KS.slice(0, 5)}${TAB}`);
    await term.waitFor((s) => lastLine(s) === `cqlsh> USE ${KS}`);
    term.line(';');
    await term.waitFor(new RegExp(`cqlsh:${KS}>$`));
  });

  it('completes a table and a column', async () => {
    ({ term } = await startRepl());
    await new Promise((r) => setTimeout(r, 500));
    term.type(`SELECT * FROM ${KS}.wid${TAB}`);
    await term.waitFor((s) => lastLine(s) === `cqlsh> SELECT * FROM ${KS}.widgets`);
    term.type(`WHERE widget_i${TAB}`);
    await term.waitFor((s) => lastLine(s) === `cqlsh> SELECT * FROM ${KS}.widgets WHERE widget_id`);
    term.line('= 3;');
    await term.waitFor('(1 rows)');
  });

  it('shows a menu when several names fit, and Tab cycles through it', async () => {
    ({ term } = await startRepl());
    await new Promise((r) => setTimeout(r, 500));
    term.type(`SELECT * FROM ${KS}.wi${TAB}`);
    await term.waitFor((s) => lastLine(s) === `cqlsh> SELECT * FROM ${KS}.widgets`);
    term.type(TAB);
    const s = await term.waitFor(/ALLOW +GROUP +LIMIT/);
    expect(s).toMatch(/WHERE/);
    term.type(TAB + TAB);
    await term.waitFor((x) => lastLineOf(x, 'cqlsh>').endsWith('widgets ALLOW'));
  });

  it('sees a table created in the session (the schema is read again after DDL)', async () => {
    ({ term } = await startRepl());
    term.line(`DROP TABLE IF EXISTS ${KS}.fresh_table;`);
    await term.waitFor(/DROP TABLE[^\n]*\ncqlsh>$/);
    term.type(`SELECT * FROM ${KS}.fre${TAB}`);
    await new Promise((r) => setTimeout(r, 1000));
    expect(lastLine(term.screen())).toBe(`cqlsh> SELECT * FROM ${KS}.fre`);
    term.type('\x15');
    term.line(`CREATE TABLE ${KS}.fresh_table (k int PRIMARY KEY, fresh_col text);`);
    await term.waitFor(/CREATE TABLE[^\n]*\ncqlsh>$/);
    term.type(`SELECT * FROM ${KS}.fre${TAB}`);
    await term.waitFor((s) => lastLine(s) === `cqlsh> SELECT * FROM ${KS}.fresh_table`);
    // a regular column: offered after SET (WHERE offers only the key)
    term.type('\x15');
    term.type(`UPDATE ${KS}.fresh_table SET fresh_c${TAB}`);
    await term.waitFor((s) => lastLine(s) === `cqlsh> UPDATE ${KS}.fresh_table SET fresh_col`);
    term.type('\x15');
    term.line(`DROP TABLE ${KS}.fresh_table;`);
    await term.waitFor(/DROP TABLE[^\n]*\ncqlsh>$/);
  });

  it('completes consistency levels and shell commands', async () => {
    ({ term } = await startRepl());
    term.type(`CONSISTENCY LOCAL_Q${TAB}`);
    await term.waitFor((s) => lastLine(s) === 'cqlsh> CONSISTENCY LOCAL_QUORUM');
    term.type('\x15');
    term.type(`EXPA${TAB}`);
    await term.waitFor((s) => lastLine(s) === 'cqlsh> EXPAND');
  });
});

// a table with a compound partition key and clustering columns, in a keyspace of its own
const CK = 'e2e_complete';
const menuOf = (s: string) => s.split('\n').slice(s.split('\n').findIndex((l) => l.startsWith('cqlsh')) + 1).join('\n');

describe('REPL Tab completion is as precise as cqlsh', () => {
  beforeAll(async () => {
    const s = server();
    const r = await tscqlsh([s.host, String(s.port)], {
      stdin: [
        `CREATE KEYSPACE IF NOT EXISTS ${CK} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
        `CREATE TABLE IF NOT EXISTS ${CK}.orders (shop int, region text, day date, seq int, note text, total decimal, PRIMARY KEY ((shop, region), day, seq));`,
      ].join('\n'),
      timeoutMs: 120_000,
    });
    if (r.code !== 0) throw new Error(r.stderr);
  }, 120_000);

  /** A new session, `text` typed and Tab pressed: the screen once the menu is there. */
  async function typed(text: string): Promise<string> {
    ({ term } = await startRepl({ args: ['-k', CK], cols: 120 }));
    term.type(text);
    await term.waitFor((s) => lastLine(s) === `cqlsh:${CK}> ${text.trimEnd()}`);
    term.type(TAB);
    await term.waitFor((s) => menuOf(s).trim() !== '' && !s.includes('Reading the schema'));
    return term.settle();
  }

  it('WHERE offers the partition key first, then clustering, and TOKEN( — never other columns', async () => {
    // (each column with its type after it)
    const menu = menuOf(await typed('SELECT * FROM orders WHERE '));
    expect(menu.split(/\s+/).sort()).toEqual(['TOKEN(', 'date', 'day', 'int', 'shop']);
    expect(menu).toMatch(/shop +int/);
    term!.type('\x15' + `SELECT * FROM orders WHERE shop = 1 AND ${TAB}`);
    const next = menuOf(await term!.waitFor(/region/));
    expect(next.split(/\s+/).sort()).toEqual(['TOKEN(', 'date', 'day', 'int', 'region', 'shop', 'text']);
  });

  it('UPDATE ... SET never offers a primary key column', async () => {
    const menu = menuOf(await typed('UPDATE orders SET '));
    expect(menu.split(/\s+/).sort()).toEqual(['decimal', 'note', 'text', 'total']);
    expect(menu).toMatch(/note +text +total +decimal/);
  });

  it('INSERT INTO t (a, offers the next key column, not a again', async () => {
    ({ term } = await startRepl({ args: ['-k', CK], cols: 120 }));
    term.type(`INSERT INTO orders (shop, ${TAB}`);
    await term.waitFor((s) => lastLine(s) === `cqlsh:${CK}> INSERT INTO orders (shop, region`);
  });

  it('after WHERE k = a value is expected: what cqlsh offers there, no clause keywords', async () => {
    const s = await typed('SELECT * FROM orders WHERE shop = ');
    const menu = menuOf(s);
    expect(menu).toMatch(/<wholenumber>/);
    expect(menu.split('\n').pop()!.split(/\s+/).sort()).toEqual(['-', 'NULL', 'TOKEN', '[', 'false', 'true', '{']);
    expect(menu).not.toMatch(/\b(AND|LIMIT|ALLOW)\b/);
  });

  it('COPY ... WITH offers the COPY options of its direction', async () => {
    const to = menuOf(await typed(`COPY orders TO 'x.csv' WITH `));
    expect(to).toMatch(/\bPAGESIZE\b/);
    expect(to).toMatch(/\bHEADER\b/);
    expect(to).not.toMatch(/\bINGESTRATE\b/);
    term!.close();
    const from = menuOf(await typed(`COPY orders FROM 'x.csv' WITH HEADER = true AND `));
    expect(from).toMatch(/\bINGESTRATE\b/);
    expect(from).not.toMatch(/\bPAGESIZE\b|\bHEADER\b/);
  });

  it('a long menu scrolls: the arrows move the selection into the buffer and the rows follow', async () => {
    ({ term } = await startRepl({ cols: 80 }));
    term.type(`HELP ${TAB}`);
    let s = await term.waitFor(/^\(\d+ more\)$/m);
    expect(s.split('\n').filter((l) => /^[A-Z_;]+ {2,}/.test(l))).toHaveLength(8);
    // nine rows down: the window has moved one row, the selection is in the line
    for (let i = 0; i < 10; i++) {
      const before = lastLineOf(s, 'cqlsh>');
      term.type('\x1b[B');
      s = await term.waitFor((x) => lastLineOf(x, 'cqlsh>') !== before);
    }
    s = await term.settle();
    const note = /^\((\d+) above, (\d+) below\)$/m.exec(s);
    expect(note).not.toBeNull();
    expect(Number(note![1])).toBeGreaterThan(0);
    const selected = /^cqlsh> HELP (\w+)$/m.exec(s)![1];
    const visible = s.split('\n').filter((l) => /^[A-Z_;]+ {2,}/.test(l));
    expect(visible.at(-1)!.split(/\s+/)).toContain(selected);
    // Enter keeps the choice and closes the menu
    term.type('\r');
    s = await term.waitFor((x) => lastLine(x) === `cqlsh> HELP ${selected}`);
    expect(s).not.toMatch(/above, \d+ below/);
  });
});
