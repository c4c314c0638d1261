// What Tab does to the buffer: one candidate is inserted (with a space after a complete word; a
// file name or a quoted name gets its closing quote), several insert their common prefix and open
// the menu, which then takes the selection: Tab / Shift-Tab step through it, the arrow keys move
// in its grid (the window of visible rows follows), and the selected candidate is in the buffer.
// Hints (`<value for k (int)>`) are shown with the menu and never inserted. Pure.
import { commonPrefix, complete, type CompletionSource } from '../cql/completion.js';
import type { EditBuffer } from './buffer.js';
import { menuGrid, MENU_ROWS } from './menu.js';

export interface Menu {
  items: string[];
  /** what each candidate puts in place of the word */
  inserts: string[];
  /** what each candidate is (a column's type, a table's kind), shown after it; '' for none */
  notes: string[];
  hints: string[];
  /** -1 while nothing is selected */
  selected: number;
  /** where the completed word starts in the buffer */
  start: number;
  /** the first visible row of the grid */
  top: number;
}

export type MenuMove = 'next' | 'prev' | 'up' | 'down' | 'left' | 'right' | 'page-up' | 'page-down';

/** The buffer with the candidate `i` of the menu in place of the word. */
function select(b: EditBuffer, menu: Menu, i: number, width: number): { buffer: EditBuffer; menu: Menu } {
  const ins = menu.inserts[i];
  const text = b.text.slice(0, menu.start) + ins + b.text.slice(b.cursor);
  const { perRow } = menuGrid(menu.items, width, menu.notes);
  const row = Math.floor(i / perRow);
  const top = row < menu.top ? row : row >= menu.top + MENU_ROWS ? row - MENU_ROWS + 1 : menu.top;
  return { buffer: { text, cursor: menu.start + ins.length }, menu: { ...menu, selected: i, top } };
}

/** Moves the menu's selection; null when the menu has nothing to select. */
export function moveInMenu(b: EditBuffer, menu: Menu, move: MenuMove, width: number): { buffer: EditBuffer; menu: Menu } | null {
  const n = menu.items.length;
  if (n === 0) return null;
  const { perRow } = menuGrid(menu.items, width, menu.notes);
  const s = menu.selected;
  const clamp = (i: number) => Math.max(0, Math.min(n - 1, i));
  let i: number;
  switch (move) {
    case 'next':
    case 'right':
      i = s < 0 ? 0 : (s + 1) % n;
      break;
    case 'prev':
    case 'left':
      i = s < 0 ? n - 1 : (s - 1 + n) % n;
      break;
    case 'down':
      i = s < 0 ? 0 : s + perRow < n ? s + perRow : s % perRow;
      break;
    case 'up':
      i = s < 0 ? n - 1 : s - perRow >= 0 ? s - perRow : clamp((s % perRow) + perRow * Math.floor((n - 1 - (s % perRow)) / perRow));
      break;
    case 'page-down':
      i = s < 0 ? 0 : clamp(s + perRow * MENU_ROWS);
      break;
    case 'page-up':
      i = s < 0 ? 0 : clamp(s - perRow * MENU_ROWS);
      break;
  }
  return select(b, menu, i, width);
}

export function tabPress(
  b: EditBuffer,
  menu: Menu | null,
  dir: 1 | -1,
  source: CompletionSource,
  keyspace: string | undefined,
  width = 80,
): { buffer: EditBuffer; menu: Menu | null } | null {
  if (menu) return moveInMenu(b, menu, dir > 0 ? 'next' : 'prev', width);
  const c = complete(b.text.slice(0, b.cursor), source, keyspace, b.text.slice(b.cursor));
  const open: Menu = { items: c.items, inserts: c.inserts, notes: c.notes, hints: c.hints, selected: -1, start: c.start, top: 0 };
  if (c.items.length === 0) return c.hints.length ? { buffer: b, menu: open } : null;
  const typed = b.text.slice(c.start, b.cursor);
  const replace = (s: string): EditBuffer => ({ text: b.text.slice(0, c.start) + s + b.text.slice(b.cursor), cursor: c.start + s.length });
  if (c.items.length === 1 && c.hints.length === 0) {
    const item = c.inserts[0];
    // a file or quoted name gets its closing quote (a directory waits for more); a word, a space
    const tail = c.closing !== null ? (item.endsWith('/') ? '' : c.closing) : /[\p{L}\p{N}]$/u.test(item) ? ' ' : '';
    return { buffer: replace(item + tail), menu: null };
  }
  const common = commonPrefix(c.inserts);
  return { buffer: common.length > typed.length ? replace(common) : b, menu: open };
}
