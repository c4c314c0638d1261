// Connects and runs the chosen face: batch (stdin that is not a TTY, -f, -e) or the REPL.
import fs from 'node:fs';
import { USAGE, type CliArgs } from './cli/args.js';
import { OUTPUT_FORMATS, type OutputFormat } from './cql/vocabulary.js';
import { runBatch, type BatchInput } from './batch.js';
import { decideColor } from './settings/color.js';
import { openSession } from './settings/open-session.js';
import { DRIVER_VERSION } from './db/driver-version.js';
import { Shell, type ShellFactory } from './shell/shell.js';
import { applySettings, engineOptions } from './cli/start-state.js';
import { osErrorText } from './util/errno.js';
import { CLOSE_DEADLINE_MS, exitWith, restoreTerminal, STOP_DEADLINE_MS, within, type RunResult } from './shutdown.js';

export async function runShell(args: CliArgs): Promise<RunResult> {
  if (args.format !== undefined) {
    if (!OUTPUT_FORMATS.includes(args.format as OutputFormat)) {
      process.stderr.write(`usage: ${USAGE}\ntscqlsh: error: argument --format: invalid choice: '${args.format}' (choose from ${OUTPUT_FORMATS.join(', ')})\n`);
      return 2;
    }
  }
  let input: BatchInput;
  if (args.execute !== undefined) {
    input = { kind: 'execute', text: args.execute };
  } else if (args.file !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(args.file, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      process.stderr.write(`Can't open '${args.file}': ${osErrorText(e, args.file)}\n`);
      return 1;
    }
    input = { kind: 'file', name: args.file, text };
  } else {
    input = { kind: 'stream', name: '<stdin>', stream: process.stdin };
  }

  const encoding = (args.encoding ?? 'utf-8').toLowerCase().replace(/^utf-8$/, 'utf8');
  if (!Buffer.isEncoding(encoding)) {
    process.stderr.write(`usage: ${USAGE}\ntscqlsh: error: argument --encoding: unknown encoding '${args.encoding}'\n`);
    return 2;
  }
  process.stdout.setDefaultEncoding?.(encoding);
  // flags > env > profile > cqlshrc > defaults; warnings, password prompt, SigV4 (src/settings/)
  const opened = await openSession(args, undefined, (s) => {
    if (!args.debug) return;
    // what cqlsh --debug prints first (our driver in place of the Python one), from the resolved settings
    process.stderr.write(
      `Using CQL driver: cassandra-driver ${DRIVER_VERSION}\n` +
        `Using connect timeout: ${(s.connect.connectTimeoutMs ?? 5000) / 1000} seconds\n` +
        `Using '${args.encoding ?? 'utf-8'}' encoding\n` +
        `Using ssl: ${s.connect.tls ? 'True' : 'False'}\n`,
    );
  });
  if (typeof opened === 'number') return opened;
  const { session, settings } = opened;
  const conn = settings.connect;
  // interactive when stdin is a terminal, as cqlsh decides it (or when --tty forces it): the Ink
  // REPL when stdout is one too, else plain lines (`tscqlsh | tee log`: prompts and results to stdout)
  const interactive = input.kind === 'stream' && (args.tty ?? Boolean(process.stdin.isTTY));
  const screen = interactive && Boolean(process.stdout.isTTY);
  const color = decideColor({ flag: args.color, configured: settings.color, terminal: screen, env: process.env });
  // each face builds the engine with its own IO
  const makeShell: ShellFactory = (io) => {
    const shell = new Shell(session, { ...engineOptions(settings), io, keyspace: conn.keyspace, columnRoles: color, interactive });
    applySettings(shell, settings);
    if (args.format !== undefined) shell.state.format = args.format as OutputFormat;
    return shell;
  };
  // Signals: in batch mode SIGINT stops the run (the statement running is dropped, COPY reports
  // what it did); SIGTERM and SIGHUP keep their default there (the process dies at once, as
  // cqlsh does). The REPL takes SIGINT itself (Ctrl-C cancels, never exits); SIGTERM and SIGHUP
  // end it with the terminal restored. Either way the process then dies of the signal.
  const stop = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const signals: NodeJS.Signals[] = interactive ? ['SIGTERM', 'SIGHUP'] : ['SIGINT'];
  const onSignal = (sig: NodeJS.Signals) => {
    stoppedBy ??= sig;
    stop.abort();
    // whatever the face or the driver is doing, the process is gone soon after the signal
    setTimeout(() => {
      restoreTerminal();
      void exitWith({ signal: sig });
    }, STOP_DEADLINE_MS).unref();
  };
  for (const sig of signals) process.on(sig, onSignal);
  let code = 1;
  try {
    if (screen) {
      // Ink and React load only here: batch mode never imports them
      const { runRepl } = await import('./ui/repl.js');
      code = await runRepl(makeShell, session, {
        color,
        disableHistory: args.disableHistory,
        promptWord: settings.prompt,
        pager: settings.pager,
        historySize: settings.historySize,
        stop: stop.signal,
      });
    } else if (interactive) {
      const { runLineRepl } = await import('./ui/line-repl.js');
      code = await runLineRepl(makeShell, session, {
        color,
        disableHistory: args.disableHistory,
        promptWord: settings.prompt,
        historySize: settings.historySize,
        stop: stop.signal,
      });
    } else {
      code = await runBatch(makeShell, input, {
        out: process.stdout,
        err: process.stderr,
        color: args.color === true,
        // (process.stdin is a lazy getter that sets up a stream: -e never touches it unless COPY FROM STDIN asks)
        stdin: () => process.stdin,
        signal: stop.signal,
      });
    }
  } finally {
    // a session that cannot close in time (a server gone mid-request) is left to the exit
    await within(session.close(), CLOSE_DEADLINE_MS);
  }
  return stoppedBy ? { signal: stoppedBy } : code;
}
