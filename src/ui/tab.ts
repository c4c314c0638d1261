// What Tab does to the buffer: one candidate is inserted (with a space unless it ends in `.`,
// `/`, `'` or `(`; a file name in a string gets the closing quote), several insert their common prefix and open the menu, Tab in an open menu
// selects the next candidate (Shift-Tab the previous). Pure.
import { commonPrefix, complete, type CompletionSource } from '../cql/completion.js';
import type { EditBuffer } from './buffer.js';

export interface Menu {
  items: string[];
  selected: number;
  /** where the completed word starts in the buffer */
  start: number;
}

export function tabPress(
  b: EditBuffer,
  menu: Menu | null,
  dir: 1 | -1,
  source: CompletionSource,
  keyspace: string | undefined,
): { buffer: EditBuffer; menu: Menu | null } | null {
  if (menu) {
    const n = menu.items.length;
    const selected = menu.selected < 0 ? (dir > 0 ? 0 : n - 1) : (menu.selected + dir + n) % n;
    const item = menu.items[selected];
    const text = b.text.slice(0, menu.start) + item + b.text.slice(b.cursor);
    return { buffer: { text, cursor: menu.start + item.length }, menu: { ...menu, selected } };
  }
  const c = complete(b.text.slice(0, b.cursor), source, keyspace, b.text.slice(b.cursor));
  if (c.items.length === 0) return null;
  const typed = b.text.slice(c.start, b.cursor);
  const replace = (s: string): EditBuffer => ({ text: b.text.slice(0, c.start) + s + b.text.slice(b.cursor), cursor: c.start + s.length });
  if (c.items.length === 1) {
    const item = c.items[0];
    // a file name inside a quote gets its closing quote; a directory waits for more
    const inString = b.text[c.start - 1] === "'";
    const tail = inString ? (item.endsWith('/') ? '' : "'") : /[./'(]$/.test(item) ? '' : ' ';
    return { buffer: replace(item + tail), menu: null };
  }
  const common = commonPrefix(c.items);
  return { buffer: common.length > typed.length ? replace(common) : b, menu: { items: c.items, selected: -1, start: c.start } };
}
