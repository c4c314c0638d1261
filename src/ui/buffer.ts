// The prompt's multi-line edit buffer: text plus a cursor (a UTF-16 offset that never splits a
// surrogate pair). Pure and immutable: every edit returns a new buffer. No terminal knowledge.
import { displayWidth } from '../format/width.js';

/** Cells a text takes (tabs and controls counted as one). */
export function cells(s: string): number {
  const w = displayWidth(s);
  return w >= 0 ? w : Array.from(s).length;
}

export interface EditBuffer {
  readonly text: string;
  readonly cursor: number;
}

export const EMPTY: EditBuffer = { text: '', cursor: 0 };

export function fromText(text: string): EditBuffer {
  return { text, cursor: text.length };
}

function isLow(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The offset one code point before `i`. */
export function prevPos(s: string, i: number): number {
  if (i <= 0) return 0;
  return i >= 2 && isLow(s, i - 1) ? i - 2 : i - 1;
}

/** The offset one code point after `i`. */
export function nextPos(s: string, i: number): number {
  if (i >= s.length) return s.length;
  return i + 1 < s.length && isLow(s, i + 1) ? i + 2 : i + 1;
}

// readline's word characters: letters and digits (not `_`: Alt-B stops inside LOCAL_QUORUM)
const isWord = (ch: string) => /[\p{L}\p{N}]/u.test(ch);

export function insert(b: EditBuffer, s: string): EditBuffer {
  return { text: b.text.slice(0, b.cursor) + s + b.text.slice(b.cursor), cursor: b.cursor + s.length };
}

export function backspace(b: EditBuffer): EditBuffer {
  if (b.cursor === 0) return b;
  const p = prevPos(b.text, b.cursor);
  return { text: b.text.slice(0, p) + b.text.slice(b.cursor), cursor: p };
}

export function deleteForward(b: EditBuffer): EditBuffer {
  if (b.cursor >= b.text.length) return b;
  return { text: b.text.slice(0, b.cursor) + b.text.slice(nextPos(b.text, b.cursor)), cursor: b.cursor };
}

export const left = (b: EditBuffer): EditBuffer => ({ ...b, cursor: prevPos(b.text, b.cursor) });
export const right = (b: EditBuffer): EditBuffer => ({ ...b, cursor: nextPos(b.text, b.cursor) });

export function lineStart(b: EditBuffer): number {
  return b.text.lastIndexOf('\n', b.cursor - 1) + 1;
}

export function lineEnd(b: EditBuffer): number {
  const nl = b.text.indexOf('\n', b.cursor);
  return nl < 0 ? b.text.length : nl;
}

/** Home / Ctrl-A: start of the current line. */
export const home = (b: EditBuffer): EditBuffer => ({ ...b, cursor: lineStart(b) });
/** End / Ctrl-E: end of the current line. */
export const end = (b: EditBuffer): EditBuffer => ({ ...b, cursor: lineEnd(b) });

export function wordLeftPos(s: string, i: number): number {
  while (i > 0 && !isWord(s[i - 1])) i--;
  while (i > 0 && isWord(s[i - 1])) i--;
  return i;
}

export function wordRightPos(s: string, i: number): number {
  while (i < s.length && !isWord(s[i])) i++;
  while (i < s.length && isWord(s[i])) i++;
  return i;
}

export const wordLeft = (b: EditBuffer): EditBuffer => ({ ...b, cursor: wordLeftPos(b.text, b.cursor) });
export const wordRight = (b: EditBuffer): EditBuffer => ({ ...b, cursor: wordRightPos(b.text, b.cursor) });

/** Ctrl-K: delete to the end of the line (or the line break when already there). */
export function killToEnd(b: EditBuffer): EditBuffer {
  const e = lineEnd(b);
  const to = e === b.cursor && e < b.text.length ? e + 1 : e;
  return { text: b.text.slice(0, b.cursor) + b.text.slice(to), cursor: b.cursor };
}

/** Ctrl-U: delete to the start of the line. */
export function killToStart(b: EditBuffer): EditBuffer {
  const s = lineStart(b);
  return { text: b.text.slice(0, s) + b.text.slice(b.cursor), cursor: s };
}

/** Where Ctrl-W's kill starts: the blank-delimited word before the cursor (and the blanks after it). */
export function blankWordLeftPos(s: string, i: number): number {
  while (i > 0 && /\s/.test(s[i - 1])) i--;
  while (i > 0 && !/\s/.test(s[i - 1])) i--;
  return i;
}

/** Ctrl-W: delete the word before the cursor (and the blanks after it), as readline does. */
export function deleteWordBack(b: EditBuffer): EditBuffer {
  const i = blankWordLeftPos(b.text, b.cursor);
  return { text: b.text.slice(0, i) + b.text.slice(b.cursor), cursor: i };
}

/** Ctrl-T: swap the characters around the cursor (the last two at the end of a line), cursor forward. */
export function transpose(b: EditBuffer): EditBuffer {
  const ls = lineStart(b);
  let p = b.cursor;
  if (p === ls) return b;
  if (p === lineEnd(b)) p = prevPos(b.text, p);
  if (p === ls) return b;
  const a = prevPos(b.text, p);
  const e = nextPos(b.text, p);
  const swapped = b.text.slice(p, e) + b.text.slice(a, p);
  return { text: b.text.slice(0, a) + swapped + b.text.slice(e), cursor: e };
}

/** Alt-Backspace: delete back to the start of the word (readline's words). */
export function deleteWordLeft(b: EditBuffer): EditBuffer {
  const from = wordLeftPos(b.text, b.cursor);
  return { text: b.text.slice(0, from) + b.text.slice(b.cursor), cursor: from };
}

/** Alt-D: delete the word after the cursor. */
export function deleteWordForward(b: EditBuffer): EditBuffer {
  const to = wordRightPos(b.text, b.cursor);
  return { text: b.text.slice(0, b.cursor) + b.text.slice(to), cursor: b.cursor };
}

export function lineCount(b: EditBuffer): number {
  let n = 1;
  for (let i = b.text.indexOf('\n'); i >= 0; i = b.text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The cursor's line (0-based) and its column in display cells. */
export function cursorRowCol(b: EditBuffer): { row: number; col: number } {
  const before = b.text.slice(0, b.cursor);
  const row = before.split('\n').length - 1;
  return { row, col: cells(before.slice(lineStart(b))) };
}

/** Moves to the line above (dir -1) or below (+1), keeping the display column; null at the edge. */
export function verticalMove(b: EditBuffer, dir: -1 | 1): EditBuffer | null {
  const lines = b.text.split('\n');
  const { row, col } = cursorRowCol(b);
  const target = row + dir;
  if (target < 0 || target >= lines.length) return null;
  let offset = 0;
  for (let r = 0; r < target; r++) offset += lines[r].length + 1;
  const line = lines[target];
  let i = 0;
  let w = 0;
  while (i < line.length) {
    const n = nextPos(line, i);
    const cw = cells(line.slice(i, n));
    if (w + cw > col) break;
    w += cw;
    i = n;
  }
  return { text: b.text, cursor: offset + i };
}
