// cqlsh's tabular result layout (print_result / print_static_result / print_formatted_result).
//
// A result prints as: a blank line; then each page of rows the driver fetched — the first page
// always (even empty), later ones when not empty; then, in batch mode (not a tty), a blank line;
// then "(N rows)" and up to two "Failed to format value ..." messages. Column widths are
// computed per page: cqlsh pages even in batch mode (100 rows a page by default), so a wider
// value on page two does not widen page one. The header prints only with the first page in
// batch mode, with every page on a tty, where each page ends with a blank line and the shell
// asks "---MORE---" between pages (the caller's `more` hook). With EXPAND ON pages print as
// "@ Row N" blocks instead (see expanded.ts); an empty page always prints the header form.
//
// A header is ' ' + names padded by display width and joined with ' | ', right-trimmed; the rule
// is '-' + dashes joined with '-+-' + '-'; each row is ' ' + values right-aligned by display
// width, joined with ' | ' (rows keep their trailing padding).

import type { Column } from '../cql/types.js';
import { applyColor, RED } from '../format/colors.js';
import { padEnd, type Formatted } from '../format/formatted.js';
import { formatColumnName } from '../format/value.js';
import { formatExpandedBlock } from './expanded.js';
import { pyRstrip } from './text.js';

export interface TableOptions {
  /** ANSI colors on */
  color: boolean;
  /** interactive terminal (cqlsh's tty flag; false for -e, -f and piped input) */
  tty: boolean;
  /** EXPAND ON */
  expanded?: boolean;
  /** called between pages on a tty; cqlsh waits here on its "---MORE---" prompt */
  more?: () => void | Promise<void>;
}

/** Header cells for columns, colored by key role. */
export function formatHeaders(columns: Column[], color: boolean): Formatted[] {
  return columns.map((c) => formatColumnName(c.name, c.role, color));
}

/** The rule under a header: -----+----+--- */
export function ruleLine(widths: number[]): string {
  return `-${widths.map((w) => '-'.repeat(w)).join('-+-')}-`;
}

/**
 * One block of rows (cqlsh's print_formatted_result): header and rule when `withHeader`, the
 * rows, and a blank line after them on a tty. `rows` null means "no rows": header, rule and a
 * blank line whatever the mode.
 */
export function formatRowsBlock(headers: Formatted[], rows: Formatted[][] | null, withHeader: boolean, opts: { color: boolean; tty: boolean }): string {
  const widths = headers.map((h) => h.width);
  if (rows) {
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) if (!(widths[i] >= row[i].width)) widths[i] = row[i].width;
    }
  }
  let out = '';
  if (withHeader || rows === null) {
    out += pyRstrip(' ' + headers.map((h, i) => padEnd(h, widths[i], opts.color)).join(' | ')) + '\n';
    out += ruleLine(widths) + '\n';
  }
  if (rows === null) return out + '\n';
  // the hot loop of a large read: padStart by hand
  const color = opts.color;
  for (const row of rows) {
    let line = ' ';
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (i) line += ' | ';
      const pad = widths[i] - cell.width;
      if (pad > 0) line += spaces(pad);
      line += color ? cell.colored : cell.text;
    }
    out += line + '\n';
  }
  if (opts.tty) out += '\n';
  return out;
}

const SPACES = Array.from({ length: 128 }, (_, i) => ' '.repeat(i));
const spaces = (n: number) => (n < SPACES.length ? SPACES[n] : ' '.repeat(n));

/** One page as cqlsh prints it (print_static_result). `rowOffset` counts rows before it. */
export function formatPage(headers: Formatted[], rows: Formatted[][], withHeader: boolean, rowOffset: number, opts: TableOptions): string {
  if (headers.length === 0) return '';
  if (rows.length === 0) return formatRowsBlock(headers, null, true, opts);
  if (opts.expanded) return formatExpandedBlock(headers, rows, rowOffset, opts.color);
  return formatRowsBlock(headers, rows, withHeader, opts);
}

/** The lines cqlsh prints after the row count for values it could not format. */
export function formatErrorMessages(errors: string[], color: boolean): string {
  let out = '';
  for (const e of errors.slice(0, 2)) out += applyColor(e, RED, color) + '\n';
  if (errors.length > 2) out += applyColor(`${errors.length - 2} more decoding errors suppressed.`, RED, color) + '\n';
  return out;
}

type Pages = Iterable<Formatted[][]> | AsyncIterable<Formatted[][]>;

function collectErrors(rows: Formatted[][], into: string[]): void {
  for (const row of rows) for (const cell of row) if (cell.error) into.push(cell.error);
}

/**
 * Streams a SELECT result as cqlsh prints it, one string per page (plus the opening blank line
 * and the closing row count), so each can be written as soon as its page is fetched. `pages` are
 * the driver's pages of formatted rows, in order.
 */
export async function* renderResult(columns: Column[], pages: Pages, opts: TableOptions): AsyncGenerator<string> {
  const headers = formatHeaders(columns, opts.color);
  const errors: string[] = [];
  yield '\n';
  const it = (Symbol.asyncIterator in pages ? pages[Symbol.asyncIterator]() : pages[Symbol.iterator]()) as
    AsyncIterator<Formatted[][]> | Iterator<Formatted[][]>;
  let total = 0;
  let first = true;
  let next = await it.next();
  while (!next.done) {
    const rows = next.value;
    if (rows.length > 0 || first) {
      collectErrors(rows, errors);
      const chunk = formatPage(headers, rows, first || opts.tty, total, opts);
      if (chunk) yield chunk;
      total += rows.length;
    }
    first = false;
    next = await it.next();
    if (!next.done && opts.tty && opts.more) await opts.more();
  }
  if (first) {
    // no page at all: cqlsh always has a first page, so print it empty
    const chunk = formatPage(headers, [], true, 0, opts);
    if (chunk) yield chunk;
  }
  yield (opts.tty ? '' : '\n') + `(${total} rows)\n` + formatErrorMessages(errors, opts.color);
}

/** renderResult for pages already in hand, as one string. */
export function renderResultText(columns: Column[], pages: Formatted[][][], opts: Omit<TableOptions, 'more'>): string {
  const headers = formatHeaders(columns, opts.color);
  const errors: string[] = [];
  let out = '\n';
  let total = 0;
  const all = pages.length ? pages : [[]];
  all.forEach((rows, i) => {
    if (rows.length === 0 && i > 0) return;
    collectErrors(rows, errors);
    out += formatPage(headers, rows, i === 0 || opts.tty, total, opts);
    total += rows.length;
  });
  return out + (opts.tty ? '' : '\n') + `(${total} rows)\n` + formatErrorMessages(errors, opts.color);
}

/** Splits rows into pages of `pageSize` (cqlsh's default page size is 100). */
export function paginate<T>(rows: T[], pageSize = 100): T[][] {
  if (rows.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < rows.length; i += pageSize) pages.push(rows.slice(i, i + pageSize));
  return pages;
}

/**
 * The rows a conditional (LWT) statement returns ([applied] ...), which cqlsh prints without a
 * row count: a blank line, then the page with its header.
 */
export function renderStaticResult(columns: Column[], rows: Formatted[][], opts: Omit<TableOptions, 'more'>): string {
  return '\n' + formatPage(formatHeaders(columns, opts.color), rows, true, 0, opts);
}

/** Server warnings, printed after the result as cqlsh does (uncolored). */
export function formatWarnings(warnings: string[]): string {
  if (warnings.length === 0) return '';
  return '\nWarnings :\n' + warnings.map((w) => w + '\n\n').join('');
}
