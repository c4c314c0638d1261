// Key bindings and modes of the REPL controller, driven with a fake engine (no terminal, no Ink).
import { describe, expect, it } from 'vitest';
import type { CompletionSource } from '../../src/cql/completion.js';
import type { Output } from '../../src/shell/output.js';
import type { Shell } from '../../src/shell/shell.js';
import { defaultState } from '../../src/shell/state.js';
import { ReplController, TERMINATOR_HINT } from '../../src/ui/controller.js';
import { History } from '../../src/ui/history.js';
import { KeyParser } from '../../src/ui/keys.js';

const col = [{ name: 'x', type: { kind: 'int' as const } }];

function fakeShell() {
  const ran: string[] = [];
  const shell = {
    keyspace: undefined as string | undefined,
    state: defaultState(),
    ran,
    async *run(text: string, signal?: AbortSignal): AsyncGenerator<Output> {
      ran.push(text.trim());
      const t = text.trim().replace(/;$/, '').toLowerCase();
      if (t === 'slow') {
        await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
        return;
      }
      if (t === 'pages') {
        for (let p = 0; p < 3; p++) yield { kind: 'page', columns: col, rows: [[p]], first: p === 0, last: p === 2, offset: p, total: p + 1 };
        return;
      }
      if (t.startsWith('use ')) {
        shell.keyspace = t.slice(4);
        yield { kind: 'keyspace', keyspace: shell.keyspace };
        return;
      }
      if (t === 'exit') {
        yield { kind: 'exit' };
        return;
      }
      if (t === 'bad') {
        yield { kind: 'error', message: 'boom' };
        return;
      }
      yield { kind: 'text', text: `ran ${t}` };
    },
  };
  return shell;
}

const schema: CompletionSource = {
  keyspaces: () => ['shop', 'system'],
  tables: (ks) => (ks === 'shop' ? ['orders', 'users'] : []),
  table: () => ({
    partitionKey: ['order_id'],
    clustering: ['owner'],
    columns: [
      { name: 'order_id', type: 'int' },
      { name: 'owner', type: 'text' },
      { name: 'other', type: 'text' },
    ],
    indexTargets: [],
  }),
};

function setup(entries: string[] = []) {
  const shell = fakeShell();
  let out = '';
  let err = '';
  let exited: number | null = null;
  const c = new ReplController({
    shell: shell as unknown as Shell,
    history: History.fromEntries(entries),
    schema,
    color: false,
    io: { out: (s) => (out += s), err: (s) => (err += s), exit: (code) => (exited = code) },
  });
  const parser = new KeyParser();
  const type = (s: string) => c.handleKeys(parser.push(s));
  const tick = () => new Promise((r) => setTimeout(r, 5));
  return {
    c,
    shell,
    type,
    tick,
    out: () => out,
    err: () => err,
    exited: () => exited,
    text: () => c.getView().buffer.text,
  };
}

