// A bordered table for people (not cqlsh-compatible): cli-table3 with the column names as the
// header, colored by key role when colors are on. A box needs every width before its first line,
// so it renders a whole page of rows at a time.

import Table from 'cli-table3';
import type { Column } from '../cql/types.js';
import type { Formatted } from '../format/formatted.js';
import { formatHeaders } from './table.js';

export interface BoxOptions {
  color: boolean;
  /** right-align values as cqlsh does (default), or left-align them */
  align?: 'left' | 'right';
}

export function renderBox(columns: Column[], rows: Formatted[][], opts: BoxOptions): string {
  const headers = formatHeaders(columns, opts.color);
  const table = new Table({
    head: headers.map((h) => (opts.color ? h.colored : h.text)),
    style: { head: [], border: [] },
  });
  const hAlign = opts.align ?? 'right';
  for (const row of rows) table.push(row.map((cell) => ({ content: opts.color ? cell.colored : cell.text, hAlign })));
  return table.toString() + '\n';
}
