// COPY FROM, in named stages: read (import-read.ts: files one after the other, or stdin up to a
// line holding ".", parsed as CSV records) → parse/convert (import-plan.ts: the statement and
// each record's values) → batch by token range (import-batch.ts: rows whose partitions share a
// token range, hence their replicas; small groups by their first replica; without a token map, by
// partition) → write with retries (import-write.ts: a prepared statement, or CQL text with
// PREPAREDSTATEMENTS=False, under bounded concurrency, INGESTRATE and backoff) → report
// (import-report.ts: rows that fail to parse or to insert go to the error file exactly as read;
// the summary counts what was written).
import { writeRows, writeTexts } from '../db/bulk.js';
import { keySerializer, loadRing, murmur3, ringPosition, tokenHi, tokenLo } from '../db/ring.js';
import { Routing, type Via } from '../db/routing.js';
import type { Session } from '../db/session.js';
import { capYoungGeneration } from '../memory.js';
import type { CopyContext } from './context.js';
import { ParseError } from './convert.js';
import { rowParams } from './encode.js';
import { Chunk, splitIntoBatches, type Batch } from './import-batch.js';
import { importColumns, importStatement, rowConverter, type KeyOf } from './import-plan.js';
import { fileInputs, inputRecords, stdinInputs, type Inputs, type ReadCounts } from './import-read.js';
import { ImportReport, summary } from './import-report.js';
import { BatchWriter } from './import-write.js';
import { RateMeter } from './progress.js';

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
  const { opts, st, info, session, signal } = ctx;
  const start = Date.now();
  const cols = importColumns(ctx.columns, info, opts);
  if (typeof cols === 'string') return ctx.err(cols);
  const { valid } = cols;

  // read: the inputs
  const starting = `\nStarting copy of ${ctx.ks}.${st.table} with columns [${valid.map((c) => c.name).join(', ')}].`;
  let inputs: Inputs;
  if (st.file !== undefined) {
    const files = fileInputs(st.file, opts.encoding);
    await ctx.say(starting);
    if (typeof files === 'string') {
      await ctx.err(`Failed to import 0 rows: ${files},  given up after 1 attempts`);
      await ctx.say(summary(0, 0, (Date.now() - start) / 1000, 0));
      return;
    }
    inputs = files;
  } else {
    await ctx.say(starting);
    if (!ctx.readLine) return ctx.err('COPY FROM STDIN needs an input to read from');
    await ctx.say('[Use . on a line by itself to end input]');
    inputs = stdinInputs(ctx.readLine);
  }
  const totalBytes = inputs.sources.reduce((n, s) => n + (s.size ?? 0), 0);
  const meter = new RateMeter(opts.reportFrequency * 1000, ctx.progress, opts.rateFile, totalBytes ? () => inputs.read.bytes / totalBytes : undefined);
  const report = new ImportReport(opts, (t) => ctx.err(t));

  // parse/convert: the statement, and the ring that groups rows by the range their partition
  // falls in (cqlsh's TokenMap); without one (Keyspaces, another partitioner, a key type not
  // serialized here) rows group by partition
  const stmt = importStatement(ctx.ks, st.table, valid, info, opts);
  const serialize = stmt.isCounter
    ? null
    : keySerializer(
        stmt.partIdx.map((i) => valid[i].type),
        stmt.partIdx,
      );
  // token-aware (the default; TSCQLSH_COPY_ROUTING=0 turns it off): each batch goes to a replica of
  // its range in the local data center (db/routing.ts), whose ring then groups the rows
  const routing = serialize && process.env.TSCQLSH_COPY_ROUTING !== '0' ? await openRouting(session, ctx.ks) : null;
  const loaded = routing ? routing.ring : serialize ? await loadRing(session) : null;
  const ring = loaded && serialize ? loaded : null;
  const keyOf: KeyOf =
    ring && serialize
      ? (values) => {
          const k = serialize(values);
          murmur3(k.buf, k.len);
          return ringPosition(ring, tokenHi, tokenLo);
        }
      : null;
  const convert = rowConverter(cols, stmt, opts, { ks: ctx.ks, table: st.table }, keyOf);

  // write: requests in flight: enough rows in flight to keep the server busy (about 2,000 a
  // process, 64..1024 requests), few enough that the rows waiting for replies stay small
  const perRequest = Math.max(1, ring ? opts.maxBatchSize : 1);
  const inFlight = Number(process.env.TSCQLSH_COPY_INFLIGHT) || Math.min(1024, Math.max(64, Math.ceil((opts.numProcesses * 2048) / perRequest)));
  const writeOpts = { consistency: ctx.consistency, timeoutMs: 60_000 };
  let requests = 0;
  /** where a batch goes this attempt: a live replica of its range (another one on a retry when there are several) */
  const route = (b: Batch): Via | undefined =>
    !routing ? undefined : b.pos !== undefined ? routing.viaPosition(b.pos) : b.host !== undefined ? routing.viaHost(b.host) : undefined;
  const write = async (b: Batch): Promise<void> => {
    requests += stmt.isCounter ? b.values.length : 1;
    const wo = routing ? { ...writeOpts, via: route(b) } : writeOpts;
    if (stmt.isCounter) for (const v of b.values) await writeRows(session, stmt.cql, [v as unknown[]], wo);
    else if (stmt.literal) await writeTexts(session, b.values as string[], wo);
    else
      await writeRows(
        session,
        stmt.cql,
        b.values.map((v) => (Buffer.isBuffer(v) ? rowParams(v, valid.length) : (v as unknown[]))),
        wo,
      );
  };
  const writer = new BatchWriter(write, { maxAttempts: opts.maxAttempts, inFlight, ingestRate: opts.ingestRate, isCounter: stmt.isCounter, signal }, report, {
    err: (t) => ctx.err(t),
    written: (n) => meter.add(n),
  });
  const stopped = () => signal.aborted || writer.stopped;

  // batch by token range: a chunk of CHUNKSIZE records at a time
  let chunk = new Chunk();
  const flush = async () => {
    capYoungGeneration(IMPORT_SEMI_SPACE);
    const { groups, errors } = chunk;
    chunk = new Chunk();
    await report.parseFailed(errors);
    if (await report.exceeded()) writer.stopped = true;
    if (writer.stopped) return;
    const placement = ring ? { replicaOf: (pos: number) => (routing ? routing.replicaIndexOf(pos) : ring.owner[pos]), routed: routing !== null } : null;
    for (const b of splitIntoBatches(groups, opts, placement)) {
      if (stopped()) return;
      await writer.dispatch(b);
    }
  };

  const counts: ReadCounts = { files: 0, skipped: 0 };
  outer: for await (const recs of inputRecords(inputs.sources, opts, counts)) {
    for (const r of recs) {
      if (stopped()) break outer;
      try {
        const { values, key } = convert(r);
        chunk.add(key, { raw: r.raw, values });
      } catch (e) {
        chunk.fail(e instanceof ParseError ? e.message : String((e as Error).message ?? e), r.raw);
      }
      if (chunk.size >= opts.chunkSize) await flush();
    }
  }
  if (!signal.aborted) await flush();
  if (!signal.aborted) await inputs.drain();
  await writer.drain();
  meter.maybeUpdate(true);

  // report
  // a test hook: how the rows went out
  if (process.env.TSCQLSH_COPY_STATS) {
    await ctx.err(
      `[copy stats] requests=${requests} ring=${ring ? ring.hi.length : 0} failed=${writer.failedAttempts}${routing ? ` ${routing.describe()}` : ''}`,
    );
  }
  const seconds = (Date.now() - start) / 1000;
  await report.finish({ imported: writer.imported, files: counts.files, skipped: counts.skipped, seconds, interrupted: signal.aborted }, (t) => ctx.say(t));
}
