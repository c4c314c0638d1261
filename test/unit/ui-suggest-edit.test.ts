// The controller's suggestions from history (fish-style: Right/End take all, Alt-F a word; Alt-F
// still moves by word without one), Ctrl-X Ctrl-E and EDIT (the face's editor fills the buffer,
// nothing runs), and a question with an explanation (the guard's).
import { describe, expect, it } from 'vitest';
import type { CompletionSource } from '../../src/cql/completion.js';
import type { Output } from '../../src/shell/output.js';
import type { Shell } from '../../src/shell/shell.js';
import { defaultState } from '../../src/shell/state.js';
import { ReplController } from '../../src/ui/controller.js';
import { History } from '../../src/ui/history.js';
import { KeyParser } from '../../src/ui/keys.js';

const none: CompletionSource = { keyspaces: () => [], tables: () => [], table: () => undefined };

function setup(o: { entries?: string[]; color?: boolean; editor?: (t: string) => Promise<string | null>; run?: (text: string) => Output[] } = {}) {
  const ran: string[] = [];
  const out: string[] = [];
  const shell = {
    keyspace: undefined,
    state: defaultState(),
    async *run(text: string) {
      ran.push(text);
      for (const x of o.run?.(text) ?? []) yield x;
    },
  };
  const history = History.fromEntries(o.entries ?? []);
  const c = new ReplController({
    shell: shell as unknown as Shell,
    history,
    schema: none,
    color: o.color ?? true,
    io: { out: (s) => out.push(s), err: (s) => out.push(s), exit: () => {}, editor: o.editor },
  });
  const parser = new KeyParser();
  const type = (s: string) => c.handleKeys([...parser.push(s), ...parser.flush()]);
  const view = () => c.getView();
  return { c, type, view, ran, out, shell, history };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const ALT = (s: string) => `\x1b${s}`;

describe('suggestions from history', () => {
  const entries = ['SELECT * FROM ks.t WHERE id = 1;', 'SELECT * FROM ks.users;', 'INSERT INTO ks.t (id) VALUES (2);'];

  it('show the rest of the newest entry that starts with the buffer, only at its end', () => {
    const t = setup({ entries });
    t.type('SEL');
    expect(t.view().suggestion).toBe('ECT * FROM ks.users;');
    t.type('ECT * FROM ks.t');
    expect(t.view().suggestion).toBe(' WHERE id = 1;');
    t.type('\x1b[D'); // Left: the cursor is not at the end
    expect(t.view().suggestion).toBe('');
    t.type('\x1b[C');
    expect(t.view().suggestion).toBe(' WHERE id = 1;');
    t.type(' WHERE id = 1;');
    expect(t.view().suggestion).toBe('');
  });

  it('typing on reuses the last look-up, and agrees with a fresh one at every key', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `SELECT c${i % 7} FROM ks.t${i % 11} WHERE id = ${i};`);
    const t = setup({ entries: many });
    for (const text of ['SELECT c3 FROM ks.t5 WHERE id = 1', 'SELECT c3 FROM ks.t5 WHERE id = 2999', 'SELECT c9', 'UPDATE']) {
      for (let i = 1; i <= text.length; i++) {
        t.type(text[i - 1]);
        expect(t.view().suggestion, text.slice(0, i)).toBe(t.history.suggest(text.slice(0, i))?.slice(i) ?? '');
      }
      t.type('\x15');
    }
    // a statement once run is suggested the next time
    t.type('UPDATE ks.t0 SET a = 1 WHERE id = 0;\r');
    await tick();
    await tick();
    t.type('UPDATE ks');
    expect(t.view().suggestion).toBe('.t0 SET a = 1 WHERE id = 0;');
  });

  it('Right or End takes all of it, Alt-F a word of it', () => {
    const t = setup({ entries });
    t.type('INS');
    t.type(ALT('f'));
    expect(t.view().buffer.text).toBe('INSERT');
    t.type(ALT('f'));
    expect(t.view().buffer.text).toBe('INSERT INTO');
    t.type('\x1b[F'); // End
    expect(t.view().buffer.text).toBe('INSERT INTO ks.t (id) VALUES (2);');
    t.type('\x15SELECT * FROM ks.u\x1b[C'); // Right
    expect(t.view().buffer.text).toBe('SELECT * FROM ks.users;');
    // one undo step gives back what was typed
    t.type('\x1f');
    expect(t.view().buffer.text).toBe('SELECT * FROM ks.u');
  });

  it('leave Alt-F moving by words when there is none', () => {
    const t = setup({ entries });
    t.type('CONSISTENCY LOCAL_ONE\x01');
    t.type(ALT('f'));
    expect(t.view().buffer.cursor).toBe('CONSISTENCY'.length);
    expect(t.view().buffer.text).toBe('CONSISTENCY LOCAL_ONE');
  });

  it('are off with SUGGEST OFF and without colors; case matters', () => {
    const t = setup({ entries });
    t.shell.state.repl.suggest = false;
    t.type('SEL');
    expect(t.view().suggestion).toBe('');
    expect(setup({ entries, color: false }).view().suggestion).toBe('');
    const u = setup({ entries });
    u.type('sel');
    expect(u.view().suggestion).toBe('');
  });

  it('come from 10,000 entries quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `SELECT c${i} FROM ks.t${i % 150};`);
    const t = setup({ entries: many });
    const t0 = performance.now();
    for (const ch of 'UPDATE ks.t SET') t.type(ch);
    expect(t.view().suggestion).toBe('');
    t.type('\x15SELECT c9999 FROM ks.t');
    expect(t.view().suggestion).toBe('99;');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('the highlighted echo', () => {
  it('leaves the statement in the scrollback as it was shown (plain without highlighting)', async () => {
    const t = setup();
    t.type('SELECT 1;\r');
    await tick();
    expect(t.out[0]).toBe('cqlsh> \x1b[1mSELECT\x1b[22m \x1b[36m1\x1b[39m;\n');
    const p = setup();
    p.shell.state.repl.highlight = false;
    p.type('SELECT 1;\r');
    await tick();
    expect(p.out[0]).toBe('cqlsh> SELECT 1;\n');
  });
});

describe('the editor', () => {
  it('Ctrl-X Ctrl-E opens the buffer; what is saved comes back, not run, one undo step', async () => {
    const asked: string[] = [];
    const t = setup({ editor: async (s) => (asked.push(s), 'SELECT 2\nFROM t;') });
    t.type('SELECT 1');
    t.type('\x18\x05');
    await tick();
    expect(asked).toEqual(['SELECT 1']);
    expect(t.view().mode).toBe('edit');
    expect(t.view().buffer.text).toBe('SELECT 2\nFROM t;');
    expect(t.ran).toEqual([]);
    t.type('\x1f');
    expect(t.view().buffer.text).toBe('SELECT 1');
  });

  it('opens the last statement when the buffer is empty; nothing back leaves the buffer', async () => {
    const asked: string[] = [];
    const t = setup({ entries: ['SELECT 3;'], editor: async (s) => (asked.push(s), null) });
    t.type('\x18\x05');
    await tick();
    expect(asked).toEqual(['SELECT 3;']);
    expect(t.view().buffer.text).toBe('');
    // Ctrl-X Ctrl-U is still undo
    t.type('abc\x18\x15');
    expect(t.view().buffer.text).toBe('');
  });

  it('EDIT (the engine asks) puts what is saved at the prompt once the statement is over', async () => {
    const t = setup({
      entries: ['SELECT 4;'],
      editor: async (s) => `${s.replace(';', '')} LIMIT 1;`,
      run: (text) => (/^edit/i.test(text) ? [{ kind: 'edit', text: 'SELECT 4;' }] : []),
    });
    t.type('EDIT\r');
    for (let i = 0; i < 5; i++) await tick();
    expect(t.view().mode).toBe('edit');
    expect(t.view().buffer.text).toBe('SELECT 4 LIMIT 1;');
    expect(t.ran).toEqual(['EDIT\n']);
  });
});

describe('a question while a statement runs', () => {
  it('writes its explanation to the scrollback and asks on the last line', async () => {
    const t = setup();
    const answer = t.c.readLine('DROP TABLE t on 127.0.0.1:9042.\nRun it? [y/N] ', false);
    expect(t.out).toEqual(['DROP TABLE t on 127.0.0.1:9042.\n']);
    expect(t.view().input?.prompt).toBe('Run it? [y/N] ');
    t.type('y\r');
    expect(await answer).toBe('y');
    expect(t.out[1]).toBe('Run it? [y/N] y\n');
  });
});
