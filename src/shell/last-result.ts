// The last result set the shell showed, kept for SAVE: its columns and the rows fetched so far
// (pages the user paged through, all of them with PAGING OFF), at most LIMIT rows of it. Only the
// interactive shell keeps one (batch mode streams results without holding them).
import type { Column, CqlValue } from '../cql/types.js';
import type { Output } from './output.js';

export const SAVE_LIMIT = 100_000;

export interface ResultSet {
  columns: Column[];
  /** the first rows fetched, at most `limit` */
  rows: CqlValue[][];
  /** rows fetched (shown) in all */
  fetched: number;
  /** the last page was fetched: nothing more in the result */
  complete: boolean;
}

export class LastResult {
  private current: ResultSet | undefined;
  /** pages already noted (a SOURCE'd statement's pages pass through the shell twice) */
  private readonly seen = new WeakSet<object>();

  constructor(private readonly limit = SAVE_LIMIT) {}

  get(): ResultSet | undefined {
    return this.current;
  }

  /** Takes note of an output on its way to the face. */
  note(out: Output): void {
    if (out.kind !== 'page' || this.seen.has(out)) return;
    this.seen.add(out);
    if (out.first || !this.current) this.current = { columns: out.columns, rows: [], fetched: 0, complete: false };
    const r = this.current;
    const room = this.limit - r.rows.length;
    if (room > 0) r.rows.push(...(out.rows.length <= room ? out.rows : out.rows.slice(0, room)));
    r.fetched += out.rows.length;
    if (out.last) r.complete = true;
  }
}
