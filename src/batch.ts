// The non-interactive face: statements from -e, -f or a piped stdin, results to stdout, errors to
// stderr as `<source>:<line>:<message>`, cqlsh's exit codes (2 when any statement failed).
// Never imports Ink or React.
import { executeText, LineReader, splitBuffer, StatementSplitter, type SplitEvent, type Statement } from './cql/splitter.js';
import { Printer, type Sink } from './output/printer.js';
import { Shell, type ShellFactory, type ShellIO } from './shell/shell.js';
import { osErrorPlain } from './util/errno.js';
import type { Output } from './shell/output.js';
import { unlessAborted } from './util/abort.js';

export type BatchInput =
  { kind: 'execute'; text: string } | { kind: 'file'; name: string; text: string } | { kind: 'stream'; name: string; stream: NodeJS.ReadableStream };

export interface BatchOptions {
  out: Sink;
  err: Sink;
  color: boolean;
  /** where COPY ... FROM STDIN reads when the statements come from -e or -f (the process's stdin, opened on first use) */
  stdin?: () => NodeJS.ReadableStream;
  /** stops the run (SIGINT): the statement running is dropped, nothing more is read */
  signal?: AbortSignal;
}

/** A stream's lines, shared by the splitter and COPY ... FROM STDIN (which takes the lines after its statement). */
class StreamLines {
  private readonly it: AsyncIterator<string>;
  private readonly reader = new LineReader('lf');
  private queue: string[] = [];
  private head = 0;
  private done = false;

  constructor(stream: NodeJS.ReadableStream) {
    stream.setEncoding?.('utf8');
    this.it = (stream as AsyncIterable<string>)[Symbol.asyncIterator]();
  }

  async next(): Promise<string | null> {
    while (this.head >= this.queue.length) {
      if (this.done) return null;
      const r = await this.it.next();
      this.queue = [];
      this.head = 0;
      if (r.done) {
        this.done = true;
        const last = this.reader.end();
        if (last !== null) this.queue.push(last);
      } else this.queue = this.reader.push(r.value);
    }
    return this.queue[this.head++];
  }
}

/**
 * The batch face's IO: COPY FROM STDIN reads the lines after its statement (or the real stdin
 * under -e/-f), set as the input is opened; a progress line on a terminal stderr.
 */
interface BatchIO extends ShellIO {
  readLine?: () => Promise<string | null>;
  progress?: (line: string | null) => void;
}

/** Split events as the input yields them: one line at a time, in one pass. */
async function* events(input: BatchInput, io: BatchIO, stdin?: () => NodeJS.ReadableStream): AsyncGenerator<SplitEvent> {
  if (input.kind !== 'stream' && stdin) {
    // statements come from -e/-f: COPY FROM STDIN reads the real stdin, opened only if it asks
    let lines: StreamLines | undefined;
    io.readLine = () => (lines ??= new StreamLines(stdin())).next();
  }
  if (input.kind === 'execute') {
    yield* splitBuffer(executeText(input.text)).events;
    return;
  }
  const lineBreaks = input.kind === 'file' ? 'universal' : 'lf';
  const reader = new LineReader(lineBreaks);
  const splitter = new StatementSplitter({ lineBreaks });
  if (input.kind === 'file') {
    for (const line of reader.push(input.text)) yield* splitter.pushLine(line);
  } else {
    const lines = new StreamLines(input.stream);
    io.readLine = async () => {
      const line = await lines.next();
      if (line !== null) splitter.skipLines(1);
      return line;
    };
    for (let line = await lines.next(); line !== null; line = await lines.next()) yield* splitter.pushLine(line);
  }
  const last = reader.end();
  if (last !== null) yield* splitter.pushLine(last);
  yield* splitter.end();
}

/** Statements in flight at once when a script is a run of plain INSERTs. */
const PIPELINE_WINDOW = 32;

