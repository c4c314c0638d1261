// The REPL's output plumbing: whole lines to Ink, the erase that never starts at the top row, and
// the plain line reader of the face used when stdout is not a terminal.
import { describe, expect, it } from 'vitest';
import { LineReader } from '../../src/ui/line-repl.js';
import { safeEraseDown } from '../../src/ui/terminal-out.js';
import { WholeLines } from '../../src/ui/whole-lines.js';

describe('WholeLines', () => {
  it('passes whole lines on and holds an unfinished one until its end comes or flush ends it', () => {
    const got: string[] = [];
    const w = new WholeLines((s) => got.push(s));
    w.write('\n');
    w.write("    AND speculative_retry = '99p';");
    expect(got).toEqual(['\n']);
    expect(w.holding).toBe(true);
    w.write('\n[');
    expect(got).toEqual(['\n', "    AND speculative_retry = '99p';\n"]);
    w.write('{"a":1}');
    w.flush();
    expect(got.at(-1)).toBe('[{"a":1}\n');
    w.flush();
    expect(got).toHaveLength(3);
  });

  it('takes a screen clear for a line end (the cursor is at home)', () => {
    const got: string[] = [];
    const w = new WholeLines((s) => got.push(s));
    w.write('cqlsh> ab\x1b[H\x1b[2J');
    expect(got).toEqual(['cqlsh> ab\x1b[H\x1b[2J']);
  });
});

describe('safeEraseDown', () => {
  it('erases the first row with EL and the rest from the row below, never ED from where it stands', () => {
    expect(safeEraseDown('\x1b[?25l\x1b[1G\x1b[Jcqlsh> ')).toBe('\x1b[?25l\x1b[1G\x1b[K\x1b7\x1b[1B\x1b[1G\x1b[J\x1b8cqlsh> ');
    expect(safeEraseDown('\x1b[2K\x1b[1A\x1b[2Kplain')).toBe('\x1b[2K\x1b[1A\x1b[2Kplain');
  });
});

describe('LineReader (stdout not a terminal)', () => {
  function reader(running = false) {
    let echoed = '';
    let interrupted = 0;
    const r = new LineReader(
      (s) => (echoed += s),
      () => {
        interrupted++;
        return running;
      },
    );
    return { r, echoed: () => echoed, interrupted: () => interrupted };
  }

  it('edits a line as a cooked terminal does and echoes it', async () => {
    const t = reader();
    t.r.push('SELECT  xz\x7f\x17y\r');
    expect(await t.r.next()).toEqual({ kind: 'line', text: 'SELECT  y' });
    expect(t.echoed()).toBe('SELECT  xz\b \b\b \by\r\n');
    t.r.push('日\x7f\r');
    expect(await t.r.next()).toEqual({ kind: 'line', text: '' });
    expect(t.echoed()).toContain('日\b\b  \b\b\r\n');
  });

  it('Ctrl-C ends the line being asked for (^C), or stops what runs; Ctrl-D on an empty line ends input', async () => {
    const t = reader();
    const asked = t.r.next();
    t.r.push('abc\x03');
    expect(await asked).toEqual({ kind: 'interrupt' });
    expect(t.echoed()).toBe('abc^C');
    const running = reader(true);
    running.r.push('x\r\x03');
    expect(running.interrupted()).toBe(1);
    // the typed-ahead line went with the interrupt, as a terminal flushes its input
    running.r.push('\x04');
    expect(await running.r.next()).toEqual({ kind: 'eof' });
  });

  it('does not echo a secret line', async () => {
    const t = reader();
    t.r.secret = true;
    t.r.push('s3cret\r');
    expect(await t.r.next()).toEqual({ kind: 'line', text: 's3cret' });
    expect(t.echoed()).toBe('');
  });
});
