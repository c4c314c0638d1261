import { describe, expect, it } from 'vitest';
import * as B from '../../src/ui/buffer.js';

const at = (text: string, cursor = text.length): B.EditBuffer => ({ text, cursor });

describe('edit buffer', () => {
  it('inserts and deletes at the cursor', () => {
    let b = B.insert(at('selct', 3), 'e');
    expect(b).toEqual({ text: 'select', cursor: 4 });
    b = B.backspace(b);
    expect(b).toEqual({ text: 'selct', cursor: 3 });
    expect(B.deleteForward(at('abc', 1))).toEqual({ text: 'ac', cursor: 1 });
    expect(B.backspace(at('abc', 0))).toEqual(at('abc', 0));
  });

  it('never splits a surrogate pair', () => {
    const s = 'a😀b';
    expect(B.left(at(s, 3)).cursor).toBe(1);
    expect(B.right(at(s, 1)).cursor).toBe(3);
    expect(B.backspace(at(s, 3))).toEqual({ text: 'ab', cursor: 1 });
    expect(B.deleteForward(at(s, 1))).toEqual({ text: 'ab', cursor: 1 });
  });

  it('jumps by words with readline’s rules (letters and digits; `_` and `.` separate)', () => {
    const s = 'SELECT a_b, c FROM ks.t';
    expect(B.wordLeft(at(s)).cursor).toBe(s.length - 1);
    expect(B.wordLeft(at(s, 10)).cursor).toBe(9);
    expect(B.wordLeft(at(s, 9)).cursor).toBe(7);
    expect(B.wordRight(at(s, 0)).cursor).toBe(6);
    expect(B.wordRight(at(s, 6)).cursor).toBe(8);
    expect(B.wordLeft(at('CONSISTENCY LOCAL_QUORUM')).cursor).toBe(18);
  });

  it('Ctrl-T swaps the characters around the cursor, the last two at the end of a line', () => {
    expect(B.transpose(at('abcd', 2))).toEqual({ text: 'acbd', cursor: 3 });
    expect(B.transpose(at('abcd'))).toEqual({ text: 'abdc', cursor: 4 });
    expect(B.transpose(at('abcd', 0))).toEqual(at('abcd', 0));
    expect(B.transpose(at('a\nxy', 2))).toEqual(at('a\nxy', 2));
    expect(B.transpose(at('a😀b', 3))).toEqual({ text: 'ab😀', cursor: 4 });
  });

  it('Home/End and kills work on the current line', () => {
    const s = 'SELECT *\nFROM t\nWHERE x';
    const b = at(s, 12); // inside "FROM t"
    expect(B.home(b).cursor).toBe(9);
    expect(B.end(b).cursor).toBe(15);
    expect(B.killToEnd(b)).toEqual({ text: 'SELECT *\nFRO\nWHERE x', cursor: 12 });
    expect(B.killToStart(b)).toEqual({ text: 'SELECT *\nM t\nWHERE x', cursor: 9 });
    // at the end of a line Ctrl-K joins the next one
    expect(B.killToEnd(at(s, 8)).text).toBe('SELECT *FROM t\nWHERE x');
  });

  it('Ctrl-W deletes the previous word and its trailing blanks', () => {
    expect(B.deleteWordBack(at('SELECT foo  '))).toEqual({ text: 'SELECT ', cursor: 7 });
    expect(B.deleteWordBack(at('ks.table'))).toEqual({ text: '', cursor: 0 });
    expect(B.deleteWordForward(at('a bc d', 1))).toEqual({ text: 'a d', cursor: 1 });
  });

  it('moves between lines keeping the display column, wide characters counted', () => {
    const s = '日本語x\nabcdefg';
    // cursor after 日本 (4 cells) on line 1 → column 4 on line 2
    expect(B.verticalMove(at(s, 2), 1)?.cursor).toBe(5 + 4);
    // from column 3 on line 2 up: between 日 and 本 is 2 cells, 本 ends at 4 > 3, so after 日
    expect(B.verticalMove(at(s, 5 + 3), -1)?.cursor).toBe(1);
    expect(B.verticalMove(at(s, 1), -1)).toBeNull();
    expect(B.verticalMove(at(s), 1)).toBeNull();
    expect(B.cursorRowCol(at(s, 3))).toEqual({ row: 0, col: 6 });
  });
});
