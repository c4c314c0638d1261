// The non-interactive face: statements from -e, -f or a piped stdin, results to stdout, errors to
// stderr as `<source>:<line>:<message>`, cqlsh's exit codes (2 when any statement failed).
// Never imports Ink or React.
import { executeText, LineReader, splitBuffer, StatementSplitter, type SplitEvent, type Statement } from './cql/splitter.js';
import { Printer, type Sink } from './output/printer.js';
import type { Shell } from './shell/shell.js';
import type { Output } from './shell/output.js';

export type BatchInput =
  | { kind: 'execute'; text: string }
  | { kind: 'file'; name: string; text: string }
  | { kind: 'stream'; name: string; stream: NodeJS.ReadableStream };

export interface BatchOptions {
  out: Sink;
  err: Sink;
  color: boolean;
  /** where COPY ... FROM STDIN reads when the statements come from -e or -f (the process's stdin, opened on first use) */
  stdin?: () => NodeJS.ReadableStream;
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

/** Split events as the input yields them: one line at a time, in one pass. */
async function* events(input: BatchInput, shell?: Shell, stdin?: () => NodeJS.ReadableStream): AsyncGenerator<SplitEvent> {
  if (input.kind !== 'stream' && shell && stdin) {
    // statements come from -e/-f: COPY FROM STDIN reads the real stdin, opened only if it asks
    let lines: StreamLines | undefined;
    shell.io.readLine = () => (lines ??= new StreamLines(stdin())).next();
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
    if (shell) {
      shell.io.readLine = async () => {
        const line = await lines.next();
        if (line !== null) splitter.skipLines(1);
        return line;
      };
    }
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

export async function runBatch(shell: Shell, input: BatchInput, o: BatchOptions): Promise<number> {
  const sourceName = input.kind === 'execute' ? '<stdin>' : input.name;
  let lineno = 1;
  const printer = new Printer({
    out: o.out,
    err: o.err,
    color: o.color,
    tty: false,
    errorPrefix: () => `${sourceName}:${lineno}:`,
    state: shell.state,
  });
  let failed = false;
  let exit = false;
  if ((o.err as { isTTY?: boolean }).isTTY) shell.io.progress = (line) => void o.err.write(line === null ? '\r\x1b[K' : `\r\x1b[K${line}`);

  const show = async (out: Output) => {
    if (out.kind === 'exit') exit = true;
    // errors inside a SOURCE'd file (they carry its prefix) do not fail the batch, as in cqlsh
    else if (out.kind === 'error' && out.prefix === undefined) failed = true;
    if (!exit) await printer.print(out);
  };
  // Plain INSERTs run ahead of their turn (a bounded window); their outputs print in input order.
  const inflight: { line: number; outputs: Promise<Output[]> }[] = [];
  const drain = async (keep = 0) => {
    while (inflight.length > keep) {
      const f = inflight.shift()!;
      lineno = f.line;
      for (const out of await f.outputs) await show(out);
    }
  };

  for await (const ev of events(input, shell, o.stdin)) {
    if (ev.kind === 'statement' && pipelinable(ev, shell)) {
      inflight.push({ line: ev.reportLine, outputs: collect(shell.run(ev.text)) });
      await drain(PIPELINE_WINDOW - 1);
      if (exit) break;
      continue;
    }
    await drain();
    if (exit) break;
    lineno = ev.reportLine;
    if (ev.kind === 'syntax-error') {
      failed = true;
      for (const line of ev.lines) await printer.print({ kind: 'error', message: line });
      continue;
    }
    if (ev.kind === 'incomplete') {
      failed = true;
      await printer.print({ kind: 'error', message: ev.message });
      continue;
    }
    for await (const out of shell.run(ev.text)) {
      await show(out);
      if (exit) break;
    }
    if (exit) break;
  }
  await drain();
  await printer.flush();
  return failed ? 2 : 0;
}
