// COPY FROM: records parsed as a stream (files one after the other, or stdin up to a line
// holding "."), converted, grouped by partition into unlogged batches, written with a prepared
// statement under bounded concurrency, INGESTRATE and retries with backoff. Rows that fail to
// parse or to insert go to the error file exactly as read; the summary counts what was written.
import fs from 'node:fs';
import type { CqlValue } from '../cql/types.js';
import { errorParts, isRetryable, quoteId, toDriverParam, writeRows } from '../db/bulk.js';
import type { CopyContext } from './context.js';
import { converter, ParseError } from './convert.js';
import { CsvReader, type CsvRecord } from './csv.js';
import { backoffMs, RateLimiter, Semaphore, sleep } from './limits.js';
import { describeInterval } from './options.js';
import { RateMeter } from './progress.js';
import { fileSource, resolveSources, stdinSource, type Source } from './sources.js';

interface Pending {
  raw: string[];
  values: unknown[][];
}

export async function runImport(ctx: CopyContext): Promise<void> {
  const { opts, st, info } = ctx;
  const start = Date.now();
  const skipped = new Set(opts.skipCols.filter((c) => c !== ''));
  const keepIdx = ctx.columns.map((_, i) => i).filter((i) => !skipped.has(ctx.columns[i].name));
  const valid = keepIdx.map((i) => ctx.columns[i]);
  const skippedIdx = new Set(ctx.columns.map((_, i) => i).filter((i) => skipped.has(ctx.columns[i].name)));
  if (valid.length === 0) return ctx.err('No valid column specified');
  for (const k of info.primaryKey) {
    if (!valid.some((c) => c.name === k)) return ctx.err(`Primary key column '${k}' missing or skipped`);
  }
  let sources: Source[];
  let drain = async () => {};
  const progressRead = { bytes: 0 };
  if (st.file !== undefined) {
    const names = resolveSources(st.file);
    sources = typeof names === 'string' ? [] : names.map((n) => fileSource(n, progressRead));
    await ctx.say(`\nStarting copy of ${ctx.ks}.${st.table} with columns [${valid.map((c) => c.name).join(', ')}].`);
    if (typeof names === 'string') {
      await ctx.err(`Failed to import 0 rows: OSError - ${names},  given up after 1 attempts`);
      await ctx.say(`\n0 rows imported from 0 files in ${describeInterval((Date.now() - start) / 1000)} (0 skipped).`);
      return;
    }
  } else {
    await ctx.say(`\nStarting copy of ${ctx.ks}.${st.table} with columns [${valid.map((c) => c.name).join(', ')}].`);
    if (!ctx.readLine) return ctx.err('COPY FROM STDIN needs an input to read from');
    await ctx.say('[Use . on a line by itself to end input]');
    const stdin = stdinSource(ctx.readLine);
    drain = () => stdin.drain();
    sources = [stdin];
  }
  const totalBytes = sources.reduce((n, s) => n + (s.size ?? 0), 0);
  const meter = new RateMeter(opts.reportFrequency * 1000, ctx.progress, opts.rateFile, totalBytes ? () => progressRead.bytes / totalBytes : undefined);

  // the error file: an old one is moved aside, as cqlsh does
  if (fs.existsSync(opts.errFile)) {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    fs.renameSync(opts.errFile, `${opts.errFile}.${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}_${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`);
  }
  let failedRows = 0;
  const failRows = (raws: string[]) => {
    failedRows += raws.length;
    fs.appendFileSync(opts.errFile, raws.join(''));
  };

  const convOpts = { nullText: opts.nullText, decimalSep: opts.decimalSep, thousandsSep: opts.thousandsSep, booleanStyles: opts.boolStyle, timestampFormat: opts.timestampFormat };
  const convs = valid.map((c) => converter(c.type, convOpts));
  const pkIdx = info.primaryKey.map((k) => valid.findIndex((c) => c.name === k));
  const partIdx = info.partitionKey.map((k) => valid.findIndex((c) => c.name === k));
  const isCounter = valid.some((c) => c.type.kind === 'counter');
  const table = `${quoteId(ctx.ks)}.${quoteId(st.table)}`;
  const cql = isCounter
    ? `UPDATE ${table} SET ${valid.filter((_, i) => !pkIdx.includes(i)).map((c) => `${quoteId(c.name)} = ${quoteId(c.name)} + ?`).join(', ')} WHERE ${pkIdx.map((i) => `${quoteId(valid[i].name)} = ?`).join(' AND ')}`
    : `INSERT INTO ${table} (${valid.map((c) => quoteId(c.name)).join(', ')}) VALUES (${valid.map(() => '?').join(', ')})${opts.ttl >= 0 ? ` USING TTL ${opts.ttl}` : ''}`;
  const order = isCounter ? [...valid.map((_, i) => i).filter((i) => !pkIdx.includes(i)), ...pkIdx] : valid.map((_, i) => i);

  let parseErrors = 0;
  let insertErrors = 0;
  let imported = 0;
  let stop = false;
  const exceeded = async (): Promise<boolean> => {
    if (opts.maxInsertErrors >= 0 && insertErrors > opts.maxInsertErrors) {
      await ctx.err(`Exceeded maximum number of insert errors ${opts.maxInsertErrors}`);
      return true;
    }
    if (opts.maxParseErrors >= 0 && parseErrors > opts.maxParseErrors) {
      await ctx.err(`Exceeded maximum number of parse errors ${opts.maxParseErrors}`);
      return true;
    }
    return false;
  };

  /** one record → driver values for the statement, or throws ParseError */
  const keep = (_: unknown, i: number) => !skippedIdx.has(i);
  const convert = (r: CsvRecord): { values: unknown[]; key: string } => {
    const fields = skipped.size ? r.fields.filter(keep) : r.fields;
    if (fields.length !== valid.length) throw new ParseError(`Invalid row length ${fields.length} should be ${valid.length}`);
    const quoted = skipped.size ? r.quoted.filter(keep) : r.quoted;
    for (const i of pkIdx) {
      if (fields[i] === opts.nullText && !(quoted[i] && fields[i] === '' && isText(valid[i].type.kind))) {
        throw new ParseError(`Cannot insert null value for primary key column '${valid[i].name}'.${opts.nullText === '' ? ' If you want to insert empty strings, consider using the WITH NULL=<marker> option for COPY.' : ''}`);
      }
    }
    const values: CqlValue[] = new Array(valid.length);
    for (let i = 0; i < valid.length; i++) {
      const v = fields[i];
      if (v === opts.nullText && !(v === '' && quoted[i] && isText(valid[i].type.kind))) {
        values[i] = isCounter && !pkIdx.includes(i) ? 0n : null;
        continue;
      }
      try {
        values[i] = convs[i](v);
      } catch (e) {
        if (v === '') {
          values[i] = null;
          continue;
        }
        throw new ParseError(`Failed to parse ${v} : ${(e as Error).message}`);
      }
    }
    return { values: order.map((i) => toDriverParam(values[i], valid[i].type)), key: partIdx.map((i) => fields[i]).join('\u0000') };
  };

  // cqlsh lets each worker have 512 messages in flight; the server is the limit (retries absorb timeouts)
  const sem = new Semaphore(Math.min(1024, Math.max(64, opts.numProcesses * 256)));
  const limiter = new RateLimiter(opts.ingestRate);
  const send = async (batch: Pending): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        if (isCounter) for (const v of batch.values) await writeRows(ctx.session, cql, [v], { consistency: ctx.consistency, timeoutMs: 60_000 });
        else await writeRows(ctx.session, cql, batch.values, { consistency: ctx.consistency, timeoutMs: 60_000 });
        imported += batch.values.length;
        meter.add(batch.values.length);
        return;
      } catch (e) {
        const [name, msg] = errorParts(e);
        const n = batch.values.length;
        if (attempt < opts.maxAttempts && !ctx.signal.aborted) {
          await ctx.err(`Failed to import ${n} rows: ${name} - ${msg},  will retry later, attempt ${attempt} of ${opts.maxAttempts}`);
          await sleep(backoffMs(isRetryable(e) ? attempt + 2 : attempt), ctx.signal);
          continue;
        }
        insertErrors += n;
        failRows(batch.raw);
        await ctx.err(`Failed to import ${n} rows: ${name} - ${msg},  given up after ${attempt} attempts`);
        if (await exceeded()) stop = true;
        return;
      }
    }
  };
  const inflight: Set<Promise<void>> = new Set();
  const dispatch = async (b: Pending) => {
    await limiter.take(b.values.length, ctx.signal);
    await sem.acquire();
    const p: Promise<void> = send(b).finally(() => {
      sem.release();
      inflight.delete(p);
    });
    inflight.add(p);
  };

  // a chunk: CHUNKSIZE records, grouped by partition into batches of at most MAXBATCHSIZE
  let chunk = new Map<string, Pending>();
  let chunkErrors = new Map<string, string[]>();
  let chunkRows = 0;
  const flush = async () => {
    for (const [msg, raws] of chunkErrors) {
      parseErrors += raws.length;
      failRows(raws);
      await ctx.err(`Failed to import ${raws.length} rows: ParseError - ${msg},  given up without retries`);
    }
    chunkErrors = new Map();
    if (await exceeded()) stop = true;
    const groups = [...chunk.values()];
    chunk = new Map();
    chunkRows = 0;
    if (stop) return;
    for (const g of groups) {
      for (let i = 0; i < g.values.length; i += opts.maxBatchSize) {
        if (ctx.signal.aborted || stop) return;
        await dispatch({ raw: g.raw.slice(i, i + opts.maxBatchSize), values: g.values.slice(i, i + opts.maxBatchSize) });
      }
    }
  };

  let read = 0;
  let skippedRows = 0;
  let files = 0;
  outer: for (const src of sources) {
    files++;
    const reader = new CsvReader(opts.dialect);
    let first = true;
    const records = async function* (): AsyncGenerator<CsvRecord> {
      for await (const line of src.lines()) {
        const r = reader.push(line);
        if (r) yield r;
      }
      const r = reader.end();
      if (r) yield r;
    };
    for await (const r of records()) {
      if (ctx.signal.aborted || stop) break outer;
      if (first && opts.header) {
        first = false;
        continue;
      }
      first = false;
      read++;
      if (opts.maxRows >= 0 && read > opts.maxRows) break outer;
      if (read <= opts.skipRows) {
        skippedRows++;
        continue;
      }
      try {
        const { values, key } = convert(r);
        const g = chunk.get(key);
        if (g) {
          g.raw.push(r.raw);
          g.values.push(values);
        } else chunk.set(key, { raw: [r.raw], values: [values] });
      } catch (e) {
        const msg = e instanceof ParseError ? e.message : String((e as Error).message ?? e);
        const list = chunkErrors.get(msg) ?? [];
        list.push(r.raw);
        chunkErrors.set(msg, list);
      }
      if (++chunkRows >= opts.chunkSize) await flush();
    }
  }
  if (!ctx.signal.aborted) await flush();
  if (!ctx.signal.aborted) await drain();
  while (inflight.size) await Promise.all([...inflight]);
  meter.maybeUpdate(true);
  if (failedRows) await ctx.err(`Failed to process ${failedRows} rows; failed rows written to ${opts.errFile}`);
  if (ctx.signal.aborted) await ctx.err(`Interrupted: ${imported} rows written.`);
  await ctx.say(`\n${imported} rows imported from ${files} files in ${describeInterval((Date.now() - start) / 1000)} (${skippedRows} skipped).`);
}

function isText(kind: string): boolean {
  return kind === 'text' || kind === 'varchar' || kind === 'ascii';
}
