// Lays the completion candidates out in a grid of columns, at most MENU_ROWS rows from the menu's
// first visible row (the selection keeps it in view), and counts what is hidden above and below.
// A candidate's note (a column's type, a table's kind) stands after it in its cell. Pure.
import { cells } from './buffer.js';

export const MENU_ROWS = 8;

export interface MenuLayout {
  rows: { text: string; note: string; selected: boolean }[][];
  colWidth: number;
  /** the width of the names (a note starts after it) */
  nameWidth: number;
  /** candidates in rows above / below the window */
  above: number;
  below: number;
}

/** A note as shown: long types are cut (`frozen<map<text, …`). */
export const MAX_NOTE = 24;
export function shownNote(note: string | undefined): string {
  if (!note) return '';
  return note.length > MAX_NOTE ? note.slice(0, MAX_NOTE - 1) + '…' : note;
}

/** The grid's geometry at a terminal width. */
export function menuGrid(
  items: readonly string[],
  width: number,
  notes: readonly string[] = [],
): { colWidth: number; nameWidth: number; perRow: number; totalRows: number } {
  const nameWidth = Math.max(...items.map(cells), 1);
  const noteWidth = Math.max(0, ...notes.map((n) => cells(shownNote(n))));
  const colWidth = Math.min(Math.max(1, width - 1), nameWidth + (noteWidth ? noteWidth + 1 : 0) + 2);
  const perRow = Math.max(1, Math.floor(Math.max(1, width - 1) / colWidth));
  return { colWidth, nameWidth, perRow, totalRows: Math.ceil(items.length / perRow) };
}

export function layoutMenu(items: readonly string[], selected: number, width: number, top = 0, notes: readonly string[] = []): MenuLayout {
  const { colWidth, nameWidth, perRow, totalRows } = menuGrid(items, width, notes);
  // the window starts at `top`, moved (after a resize) so that the selection is in it
  let first = Math.max(0, Math.min(top, totalRows - MENU_ROWS));
  if (selected >= 0) {
    const selRow = Math.floor(selected / perRow);
    if (selRow < first) first = selRow;
    else if (selRow >= first + MENU_ROWS) first = selRow - MENU_ROWS + 1;
  }
  const last = Math.min(totalRows, first + MENU_ROWS);
  const rows: MenuLayout['rows'] = [];
  for (let r = first; r < last; r++) {
    const row = [];
    for (let c = 0; c < perRow; c++) {
      const i = r * perRow + c;
      if (i >= items.length) break;
      row.push({ text: items[i], note: shownNote(notes[i]), selected: i === selected });
    }
    rows.push(row);
  }
  return { rows, colWidth, nameWidth, above: first * perRow, below: Math.max(0, items.length - last * perRow) };
}

/** The line under the grid saying what is out of view: `(127 more)`, `(16 above, 111 below)`. */
export function hiddenNote(l: MenuLayout): string {
  if (l.above === 0) return l.below > 0 ? `(${l.below} more)` : '';
  return `(${l.above} above, ${l.below} below)`;
}
