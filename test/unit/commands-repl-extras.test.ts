// tscqlsh's commands for the interactive shell: EDIT (the engine only asks the face; batch mode
// refuses it), PAGER / HIGHLIGHT / SUGGEST (switches the face reads), and the engine's guard on
// destructive statements and its memory of the last result, through the real Shell.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../src/db/session.js';
import { edit } from '../../src/shell/commands/edit.js';
import { highlight } from '../../src/shell/commands/highlight.js';
import { pager } from '../../src/shell/commands/pager.js';
import { suggest } from '../../src/shell/commands/suggest.js';
import type { Output } from '../../src/shell/output.js';
import { Shell } from '../../src/shell/shell.js';
import { collect, fakeContext, fakeSession, lines, session } from './commands-fake.js';

describe('EDIT', () => {
  it('asks the face to edit the last statement (not EDIT itself)', async () => {
    const ctx = fakeContext({ interactive: true, history: () => ['SELECT 1;', 'EDIT', 'edit;'] });
    expect(await collect(edit, 'EDIT', ctx)).toEqual([{ kind: 'edit', text: 'SELECT 1;' }]);
    expect(await collect(edit, 'edit', fakeContext({ interactive: true, history: () => ['EDIT'] }))).toEqual([{ kind: 'edit', text: '' }]);
  });

  it('is refused in batch mode, with what it is for', async () => {
    expect(await session(edit, ['EDIT', 'EDIT x'])).toEqual([
      'E:EDIT needs the interactive shell: it opens the last statement in $VISUAL or $EDITOR and brings it back to the prompt.',
      'E:Improper EDIT command.',
    ]);
  });
});

describe('PAGER, HIGHLIGHT, SUGGEST', () => {
  it('report and switch the session’s settings, worded like cqlsh’s switches', async () => {
    const ctx = fakeContext();
    expect(await session(pager, ['PAGER', 'PAGER OFF', 'PAGER', 'PAGER on', 'PAGER maybe'], ctx)).toEqual([
      'PAGER is ON (results wider than the terminal; pager-tall is OFF)',
      'PAGER set to OFF',
      'PAGER is OFF',
      'PAGER set to ON',
      'E:Improper PAGER command.',
    ]);
    ctx.state.repl.pagerTall = true;
    expect(await session(pager, ['PAGER'], ctx)).toEqual(['PAGER is ON (results wider or taller than the terminal; pager-tall is ON)']);
    expect(await session(highlight, ['HIGHLIGHT', 'HIGHLIGHT OFF'], ctx)).toEqual(['HIGHLIGHT is ON', 'HIGHLIGHT set to OFF']);
    expect(await session(suggest, ['SUGGEST OFF', 'SUGGEST OFF'], ctx)).toEqual(['SUGGEST set to OFF', 'SUGGEST is already OFF']);
    expect(ctx.state.repl).toEqual({ highlight: false, suggest: false, pager: true, pagerTall: true });
  });
});

async function run(shell: Shell, statements: string[]): Promise<Output[]> {
  const out: Output[] = [];
  for (const s of statements) for await (const o of shell.run(s)) out.push(o);
  return out;
}

describe('the engine', () => {
  it('asks before a destructive statement and runs it only on yes', async () => {
    const fake = fakeSession();
    const shell = new Shell(fake as unknown as Session, { interactive: true, keyspace: 'shop' });
    shell.guard = { confirm: true, safe: false, where: 'h:9042' };
    const answers = [false, true];
    const asked: string[] = [];
    shell.io.confirm = async (q) => (asked.push(q), answers.shift()!);
    expect(lines(await run(shell, ['DROP TABLE t;', 'DROP TABLE t;', 'SELECT * FROM t;']))).toEqual(['Not run.']);
    expect(asked).toEqual(['DROP TABLE t (keyspace shop) on h:9042.\nRun it? [y/N] ', 'DROP TABLE t (keyspace shop) on h:9042.\nRun it? [y/N] ']);
    expect(fake.executed).toEqual(['DROP TABLE t;', 'SELECT * FROM t;']);
  });

  it('refuses with --safe, and never asks in batch mode without it', async () => {
    const fake = fakeSession();
    const shell = new Shell(fake as unknown as Session);
    shell.guard = { confirm: true, safe: true, where: 'h:9042' };
    expect(lines(await run(shell, ['TRUNCATE ks.t;']))).toEqual(['E:Refused (--safe): TRUNCATE ks.t on h:9042.']);
    shell.guard = { confirm: true, safe: false, where: 'h:9042' };
    expect(lines(await run(shell, ['TRUNCATE ks.t;']))).toEqual([]);
    expect(fake.executed).toEqual(['TRUNCATE ks.t;']);
  });

  it('keeps the last result set for SAVE in the interactive shell only', async () => {
    const fake = fakeSession(() => ({ columns: [['k', 'text']], rows: [['a'], ['b']] }));
    const repl = new Shell(fake as unknown as Session, { interactive: true });
    await run(repl, ['SELECT k FROM ks.t;', 'EXPAND;']);
    let seen: unknown;
    const ctx = (repl as unknown as { context(): { lastResult(): unknown } }).context();
    seen = ctx.lastResult();
    expect(seen).toMatchObject({ rows: [['a'], ['b']], fetched: 2, complete: true });
    const batch = new Shell(fake as unknown as Session);
    await run(batch, ['SELECT k FROM ks.t;']);
    seen = (batch as unknown as { context(): { lastResult(): unknown } }).context().lastResult();
    expect(seen).toBeUndefined();
  });
});
