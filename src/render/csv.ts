// CSV output (RFC 4180): a header line of column names, then one record per row. Fields holding
// the delimiter, a double quote, CR or LF are enclosed in double quotes with inner quotes
// doubled. Text values are written raw (no cqlsh escaping: the quoting keeps them intact); every
// other value is written as cqlsh shows it without colors (collections in CQL literal style);
// a null is an empty field unless `nullText` says otherwise. Records end with CRLF by default.

import type { Column, CqlValue } from '../cql/types.js';
import { formatOptions, type FormatOptions } from '../format/options.js';
import { columnText } from '../format/value.js';

export interface CsvOptions {
  delimiter?: string;
  /** record terminator; RFC 4180 says CRLF */
  newline?: string;
  /** written for a null; '' by default */
  nullText?: string;
  /** write the header line */
  header?: boolean;
  /** value formatting (precision, time format, zone); color is always off */
  format?: Partial<FormatOptions>;
}

const TEXT_KINDS = new Set(['ascii', 'text', 'varchar']);

export class CsvRenderer {
  private readonly delimiter: string;
  private readonly newline: string;
  private readonly nullText: string;
  private readonly format: FormatOptions;

  constructor(
    private readonly columns: Column[],
    private readonly opts: CsvOptions = {},
  ) {
    this.delimiter = opts.delimiter ?? ',';
    this.newline = opts.newline ?? '\r\n';
    this.nullText = opts.nullText ?? '';
    this.format = formatOptions({ ...opts.format, color: false });
  }

  /** Quotes a field when it needs it. */
  field(text: string): string {
    const needs = text.includes(this.delimiter) || /["\r\n]/.test(text);
    return needs ? `"${text.replaceAll('"', '""')}"` : text;
  }

  private record(fields: string[]): string {
    return fields.map((f) => this.field(f)).join(this.delimiter) + this.newline;
  }

  /** The header line ('' when headers are off). */
  begin(): string {
    return this.opts.header === false ? '' : this.record(this.columns.map((c) => c.name));
  }

  private formatters?: ((v: CqlValue) => string)[];

  /** One row as a record. */
  row(values: CqlValue[]): string {
    this.formatters ??= this.columns.map((c) => {
      const f = columnText(c.type, this.format);
      const text = TEXT_KINDS.has(c.type.kind);
      return (v: CqlValue) => (text && typeof v === 'string' ? v : f(v));
    });
    let out = '';
    for (let i = 0; i < this.formatters.length; i++) {
      const v = values[i] ?? null;
      if (i > 0) out += this.delimiter;
      out += this.field(v === null ? this.nullText : this.formatters[i](v));
    }
    return out + this.newline;
  }
}

/** All rows at once. */
export function renderCsv(columns: Column[], rows: Iterable<CqlValue[]>, opts?: CsvOptions): string {
  const r = new CsvRenderer(columns, opts);
  let out = r.begin();
  for (const row of rows) out += r.row(row);
  return out;
}
