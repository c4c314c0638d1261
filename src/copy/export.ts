// COPY TO: the token ring cut into ranges read concurrently (bounded), each page formatted as CSV
// and written as it comes (rows in no particular order, as cqlsh), to a file (split every
// MAXOUTPUTSIZE rows into file, file.1, ...) or to stdout.
import fs from 'node:fs';
import type { CqlType, CqlValue } from '../cql/types.js';
import { errorParts, isRetryable, quoteId, readPages } from '../db/bulk.js';
import type { Session } from '../db/session.js';
import { Routing } from '../db/routing.js';
import { formatOptions, type FormatOptions } from '../format/options.js';
import { capYoungGeneration } from '../memory.js';
import { pyStrRepr as pyRepr } from '../format/pyvalues.js';
import { osErrorPlain, osErrorText } from '../util/errno.js';
import type { CopyContext } from './context.js';
import { writeRecord } from './csv.js';
import { encodingFor, type TextEncoding } from './charset.js';
import { fieldFormatter } from './format.js';
import { backoffMs, Semaphore, sleep } from './limits.js';
import { describeInterval } from './options.js';
import { RateMeter } from './progress.js';

const MURMUR3: [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];
const RANDOM: [bigint, bigint] = [-1n, 2n ** 127n];

/** (begin, end] token ranges covering what BEGINTOKEN/ENDTOKEN ask for, or an error message. */
export function tokenRanges(partitioner: string, begin: string, end: string, pieces: number): [bigint, bigint][] | string | null {
  const ring = /Murmur3/.test(partitioner) ? MURMUR3 : /RandomPartitioner/.test(partitioner) ? RANDOM : null;
  if (!ring) return null;
  const [min, max] = ring;
  const b = begin ? BigInt(begin) : min;
  const e = end ? BigInt(end) : max;
  if (b < min) return `Begin token ${b} must be bigger or equal to min token ${min}`;
  if (e <= b && end) return `Begin token ${b} must be smaller than end token ${e}`;
  const out: [bigint, bigint][] = [];
  const width = (e - b) / BigInt(pieces) || 1n;
  for (let i = 0n, lo = b; i < BigInt(pieces) && lo < e; i++, lo += width) out.push([lo, i === BigInt(pieces) - 1n || lo + width > e ? e : lo + width]);
  return out;
}

class Output {
  private fd: number | undefined;
  files = 0;
  private rowsInFile = 0;

  constructor(
    private readonly ctx: CopyContext,
    private readonly header: string,
    private readonly encoding: TextEncoding,
  ) {}

  open(): boolean {
    return this.next(this.ctx.st.file);
  }

  private next(name: string | undefined): boolean {
    this.close();
    if (name === undefined) return true;
    try {
      this.fd = fs.openSync(name, 'w');
      if (this.encoding.preamble.length) fs.writeSync(this.fd, this.encoding.preamble);
    } catch (e) {
      void this.ctx.err(`Can't open ${pyRepr(name)} for writing: ${osErrorText(e, name)}`);
      return false;
    }
    this.files++;
    return true;
  }

  async start(): Promise<void> {
    if (this.header) await this.write(this.header, 0);
  }

