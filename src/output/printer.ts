// Turns the engine's Output events into text on stdout/stderr, as cqlsh prints them, in the
// session's output format. Shared by the batch face and the REPL; knows no terminal details
// beyond the tty flag and colors it is given.
import type { Column, CqlValue } from '../cql/types.js';
import { applyColor, RED } from '../format/colors.js';
import type { Formatted } from '../format/formatted.js';
import { formatOptions, type FormatOptions } from '../format/options.js';
import { rowFormatter } from '../format/value.js';
import { resultRenderer, type ResultRenderer } from '../render/result.js';
import { formatWarnings, renderStaticResult } from '../render/table.js';
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

export class Printer {
  /** the result whose pages are streaming through */
  private current: ResultRenderer | undefined;
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
    if (ev.first) {
      const columns = ev.columns;
      this.current = resultRenderer(this.o.state.format, {
        columns,
        tty: this.o.tty,
        color: () => this.color,
        expanded: () => this.expanded,
        paged: () => this.o.state.paging.enabled,
        formatRows: (rows) => this.formatRows(rows, columns),
      });
      await this.result(this.current.begin());
    }
    const r = this.current!;
    await this.result(r.rows(ev.rows, ev));
    // cqlsh does not stop at ---MORE--- while capturing
    if (!ev.last && r.pauses(ev) && !this.o.state.capture && this.o.more) await this.o.more();
    if (ev.last) {
      await this.result(r.end(ev));
      this.current = undefined;
    }
  }

  /** Query output: to the CAPTURE file while capturing, else to stdout. */
  private result(text: string): Promise<void> {
    if (!text) return Promise.resolve();
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
}
