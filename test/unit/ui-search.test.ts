import { describe, expect, it } from 'vitest';
import { EMPTY } from '../../src/ui/buffer.js';
import { History } from '../../src/ui/history.js';
import { searchStep, startSearch, type Search } from '../../src/ui/search.js';
import { tabPress } from '../../src/ui/tab.js';

const h = History.fromEntries(['select a from t;', 'show version', 'select b from t;']);

function typeAll(s: Search, text: string): Search {
  for (const ch of text) {
    const step = searchStep(s, { name: 'char', text: ch }, h);
    if (step.kind !== 'search') throw new Error('left the search');
    s = step.search;
  }
  return s;
}

describe('reverse search', () => {
  it('narrows as you type and marks a failed query, keeping the last match', () => {
    let s = typeAll(startSearch(h, EMPTY), 'sel');
    expect(s).toMatchObject({ match: 'select b from t;', index: 2, failed: false });
    s = typeAll(s, 'ect a');
    expect(s).toMatchObject({ match: 'select a from t;', index: 0, failed: false });
    s = typeAll(s, 'zz');
    expect(s).toMatchObject({ match: 'select a from t;', failed: true });
    const back = searchStep(s, { name: 'backspace' }, h);
    expect(back.kind === 'search' && back.search.failed).toBe(true);
  });

  it('Ctrl-R steps to older matches; Escape cancels; other keys accept', () => {
    const s = typeAll(startSearch(h, { text: 'draft', cursor: 5 }), 'select');
    const older = searchStep(s, { name: 'ctrl', text: 'r' }, h);
    expect(older.kind === 'search' && older.search.match).toBe('select a from t;');
    expect(searchStep(s, { name: 'escape' }, h)).toEqual({ kind: 'cancel', buffer: { text: 'draft', cursor: 5 } });
    expect(searchStep(s, { name: 'left' }, h)).toMatchObject({ kind: 'accept', text: 'select b from t;' });
  });
});

describe('tab', () => {
  const src = { keyspaces: () => ['ks1', 'ks2'], tables: () => [], table: () => undefined };
  it('opens a menu, then cycles both ways', () => {
    const first = tabPress({ text: 'USE k', cursor: 5 }, null, 1, src, undefined)!;
    expect(first.buffer.text).toBe('USE ks');
    expect(first.menu).toMatchObject({ items: ['ks1', 'ks2'], selected: -1, start: 4 });
    const back = tabPress(first.buffer, first.menu, -1, src, undefined)!;
    expect(back.buffer.text).toBe('USE ks2');
    const fwd = tabPress(back.buffer, back.menu, 1, src, undefined)!;
    expect(fwd.buffer.text).toBe('USE ks1');
    expect(tabPress({ text: 'USE zz', cursor: 6 }, null, 1, src, undefined)).toBeNull();
  });

  it('closes the quote after a file name', () => {
    const files = { ...src, listDir: (d: string) => (d === '.' ? ['data/', 'in.cql'] : d === 'data/' ? ['x.csv'] : []) };
    expect(tabPress({ text: "SOURCE 'in", cursor: 10 }, null, 1, files, undefined)!.buffer.text).toBe("SOURCE 'in.cql'");
    expect(tabPress({ text: "SOURCE 'da", cursor: 10 }, null, 1, files, undefined)!.buffer.text).toBe("SOURCE 'data/");
  });
});
