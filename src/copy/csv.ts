// CSV the way cqlsh's COPY reads and writes it: Python's csv module with cqlsh's dialect
// (QUOTE_MINIMAL, lines ending "\r\n", an escape character instead of doubled quotes unless
// QUOTE equals ESCAPE). Input lines come from a file read with universal newlines.

export interface CsvDialect {
  delimiter: string;
  quote: string;
  /** undefined when quotes are doubled (QUOTE = ESCAPE) */
  escape: string | undefined;
  doublequote: boolean;
}

export const DEFAULT_DIALECT: CsvDialect = { delimiter: ',', quote: '"', escape: '\\', doublequote: false };

/** One record as Python's csv.writer writes it; `quoteEmpty` forces `""` for empty fields (empty strings). */
export function writeRecord(fields: readonly string[], d: CsvDialect, quoteEmpty?: readonly boolean[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += d.delimiter;
    out += writeField(fields[i], d, fields.length === 1 || quoteEmpty?.[i] === true);
  }
  return out + '\r\n';
}

const specials = new WeakMap<CsvDialect, RegExp>();

/** Matches a character that makes a field need quoting or escaping in this dialect. */
function specialChars(d: CsvDialect): RegExp {
  let re = specials.get(d);
  if (!re) {
    const chars = [d.delimiter, d.quote, d.escape, '\r', '\n'].filter((c): c is string => typeof c === 'string' && [...c].length === 1);
    re = new RegExp(chars.map((c) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('|'), 'u');
    specials.set(d, re);
  }
  return re;
}

function writeField(f: string, d: CsvDialect, quoteIfEmpty: boolean): string {
  if (f === '') return quoteIfEmpty ? d.quote + d.quote : '';
  // most fields have nothing to quote or escape: one scan
  if (!specialChars(d).test(f)) return f;
  let quoted = false;
  let body = '';
  for (const c of f) {
    if (c === d.delimiter || c === d.escape || c === d.quote || c === '\r' || c === '\n') {
      let escape = false;
      if (c === d.quote) {
        if (d.doublequote) body += d.quote;
        else escape = true;
      } else if (c === d.escape) escape = true;
      if (!escape) quoted = true;
      else body += d.escape ?? '';
    }
    body += c;
  }
  return quoted ? d.quote + body + d.quote : body;
}

export interface CsvRecord {
  fields: string[];
  /** which fields were enclosed in quotes */
  quoted: boolean[];
  /** the record's lines exactly as read */
  raw: string;
}

export class CsvError extends Error {}

const enum S {
  StartRecord,
  StartField,
  Escaped,
  InField,
  InQuoted,
  EscapeInQuoted,
  QuoteInQuoted,
  EatCrnl,
  AfterEscapedCrnl,
}

/** Python csv.reader (strict off), fed one line at a time. */
export class CsvReader {
  private state = S.StartRecord;
  private fields: string[] = [];
  private quoted: boolean[] = [];
  private field = '';
  private fieldQuoted = false;
  private raw: string[] = [];

  constructor(private readonly d: CsvDialect) {}

  /** Feeds a line (with its "\n"); returns the record it completes, or null when the record goes on. */
  push(line: string): CsvRecord | null {
    const d = this.d;
    // fast path: a whole record on one line with nothing to unquote or unescape
    if (this.state === S.StartRecord && line.indexOf(d.quote) < 0 && (d.escape === undefined || line.indexOf(d.escape) < 0) && line.indexOf('\r') < 0) {
      const body = line.endsWith('\n') ? line.slice(0, -1) : line;
      if (body.indexOf('\n') < 0 && body !== '') {
        const fields = body.split(d.delimiter);
        return { fields, quoted: new Array<boolean>(fields.length).fill(false), raw: line };
      }
    }
    this.raw.push(line);
    for (const c of line) this.char(c);
    this.char(null);
    if (this.state !== S.StartRecord) return null;
    return this.take();
  }

  /** End of input: the unfinished record, if any. */
  end(): CsvRecord | null {
    if (this.raw.length === 0) return null;
    if (this.field !== '' || this.state === S.InQuoted) this.save();
    this.state = S.StartRecord;
    return this.take();
  }

  private take(): CsvRecord {
    const r = { fields: this.fields, quoted: this.quoted, raw: this.raw.join('') };
    this.fields = [];
    this.quoted = [];
    this.raw = [];
    return r;
  }

  private save(): void {
    this.fields.push(this.field);
    this.quoted.push(this.fieldQuoted);
    this.field = '';
    this.fieldQuoted = false;
  }

  private char(c: string | null): void {
    const d = this.d;
    const eol = c === null || c === '\n' || c === '\r';
    switch (this.state) {
      case S.StartRecord:
        if (c === null) return;
        if (c === '\n' || c === '\r') {
          this.state = S.EatCrnl;
          return;
        }
        this.state = S.StartField;
      // falls through
      case S.StartField:
        if (eol) {
          this.save();
          this.state = c === null ? S.StartRecord : S.EatCrnl;
        } else if (c === d.quote) {
          this.fieldQuoted = true;
          this.state = S.InQuoted;
        } else if (c === d.escape) this.state = S.Escaped;
        else if (c === d.delimiter) this.save();
        else {
          this.field += c;
          this.state = S.InField;
        }
        return;
      case S.Escaped:
        if (c === '\n' || c === '\r') {
          this.field += c;
          this.state = S.AfterEscapedCrnl;
          return;
        }
        this.field += c ?? '\n';
        this.state = S.InField;
        return;
      case S.AfterEscapedCrnl:
        if (c === null) return;
        this.state = S.InField;
      // falls through
      case S.InField:
        if (eol) {
          this.save();
          this.state = c === null ? S.StartRecord : S.EatCrnl;
        } else if (c === d.escape) this.state = S.Escaped;
        else if (c === d.delimiter) {
          this.save();
          this.state = S.StartField;
        } else this.field += c;
        return;
      case S.InQuoted:
        if (c === null) return;
        if (c === d.escape) this.state = S.EscapeInQuoted;
        else if (c === d.quote) this.state = d.doublequote ? S.QuoteInQuoted : S.InField;
        else this.field += c;
        return;
      case S.EscapeInQuoted:
        this.field += c ?? '\n';
        this.state = S.InQuoted;
        return;
      case S.QuoteInQuoted:
        if (c === d.quote) {
          this.field += c;
          this.state = S.InQuoted;
        } else if (c === d.delimiter) {
          this.save();
          this.state = S.StartField;
        } else if (eol) {
          this.save();
          this.state = c === null ? S.StartRecord : S.EatCrnl;
        } else {
          this.field += c;
          this.state = S.InField;
        }
        return;
      case S.EatCrnl:
        if (c === '\n' || c === '\r') return;
        if (c === null) {
          this.state = S.StartRecord;
          return;
        }
        throw new CsvError('new-line character seen in unquoted field - do you need to open the file in universal-newline mode?');
    }
  }
}
