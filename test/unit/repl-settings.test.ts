// The settings of the interactive shell's extras: the colour decision (tscqlsh's own, NO_COLOR
// respected, CI ignored), --highlight / --suggest / --pager / --pager-tall / --confirm-destructive
// on|off and --safe from the one option table (flags > env > profile; the Keyspaces preset asks
// before destructive statements), the pager (wide results, tall ones by setting, a missing
// program is no pager) and the completion menu's notes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { parseProfileArgs } from '../../src/cli/profile-args.js';
import { complete, type CompletionSource } from '../../src/cql/completion.js';
import { applySettings } from '../../src/cli/start-state.js';
import { decideColor } from '../../src/settings/color.js';
import { resolveSettings } from '../../src/settings/connection.js';
import { validateConfig } from '../../src/settings/profile-schema.js';
import type { Shell } from '../../src/shell/shell.js';
import { defaultState } from '../../src/shell/state.js';
import { layoutMenu } from '../../src/ui/menu.js';
import { commandExists, PagerSink } from '../../src/ui/pager.js';

describe('the colour decision', () => {
  const tty = (env: NodeJS.ProcessEnv, o: { flag?: boolean; configured?: boolean } = {}) => decideColor({ ...o, terminal: true, env });
  it('is on for a terminal, whatever CI says', () => {
    expect(tty({ TERM: 'xterm' })).toBe(true);
    expect(tty({ TERM: 'xterm', CI: 'true' })).toBe(true);
    expect(tty({ TERM: 'xterm', CI: 'false' })).toBe(true);
    expect(tty({ TERM: 'dumb' })).toBe(false);
  });
  it('respects NO_COLOR (set and not empty), below the flag and the user’s configuration', () => {
    expect(tty({ NO_COLOR: '1' })).toBe(false);
    expect(tty({ NO_COLOR: '' })).toBe(true);
    expect(tty({ NO_COLOR: '1' }, { flag: true })).toBe(true);
    expect(tty({ NO_COLOR: '1' }, { configured: true })).toBe(true);
    expect(tty({}, { flag: false })).toBe(false);
  });
  it('is off for output that is not a terminal unless asked for', () => {
    expect(decideColor({ terminal: false, env: {} })).toBe(false);
    expect(decideColor({ terminal: false, env: {}, configured: true })).toBe(true);
    expect(decideColor({ terminal: false, env: {}, flag: true })).toBe(true);
  });
});

let env: NodeJS.ProcessEnv;
beforeEach(() => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-unit-'));
  env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
});

describe('on|off flags', () => {
  it('parse on and off (any case) and refuse anything else', () => {
    expect(parseArgs(['--highlight', 'off', '--suggest=ON', '--pager-tall', 'on', '--confirm-destructive', 'on', '--safe'])).toMatchObject({
      highlight: false,
      suggest: true,
      pagerTall: true,
      confirmDestructive: true,
      safe: true,
    });
    expect(() => parseArgs(['--highlight', 'maybe'])).toThrow(UsageError);
    expect(() => parseArgs(['--highlight', 'maybe'])).toThrow("argument --highlight: invalid choice: 'maybe' (choose from 'on', 'off')");
    expect(parseArgs(['--pager', 'less -S'])).toMatchObject({ pager: 'less -S' });
  });

  it('are profile fields too (booleans in the file)', () => {
    const p = parseProfileArgs(['x', '--highlight', 'OFF', '--confirm-destructive', 'on', '--safe', '--pager-tall', 'off']);
    expect(p.fields).toEqual({ highlight: false, confirmDestructive: true, safe: true, pagerTall: false });
    expect(validateConfig({ profiles: { x: p.fields } })).toBeUndefined();
    expect(validateConfig({ profiles: { x: { highlight: 'off' } } })?.message).toBe('must be true or false');
  });

  it('resolve as flags > env > profile, with the guard on for Amazon Keyspaces by default', () => {
    const r = (argv: string[], e: NodeJS.ProcessEnv = {}) => resolveSettings(parseArgs(argv), { ...env, ...e });
    expect(r([])).toMatchObject({ confirmDestructive: false, safe: false });
    expect(r(['--preset', 'keyspaces', '--region', 'us-east-1'])).toMatchObject({ confirmDestructive: true });
    expect(r(['--preset', 'keyspaces', '--region', 'us-east-1', '--confirm-destructive', 'off'])).toMatchObject({ confirmDestructive: false });
    expect(r([], { TSCQLSH_HIGHLIGHT: 'off', TSCQLSH_SUGGEST: 'no', TSCQLSH_PAGER_TALL: 'on' })).toMatchObject({
      highlight: false,
      suggest: false,
      pagerTall: true,
    });
    expect(r(['--highlight', 'on'], { TSCQLSH_HIGHLIGHT: 'off' })).toMatchObject({ highlight: true });
    expect(r(['--pager', 'off'], { TSCQLSH_PAGER: 'on' })).toMatchObject({ pager: 'off' });
  });

  it('start the session’s switches and the guard', () => {
    const shell = { state: defaultState(), guard: undefined } as unknown as Shell;
    const s = resolveSettings(parseArgs(['--highlight', 'off', '--pager', 'off', '--safe', '--port', '9043']), env);
    applySettings(shell, s);
    expect(shell.state.repl).toEqual({ highlight: false, suggest: true, pager: false, pagerTall: false });
    expect(shell.guard).toEqual({ confirm: false, safe: true, where: '127.0.0.1:9043' });
  });
});

