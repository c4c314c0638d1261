// The words cqlsh treats specially at the start of a statement: which ones are shell commands
// (handled by the shell itself, not sent as CQL), and which of those also end at a newline
// without a `;`.

/** Canonical names of the shell's own commands (aliases map onto these). */
export type ShellCommandName =
  | 'describe'
  | 'copy'
  | 'show'
  | 'source'
  | 'capture'
  | 'tracing'
  | 'expand'
  | 'consistency'
  | 'serial'
  | 'login'
  | 'exit'
  | 'clear'
  | 'debug'
  | 'help'
  | 'history'
  | 'paging'
  | 'unicode'
  // tscqlsh's own
  | 'output'
  | 'timing'
  | 'edit'
  | 'save'
  | 'pager'
  | 'highlight'
  | 'suggest';

/**
 * First words (lower-case) of commands that end at the end of their line as well as at `;`.
 * COPY is a shell command but, like CQL, needs its `;`; so do USE and UNICODE.
 */
export const COMMANDS_ENDING_AT_NEWLINE: ReadonlySet<string> = new Set([
  'help',
  '?',
  'consistency',
  'serial',
  'describe',
  'desc',
  'show',
  'source',
  'capture',
  'login',
  'debug',
  'tracing',
  'expand',
  'paging',
  'exit',
  'quit',
  'clear',
  'cls',
  'history',
  // tscqlsh's own commands, which behave like cqlsh's switches
  'output',
  'timing',
  'edit',
  'save',
  'pager',
  'highlight',
  'suggest',
]);

const SHELL_COMMANDS: ReadonlyMap<string, ShellCommandName> = new Map<string, ShellCommandName>([
  ['describe', 'describe'],
  ['desc', 'describe'],
  ['copy', 'copy'],
  ['show', 'show'],
  ['source', 'source'],
  ['capture', 'capture'],
  ['tracing', 'tracing'],
  ['expand', 'expand'],
  ['consistency', 'consistency'],
  ['serial', 'serial'],
  ['login', 'login'],
  ['exit', 'exit'],
  ['quit', 'exit'],
  ['clear', 'clear'],
  ['cls', 'clear'],
  ['debug', 'debug'],
  ['help', 'help'],
  ['?', 'help'],
  ['history', 'history'],
  ['paging', 'paging'],
  ['unicode', 'unicode'],
  ['output', 'output'],
  ['timing', 'timing'],
  ['edit', 'edit'],
  ['save', 'save'],
  ['pager', 'pager'],
  ['highlight', 'highlight'],
  ['suggest', 'suggest'],
]);

/** Does a statement whose first token is `word` end at a newline? (case-insensitive) */
export function endsAtNewline(word: string): boolean {
  return COMMANDS_ENDING_AT_NEWLINE.has(word.toLowerCase());
}

/** The shell command a first word names (case-insensitive; `?` is HELP), or null for CQL. */
export function shellCommandOf(word: string): ShellCommandName | null {
  return SHELL_COMMANDS.get(word.toLowerCase()) ?? null;
}

/** True when `word` (a statement's first word) names one of the shell's own commands. */
export function isShellCommand(word: string): boolean {
  return shellCommandOf(word) !== null;
}
