// The prompt's readline keys on a real terminal: the kill ring (Ctrl-K/U/W, Alt-D, Alt-Backspace,
// then Ctrl-Y and Alt-Y), undo (Ctrl-_ and Ctrl-X Ctrl-U), Ctrl-T, and Alt-B/Alt-F with readline's
// word rules.
import { afterEach, describe, expect, it } from 'vitest';
import type { Term } from '../support/pty.js';
import { startRepl } from './repl-helpers.js';

let term: Term | undefined;
afterEach(() => term?.close());

const CTRL = (ch: string) => String.fromCharCode(ch.charCodeAt(0) - 96);
const ALT = (s: string) => `\x1b${s}`;
const ALT_BACKSPACE = '\x1b\x7f';
const UNDO = '\x1f';
const PROMPT = 'cqlsh> ';

/** Types keys and returns the prompt line once the screen is still. */
async function keys(s: string): Promise<string> {
  term!.type(s);
  const screen = await term!.settle({ quietMs: 200 });
  return screen.split('\n').pop()!;
}

describe('REPL editing keys (readline parity)', () => {
  it('Ctrl-Y yanks what Ctrl-K killed, Alt-Y cycles to an older kill', async () => {
    ({ term } = await startRepl());
    await keys(`SELECT release_version FROM system.local${CTRL('a')}${ALT('f')}`);
    expect(await keys(CTRL('k'))).toBe('cqlsh> SELECT');
    expect(await keys(`${CTRL('a')}${ALT('d')}`)).toBe('cqlsh>');
    // the last kill first, the one before it after Alt-Y
    expect(await keys(CTRL('y'))).toBe('cqlsh> SELECT');
    expect(await keys(ALT('y'))).toBe('cqlsh>  release_version FROM system.local');
    term.type(`${CTRL('a')}SELECT${CTRL('e')};\r`);
    await term.waitFor('(1 rows)');
  });

  it('Ctrl-U, Ctrl-W and Alt-Backspace kill into the ring; kills in a row are yanked together', async () => {
    ({ term } = await startRepl());
    expect(await keys(`SELECT key FROM system.local${ALT_BACKSPACE}${ALT_BACKSPACE}`)).toBe('cqlsh> SELECT key FROM');
    expect(await keys(`${CTRL('w')}${CTRL('w')}`)).toBe('cqlsh> SELECT');
    // Alt-Backspace twice then Ctrl-W twice: one kill, ` key FROM system.local`
    expect(await keys(CTRL('y'))).toBe('cqlsh> SELECT key FROM system.local');
    expect(await keys(`${CTRL('u')}x`)).toBe('cqlsh> x');
    expect(await keys(CTRL('y'))).toBe('cqlsh> xSELECT key FROM system.local');
  });

  it('Ctrl-_ undoes the last edit, Ctrl-X Ctrl-U too, step by step', async () => {
    ({ term } = await startRepl());
    await keys('SELECT * FROM system.local');
    expect(await keys(ALT_BACKSPACE)).toBe('cqlsh> SELECT * FROM system.');
    expect(await keys(CTRL('u'))).toBe('cqlsh>');
    expect(await keys(UNDO)).toBe('cqlsh> SELECT * FROM system.');
    expect(await keys(`${CTRL('x')}${CTRL('u')}`)).toBe('cqlsh> SELECT * FROM system.local');
    // a completion is one step too
    expect(await keys(`${ALT_BACKSPACE}lo\t`)).toBe('cqlsh> SELECT * FROM system.local');
    expect(await keys(UNDO)).toBe('cqlsh> SELECT * FROM system.lo');
  });

  it('Ctrl-T transposes the characters around the cursor (the last two at the end)', async () => {
    ({ term } = await startRepl());
    expect(await keys(`SELETC${CTRL('t')}`)).toBe('cqlsh> SELECT');
    expect(await keys(`${CTRL('a')}${CTRL('f')}${CTRL('t')}`)).toBe('cqlsh> ESLECT');
    expect(term.cursor().x).toBe(PROMPT.length + 2);
  });

  it('Alt-B / Alt-F move by readline words: letters and digits (`_` and `.` end a word)', async () => {
    ({ term } = await startRepl());
    await keys('CONSISTENCY LOCAL_QUORUM');
    await keys(ALT('b'));
    expect(term.cursor().x).toBe(PROMPT.length + 'CONSISTENCY LOCAL_'.length);
    await keys(ALT('b'));
    expect(term.cursor().x).toBe(PROMPT.length + 'CONSISTENCY '.length);
    await keys(`${CTRL('a')}${ALT('f')}${ALT('f')}`);
    expect(term.cursor().x).toBe(PROMPT.length + 'CONSISTENCY LOCAL'.length);
    expect(await keys(ALT('d'))).toBe('cqlsh> CONSISTENCY LOCAL');
  });
});
