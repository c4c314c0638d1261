// How the process ends, whatever state the driver or the output streams are in: a run's result is
// an exit code or the signal that stopped it; the session is closed with a deadline; stdout and
// stderr are flushed (a closed pipe counts as flushed); then the process exits explicitly (a
// driver's reconnection timer or a half-open socket never keeps it alive) or dies of the signal
// it was stopped by, as Unix programs do. Used by cli.ts and run.ts only.
import os from 'node:os';

/** How a run ended: an exit code, or the signal that stopped it (re-raised at exit). */
export type RunResult = number | { signal: NodeJS.Signals };

/** the time a session gets to close before the process goes without it */
export const CLOSE_DEADLINE_MS = 750;

/** after a stopping signal, the process is gone by then whatever else is going on */
export const STOP_DEADLINE_MS = 1500;

/** Waits for `work`, at most `ms`; its failure is ignored. */
export async function within(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** Resolves once everything written to the stream has gone out (or it cannot go anywhere). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('error', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('error', done).on('close', done);
  });
}

let guarded = false;

/**
 * No write to a closed stdout or stderr ever crashes the process with an unhandled 'error'
 * (EPIPE, EIO once the terminal is gone): the faces notice a closed stdout on their own
 * (batch mode reports it per statement, as cqlsh does).
 */
export function guardStdio(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
}

/** Gives a terminal back as the REPL found it (cooked mode, no bracketed paste), after a failure it could not handle. */
export function restoreTerminal(): void {
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    if (process.stdout.isTTY) process.stdout.write('\x1b[?2004l');
  } catch {
    // the terminal is gone
  }
}

/** One line about an error that escaped everything else; the stack only with --debug. */
export function describeFatal(e: unknown, debug = false): string {
  if (debug && e instanceof Error && e.stack) return `tscqlsh: ${e.stack}`;
  return `tscqlsh: ${e instanceof Error ? e.message : String(e)}`;
}

/** Flushes stdout and stderr, then exits with the code, or dies of the signal. */
export async function exitWith(result: RunResult): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  if (typeof result === 'number') process.exit(result);
  const { signal } = result;
  // our handlers go, so the signal's default action ends the process as the caller expects
  // (a shell stops its script when a child died of SIGINT)
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
  await new Promise((resolve) => setTimeout(resolve, 200));
  process.exit(128 + (os.constants.signals[signal] ?? 0));
}
