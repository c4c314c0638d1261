// The contract between the engine and a shell command module (commands/*.ts, one per command).
import type { CopySettings } from '../copy/options.js';
import type { ShellCommandName } from '../cql/vocabulary.js';
import type { Session } from '../db/session.js';
import type { ResultSet } from './last-result.js';
import type { Output } from './output.js';
import type { SchemaCache } from './schema-cache.js';
import type { ShellState } from './state.js';

export interface CommandContext {
  session: Session;
  state: ShellState;
  /** the current keyspace, if any */
  keyspace: string | undefined;
  /** runs CQL as the user typed it (used by USE, SOURCE, ...) */
  runStatement(text: string): AsyncIterable<Output>;
  /** true when the face is interactive (REPL on a TTY) */
  interactive: boolean;
  /** runs one statement as the splitter gives it, CQL or shell command, through this engine (SOURCE) */
  run?(text: string): AsyncIterable<Output>;
  /** asks for a password without echo (LOGIN without one); the REPL provides it */
  readPassword?(prompt: string): Promise<string>;
  /** the REPL's input history, oldest first, the HISTORY command itself last (HISTORY) */
  history?(): readonly string[];
  /** the shell's schema cache (client-side DESCRIBE, completion) */
  schema?: SchemaCache;
  /** stops a long-running command (COPY): Ctrl-C */
  signal?: AbortSignal;
  /** the next line of the input the statement came from, with its "\n" (COPY FROM STDIN); null at its end */
  readLine?(): Promise<string | null>;
  /** shows (a string) or clears (null) a progress line; only given on a terminal */
  progress?(line: string | null): void;
  /** COPY's settings: the Keyspaces preset, the cqlshrc with [copy] sections, the [ui] time format */
  copy?: CopySettings;
  /** the last result set shown (SAVE); the interactive shell keeps one */
  lastResult?(): ResultSet | undefined;
}

export interface ShellCommand {
  /** the command this module runs (cql/vocabulary.ts: which first words select it); USE is CQL the shell acts on */
  name: ShellCommandName | 'use';
  /** `text` is the whole statement as typed, without the trailing `;` */
  run(text: string, ctx: CommandContext): AsyncIterable<Output>;
}
