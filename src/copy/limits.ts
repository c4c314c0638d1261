// Flow control for COPY: a counting semaphore (bounded concurrency and back-pressure), a
// token-bucket rate limiter (INGESTRATE) and retry backoff.

export class Semaphore {
  private waiting: (() => void)[] = [];
  private idle: (() => void)[] = [];
  active = 0;

  constructor(private readonly max: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else {
      this.active--;
      if (this.active === 0) for (const r of this.idle.splice(0)) r();
    }
  }

  /** Resolves once nothing holds the semaphore. */
  async drain(): Promise<void> {
    if (this.active === 0) return;
    await new Promise<void>((r) => this.idle.push(r));
  }
}

/** Allows about `perSecond` units a second, in bursts of up to a tenth of a second's worth. */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly perSecond: number) {
    this.tokens = this.burst;
  }

  private get burst(): number {
    return Math.max(1, this.perSecond / 10);
  }

  async take(n: number, signal?: AbortSignal): Promise<void> {
    if (this.perSecond <= 0) return;
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(Math.max(this.burst, n), this.tokens + ((now - this.last) * this.perSecond) / 1000);
      this.last = now;
      if (this.tokens >= n || signal?.aborted) {
        this.tokens -= n;
        return;
      }
      await sleep(Math.ceil(((n - this.tokens) * 1000) / this.perSecond), signal);
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Exponential backoff with jitter: ~100 ms, 200 ms, ... capped at 10 s. */
export function backoffMs(attempt: number): number {
  const base = Math.min(10_000, 100 * 2 ** Math.max(0, attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}