/**
 * Whether a statement may be sent before the ones ahead of it have finished: a plain INSERT
 * (no IF: lightweight transactions are ordered by Paxos, not by timestamps). Writes carry
 * client-side timestamps from a monotonic generator, so the table ends as if they ran one by one;
 * anything else (DDL, USE, shell commands, reads) waits for every write before it.
 */
function pipelinable(st: Statement, shell: Shell): boolean {
  if (st.keyword !== 'insert' || shell.state.tracing || shell.state.timing) return false;
  return !st.tokens.some((t) => t.text.toUpperCase() === 'IF');
}

async function collect(outputs: AsyncIterable<Output>): Promise<Output[]> {
  const all: Output[] = [];
  for await (const out of outputs) all.push(out);
  return all;
}

/** A write to an output stream that has closed (the reader went away: EPIPE). */
class OutputClosed extends Error {
  constructor(readonly failure: NodeJS.ErrnoException) {
    super(failure.message);
  }
}

/**
 * stdout or stderr as batch mode writes them: once the stream has failed (EPIPE when the reader
 * went away, `| head -1`), every later write throws OutputClosed instead of crashing the process,
 * and nobody waits for a 'drain' that will never come.
 */
class GuardedSink implements Sink {
  failure: NodeJS.ErrnoException | undefined;
  /** writes so far (tells whether a statement wrote anything) */
  writes = 0;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly sink: Sink) {
    (sink as Partial<NodeJS.EventEmitter>).on?.('error', (e: NodeJS.ErrnoException) => {
      this.failure ??= e;
      for (const cb of this.waiting) cb();
      this.waiting.clear();
    });
  }

  get isTTY(): boolean {
    return (this.sink as { isTTY?: boolean }).isTTY === true;
  }

  write(chunk: string): boolean | void {
    if (this.failure) throw new OutputClosed(this.failure);
    this.writes++;
    return this.sink.write(chunk);
  }

  once(_event: 'drain', cb: () => void): void {
    if (this.failure) return void cb();
    let called = false;
    const once = () => {
      if (called) return;
      called = true;
      this.waiting.delete(once);
      cb();
    };
    this.waiting.add(once);
    this.sink.once?.('drain', once);
  }
}

const ABORTED = Symbol('aborted');

/** how long the statement running when the run is stopped (SIGINT) may take to wrap up */
const STOP_GRACE_MS = 400;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the input through the engine. Given a factory, the engine is built with this face's IO;
 * a Shell built without IO (tests) runs without COPY FROM STDIN and progress lines.
 */
