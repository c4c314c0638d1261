// COPY FROM: records parsed as a stream (files one after the other, or stdin up to a line
// holding "."), converted, grouped as cqlsh groups them (by ring position: rows whose partitions
// share a token range, hence their replicas; small groups by their first replica; without a token
// map, by partition) into unlogged batches, written with a prepared statement (or as CQL text with
// PREPAREDSTATEMENTS=False) under bounded concurrency, INGESTRATE and retries with backoff. Rows
// that fail to parse or to insert go to the error file exactly as read; the summary counts what
// was written.
import fs from 'node:fs';
import type { CqlValue } from '../cql/types.js';
import { errorParts, isRetryable, quoteId, writeRows, writeTexts } from '../db/bulk.js';
import { keySerializer, loadRing, murmur3, ringPosition, tokenHi, tokenLo } from '../db/ring.js';
import type { Session } from '../db/session.js';
import { Routing, type Via } from '../db/routing.js';
import type { CopyContext } from './context.js';
import { converter, ParseError } from './convert.js';
import { CsvReader, type CsvRecord } from './csv.js';
import { simpleQuotedRecord } from './csv-fast.js';
import { decodedFileSource, decoderFor } from './decode.js';
import { paramEncoder, rowEncoder, rowParams } from './encode.js';
import { backoffMs, RateLimiter, Semaphore, sleep } from './limits.js';
import { capYoungGeneration } from '../memory.js';
import { describeInterval } from './options.js';
import { RateMeter } from './progress.js';
import { cqlLiteral } from './literal.js';
import { resolveSources, stdinSource, type Source } from './sources.js';

interface Pending {
  raw: string[];
  /** per row: its bound values, or its values encoded in one Buffer (rowEncoder), or (PREPAREDSTATEMENTS=False) its statement text */
  values: (unknown[] | Buffer | string)[];
  /** token-aware: the ring position all its rows fall in, or the replica (routing's host index) they were grouped by */
  pos?: number;
  host?: number;
}

/** a converted row and where it goes: its ring position, or its partition key text without a ring */
interface Row {
  raw: string;
  values: unknown[] | Buffer | string;
}

/**
 * An import allocates fast and keeps little: its young generation stops growing at 4 MB
 * semi-spaces (src/memory.ts), which costs it no measurable CPU and saves ~150 MB of RSS.
 */
const IMPORT_SEMI_SPACE = 4 * 1024 * 1024;

export async function runImport(ctx: CopyContext): Promise<void> {
  await Routing.scope((openRouting) => importRows(ctx, openRouting));
}

