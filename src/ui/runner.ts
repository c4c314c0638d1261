// Runs what the user submitted, statement by statement, through the engine: output printed once
// (above the prompt), ---MORE--- between pages, Ctrl-C stopping the statement at once (the
// driver's request is dropped, not awaited).
import type { SplitEvent } from '../cql/splitter.js';
import { Printer } from '../output/printer.js';
import type { Output } from '../shell/output.js';
import type { Shell } from '../shell/shell.js';
import type { PagerSink } from './pager.js';

export class StopPaging extends Error {}

export interface RunnerIO {
  out(text: string): void;
  err(text: string): void;
  /** waits for the user at a ---MORE--- prompt; rejects with StopPaging on q or Ctrl-C */
  more(): Promise<void>;
  onKeyspace(keyspace: string | undefined): void;
  onStatementDone(ev: Extract<SplitEvent, { kind: 'statement' }>): void;
  /** the optional pager: query output goes through it instead of ---MORE--- */
  pager?: PagerSink;
}

export type RunResult = 'ok' | 'aborted' | 'exit';

export class Runner {
  readonly printer: Printer;

  constructor(
    private readonly shell: Shell,
    private readonly io: RunnerIO,
    color: boolean,
  ) {
    this.printer = new Printer({
      out: { write: (s: string) => (io.pager ? io.pager.write(s) : io.out(s)) },
      err: { write: (s: string) => io.err(s) },
      color,
      tty: true,
      errorPrefix: () => '',
      state: shell.state,
      more: () => (io.pager ? Promise.resolve() : io.more()),
    });
  }

  async runAll(events: SplitEvent[], signal: AbortSignal): Promise<RunResult> {
    for (const ev of events) {
      if (signal.aborted) return 'aborted';
      if (ev.kind === 'syntax-error') {
        for (const line of ev.lines) await this.printer.print({ kind: 'error', message: line });
        continue;
      }
      if (ev.kind === 'incomplete') continue;
      let r: RunResult;
      try {
        r = await this.runOne(ev.text, signal);
      } finally {
        await this.io.pager?.end();
      }
      if (r !== 'ok') return r;
      this.io.onStatementDone(ev);
    }
    return 'ok';
  }

  private async runOne(text: string, signal: AbortSignal): Promise<RunResult> {
    const it = this.shell.run(text, signal)[Symbol.asyncIterator]();
    const aborted = new Promise<'aborted'>((resolve) => {
      if (signal.aborted) resolve('aborted');
      signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    const stop = (): RunResult => {
      void Promise.resolve(it.return?.(undefined)).catch(() => {});
      return 'aborted';
    };
    for (;;) {
      let r: IteratorResult<Output> | 'aborted';
      try {
        r = await Promise.race([it.next(), aborted]);
      } catch (e) {
        if (signal.aborted) return 'aborted';
        await this.printer.print({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
        return 'ok';
      }
      if (r === 'aborted') return stop();
      if (r.done) return 'ok';
      const out = r.value;
      if (out.kind === 'exit') return 'exit';
      if (out.kind === 'keyspace') this.io.onKeyspace(out.keyspace);
      try {
        const p = await Promise.race([this.printer.print(out).then(() => 'printed' as const), aborted]);
        if (p === 'aborted' || this.io.pager?.stopped) return stop();
      } catch (e) {
        if (e instanceof StopPaging) return stop();
        throw e;
      }
    }
  }
}
