// One interface for every output format: a result streams through begin → rows (once per page) →
// end, each returning the text to write. The printer (src/output/printer.ts) only writes that
// text and, between pages, asks the face for ---MORE--- when the renderer pauses there.
import type { Column, CqlValue } from '../cql/types.js';
import type { OutputFormat } from '../cql/vocabulary.js';
import type { Formatted } from '../format/formatted.js';
import { renderBox } from './box.js';
import { CsvRenderer } from './csv.js';
import { JsonRenderer } from './json.js';
import { formatErrorMessages, formatHeaders, formatPage } from './table.js';

/** Where a page sits in its result. */
export interface PageInfo {
  first: boolean;
  last: boolean;
  /** rows before this page */
  offset: number;
  /** rows up to the end of this page */
  total?: number;
}

export interface ResultRenderer {
  /** before the first page */
  begin(): string;
  /** one page of rows */
  rows(rows: CqlValue[][], page: PageInfo): string;
  /** after the last page */
  end(page: PageInfo): string;
  /** wants the face's ---MORE--- after this page (not the last) */
  pauses(page: PageInfo): boolean;
}

/** What a renderer reads from the printer as the pages come (colors go off while capturing). */
export interface RenderContext {
  columns: Column[];
  /** output is a terminal (the REPL) */
  tty: boolean;
  color(): boolean;
  /** vertical layout (EXPAND ON, or OUTPUT FORMAT expanded) */
  expanded(): boolean;
  /** PAGING ON */
  paged(): boolean;
  /** the rows' values as cqlsh shows them */
  formatRows(rows: CqlValue[][]): Formatted[][];
}

export function resultRenderer(format: OutputFormat, ctx: RenderContext): ResultRenderer {
  switch (format) {
    case 'csv':
      return streamed(new CsvRenderer(ctx.columns));
    case 'json':
    case 'ndjson':
      return streamed(new JsonRenderer(ctx.columns, { ndjson: format === 'ndjson' }));
    case 'box':
      return boxRenderer(ctx);
    case 'table':
    case 'expanded':
      return tableRenderer(ctx);
  }
}

/** CSV and JSON: a header or opening, one record a row, a closing. */
function streamed(r: { begin(): string; row(values: CqlValue[]): string; end?(): string }): ResultRenderer {
  return {
    begin: () => r.begin(),
    rows: (rows) => rows.map((row) => r.row(row)).join(''),
    end: () => r.end?.() ?? '',
    pauses: () => false,
  };
}

/** One bordered table per page, so memory stays flat however many rows come. */
function boxRenderer(ctx: RenderContext): ResultRenderer {
  return {
    begin: () => '',
    rows: (rows, page) => (rows.length > 0 || page.first ? renderBox(ctx.columns, ctx.formatRows(rows), { color: ctx.color() }) : ''),
    end: (page) => `(${page.total} rows)\n`,
    pauses: () => false,
  };
}

/**
 * cqlsh's tables (and EXPAND ON's records). With PAGING OFF the result is one table however many
 * responses it takes: no header again, no blank line between them, no ---MORE---.
 */
function tableRenderer(ctx: RenderContext): ResultRenderer {
  const errors: string[] = [];
  return {
    begin: () => '\n',
    rows(rows, page) {
      const paged = ctx.paged();
      if (rows.length > 0 || page.first) {
        const formatted = ctx.formatRows(rows);
        for (const row of formatted) for (const cell of row) if (cell.error) errors.push(cell.error);
        const opts = { color: ctx.color(), tty: ctx.tty && (paged || page.last), expanded: ctx.expanded() };
        return formatPage(formatHeaders(ctx.columns, ctx.color()), formatted, page.first || (ctx.tty && paged), page.offset, opts);
      }
      return page.last && ctx.tty && !paged ? '\n' : '';
    },
    end: (page) => (ctx.tty ? '' : '\n') + `(${page.total} rows)\n` + formatErrorMessages(errors, ctx.color()),
    pauses: (page) => !page.last && ctx.tty && ctx.paged(),
  };
}