describe('REPL controller', () => {
  it('submits a complete statement, keeps an incomplete one open', async () => {
    const t = setup();
    t.type('SELECT 1\r');
    expect(t.text()).toBe('SELECT 1\n');
    expect(t.shell.ran).toEqual([]);
    t.type('FROM x;\r');
    await t.tick();
    expect(t.shell.ran).toEqual(['SELECT 1\nFROM x;']);
    expect(t.out()).toContain('cqlsh> SELECT 1\n   ... FROM x;\n');
    expect(t.out()).toContain('ran select 1\nfrom x');
    expect(t.text()).toBe('');
  });

  it('Ctrl-J and Alt-Enter insert a newline even in a complete statement', () => {
    const t = setup();
    t.type('SELECT 1;\n');
    t.type('\x1b\r');
    expect(t.text()).toBe('SELECT 1;\n\n');
    expect(t.shell.ran).toEqual([]);
  });

  it('runs pasted text statement by statement, and typed-ahead lines in order', async () => {
    const t = setup();
    t.type('\x1b[200~a;\nb;\n\x1b[201~');
    for (let i = 0; i < 5; i++) await t.tick();
    expect(t.shell.ran).toEqual(['a;', 'b;']);
    t.type('c;\rd;\r');
    for (let i = 0; i < 5; i++) await t.tick();
    expect(t.shell.ran).toEqual(['a;', 'b;', 'c;', 'd;']);
  });

  it('edits with the readline keys', () => {
    const t = setup();
    t.type('select foo bar');
    t.type('\x17'); // Ctrl-W
    expect(t.text()).toBe('select foo ');
    t.type('\x01X'); // Ctrl-A, X
    expect(t.text()).toBe('Xselect foo ');
    t.type('\x0b'); // Ctrl-K
    expect(t.text()).toBe('X');
    t.type('yz\x1b[D\x1b[D\x15'); // left left Ctrl-U
    expect(t.text()).toBe('yz');
  });

  it('Up/Down walk the history; Up inside a multi-line buffer moves the cursor', () => {
    const t = setup(['one;', 'two\nlines;']);
    t.type('\x1b[A');
    expect(t.text()).toBe('two\nlines;');
    t.type('\x1b[A'); // moves to line 1 first
    expect(t.text()).toBe('two\nlines;');
    t.type('\x1b[A');
    expect(t.text()).toBe('one;');
    t.type('\x1b[B');
    expect(t.text()).toBe('two\nlines;');
  });

  it('Ctrl-R searches backwards, Ctrl-R again goes further, Enter runs', async () => {
    const t = setup(['select a;', 'show x', 'select b;']);
    t.type('\x12sel');
    expect(t.c.getView().search?.match).toBe('select b;');
    t.type('\x12');
    expect(t.c.getView().search?.match).toBe('select a;');
    t.type('\r');
    await t.tick();
    expect(t.shell.ran).toEqual(['select a;']);
  });

  it('Escape leaves the search with the original text', () => {
    const t = setup(['select a;']);
    t.type('draft\x12sel');
    t.type('\x1b');
    t.c.handleKeys(new KeyParser().flush());
    t.c.handleKeys([{ name: 'escape' }]);
    expect(t.text()).toBe('draft');
    expect(t.c.getView().mode).toBe('edit');
  });

  it('Tab completes a single candidate, shows a menu for several, Tab cycles', () => {
    const t = setup();
    t.type('USE sh\t');
    expect(t.text()).toBe('USE shop ');
    t.type('\x15SELECT * FROM shop.orders WHERE o\t');
    const menu = t.c.getView().menu!;
    expect(menu.items).toEqual(['order_id', 'owner']);
    t.type('\t');
    expect(t.text()).toBe('SELECT * FROM shop.orders WHERE order_id');
    t.type('\t');
    expect(t.text()).toBe('SELECT * FROM shop.orders WHERE owner');
    t.type(' ');
    expect(t.c.getView().menu).toBeNull();
  });

  it('Ctrl-C cancels a running statement and the next one runs', async () => {
    const t = setup();
    t.type('slow;\r');
    await t.tick();
    expect(t.c.getView().mode).toBe('running');
    t.type('\x03');
    await t.tick();
    expect(t.c.getView().mode).toBe('edit');
    t.type('next;\r');
    await t.tick();
    expect(t.shell.ran).toEqual(['slow;', 'next;']);
  });

  it('Ctrl-C clears a partial statement (no ^C, as cqlsh), gives a fresh prompt on an empty one, never exits', () => {
    const t = setup();
    t.type('SELECT *\r');
    t.type('\x03');
    expect(t.text()).toBe('');
    expect(t.out()).toBe('cqlsh> SELECT *\n   ... \n');
    for (let i = 0; i < 5; i++) t.type('\x03');
    expect(t.out()).toBe('cqlsh> SELECT *\n   ... \n' + 'cqlsh> \n'.repeat(5));
    expect(t.exited()).toBeNull();
    expect(t.c.getView().status).toBe('');
  });

  it('---MORE--- stays in the scrollback when answered; Ctrl-C there stops the result silently', async () => {
    const t = setup();
    t.type('pages;\r');
    await t.tick();
    t.type('\r');
    await t.tick();
    expect(t.out()).toMatch(/ x\n-+\n 0\n\n---MORE---\n x\n/);
    t.type('\x03');
    for (let i = 0; i < 3; i++) await t.tick();
    expect(t.c.getView().mode).toBe('edit');
    expect(t.out()).toMatch(/---MORE---\n$/);
    expect(t.exited()).toBeNull();
  });

  it("shows cqlsh's reminder as the prompt of the line after four empty ones", async () => {
    const t = setup();
    t.type('SELECT *\r\r\r\r');
    expect(t.c.getView().hints).toEqual([]);
    t.type('\r');
    expect(t.c.getView().hints).toEqual(['SELECT *\n\n\n\n\n']);
    t.type('FROM x;\r');
    await t.tick();
    expect(t.out()).toContain(`cqlsh> SELECT *\n${'   ... \n'.repeat(4)}${TERMINATOR_HINT}FROM x;\n`);
  });

  it('says a cancelled statement was cancelled', async () => {
    const t = setup();
    t.type('slow;\r');
    await t.tick();
    t.type('\x03');
    for (let i = 0; i < 3; i++) await t.tick();
    expect(t.out()).toBe('cqlsh> slow;\nQuery cancelled.\n');
  });

  it('Ctrl-D exits on an empty prompt only', () => {
    const t = setup();
    t.type('ab\x01\x04');
    expect(t.text()).toBe('b');
    expect(t.exited()).toBeNull();
    t.type('\x05\x15\x04');
    expect(t.exited()).toBe(0);
    expect(t.out().endsWith('cqlsh> \n')).toBe(true);
  });

  it('---MORE--- waits between pages: Space goes on, q stops', async () => {
    const t = setup();
    t.type('pages;\r');
    await t.tick();
    expect(t.c.getView().mode).toBe('more');
    t.type(' ');
    await t.tick();
    expect(t.c.getView().mode).toBe('more');
    t.type('q');
    await t.tick();
    expect(t.c.getView().mode).toBe('edit');
    expect(t.out()).not.toContain('rows)');
  });

  it('USE changes the prompts; errors go to err; EXIT exits', async () => {
    const t = setup();
    t.type('use shop;\r');
    await t.tick();
    expect(t.c.getView().prompt).toBe('cqlsh:shop> ');
    expect(t.c.getView().continuation).toBe('        ... ');
    t.type('bad;\r');
    await t.tick();
    expect(t.err()).toBe('boom\n');
    t.type('exit;\r');
    await t.tick();
    expect(t.exited()).toBe(0);
  });

  it('asks for a password without echo while a command runs; Ctrl-D ends a COPY input', async () => {
    const t = setup();
    t.type('slow;\r');
    await t.tick();
    const pw = t.c.readLine('Password: ', true);
    expect(t.c.getView().mode).toBe('input');
    t.type('s3cret\r');
    expect(await pw).toBe('s3cret');
    expect(t.out()).toContain('Password: \n');
    expect(t.out()).not.toContain('s3cret');
    const line = t.c.readLine('[copy] ', false);
    t.type('\x1b[200~1,a\n2,b\n\x1b[201~');
    expect(await line).toBe('1,a');
    expect(await t.c.readLine('[copy] ', false)).toBe('2,b');
    const end = t.c.readLine('[copy] ', false);
    t.type('\x04');
    expect(await end).toBeNull();
    t.type('\x03');
    await t.tick();
    expect(t.c.getView().mode).toBe('edit');
  });

  it('Tab waits for a schema still loading (keys typed meanwhile follow), Ctrl-C stops waiting', async () => {
    let loaded = false;
    let release!: () => void;
    const pending = new Promise<void>((r) => (release = r)).then(() => {
      loaded = true;
    });
    const slowSchema = { ...schema, keyspaces: () => (loaded ? ['shop'] : []), pending: () => (loaded ? undefined : pending) };
    const shell = fakeShell();
    const c = new ReplController({
      shell: shell as unknown as Shell,
      history: History.fromEntries([]),
      schema: slowSchema,
      color: false,
      io: { out: () => {}, err: () => {}, exit: () => {} },
    });
    const p = new KeyParser();
    c.handleKeys(p.push('USE sh\t;'));
    await new Promise((r) => setTimeout(r, 200));
    expect(c.getView().status).toMatch(/Reading the schema/);
    expect(c.getView().buffer.text).toBe('USE sh');
    release();
    await pending;
    await new Promise((r) => setTimeout(r, 5));
    expect(c.getView().buffer.text).toBe('USE shop ;');
    loaded = false;
    c.handleKeys(p.push('\x15USE sh\tx'));
    c.handleKeys(p.push('\x03'));
    expect(c.getView().buffer.text).toBe('USE shx');
    expect(c.getView().status).toBe('');
  });

  it('Ctrl-Z asks the face to suspend; Ctrl-L clears the screen', () => {
    const shell = fakeShell();
    let suspended = 0;
    let out = '';
    const c = new ReplController({
      shell: shell as unknown as Shell,
      history: History.fromEntries([]),
      schema,
      color: false,
      io: { out: (s) => (out += s), err: () => {}, exit: () => {}, suspend: () => suspended++ },
    });
    c.handleKeys(new KeyParser().push('ab\x1a\x0c'));
    expect(suspended).toBe(1);
    // the line being edited is on the screen as it is cleared (as readline does), then the clear
    expect(out).toBe('cqlsh> ab\x1b[H\x1b[2J');
    expect(c.getView().buffer.text).toBe('ab');
  });
});
