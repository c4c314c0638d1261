// Lays the prompt and buffer out in terminal rows, breaking lines at exactly `width` cells (a wide
// character that does not fit moves to the next row), and finds the cursor's row and column in
// that layout. Pure; the Ink component prints the rows as they are.
import { cells, nextPos } from './buffer.js';

export interface PromptLayout {
  rows: string[];
  /**
   * per row: how many of its UTF-16 units are prompt (the rest is text), and the text offset its
   * text part starts at (-1 on a row of prompt only)
   */
  parts: { lead: number; start: number }[];
  cursor: { x: number; y: number };
}

/** Splits one line into rows of at most `width` cells; `mark` (an offset) is located too. */
function wrap(line: string, width: number, mark: number): { rows: string[]; starts: number[]; at?: { x: number; y: number } } {
  const rows: string[] = [];
  const starts = [0];
  let row = '';
  let w = 0;
  let at: { x: number; y: number } | undefined;
  let i = 0;
  while (i < line.length) {
    const n = nextPos(line, i);
    const ch = line.slice(i, n);
    const cw = Math.max(0, cells(ch));
    if (w + cw > width && w > 0) {
      rows.push(row);
      starts.push(i);
      row = '';
      w = 0;
    }
    if (i === mark) at = { x: w, y: rows.length };
    row += ch;
    w += cw;
    i = n;
  }
  if (mark === line.length) at = w >= width ? { x: 0, y: rows.length + 1 } : { x: w, y: rows.length };
  rows.push(row);
  if (at && at.y === rows.length) {
    rows.push('');
    starts.push(line.length);
  }
  return { rows, starts, at };
}

/**
 * `prompt` may hold line breaks (CQLSH_PROMPT); its last line leads the first buffer line, the
 * continuation prompt (one for all, or one per line) the others. `cursor` is an offset into `text`.
 */
export function layoutPrompt(prompt: string, continuation: string | ((line: number) => string), text: string, cursor: number, width: number): PromptLayout {
  const cont = typeof continuation === 'string' ? () => continuation : continuation;
  const w = Math.max(1, width);
  const promptLines = prompt.split('\n');
  const rows: string[] = [];
  const parts: PromptLayout['parts'] = [];
  for (const p of promptLines.slice(0, -1)) {
    for (const r of wrap(p, w, -1).rows) {
      rows.push(r);
      parts.push({ lead: r.length, start: -1 });
    }
  }
  let pos = { x: 0, y: 0 };
  let offset = 0;
  text.split('\n').forEach((line, i) => {
    const lead = i === 0 ? promptLines[promptLines.length - 1] : cont(i);
    const inLine = cursor >= offset && cursor <= offset + line.length ? lead.length + (cursor - offset) : -1;
    const { rows: r, starts, at } = wrap(lead + line, w, inLine);
    if (at) pos = { x: at.x, y: rows.length + at.y };
    rows.push(...r);
    for (const st of starts) parts.push({ lead: Math.max(0, lead.length - st), start: offset + Math.max(0, st - lead.length) });
    offset += line.length + 1;
  });
  return { rows, parts, cursor: pos };
}
