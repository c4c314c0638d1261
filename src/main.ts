// The program: flags → settings; subcommands; then the batch face (stdin/-f/-e) or the REPL.
// Heavy modules (driver, Ink) are imported only on the paths that need them. Started by cli.ts
// (the npm package's bin) and by sea.ts (the single-file binary).
import { helpText, parseArgs, USAGE, UsageError } from './cli/args.js';
import { describeFatal, exitWith, guardStdio, restoreTerminal, type RunResult } from './shutdown.js';
import { VERSION } from './version.js';

let debug = false;

async function main(argv: string[]): Promise<RunResult> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`usage: ${USAGE}\ntscqlsh: error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  debug = args.debug === true;
  if (args.help) {
    process.stdout.write(helpText() + '\n');
    return 0;
  }
  if (args.version) {
    process.stdout.write(`cqlsh ${VERSION.cqlsh} (tscqlsh ${VERSION.tscqlsh})\n`);
    return 0;
  }
  if (args.subcommand?.[0] === 'profile') {
    const { runProfile } = await import('./cli/profile.js');
    return runProfile(args.subcommand.slice(1));
  }
  if (args.subcommand?.[0] === 'completion') {
    const { runCompletion } = await import('./cli/completion.js');
    return runCompletion(args.subcommand.slice(1));
  }
  if (args.subcommand) {
    process.stderr.write(`tscqlsh: the ${args.subcommand[0]} subcommand is not available yet\n`);
    return 2;
  }
  const { runShell } = await import('./run.js');
  return runShell(args);
}

/**
 * Runs tscqlsh with these arguments. A closed stdout or stderr never crashes the process; nothing
 * escapes as a Node stack trace; the process always exits once the run is over, whatever the
 * driver still holds open (src/shutdown.ts).
 */
export function start(argv: string[]): void {
  guardStdio();
  const fatal = (e: unknown) => {
    restoreTerminal();
    process.stderr.write(describeFatal(e, debug) + '\n');
    void exitWith(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  main(argv).then((result) => exitWith(result), fatal);
}