  async write(text: string, rows: number): Promise<void> {
    const file = this.ctx.st.file;
    if (file === undefined) {
      await this.ctx.say(text.slice(0, -1));
      return;
    }
    const max = this.ctx.opts.maxOutputSize;
    if (max > 0 && this.rowsInFile + rows > max) {
      const lines = text.split('\r\n').slice(0, -1);
      for (const line of lines) {
        if (this.rowsInFile === max) {
          this.next(`${file}.${this.files}`);
          this.rowsInFile = 0;
        }
        writeOut(this.fd!, this.encoding.encode(line + '\r\n'));
        this.rowsInFile++;
      }
      return;
    }
    const bytes = this.encoding.encode(text);
    this.rowsInFile += rows;
    writeOut(this.fd!, bytes);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The output file cannot be written (ENOSPC, EIO...): the whole export stops with one message, as cqlsh's does. */
class WriteFailure extends Error {
  constructor(readonly failure: unknown) {
    super(String(failure));
  }
}

function writeOut(fd: number, data: Buffer | string): void {
  try {
    if (typeof data === 'string') fs.writeSync(fd, data);
    else fs.writeSync(fd, data);
  } catch (e) {
    throw new WriteFailure(e);
  }
}

export function rowFormatter(types: CqlType[], o: FormatOptions, dialect: CopyContext['opts']['dialect']): (row: CqlValue[]) => string {
  const textual = types.map((t) => t.kind === 'text' || t.kind === 'varchar' || t.kind === 'ascii');
  const formatters = types.map((t) => fieldFormatter(t, o));
  const quoteEmpty = new Array<boolean>(types.length).fill(false);
  const fields = new Array<string>(types.length);
  return (row) => {
    let anyEmpty = false;
    for (let i = 0; i < types.length; i++) {
      const v = row[i];
      // an empty string is written "" so that it reads back as one, not as a null
      quoteEmpty[i] = textual[i] && v === '' && o.nullText === '';
      anyEmpty ||= quoteEmpty[i];
      fields[i] = formatters[i](v);
    }
    return writeRecord(fields, dialect, anyEmpty ? quoteEmpty : undefined);
  };
}

export async function runExport(ctx: CopyContext): Promise<void> {
  await Routing.scope((openRouting) => exportRows(ctx, openRouting));
}

/** runExport's work; routing it opens is closed when it ends. */
async function exportRows(ctx: CopyContext, openRouting: (session: Session, keyspace: string) => Promise<Routing | null>): Promise<void> {
  const { opts, st, info } = ctx;
  const start = Date.now();
  const toFile = st.file !== undefined;
  const concurrency = Math.max(8, opts.numProcesses * opts.maxRequests);
  const ranges = tokenRanges(info.partitioner, opts.beginToken, opts.endToken, Math.max(64, concurrency * 4));
  if (typeof ranges === 'string') {
    await ctx.err(ranges);
    return;
  }
  if (ranges && ranges.length === 0) {
    await ctx.err(`Found no ranges to query, check begin and end tokens: ${opts.beginToken} - ${opts.endToken}`);
    return;
  }
  const encoding = encodingFor(opts.encoding);
  if (!encoding) {
    await ctx.err(`Cannot write ENCODING '${opts.encoding}': COPY TO writes utf-8, utf-8-sig, latin-1, ascii and utf-16 (-le, -be)`);
    return;
  }
  const out = new Output(
    ctx,
    opts.header
      ? writeRecord(
          ctx.columns.map((c) => c.name),
          opts.dialect,
        )
      : '',
    encoding,
  );
  if (!out.open()) return;
  if (toFile) await ctx.say(`\nStarting copy of ${ctx.ks}.${st.table} with columns [${ctx.columns.map((c) => c.name).join(', ')}].`);
  const fmt = formatOptions({
    floatPrecision: opts.floatPrecision,
    doublePrecision: opts.doublePrecision,
    timestampFormat: opts.timestampFormat,
    nullText: opts.nullText,
    decimalSep: opts.decimalSep === '.' ? undefined : opts.decimalSep,
    thousandsSep: opts.thousandsSep || undefined,
    booleanStyles: opts.boolStyle,
    millisecondsOnly: true,
  });
  const format = rowFormatter(
    ctx.columns.map((c) => c.type),
    fmt,
    opts.dialect,
  );
  // no progress line over data written to the terminal
  const meter = new RateMeter(opts.reportFrequency * 1000, toFile ? ctx.progress : undefined, opts.rateFile);
  try {
    await out.start();
  } catch (e) {
    if (!(e instanceof WriteFailure)) throw e;
    out.close();
    await ctx.err(osErrorPlain(e.failure));
    return;
  }
  const cols = ctx.columns.map((c) => quoteId(c.name)).join(', ');
  const pk = info.partitionKey.map(quoteId).join(', ');
  const base = `SELECT ${cols} FROM ${quoteId(ctx.ks)}.${quoteId(st.table)}`;
  // token-aware (the default; TSCQLSH_COPY_ROUTING=0 turns it off): the ranges are cut at the
  // ring's tokens and each is read from a replica in the local data center (db/routing.ts)
  const routing = ranges && /Murmur3/.test(info.partitioner) && process.env.TSCQLSH_COPY_ROUTING !== '0' ? await openRouting(ctx.session, ctx.ks) : null;
  const pieces = ranges ? (routing ? routing.splitAtRing(ranges) : ranges.map((range) => ({ range, pos: undefined }))) : [];
  const work: { cql: string; params: unknown[]; label: string; pos?: number }[] = ranges
    ? pieces.map(({ range: [lo, hi], pos }) => ({
        cql: `${base} WHERE token(${pk}) > ? AND token(${pk}) <= ?`,
        params: [lo, hi],
        label: `(${lo}, ${hi})`,
        pos,
      }))
    : [{ cql: base, params: [], label: '(None, None)' }];
  let failed = 0;
  let exported = 0;
  // the first failed write to the file: every range stops, one message says why
  let writeFailure: WriteFailure | undefined;
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  const sem = new Semaphore(concurrency);
  const readRange = async (w: (typeof work)[number]): Promise<void> => {
    let rowsDone = 0;
    const resume: { pageState?: string | Buffer } = {};
    for (let attempt = 1; ; attempt++) {
      try {
        for await (const page of readPages(ctx.session, w.cql, w.params, ctx.columns, {
          pageSize: opts.pageSize,
          timeoutMs: opts.pageTimeout * 1000,
          consistency: ctx.consistency,
          signal,
          resume,
          // a replica of the range, another one on a retry when there are several
          via: routing && w.pos !== undefined ? routing.viaPosition(w.pos) : undefined,
        })) {
          if (signal.aborted) return;
          capYoungGeneration();
          let text = '';
          for (const row of page) text += format(row);
          if (page.length) await out.write(text, page.length);
          rowsDone += page.length;
          exported += page.length;
          meter.add(page.length);
        }
        return;
      } catch (e) {
        if (e instanceof WriteFailure) {
          writeFailure ??= e;
          stop.abort();
          return;
        }
        if (signal.aborted && writeFailure) return;
        const [name, msg] = errorParts(e);
        if (attempt < opts.maxAttempts && isRetryable(e) && !ctx.signal.aborted) {
          await ctx.err(`Error for ${w.label}: ${name} - ${msg} (will try again later attempt ${attempt} of ${opts.maxAttempts})`);
          // (a lost server gets a few seconds to come back, as COPY FROM gives it)
          await sleep(backoffMs(attempt + 2), ctx.signal);
          continue;
        }
        await ctx.err(`Error for ${w.label}: ${name} - ${msg} (permanently given up after ${rowsDone} rows and ${attempt} attempts)`);
        failed++;
        return;
      }
    }
  };
  const running: Promise<void>[] = [];
  for (const w of work) {
    if (signal.aborted) break;
    await sem.acquire();
    running.push(readRange(w).finally(() => sem.release()));
  }
  await Promise.all(running);
  try {
    out.close();
  } catch (e) {
    writeFailure ??= new WriteFailure(e);
  }
  if (writeFailure) {
    await ctx.err(osErrorPlain(writeFailure.failure));
    return;
  }
  meter.maybeUpdate(true);
  // a test hook: where the reads went
  if (process.env.TSCQLSH_COPY_STATS) await ctx.err(`[copy stats] ranges=${work.length}${routing ? ` ${routing.describe()}` : ''}`);
  if (failed) await ctx.err(`Exported ${work.length - failed} ranges out of ${work.length} total ranges, some records might be missing`);
  if (ctx.signal.aborted) await ctx.err(`Interrupted: ${exported} rows written.`);
  if (toFile) await ctx.say(`\n${exported} rows exported to ${out.files} files in ${describeInterval((Date.now() - start) / 1000)}.`);
}
