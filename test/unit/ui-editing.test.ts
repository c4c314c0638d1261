// The prompt's readline memory (kill ring, yank, undo) and the completion menu's navigation,
// driven through the REPL controller with keys as a terminal sends them.
import { describe, expect, it } from 'vitest';
import type { CompletionSource } from '../../src/cql/completion.js';
import type { Shell } from '../../src/shell/shell.js';
import { defaultState } from '../../src/shell/state.js';
import { ReplController } from '../../src/ui/controller.js';
import { History } from '../../src/ui/history.js';
import { KeyParser } from '../../src/ui/keys.js';
import { LineEditor } from '../../src/ui/line-editor.js';
import { moveInMenu, tabPress } from '../../src/ui/tab.js';

const many: CompletionSource = {
  keyspaces: () => ['ks'],
  tables: (ks) => (ks === 'ks' ? Array.from({ length: 150 }, (_, i) => `t${String(i).padStart(3, '0')}`) : []),
  table: () => undefined,
};

function setup(schema: CompletionSource = many) {
  const shell = { keyspace: 'ks', state: defaultState(), async *run() {} };
  const c = new ReplController({
    shell: shell as unknown as Shell,
    history: History.fromEntries([]),
    schema,
    color: false,
    io: { out: () => {}, err: () => {}, exit: () => {} },
  });
  const parser = new KeyParser();
  const type = (s: string) => c.handleKeys([...parser.push(s), ...parser.flush()]);
  return { c, type, text: () => c.getView().buffer.text, cursor: () => c.getView().buffer.cursor };
}

const CTRL = (ch: string) => String.fromCharCode(ch.charCodeAt(0) - 96);
const ALT = (ch: string) => `\x1b${ch}`;
const UNDO = '\x1f';

describe('kill ring and yank', () => {
  it('Ctrl-Y yanks what Ctrl-K, Ctrl-U, Ctrl-W, Alt-D or Alt-Backspace killed', () => {
    const t = setup();
    t.type(`SELECT a FROM t${CTRL('a')}${CTRL('k')}`);
    expect(t.text()).toBe('');
    t.type(CTRL('y'));
    expect(t.text()).toBe('SELECT a FROM t');
    t.type(`${CTRL('u')}x${CTRL('y')}`);
    expect(t.text()).toBe('xSELECT a FROM t');
    t.type(`${CTRL('w')}${CTRL('e')} ${CTRL('y')}`);
    expect(t.text()).toBe('xSELECT a FROM  t');
    t.type(`${CTRL('a')}${ALT('d')}${CTRL('e')}${CTRL('y')}`);
    expect(t.text()).toBe(' a FROM  txSELECT');
    // readline's words are letters and digits: `txSELECT` is one
    t.type(`${ALT('\x7f')}${CTRL('a')}${CTRL('y')}`);
    expect(t.text()).toBe('txSELECT a FROM  ');
  });

  it('kills in a row join one entry; Alt-Y right after a yank cycles to older kills', () => {
    const t = setup();
    t.type(`one two three${ALT('\x7f')}${ALT('\x7f')}`);
    expect(t.text()).toBe('one ');
    t.type(CTRL('y'));
    expect(t.text()).toBe('one two three');
    t.type(`${CTRL('a')}${ALT('d')}${CTRL('e')} `);
    t.type(CTRL('y'));
    expect(t.text()).toBe(' two three one');
    t.type(ALT('y'));
    expect(t.text()).toBe(' two three two three');
    t.type(ALT('y'));
    expect(t.text()).toBe(' two three one');
    // Alt-Y does nothing unless the last key was a yank
    t.type(`x${ALT('y')}`);
    expect(t.text()).toBe(' two three onex');
  });
});