describe('the pager', () => {
  function sink(policy = { pager: true, tall: false }, command: string | null = 'cat') {
    const out: string[] = [];
    let suspended = 0;
    const host = {
      columns: () => 20,
      rows: () => 5,
      out: (s: string) => void out.push(s),
      policy: () => policy,
      suspend: async () => {
        suspended++;
        return async () => {};
      },
    };
    return { p: new PagerSink(command ?? undefined, host), out, suspended: () => suspended };
  }

  it('writes what fits at once and takes the rest from the first line wider than the terminal', async () => {
    const s = sink({ pager: true, tall: false }, 'cat > /dev/null');
    s.p.write('short\n');
    expect(s.out).toEqual(['short\n']);
    // tall output is not its business: ---MORE--- is
    for (let i = 0; i < 10; i++) s.p.write(`line ${i}\n`);
    expect(s.p.takesOutput).toBe(false);
    s.p.write(`${'x'.repeat(30)}\n`);
    expect(s.p.takesOutput).toBe(true);
    s.p.write('after\n');
    await s.p.end();
    expect(s.suspended()).toBe(1);
    expect(s.out).toHaveLength(11);
  });

  it('takes tall output too with pager-tall, and nothing when off or without a program', async () => {
    const tall = sink({ pager: true, tall: true }, 'cat > /dev/null');
    expect(tall.p.takesOutput).toBe(true);
    for (let i = 0; i < 5; i++) tall.p.write(`line ${i}\n`);
    await tall.p.end();
    expect(tall.suspended()).toBe(1);
    expect(tall.out).toEqual([]);
    for (const s of [sink({ pager: false, tall: true }), sink({ pager: true, tall: true }, null)]) {
      s.p.write(`${'x'.repeat(30)}\n`);
      expect(s.p.takesOutput).toBe(false);
      await s.p.end();
      expect(s.suspended()).toBe(0);
      expect(s.out).toEqual([`${'x'.repeat(30)}\n`]);
    }
  });

  it('is no pager when its program is not installed', () => {
    expect(commandExists('sh -c true')).toBe(true);
    expect(commandExists('no-such-pager-here -R', { PATH: '/usr/bin:/bin' })).toBe(false);
    expect(commandExists('/bin/sh')).toBe(true);
    // a shell command line is trusted as it is
    expect(commandExists("sed -n '$=' | sed 's/^/x/'")).toBe(true);
  });
});

describe('completion menu notes', () => {
  const src: CompletionSource = {
    keyspaces: () => ['shop'],
    tables: (ks) => (ks === 'shop' ? ['orders', 'settings'] : []),
    views: (ks) => (ks === 'shop' ? ['by_day'] : []),
    tableKind: (_ks, name) => (name === 'settings' ? 'virtual table' : name === 'by_day' ? 'view' : 'table'),
    table: (ks, name) =>
      ks === 'shop' && name === 'orders'
        ? {
            partitionKey: ['customer'],
            clustering: ['day'],
            columns: [
              { name: 'customer', type: 'int' },
              { name: 'day', type: 'date' },
              { name: 'items', type: 'frozen<map<text, frozen<list<int>>>>' },
              { name: 'note', type: 'text' },
            ],
            indexTargets: [],
          }
        : undefined,
  };
  const notes = (buffer: string) => {
    const c = complete(buffer, src, 'shop');
    return Object.fromEntries(c.items.map((item, i) => [item, c.notes[i]]));
  };

  it('give a table’s kind next to it and a column’s type next to it', () => {
    expect(notes('SELECT * FROM ')).toMatchObject({ orders: 'table', settings: 'virtual table', 'shop.': '' });
    expect(notes('UPDATE orders SET ')).toEqual({ items: 'frozen<map<text, frozen<list<int>>>>', note: 'text' });
    expect(notes('SELECT * FROM orders WHERE ')).toMatchObject({ customer: 'int' });
    expect(notes('DESCRIBE MATERIALIZED VIEW ')).toMatchObject({ by_day: 'view' });
  });

  it('stand after the names in the menu, long types cut', () => {
    const l = layoutMenu(['items', 'note'], 0, 80, 0, ['frozen<map<text, frozen<list<int>>>>', 'text']);
    expect(l.nameWidth).toBe(5);
    expect(l.rows[0].map((c) => c.note)).toEqual(['frozen<map<text, frozen…', 'text']);
    expect(l.colWidth).toBe(5 + 1 + 24 + 2);
  });
});
