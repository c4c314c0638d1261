// Tab completion in the REPL: a keyspace, a table, a column, and the menu for several candidates.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Term } from '../support/pty.js';
import { createFixtures, KS, startRepl, TAB } from './repl-helpers.js';

let term: Term | undefined;
afterEach(() => term?.close());
beforeAll(createFixtures, 120_000);

const lastLine = (s: string) => s.split('\n').pop() ?? '';

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
    term.type(`SELECT widget_${TAB}`);
    // no FROM yet: keywords and nothing to complete a column from
    term.type('\x15');
    term.type(`SELECT * FROM ${KS}.widgets WHERE ${TAB}`);
    const s = await term.waitFor(/widget_id +widget_name/);
    expect(s).toMatch(/qty/);
    term.type(TAB);
    await term.waitFor((x) => x.includes(`WHERE qty`) || x.includes('WHERE widget_id'));
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
    term.type(`WHERE fresh_c${TAB}`);
    await term.waitFor((s) => lastLine(s) === `cqlsh> SELECT * FROM ${KS}.fresh_table WHERE fresh_col`);
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