describe('undo', () => {
  it('Ctrl-_ undoes a run of typing, a kill, a yank, a transpose and a completion, one step each', () => {
    const t = setup();
    t.type('SELECT * FROM ');
    t.type('\x1b[D\x1b[C'); // a cursor move ends the run of typing
    t.type('ks.t14');
    t.type('\t');
    expect(t.text()).toBe('SELECT * FROM ks.t14');
    t.type('\t');
    expect(t.text()).toBe('SELECT * FROM ks.t140');
    t.type(CTRL('t'));
    expect(t.text()).toBe('SELECT * FROM ks.t104');
    t.type(UNDO);
    expect(t.text()).toBe('SELECT * FROM ks.t140');
    t.type(UNDO);
    expect(t.text()).toBe('SELECT * FROM ks.t14');
    t.type(`${CTRL('w')}`);
    expect(t.text()).toBe('SELECT * FROM ');
    t.type(UNDO);
    expect(t.text()).toBe('SELECT * FROM ks.t14');
    t.type(UNDO);
    expect(t.text()).toBe('SELECT * FROM ');
    t.type(UNDO);
    expect(t.text()).toBe('');
    t.type(UNDO);
    expect(t.text()).toBe('');
  });

  it('Ctrl-X Ctrl-U undoes too; Ctrl-U alone still kills', () => {
    const t = setup();
    t.type('abc def');
    t.type(CTRL('u'));
    expect(t.text()).toBe('');
    t.type(`${CTRL('x')}${CTRL('u')}`);
    expect(t.text()).toBe('abc def');
  });

  it('a new line has nothing to undo', () => {
    const e = new LineEditor();
    const b = e.key({ text: '', cursor: 0 }, { name: 'char', text: 'x' })!;
    e.reset();
    expect(e.key(b, { name: 'undo' })).toEqual(b);
  });
});

describe('Ctrl-T and word keys', () => {
  it('Ctrl-T transposes; Alt-B / Alt-F stop at readline word boundaries', () => {
    const t = setup();
    t.type(`CONSISTENCY LOCAL_QUORUM${ALT('b')}`);
    expect(t.cursor()).toBe('CONSISTENCY LOCAL_'.length);
    t.type(`${ALT('b')}${ALT('b')}${ALT('f')}`);
    expect(t.cursor()).toBe('CONSISTENCY'.length);
    t.type(`${CTRL('a')}${CTRL('f')}${CTRL('t')}`);
    expect(t.text()).toBe('OCNSISTENCY LOCAL_QUORUM');
  });
});

describe('completion menu', () => {
  it('shows 8 rows and what is hidden; arrows and Tab move the selection, the window follows', () => {
    const t = setup();
    t.c.setWidth(40);
    t.type('SELECT * FROM ');
    t.type('\t');
    const menu = t.c.getView().menu!;
    // 150 tables and the keyspaces, 6 to a row at this width
    expect(menu.items.length).toBe(151);
    t.type('\x1b[B'); // Down: the first candidate
    expect(t.c.getView().menu!.selected).toBe(0);
    for (let i = 0; i < 9; i++) t.type('\x1b[B');
    const m = t.c.getView().menu!;
    expect(m.selected).toBe(54);
    expect(m.top).toBe(2);
    expect(t.text()).toBe(`SELECT * FROM ${m.items[54]}`);
    t.type('\x1b[C'); // Right
    expect(t.c.getView().menu!.selected).toBe(55);
    t.type('\x1b[A\x1b[A\x1b[A'); // Up x3: rows 8, 7, 6: still in the window 2..9
    expect(t.c.getView().menu!.top).toBe(2);
    t.type('\x1b[6~'); // Page Down
    expect(t.c.getView().menu!.selected).toBe(37 + 48);
    t.type('\r'); // Enter takes the selection and closes the menu
    expect(t.c.getView().menu).toBeNull();
    expect(t.text()).toBe(`SELECT * FROM ${menu.items[85]}`);
  });

  it('Up from the first row goes to the last row of the same column; Shift-Tab before any selection takes the last', () => {
    const b = { text: 'SELECT * FROM ', cursor: 14 };
    const open = tabPress(b, null, 1, many, 'ks', 40)!;
    const last = tabPress(open.buffer, open.menu, -1, many, 'ks', 40)!;
    expect(last.menu!.selected).toBe(150);
    const first = moveInMenu(open.buffer, { ...open.menu!, selected: 1 }, 'up', 40)!;
    expect(first.menu.selected).toBe(145);
  });

  it('shows hints with no candidates and inserts nothing', () => {
    const src: CompletionSource = {
      keyspaces: () => ['ks'],
      tables: () => ['t'],
      table: () => ({
        partitionKey: ['k'],
        clustering: [],
        columns: [
          { name: 'k', type: 'int' },
          { name: 'v', type: 'text' },
        ],
        indexTargets: [],
      }),
    };
    const t = setup(src);
    t.type('INSERT INTO t (k, v) VALUES (1, \t');
    expect(t.text()).toBe('INSERT INTO t (k, v) VALUES (1, ');
    expect(t.c.getView().menu).toMatchObject({ items: [], hints: ['<value for v (text)>'] });
  });
});
