// Turns the engine's Output events into text on stdout/stderr, as cqlsh prints them, in the
// session's output format. Shared by the batch face and the REPL; knows no terminal details
// beyond the tty flag and colors it is given.
import type { Column, CqlValue } from '../cql/types.js';
import { applyColor, RED } from '../format/colors.js';
import { formatOptions, type FormatOptions } from '../format/options.js';
import { formatRow } from '../format/value.js';
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
  box?: ReturnType<typeof formatRow>[];
}

export class Printer {
  private result: ResultState | undefined;
  private readonly fmt: FormatOptions;

  constructor(private readonly o: PrinterOptions) {
    this.fmt = formatOptions({ ...o.format, color: o.color });
  }

  async print(ev: Output): Promise<void> {
    switch (ev.kind) {
      case 'page':
        return this.page(ev);
      case 'static':
        return this.out(renderStaticResult(ev.columns, this.formatRows(ev.rows, ev.columns), { color: this.o.color, tty: this.o.tty, expanded: this.expanded }));
      case 'text':
        return this.out(ev.text + '\n');
      case 'error':
        return this.write(this.o.err, applyColor(this.o.errorPrefix() + ev.message, RED, this.o.color) + '\n');
      case 'warnings':
        return this.out(formatWarnings(ev.warnings));
      case 'clear':
        if (this.o.tty) return this.out('\x1b[2J\x1b[H');
        return;
      case 'keyspace':
      case 'exit':
        return;
    }
  }

  private get expanded(): boolean {
    return this.o.state.expand || this.o.state.format === 'expanded';
  }

  private formatRows(rows: CqlValue[][], columns: Column[]) {
    return rows.map((r) => formatRow(r, columns, this.fmt));
  }

  private async page(ev: Extract<Output, { kind: 'page' }>): Promise<void> {
    const format = this.o.state.format;
    if (ev.first) this.result = { columns: ev.columns, errors: [] };
    const r = this.result!;
    if (format === 'csv') {
      if (!r.csv) {
        r.csv = new CsvRenderer(ev.columns);
        await this.out(r.csv.begin());
      }
      await this.out(ev.rows.map((row) => r.csv!.row(row)).join(''));
    } else if (format === 'json' || format === 'ndjson') {
      if (!r.json) {
        r.json = new JsonRenderer(ev.columns, { ndjson: format === 'ndjson' });
        await this.out(r.json.begin());
      }
      await this.out(ev.rows.map((row) => r.json!.row(row)).join(''));
      if (ev.last) await this.out(r.json.end());
    } else if (format === 'box') {
      // a bordered table needs every width up front: rows of one result are kept until its end
      (r.box ??= []).push(...this.formatRows(ev.rows, ev.columns));
      if (ev.last) await this.out(renderBox(ev.columns, r.box, { color: this.o.color }) + `(${ev.total} rows)\n`);
    } else {
      const opts = { color: this.o.color, tty: this.o.tty, expanded: this.expanded };
      if (ev.first) await this.out('\n');
      if (ev.rows.length > 0 || ev.first) {
        const rows = this.formatRows(ev.rows, ev.columns);
        for (const row of rows) for (const cell of row) if (cell.error) r.errors.push(cell.error);
        await this.out(formatPage(formatHeaders(ev.columns, this.o.color), rows, ev.first || this.o.tty, ev.offset, opts));
      }
      if (!ev.last && this.o.tty && this.o.more) await this.o.more();
      if (ev.last) await this.out((this.o.tty ? '' : '\n') + `(${ev.total} rows)\n` + formatErrorMessages(r.errors, this.o.color));
    }
    if (ev.last) this.result = undefined;
  }

  private out(text: string): Promise<void> {
    this.o.state.capture?.write(text);
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
