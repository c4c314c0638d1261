// COPY FROM, stage "read": the inputs (files one after the other, or the shell's input up to a
// line holding "."), parsed as CSV records a read at a time, less the header, SKIPROWS and what
// is past MAXROWS.
import { CsvReader, type CsvDialect, type CsvRecord } from './csv.js';
import { simpleQuotedRecord } from './csv-fast.js';
import { decodedFileSource, decoderFor } from './decode.js';
import type { CopyOptions } from './options.js';
import { resolveSources, stdinSource, type Source } from './sources.js';

export interface Inputs {
  sources: Source[];
  /** reads the rest of the input up to its "." line (FROM STDIN), whatever the import took */
  drain(): Promise<void>;
  /** bytes read so far (files), for the progress line */
  read: { bytes: number };
}

/** The files FROM names, or cqlsh's reason (OSError, LookupError) when they cannot be read. */
export function fileInputs(spec: string, encoding: string): Inputs | string {
  const names = resolveSources(spec);
  if (typeof names === 'string') return `OSError - ${names}`;
  const decoder = decoderFor(encoding);
  if (!decoder) return `LookupError - unknown encoding: ${encoding}`;
  const read = { bytes: 0 };
  return { sources: names.map((n) => decodedFileSource(n, read, decoder)), drain: async () => {}, read };
}

/** The shell's own input, up to a line holding ".". */
export function stdinInputs(readLine: () => Promise<string | null>): Inputs {
  const stdin = stdinSource(readLine);
  return { sources: [stdin], drain: () => stdin.drain(), read: { bytes: 0 } };
}

/** One source's records, a read of the input at a time (one await per read, not per row). */
export async function* sourceRecords(src: Source, dialect: CsvDialect): AsyncGenerator<CsvRecord[]> {
  const reader = new CsvReader(dialect);
  const batches = src.lineBatches?.();
  if (batches) {
    const quote = dialect.quote;
    let mid = false; // inside a record that spans lines
    for await (const lines of batches) {
      const out: CsvRecord[] = [];
      for (const line of lines) {
        let r: CsvRecord | null = mid || line.indexOf(quote) < 0 ? null : simpleQuotedRecord(line, dialect);
        if (!r) {
          r = reader.push(line);
          mid = r === null;
        }
        if (r) out.push(r);
      }
      yield out;
    }
  } else {
    for await (const line of src.lines()) {
      const r = reader.push(line);
      if (r) yield [r];
    }
  }
  const r = reader.end();
  if (r) yield [r];
}

/** What the read stage counted. */
export interface ReadCounts {
  files: number;
  skipped: number;
}

/**
 * The records to import from every source: each file's header left out (HEADER), the first
 * SKIPROWS counted as skipped, nothing past MAXROWS. The consumer stops it by leaving the loop.
 */
export async function* inputRecords(
  sources: Source[],
  opts: Pick<CopyOptions, 'dialect' | 'header' | 'maxRows' | 'skipRows'>,
  counts: ReadCounts,
): AsyncGenerator<CsvRecord[]> {
  let read = 0;
  for (const src of sources) {
    counts.files++;
    let first = true;
    for await (const recs of sourceRecords(src, opts.dialect)) {
      const out: CsvRecord[] = [];
      for (const r of recs) {
        if (first && opts.header) {
          first = false;
          continue;
        }
        first = false;
        read++;
        if (opts.maxRows >= 0 && read > opts.maxRows) {
          yield out;
          return;
        }
        if (read <= opts.skipRows) {
          counts.skipped++;
          continue;
        }
        out.push(r);
      }
      yield out;
    }
  }
}