export async function runBatch(engine: Shell | ShellFactory, input: BatchInput, o: BatchOptions): Promise<number> {
  const sourceName = input.kind === 'execute' ? '<stdin>' : input.name;
  let lineno = 1;
  const out = new GuardedSink(o.out);
  const err = new GuardedSink(o.err);
  const io: BatchIO = {};
  if (err.isTTY) io.progress = (line) => void err.write(line === null ? '\r\x1b[K' : `\r\x1b[K${line}`);
  const shell = engine instanceof Shell ? engine : engine(io);
  const printer = new Printer({
    out,
    err,
    color: o.color,
    tty: false,
    errorPrefix: () => `${sourceName}:${lineno}:`,
    state: shell.state,
  });
  const signal = o.signal;
  let failed = false;
  let exit = false;
  /** stderr is gone: nothing can be reported any more, the run stops (as cqlsh's does) */
  let mute = false;
  /** the stdout failure already reported (cqlsh reports each statement that writes after it) */
  let reported: Error | undefined;

  const show = async (ev: Output) => {
    if (ev.kind === 'exit') exit = true;
    // errors inside a SOURCE'd file (they carry its prefix) do not fail the batch, as in cqlsh
    else if (ev.kind === 'error' && ev.prefix === undefined) failed = true;
    if (!exit) await printer.print(ev);
  };
  /** cqlsh's message for a statement whose output found stdout closed: `<file>:<line>:[Errno 32] Broken pipe` */
  const outputFailed = async (e: OutputClosed) => {
    failed = true;
    if (e.failure !== out.failure) {
      // stderr itself is closed
      mute = true;
      return;
    }
    reported = out.failure;
    try {
      await printer.print({ kind: 'error', message: osErrorPlain(out.failure) });
    } catch (e2) {
      if (!(e2 instanceof OutputClosed)) throw e2;
      mute = true;
    }
  };
  /** once the run is stopped, when the statement running gets no more time to wrap up */
  let graceEnds: number | undefined;
  /** `p`, or TIMED_OUT when the run was stopped and the statement's grace is over */
  const nextOf = async <T>(p: Promise<T>): Promise<T | typeof ABORTED> => {
    if (!signal?.aborted) {
      const r = await unlessAborted(p, signal, ABORTED);
      if (r !== ABORTED) return r;
    }
    graceEnds ??= Date.now() + STOP_GRACE_MS;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof ABORTED>((resolve) => (timer = setTimeout(() => resolve(ABORTED), Math.max(0, graceEnds! - Date.now()))));
    try {
      return await Promise.race([p, late]);
    } finally {
      clearTimeout(timer);
    }
  };
  /** Shows one statement's outputs; a closed stdout fails the statement (the rest of its output is dropped). */
  const showAll = async (outputs: Iterable<Output> | AsyncIterable<Output>) => {
    const writesBefore = out.writes;
    try {
      if (Symbol.asyncIterator in outputs) {
        const it = outputs[Symbol.asyncIterator]();
        for (;;) {
          // once the run is stopped the statement has a moment to wrap up (COPY prints what it
          // did); a request still out after that is dropped where it stands
          const r = await nextOf(it.next());
          if (r === ABORTED) {
            void it.return?.(undefined)?.catch?.(() => {});
            return;
          }
          if (r.done) break;
          await show(r.value);
          if (exit) {
            await it.return?.(undefined);
            break;
          }
        }
      } else {
        for (const ev of outputs) {
          await show(ev);
          if (exit) break;
        }
      }
      // a failed write shows up a moment after it (the stream's 'error' event)
      if (out.writes !== writesBefore && !out.failure) await tick();
      if (out.failure && out.failure !== reported && out.writes !== writesBefore) await outputFailed(new OutputClosed(out.failure));
    } catch (e) {
      if (!(e instanceof OutputClosed)) throw e;
      await outputFailed(e);
    }
  };
  // Plain INSERTs run ahead of their turn (a bounded window); their outputs print in input order.
  const inflight: { line: number; outputs: Promise<Output[]> }[] = [];
  const drain = async (keep = 0) => {
    while (inflight.length > keep && !mute) {
      const f = inflight.shift()!;
      lineno = f.line;
      const outputs = await nextOf(f.outputs);
      if (outputs === ABORTED) return;
      await showAll(outputs);
    }
  };

  const evs = events(input, io, o.stdin)[Symbol.asyncIterator]();
  for (;;) {
    const next = await unlessAborted(evs.next(), signal, ABORTED);
    if (next === ABORTED || next.done || mute) break;
    const ev = next.value;
    if (ev.kind === 'statement' && pipelinable(ev, shell)) {
      inflight.push({ line: ev.reportLine, outputs: collect(shell.run(ev.text, signal)) });
      await drain(PIPELINE_WINDOW - 1);
      if (exit || mute || signal?.aborted) break;
      continue;
    }
    await drain();
    if (exit || mute || signal?.aborted) break;
    lineno = ev.reportLine;
    if (ev.kind === 'syntax-error') {
      failed = true;
      await showAll(ev.lines.map((line): Output => ({ kind: 'error', message: line })));
      continue;
    }
    if (ev.kind === 'incomplete') {
      failed = true;
      await showAll([{ kind: 'error', message: ev.message }]);
      continue;
    }
    await showAll(shell.run(ev.text, signal));
    if (exit || mute || signal?.aborted) break;
  }
  if (!mute && !signal?.aborted) await drain();
  if (mute) return 1;
  return failed ? 2 : 0;
}
