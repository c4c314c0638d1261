// Lays the completion candidates out in columns, at most `maxRows` rows, keeping the selected one
// in view. Pure.
import { cells } from './buffer.js';

export interface MenuLayout {
  rows: { text: string; selected: boolean }[][];
  colWidth: number;
  /** candidates not shown */
  hidden: number;
}

export function layoutMenu(items: readonly string[], selected: number, width: number, maxRows = 8): MenuLayout {
  const colWidth = Math.min(Math.max(1, width - 1), Math.max(...items.map(cells), 1) + 2);
  const perRow = Math.max(1, Math.floor(Math.max(1, width - 1) / colWidth));
  const totalRows = Math.ceil(items.length / perRow);
  const selRow = selected >= 0 ? Math.floor(selected / perRow) : 0;
  const first = Math.max(0, Math.min(selRow - maxRows + 1, totalRows - maxRows));
  const firstRow = selRow < maxRows ? 0 : first;
  const rows: MenuLayout['rows'] = [];
  for (let r = firstRow; r < Math.min(totalRows, firstRow + maxRows); r++) {
    const row = [];
    for (let c = 0; c < perRow; c++) {
      const i = r * perRow + c;
      if (i >= items.length) break;
      row.push({ text: items[i], selected: i === selected });
    }
    rows.push(row);
  }
  const shown = rows.reduce((n, r) => n + r.length, 0);
  return { rows, colWidth, hidden: items.length - shown };
}
