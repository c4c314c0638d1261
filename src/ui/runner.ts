// Runs what the user submitted, statement by statement, through the engine: output printed once
// (above the prompt), ---MORE--- between pages, Ctrl-C stopping the statement at once (the
// driver's request is dropped, not awaited).
import type { SplitEvent } from '../cql/splitter.js';
import { Printer } from '../output/printer.js';
import type { Output } from '../shell/output.js';
import type { Shell } from '../shell/shell.js';
import type { PagerSink } from './pager.js';

export class StopPaging extends Error {}

/** What the REPL prints when Ctrl-C stopped a statement that had nothing more to say. */
export const CANCELLED = 'Query cancelled.';

/** How long a cancelled statement may take to wind down with its last words (COPY's summary). */
const WIND_DOWN_MS = 2000;

export interface RunnerIO {
  out(text: string): void;
  err(text: string): void;
  /** waits for the user at a ---MORE--- prompt; rejects with StopPaging on q or Ctrl-C */
  more(): Promise<void>;
  onKeyspace(keyspace: string | undefined): void;
  onStatementDone(ev: Extract<SplitEvent, { kind: 'statement' }>): void;
  /** the optional pager: output too wide (or tall) for the terminal goes through it */
  pager?: PagerSink;
  /** EDIT: opens the text in the user's editor and puts what is saved back at the prompt */
  edit?(text: string): Promise<void>;
}

/** What a face without an editor says to EDIT. */
export const NO_EDITOR = 'EDIT needs the full-screen shell: here tscqlsh writes to a pipe, not a terminal.';

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
      more: () => (io.pager?.takesOutput ? Promise.resolve() : io.more()),
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
    const cancelled = async (inFlight?: Promise<IteratorResult<Output>>): Promise<RunResult> => {
      await this.windDown(it, inFlight);
      return stop();
    };
    for (;;) {
      let r: IteratorResult<Output> | 'aborted';
      const next = it.next();
      try {
        r = await Promise.race([next, aborted]);
      } catch (e) {
        if (signal.aborted) return cancelled();
        await this.printer.print({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
        return 'ok';
      }
      if (r === 'aborted') return cancelled(next);
      if (r.done) return 'ok';
      const out = r.value;
      if (out.kind === 'exit') return 'exit';
      if (out.kind === 'keyspace') this.io.onKeyspace(out.keyspace);
      if (out.kind === 'edit') {
        if (this.io.edit) await this.io.edit(out.text);
        else await this.printer.print({ kind: 'error', message: NO_EDITOR });
        continue;
      }
      try {
        const p = await Promise.race([this.printer.print(out).then(() => 'printed' as const), aborted]);
        if (p === 'aborted') return cancelled();
        if (this.io.pager?.stopped) return stop();
      } catch (e) {
        // q or Ctrl-C at ---MORE---: the user stopped reading, nothing more to say
        if (e instanceof StopPaging) return stop();
        throw e;
      }
    }
  }

  /**
   * After Ctrl-C: what the statement still says as it stops (COPY's "Interrupted: N rows
   * written." and its summary) is printed, for a short while at most; if it says nothing, the
   * REPL says it was cancelled.
   */
  private async windDown(it: AsyncIterator<Output>, inFlight?: Promise<IteratorResult<Output>>): Promise<void> {
    const deadline = Date.now() + WIND_DOWN_MS;
    let said = false;
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()))));
      // (the request already made is answered first)
      const next = inFlight ?? it.next();
      inFlight = undefined;
      let r: IteratorResult<Output> | 'late';
      try {
        r = await Promise.race([next, late]);
      } catch {
        r = 'late';
      } finally {
        clearTimeout(timer);
      }
      if (r === 'late' || r.done || r.value.kind === 'exit') break;
      if (r.value.kind === 'page' || r.value.kind === 'static') continue;
      try {
        await this.printer.print(r.value);
        said = true;
      } catch {
        break;
      }
    }
    if (!said) await this.printer.print({ kind: 'text', text: CANCELLED });
  }
}
