// COPY FROM, stage "write with retries": batches sent under bounded concurrency and INGESTRATE;
// a failed batch is retried with backoff up to MAXATTEMPTS, a batch the data is at fault for goes
// again row by row (so that only the bad rows end in the error file), and rows given up on are
// reported.
import { errorParts, isRetryable } from '../db/bulk.js';
import type { Batch } from './import-batch.js';
import type { ImportReport } from './import-report.js';
import { backoffMs, RateLimiter, Semaphore, sleep } from './limits.js';

export interface WriterOptions {
  maxAttempts: number;
  /** requests in flight at most */
  inFlight: number;
  /** rows a second at most (INGESTRATE) */
  ingestRate: number;
  /** a counter table: rows go one by one, never split and resent */
  isCounter: boolean;
  signal: AbortSignal;
}

export class BatchWriter {
  imported = 0;
  /** attempts that failed (retried or not) */
  failedAttempts = 0;
  /** an error limit was passed: nothing more is sent */
  stopped = false;
  private readonly sem: Semaphore;
  private readonly limiter: RateLimiter;
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    /** sends one batch (one attempt) */
    private readonly write: (b: Batch) => Promise<void>,
    private readonly o: WriterOptions,
    private readonly report: ImportReport,
    private readonly hooks: { err(text: string): Promise<void>; written(rows: number): void },
  ) {
    this.sem = new Semaphore(o.inFlight);
    this.limiter = new RateLimiter(o.ingestRate);
  }

  /** Queues a batch: waits for the rate limit and a free request slot, then sends it. */
  async dispatch(b: Batch): Promise<void> {
    await this.limiter.take(b.values.length, this.o.signal);
    await this.sem.acquire();
    const p: Promise<void> = this.send(b).finally(() => {
      this.sem.release();
      this.inflight.delete(p);
    });
    this.inflight.add(p);
  }

  /** Waits for every batch sent. */
  async drain(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  private async send(batch: Batch): Promise<void> {
    const { o } = this;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.write(batch);
        this.imported += batch.values.length;
        this.hooks.written(batch.values.length);
        return;
      } catch (e) {
        this.failedAttempts++;
        const [name, msg] = errorParts(e);
        const n = batch.values.length;
        const failed = `Failed to import ${n} rows: ${name} - ${msg}`;
        if (n > 1 && !o.isCounter && !isRetryable(e) && !o.signal.aborted) {
          // the data is at fault (a bad value, a key too long): the rows go again one by one
          await this.hooks.err(`${failed},  will retry later, attempt ${attempt} of ${o.maxAttempts}`);
          await Promise.all(batch.values.map((v, i) => this.send({ raw: [batch.raw[i]], values: [v], pos: batch.pos, host: batch.host })));
          return;
        }
        if (attempt < o.maxAttempts && !o.signal.aborted) {
          await this.hooks.err(`${failed},  will retry later, attempt ${attempt} of ${o.maxAttempts}`);
          await sleep(backoffMs(isRetryable(e) ? attempt + 2 : attempt), o.signal);
          continue;
        }
        this.report.insertErrors += n;
        this.report.failRows(batch.raw);
        await this.hooks.err(`${failed},  given up after ${attempt} attempts`);
        if (await this.report.exceeded()) this.stopped = true;
        return;
      }
    }
  }
}