/** runImport's work; routing it opens is closed when it ends. */
async function importRows(ctx: CopyContext, openRouting: (session: Session, keyspace: string) => Promise<Routing | null>): Promise<void> {
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
    const decoder = decoderFor(opts.encoding);
    sources = typeof names === 'string' || !decoder ? [] : names.map((n) => decodedFileSource(n, progressRead, decoder));
    await ctx.say(`\nStarting copy of ${ctx.ks}.${st.table} with columns [${valid.map((c) => c.name).join(', ')}].`);
    if (typeof names === 'string' || !decoder) {
      await ctx.err(`Failed to import 0 rows: ${typeof names === 'string' ? `OSError - ${names}` : `LookupError - unknown encoding: ${opts.encoding}`},  given up after 1 attempts`);
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
  // PREPAREDSTATEMENTS=False: each row an INSERT with literal values (counters stay prepared)
  const literal = !opts.preparedStatements && !isCounter;
  const textHead = `INSERT INTO ${table} (${valid.map((c) => quoteId(c.name)).join(', ')}) VALUES (`;
  const textTail = `)${opts.ttl >= 0 ? ` USING TTL ${opts.ttl}` : ''}`;
  // the token ring groups rows by the range their partition falls in (cqlsh's TokenMap); without
  // one (Keyspaces, another partitioner, a key type not serialized here) rows group by partition
  const serialize = isCounter ? null : keySerializer(partIdx.map((i) => valid[i].type), partIdx);
  // token-aware (the default; TSCQLSH_COPY_ROUTING=0 turns it off): each batch goes to a replica of
  // its range in the local data center (db/routing.ts), whose ring then groups the rows
  const routing = serialize && process.env.TSCQLSH_COPY_ROUTING !== '0' ? await openRouting(ctx.session, ctx.ks) : null;
  const ring = routing ? routing.ring : serialize ? await loadRing(ctx.session) : null;
  const byRing = ring !== null && serialize !== null;
  // bound values as their bytes, encoded here (the driver sends Buffers as they are)
  const encoders = order.map((i) => paramEncoder(valid[i].type));
  const encodeRow = isCounter || literal ? null : rowEncoder(valid.map((c) => c.type));

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
  const convert = (r: CsvRecord): { values: unknown[] | Buffer | string; key: string | number } => {
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
    let key: string | number;
    if (byRing) {
      const k = serialize!(values);
      murmur3(k.buf, k.len);
      key = ringPosition(ring!, tokenHi, tokenLo);
    } else key = partIdx.length === 1 ? fields[partIdx[0]] : partIdx.map((i) => fields[i]).join('\u0000');
    if (literal) {
      let text = textHead;
      for (let i = 0; i < values.length; i++) text += (i ? ', ' : '') + cqlLiteral(values[i], valid[i].type);
      return { values: text + textTail, key };
    }
    if (encodeRow) return { values: encodeRow(values), key };
    const params = new Array<unknown>(order.length);
    for (let j = 0; j < order.length; j++) params[j] = encoders[j](values[order[j]]);
    return { values: params, key };
  };

  // requests in flight: enough rows in flight to keep the server busy (about 2,000 a process,
  // 64..1024 requests), few enough that the rows waiting for replies stay small
  const inFlight = Number(process.env.TSCQLSH_COPY_INFLIGHT) || Math.min(1024, Math.max(64, Math.ceil((opts.numProcesses * 2048) / Math.max(1, byRing ? opts.maxBatchSize : 1))));
  const sem = new Semaphore(inFlight);
  const writeOpts = { consistency: ctx.consistency, timeoutMs: 60_000 };
  const limiter = new RateLimiter(opts.ingestRate);
  let requests = 0;
  let failedAttempts = 0;
  /** where a batch goes this attempt: a live replica of its range (another one on a retry when there are several) */
  const route = (batch: Pending): Via | undefined =>
    !routing ? undefined : batch.pos !== undefined ? routing.viaPosition(batch.pos) : batch.host !== undefined ? routing.viaHost(batch.host) : undefined;
  const send = async (batch: Pending): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      requests += isCounter ? batch.values.length : 1;
      try {
        const wo = routing ? { ...writeOpts, via: route(batch) } : writeOpts;
        if (isCounter) for (const v of batch.values) await writeRows(ctx.session, cql, [v as unknown[]], wo);
        else if (literal) await writeTexts(ctx.session, batch.values as string[], wo);
        else await writeRows(ctx.session, cql, batch.values.map((v) => (Buffer.isBuffer(v) ? rowParams(v, valid.length) : (v as unknown[]))), wo);
        imported += batch.values.length;
        meter.add(batch.values.length);
        return;
      } catch (e) {
        failedAttempts++;
        const [name, msg] = errorParts(e);
        const n = batch.values.length;
        if (n > 1 && !isCounter && !isRetryable(e) && !ctx.signal.aborted) {
          // the data is at fault (a bad value, a key too long): the rows go again one by one, so
          // that only the bad ones end in the error file
          await ctx.err(`Failed to import ${n} rows: ${name} - ${msg},  will retry later, attempt ${attempt} of ${opts.maxAttempts}`);
          await Promise.all(batch.values.map((v, i) => send({ raw: [batch.raw[i]], values: [v], pos: batch.pos, host: batch.host })));
          return;
        }
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

  // a chunk: CHUNKSIZE records, grouped by ring position (or partition) into batches of at most MAXBATCHSIZE
  let chunk = new Map<string | number, Row[]>();
  let chunkErrors = new Map<string, string[]>();
  let chunkRows = 0;
  const flush = async () => {
    capYoungGeneration(IMPORT_SEMI_SPACE);
    for (const [msg, raws] of chunkErrors) {
      parseErrors += raws.length;
      failRows(raws);
      await ctx.err(`Failed to import ${raws.length} rows: ParseError - ${msg},  given up without retries`);
    }
    chunkErrors = new Map();
    if (await exceeded()) stop = true;
    const groups = chunk;
    chunk = new Map();
    chunkRows = 0;
    if (stop) return;
    for (const { rows, pos, host } of splitIntoBatches(groups)) {
      if (ctx.signal.aborted || stop) return;
      await dispatch({ raw: rows.map((r) => r.raw), values: rows.map((r) => r.values), pos, host });
    }
  };
  /**
   * cqlsh's split_into_batches: a ring position with more than MINBATCHSIZE rows goes in batches of
   * MAXBATCHSIZE; the other rows are put together by a replica (token-aware: a live one of the
   * local data center, taking turns; else the range's first replica). Without a ring a group is
   * one partition.
   */
  const splitIntoBatches = function* (groups: Map<string | number, Row[]>): Generator<{ rows: Row[]; pos?: number; host?: number }> {
    const max = Math.max(1, opts.maxBatchSize);
    const byReplica = new Map<number, Row[]>();
    for (const [key, rows] of groups) {
      const pos = byRing ? (key as number) : undefined;
      if (pos !== undefined && rows.length <= opts.minBatchSize) {
        const replica = routing ? routing.replicaIndexOf(pos) : ring!.owner[pos];
        const list = byReplica.get(replica);
        if (list) for (const r of rows) list.push(r);
        else byReplica.set(replica, rows);
        continue;
      }
      for (let i = 0; i < rows.length; i += max) yield { rows: rows.slice(i, i + max), pos };
    }
    for (const [replica, rows] of byReplica) for (let i = 0; i < rows.length; i += max) yield { rows: rows.slice(i, i + max), host: routing ? replica : undefined };
  };

  let read = 0;
  let skippedRows = 0;
  let files = 0;
  outer: for (const src of sources) {
    files++;
    const reader = new CsvReader(opts.dialect);
    let first = true;
    // records a read at a time: one await per read of the input, not per row
    const quote = opts.dialect.quote;
    let mid = false; // inside a record that spans lines
    const records = async function* (): AsyncGenerator<CsvRecord[]> {
      const batches = (src as Source & { lineBatches?: () => AsyncGenerator<string[]> }).lineBatches?.();
      if (batches) {
        for await (const lines of batches) {
          const out: CsvRecord[] = [];
          for (const line of lines) {
            let r = mid || line.indexOf(quote) < 0 ? null : simpleQuotedRecord(line, opts.dialect);
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
    };
    for await (const recs of records()) {
      for (const r of recs) {
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
          if (g) g.push({ raw: r.raw, values });
          else chunk.set(key, [{ raw: r.raw, values }]);
        } catch (e) {
          const msg = e instanceof ParseError ? e.message : String((e as Error).message ?? e);
          const list = chunkErrors.get(msg) ?? [];
          list.push(r.raw);
          chunkErrors.set(msg, list);
        }
        if (++chunkRows >= opts.chunkSize) await flush();
      }
    }
  }
  if (!ctx.signal.aborted) await flush();
  if (!ctx.signal.aborted) await drain();
  while (inflight.size) await Promise.all([...inflight]);
  meter.maybeUpdate(true);
  // a test hook: how the rows went out
  if (process.env.TSCQLSH_COPY_STATS) await ctx.err(`[copy stats] requests=${requests} ring=${byRing ? ring!.hi.length : 0} failed=${failedAttempts}${routing ? ` ${routing.describe()}` : ''}`);
  if (failedRows) await ctx.err(`Failed to process ${failedRows} rows; failed rows written to ${opts.errFile}`);
  if (ctx.signal.aborted) await ctx.err(`Interrupted: ${imported} rows written.`);
  await ctx.say(`\n${imported} rows imported from ${files} files in ${describeInterval((Date.now() - start) / 1000)} (${skippedRows} skipped).`);
}

function isText(kind: string): boolean {
  return kind === 'text' || kind === 'varchar' || kind === 'ascii';
}
