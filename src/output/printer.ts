// Turns the engine's Output events into text on stdout/stderr, as cqlsh prints them, in the
// session's output format. Shared by the batch face and the REPL; knows no terminal details
// beyond the tty flag and colors it is given.
import type { Column, CqlValue } from '../cql/types.js';
import { applyColor, RED } from '../format/colors.js';
import type { Formatted } from '../format/formatted.js';
import { formatOptions, type FormatOptions } from '../format/options.js';
import { rowFormatter } from '../format/value.js';
import { CsvRenderer } from '../render/csv.js';
import { JsonRenderer } from '../render/json.js';
import { renderBox } from '../render/box.js';
import { formatErrorMessages, formatHeaders, formatPage, formatWarnings, renderStaticResult } from '../render/table.js';
import type { Output } from '../shell/output.js';
import type { ShellState } from '../shell/state.js';

/** A writable stream, or anything with write() (tests). */
export interface Sink {
  write(chunk: string): boolean | void;
  once?(event: 'drain', cb: () => void): unknown;
}

export interface PrinterOptions {
  out: Sink;
  err: Sink;
  color: boolean;
  tty: boolean;
  /** `file:line:` in batch mode, '' interactively */
  errorPrefix: () => string;
  state: ShellState;
  format?: Partial<FormatOptions>;
  /** called between pages on a tty (cqlsh's ---MORE---) */
  more?: () => Promise<void>;
}

/** Per-result state while its pages stream through. */
interface ResultState {
  columns: Column[];
  errors: string[];
  csv?: CsvRenderer;
  json?: JsonRenderer;
}

export class Printer {
  private current: ResultState | undefined;
  private readonly fmt: FormatOptions;

  constructor(private readonly o: PrinterOptions) {
    this.fmt = formatOptions({ ...o.state.display, ...o.format, color: o.color });
  }

  async print(ev: Output): Promise<void> {
    switch (ev.kind) {
      case 'page':
        return this.page(ev);
      case 'static':
        return this.result(
          renderStaticResult(ev.columns, this.formatRows(ev.rows, ev.columns), { color: this.color, tty: this.o.tty, expanded: this.expanded }),
        );
      case 'text': {
        const body = ev.colored !== undefined && this.color ? ev.colored : ev.text;
        const text = ev.newline === false ? body : body + '\n';
        return ev.result ? this.result(text) : this.write(this.o.out, text);
      }
      case 'error': {
        const prefix = ev.prefix ?? this.o.errorPrefix();
        return this.write(this.o.err, applyColor(prefix + ev.message, RED, this.color) + '\n');
      }
      case 'notice':
        return this.write(this.o.err, ev.text + '\n');
      case 'warnings':
        return this.result(formatWarnings(ev.warnings));
      case 'clear':
        // only a terminal is cleared: no escape code goes into a pipe or a file (cqlsh runs `clear`,
        // which writes them wherever stdout goes when TERM is set; docs/compat.md)
        if (this.o.tty || (this.o.out as { isTTY?: boolean }).isTTY === true) return this.write(this.o.out, '\x1b[H\x1b[2J\x1b[3J');
        return;
      case 'keyspace':
      case 'exit':
      case 'edit':
        return;
    }
  }

  /** Colors: never while capturing (cqlsh turns them off for the whole capture, errors included). */
  private get color(): boolean {
    return this.o.color && !this.o.state.capture;
  }

  private get expanded(): boolean {
    return this.o.state.expand || this.o.state.format === 'expanded';
  }

  private rowFormat?: { columns: Column[]; color: boolean; format: (values: CqlValue[]) => Formatted[] };

  private formatRows(rows: CqlValue[][], columns: Column[]): Formatted[][] {
    let f = this.rowFormat;
    if (!f || f.columns !== columns || f.color !== this.color) {
      const fmt = this.color === this.fmt.color ? this.fmt : { ...this.fmt, color: this.color };
      f = this.rowFormat = { columns, color: this.color, format: rowFormatter(columns, fmt) };
    }
    return rows.map(f.format);
  }

  private async page(ev: Extract<Output, { kind: 'page' }>): Promise<void> {
    const format = this.o.state.format;
    if (ev.first) this.current = { columns: ev.columns, errors: [] };
    const r = this.current!;
    if (format === 'csv') {
      if (!r.csv) {
        r.csv = new CsvRenderer(ev.columns);
        await this.result(r.csv.begin());
      }
      await this.result(ev.rows.map((row) => r.csv!.row(row)).join(''));
    } else if (format === 'json' || format === 'ndjson') {
      if (!r.json) {
        r.json = new JsonRenderer(ev.columns, { ndjson: format === 'ndjson' });
        await this.result(r.json.begin());
      }
      await this.result(ev.rows.map((row) => r.json!.row(row)).join(''));
      if (ev.last) await this.result(r.json.end());
    } else if (format === 'box') {
      // one bordered table per page, so memory stays flat however many rows come
      if (ev.rows.length > 0 || ev.first) await this.result(renderBox(ev.columns, this.formatRows(ev.rows, ev.columns), { color: this.color }));
      if (ev.last) await this.result(`(${ev.total} rows)\n`);
    } else {
      // with PAGING OFF the result is one table however many responses it takes: no header
      // again, no blank line between them, no ---MORE---; nor does cqlsh stop at ---MORE---
      // while capturing
      const paged = this.o.state.paging.enabled;
      const opts = { color: this.color, tty: this.o.tty && (paged || ev.last), expanded: this.expanded };
      if (ev.first) await this.result('\n');
      if (ev.rows.length > 0 || ev.first) {
        const rows = this.formatRows(ev.rows, ev.columns);
        for (const row of rows) for (const cell of row) if (cell.error) r.errors.push(cell.error);
        await this.result(formatPage(formatHeaders(ev.columns, this.color), rows, ev.first || (this.o.tty && paged), ev.offset, opts));
      } else if (ev.last && this.o.tty && !paged) {
        await this.result('\n');
      }
      if (!ev.last && this.o.tty && paged && !this.o.state.capture && this.o.more) await this.o.more();
      if (ev.last) await this.result((this.o.tty ? '' : '\n') + `(${ev.total} rows)\n` + formatErrorMessages(r.errors, this.color));
    }
    if (ev.last) this.current = undefined;
  }

  /** Query output: to the CAPTURE file while capturing, else to stdout. */
  private result(text: string): Promise<void> {
    const capture = this.o.state.capture;
    if (capture) {
      capture.write(text);
      return Promise.resolve();
    }
    return this.write(this.o.out, text);
  }

  private write(sink: Sink, text: string): Promise<void> {
    if (!text) return Promise.resolve();
    const ok = sink.write(text);
    if (ok === false && sink.once) return new Promise((resolve) => sink.once!('drain', resolve));
    return Promise.resolve();
  }

  async flush(): Promise<void> {}
}
