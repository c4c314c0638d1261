// The progress line (cqlsh's RateMeter): rows so far, the current and average rate, and for a
// known input size the percent done and an ETA. Shown only where the face gives a `show` hook
// (a terminal); every update also goes to RATEFILE when one is set.
import fs from 'node:fs';

export class RateMeter {
  private readonly start = Date.now();
  private last = this.start;
  private pending = 0;
  private rate = 0;
  total = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly show: ((line: string | null) => void) | undefined,
    private readonly rateFile: string,
    /** fraction of the input read so far, when known */
    private readonly fraction?: () => number | undefined,
  ) {
    if (rateFile) fs.rmSync(rateFile, { force: true });
  }

  add(n: number): void {
    this.pending += n;
    this.maybeUpdate(false);
  }

  /** Flushes the count; `final` also clears the line. */
  maybeUpdate(final: boolean): void {
    const now = Date.now();
    const dt = now - this.last;
    if (!final && (this.pending === 0 || dt < this.intervalMs)) return;
    if (dt > 0) {
      const r = (this.pending * 1000) / dt;
      this.rate = this.rate === 0 ? r : (this.rate + r) / 2;
    }
    this.last = now;
    this.total += this.pending;
    this.pending = 0;
    const line = this.line(now);
    if (this.rateFile) fs.appendFileSync(this.rateFile, line + '\n');
    if (!this.show) return;
    if (final) this.show(null);
    else this.show(line);
  }

  private line(now: number): string {
    const elapsed = (now - this.start) / 1000;
    const avg = elapsed > 0 ? this.total / elapsed : 0;
    const pad = (x: number) => Math.round(x).toString().padStart(7);
    let s = `Processed: ${this.total} rows; Rate: ${pad(this.rate)} rows/s; Avg. rate: ${pad(avg)} rows/s`;
    const f = this.fraction?.();
    if (f !== undefined && f > 0) {
      const eta = elapsed / f - elapsed;
      s += `; ${(Math.min(f, 1) * 100).toFixed(1)}%; ETA ${Math.max(0, Math.round(eta))} s`;
    }
    return s;
  }
}
