// The interactive face: banner, raw-mode key input, the Ink dynamic region, history, completion.
// Loaded only when the REPL was chosen (stdin and stdout are TTYs, or --tty), so batch mode never
// pulls in Ink or React.
import { createElement } from 'react';
import chalk from 'chalk';
import { render } from 'ink';
import type { Session } from '../db/session.js';
import type { ShellFactory } from '../shell/shell.js';
import { banner } from './banner.js';
import { App, type Writers } from './components/App.js';
import { ReplController } from './controller.js';
import { History } from './history.js';
import { KeyParser } from './keys.js';
import { editText } from './external-editor.js';
import { commandExists, DEFAULT_PAGER, PagerSink, pagerCommand } from './pager.js';
import { isYes } from '../shell/guard.js';
import { fixReflowOnResize } from './resize.js';
import { SchemaCompletionSource } from './schema-source.js';
import { inkStdout } from './terminal-out.js';
import { WholeLines } from './whole-lines.js';

export interface ReplOptions {
  color: boolean;
  disableHistory?: boolean;
  historyFile?: string;
  /** lines of history kept (settings: TSCQLSH_HISTORY_SIZE, else the profile's) */
  historySize?: number;
  /** the pager setting: on ($PAGER or less -SRXF; the default), off, or a command */
  pager?: string;
  /** the prompt word instead of `cqlsh` (the profile's `prompt` setting) */
  promptWord?: string;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /** ends the REPL as EXIT does, the terminal restored (SIGTERM, SIGHUP) */
  stop?: AbortSignal;
}

export async function runRepl(makeShell: ShellFactory, session: Session, o: ReplOptions): Promise<number> {
  const stdin = o.stdin ?? process.stdin;
  const stdout = o.stdout ?? process.stdout;
  // tscqlsh decided about colors (settings/color.ts); Ink's color library follows that decision
  // instead of its own guess (which is "none" whenever a CI variable is set, even CI=false)
  chalk.level = o.color ? (Math.max(chalk.level, 1) as 1 | 2 | 3) : 0;
  await session.loadDetails().catch(() => {});
  stdout.write(banner(session, o.color));
  const history = new History({ persist: !o.disableHistory, file: o.historyFile, maxSize: o.historySize });
  // the REPL's IO, given to the engine as it is built (the controller answers once it exists)
  const shell = makeShell({
    readPassword: async (prompt) => (await controller.readLine(prompt, true)) ?? '',
    readLine: async () => {
      const line = await controller.readLine('[copy] ', false);
      return line === null ? null : line + '\n';
    },
    progress: (line) => controller.progress(line),
    history: () => history.all(),
    confirm: async (question) => isYes(await controller.readLine(question, false)),
  });
  const schema = new SchemaCompletionSource(shell.schema);
  void schema.refresh();

  let writers: Writers | undefined;
  const early: ['out' | 'err', string][] = [];
  const sink = (k: 'out' | 'err') => (s: string) => (writers ? writers[k](s) : early.push([k, s]));
  // Ink gets whole lines only (ui/whole-lines.ts); an unfinished line is ended when the prompt
  // comes back, or when the other stream writes
  const lines = { out: new WholeLines(sink('out')), err: new WholeLines(sink('err')) };
  const write = (k: 'out' | 'err') => (s: string) => {
    lines[k === 'out' ? 'err' : 'out'].flush();
    lines[k].write(s);
  };
  const flushLines = () => {
    lines.out.flush();
    lines.err.flush();
  };
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));
  o.stop?.addEventListener('abort', () => finish(1), { once: true });
  if (o.stop?.aborted) finish(1);

  /** Hands the terminal to a child process (the pager, the editor); resolves to the way back. */
  const handOver = async (): Promise<() => Promise<void>> => {
    pauseInput();
    const s = await writers!.suspend();
    return async () => {
      await s.resume();
      resumeInput();
    };
  };
  // the pager runs while PAGER is ON (the session's switch; the setting starts it); the program
  // is the setting's command, else $PAGER, else less: one that is not installed is no pager
  const pagerCmd = pagerCommand(o.pager) ?? pagerCommand('on');
  const pager = new PagerSink(pagerCmd && (pagerCmd !== DEFAULT_PAGER || commandExists(pagerCmd)) ? pagerCmd : undefined, {
    columns: () => stdout.columns || 80,
    rows: () => stdout.rows || 24,
    out: write('out'),
    suspend: handOver,
    policy: () => ({ pager: shell.state.repl.pager, tall: shell.state.repl.pagerTall }),
  });

  const controller = new ReplController({
    pager,
    shell,
    history,
    schema,
    color: o.color,
    io: {
      out: write('out'),
      err: write('err'),
      exit: (code) => finish(code),
      editor: async (text) => {
        if (!writers) return null;
        const back = await handOver();
        let r;
        try {
          r = await editText(text);
        } finally {
          await back();
        }
        if ('error' in r) {
          write('err')(r.error + '\n');
          return null;
        }
        return r.text;
      },
      suspend: () => {
        if (!writers || process.platform === 'win32') return;
        // hand the terminal back, stop as a job would on Ctrl-Z, take it again on fg
        pauseInput();
        void writers.suspend().then((s) => {
          process.kill(process.pid, 'SIGTSTP');
          // runs once the job is continued (fg), or at once where stopping is not possible
          setTimeout(() => void s.resume().then(resumeInput), 20);
        });
      },
    },
    username: () => session.username,
    prompt: { custom: process.env.CQLSH_PROMPT || undefined, word: o.promptWord || process.env.TSCQLSH_PROMPT_WORD || undefined },
  });

  controller.subscribe(() => {
    if (controller.getView().mode !== 'running') flushLines();
  });

  const onWriters = (w: Writers) => {
    writers = w;
    for (const [k, s] of early.splice(0)) w[k](s);
  };
  const ink = render(createElement(App, { controller, onWriters }), {
    stdout: inkStdout(stdout),
    stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    interactive: true,
    // a frame per keystroke without waiting for Ink's default 30 fps throttle
    maxFps: 120,
  });

  const unfixReflow = fixReflowOnResize(stdout, controller.getView);

  const parser = new KeyParser({ lfIsEnter: !stdin.isTTY });
  let escTimer: NodeJS.Timeout | undefined;
  const onData = (d: Buffer | string) => {
    clearTimeout(escTimer);
    controller.handleKeys(parser.push(typeof d === 'string' ? d : d.toString('utf8')));
    escTimer = setTimeout(() => controller.handleKeys(parser.flush()), 50);
  };
  const onSigint = () => controller.interrupt();
  const resumeInput = () => {
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
  };
  const pauseInput = () => {
    stdin.off('data', onData);
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
  };
  stdin.setEncoding('utf8');
  resumeInput();
  // end of a non-terminal input: exit once what it asked for has run (the end waits its turn)
  stdin.on('end', () => controller.handleKeys([...parser.flush(), { name: 'eof' }]));
  process.on('SIGINT', onSigint);
  stdout.write('\x1b[?2004h');

  try {
    return await done;
  } finally {
    clearTimeout(escTimer);
    unfixReflow();
    process.off('SIGINT', onSigint);
    stdin.off('data', onData);
    stdout.write('\x1b[?2004l');
    ink.unmount();
    await ink.waitUntilExit().catch(() => {});
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
  }
}
