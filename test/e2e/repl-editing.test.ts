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

/** Types keys and waits until the prompt line is `line` (a timeout shows the screen). */
async function keys(s: string, line: string): Promise<void> {
  term!.type(s);
  await term!.waitFor((screen) => screen.split('\n').pop() === line, { timeoutMs: 10_000 });
}

/** Types keys and waits until the cursor is `x` cells into the prompt line. */
async function moves(s: string, x: number): Promise<void> {
  term!.type(s);
  const deadline = Date.now() + 10_000;
  while (term!.cursor().x !== x) {
    if (Date.now() > deadline) expect(term!.cursor().x).toBe(x);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('REPL editing keys (readline parity)', () => {
  it('Ctrl-Y yanks what Ctrl-K killed, Alt-Y cycles to an older kill', async () => {
    ({ term } = await startRepl());
    await keys('SELECT release_version FROM system.local', 'cqlsh> SELECT release_version FROM system.local');
    await moves(`${CTRL('a')}${ALT('f')}`, PROMPT.length + 'SELECT'.length);
    await keys(CTRL('k'), 'cqlsh> SELECT');
    await keys(`${CTRL('a')}${ALT('d')}`, 'cqlsh>');
    // the last kill first, the one before it after Alt-Y
    await keys(CTRL('y'), 'cqlsh> SELECT');
    await keys(ALT('y'), 'cqlsh>  release_version FROM system.local');
    term.type(`${CTRL('a')}SELECT${CTRL('e')};\r`);
    await term.waitFor('(1 rows)');
  });

  it('Ctrl-U, Ctrl-W and Alt-Backspace kill into the ring; kills in a row are yanked together', async () => {
    ({ term } = await startRepl());
    await keys(`SELECT key FROM system.local${ALT_BACKSPACE}${ALT_BACKSPACE}`, 'cqlsh> SELECT key FROM');
    await keys(`${CTRL('w')}${CTRL('w')}`, 'cqlsh> SELECT');
    // Alt-Backspace twice then Ctrl-W twice: one kill, ` key FROM system.local`
    await keys(CTRL('y'), 'cqlsh> SELECT key FROM system.local');
    await keys(`${CTRL('u')}x`, 'cqlsh> x');
    await keys(CTRL('y'), 'cqlsh> xSELECT key FROM system.local');
  });

  it('Ctrl-_ undoes the last edit, Ctrl-X Ctrl-U too, step by step', async () => {
    ({ term } = await startRepl());
    await keys('SELECT * FROM system.local', 'cqlsh> SELECT * FROM system.local');
    await keys(ALT_BACKSPACE, 'cqlsh> SELECT * FROM system.');
    await keys(CTRL('u'), 'cqlsh>');
    await keys(UNDO, 'cqlsh> SELECT * FROM system.');
    await keys(`${CTRL('x')}${CTRL('u')}`, 'cqlsh> SELECT * FROM system.local');
    // a completion is one step too
    await keys(`${ALT_BACKSPACE}lo\t`, 'cqlsh> SELECT * FROM system.local');
    await keys(UNDO, 'cqlsh> SELECT * FROM system.lo');
  });

  it('Ctrl-T transposes the characters around the cursor (the last two at the end)', async () => {
    ({ term } = await startRepl());
    await keys(`SELETC${CTRL('t')}`, 'cqlsh> SELECT');
    await keys(`${CTRL('a')}${CTRL('f')}${CTRL('t')}`, 'cqlsh> ESLECT');
    await moves('', PROMPT.length + 2);
  });

  it('Alt-B / Alt-F move by readline words: letters and digits (`_` and `.` end a word)', async () => {
    ({ term } = await startRepl());
    await keys('CONSISTENCY LOCAL_QUORUM', 'cqlsh> CONSISTENCY LOCAL_QUORUM');
    await moves(ALT('b'), PROMPT.length + 'CONSISTENCY LOCAL_'.length);
    await moves(ALT('b'), PROMPT.length + 'CONSISTENCY '.length);
    await moves(`${CTRL('a')}${ALT('f')}${ALT('f')}`, PROMPT.length + 'CONSISTENCY LOCAL'.length);
    await keys(ALT('d'), 'cqlsh> CONSISTENCY LOCAL');
  });
});
