import { describe, expect, it } from 'vitest';
import { layoutPrompt } from '../../src/ui/layout.js';
import { hiddenNote, layoutMenu } from '../../src/ui/menu.js';
import { continuationPrompt, echo, mainPrompt } from '../../src/ui/prompt.js';
import { pagerCommand } from '../../src/ui/pager.js';

describe('prompt layout', () => {
  it('places the cursor after the prompt', () => {
    expect(layoutPrompt('cqlsh> ', '   ... ', 'abc', 1, 80)).toEqual({ rows: ['cqlsh> abc'], parts: [{ lead: 7, start: 0 }], cursor: { x: 8, y: 0 } });
  });

  it('puts continuation lines under the statement', () => {
    const l = layoutPrompt('cqlsh> ', '   ... ', 'SELECT *\nFROM t;', 14, 80);
    expect(l.rows).toEqual(['cqlsh> SELECT *', '   ... FROM t;']);
    expect(l.cursor).toEqual({ x: 12, y: 1 });
  });

  it('breaks long lines at the width, wide characters kept whole', () => {
    const l = layoutPrompt('> ', '. ', 'abcdefgh', 8, 5);
    expect(l.rows).toEqual(['> abc', 'defgh', '']);
    expect(l.cursor).toEqual({ x: 0, y: 2 });
    const w = layoutPrompt('> ', '. ', 'ab日本', 3, 5);
    expect(w.rows).toEqual(['> ab', '日本']);
    expect(w.cursor).toEqual({ x: 2, y: 1 });
  });

  it('keeps CQLSH_PROMPT on its own row', () => {
    const l = layoutPrompt('custom\ncqlsh> ', '   ... ', '', 0, 80);
    expect(l.rows).toEqual(['custom', 'cqlsh> ']);
    expect(l.cursor).toEqual({ x: 7, y: 1 });
  });
});

describe('prompts', () => {
  it('are cqlsh’s', () => {
    expect(mainPrompt({})).toBe('cqlsh> ');
    expect(mainPrompt({ keyspace: 'ks' })).toBe('cqlsh:ks> ');
    expect(mainPrompt({ keyspace: 'ks', username: 'bob' })).toBe('bob@cqlsh:ks> ');
    expect(mainPrompt({ custom: 'prod' })).toBe('prod\ncqlsh> ');
    expect(mainPrompt({ word: 'db' })).toBe('db> ');
    expect(continuationPrompt({})).toBe('   ... ');
    expect(continuationPrompt({ keyspace: 'ks' })).toBe('      ... ');
    expect(continuationPrompt({ keyspace: 'ks' }).length).toBe(mainPrompt({ keyspace: 'ks' }).length);
    expect(echo('a\nb', {})).toBe('cqlsh> a\n   ... b');
  });
});

describe('completion menu layout', () => {
  it('fills columns, at most 8 rows, the selection in view', () => {
    const items = Array.from({ length: 100 }, (_, i) => `table_${i}`);
    const m = layoutMenu(items, -1, 40);
    expect(m.rows.length).toBe(8);
    expect(m.rows[0].length).toBe(3);
    expect(m.below).toBe(100 - 24);
    expect(hiddenNote(m)).toBe('(76 more)');
    const sel = layoutMenu(items, 99, 40);
    expect(sel.rows.flat().some((c) => c.selected && c.text === 'table_99')).toBe(true);
    expect(hiddenNote(sel)).toBe('(78 above, 0 below)');
  });

  it('keeps the window where it is while the selection stays in it', () => {
    const items = Array.from({ length: 100 }, (_, i) => `table_${i}`);
    // rows 5..12 shown; selecting row 6 leaves them so
    const l = layoutMenu(items, 18, 40, 5);
    expect(l.rows[0][0].text).toBe('table_15');
    expect(l.above).toBe(15);
  });
});

describe('pager setting', () => {
  it('is on by default ($PAGER or less -SRXF), off when set off, or a command', () => {
    expect(pagerCommand(undefined, {})).toBe('less -SRXF');
    expect(pagerCommand('off')).toBeUndefined();
    expect(pagerCommand('on', {})).toBe('less -SRXF');
    expect(pagerCommand('on', { PAGER: 'most' })).toBe('most');
    expect(pagerCommand('bat -p', {})).toBe('bat -p');
  });
});

describe('re-flow on a narrower terminal', () => {
  it('counts the rows the terminal added above the cursor', async () => {
    const { reflowedRowsAboveCursor } = await import('../../src/ui/resize.js');
    const view = (text: string, cursor = text.length) =>
      ({
        mode: 'edit',
        prompt: 'cqlsh> ',
        continuation: '   ... ',
        buffer: { text, cursor },
        menu: null,
        search: null,
        input: null,
        status: '',
        hints: [],
        highlight: false,
        suggestion: '',
      }) as const;
    const long = 'x'.repeat(90); // one row of 97 cells at width 100
    expect(reflowedRowsAboveCursor(view(long), 100, 50)).toBe(1);
    expect(reflowedRowsAboveCursor(view(long, 0), 100, 50)).toBe(0);
    expect(reflowedRowsAboveCursor(view(`${long}\nab`), 100, 50)).toBe(1);
    expect(reflowedRowsAboveCursor(view(long), 100, 120)).toBe(0);
  });
});
