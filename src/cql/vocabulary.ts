// The words with one meaning, spelled once: consistency levels (and what Amazon Keyspaces takes of
// them), output formats, and the shell's own commands (which first words name them, and which of
// them end at a newline as well as at `;`). Everything that lists one of these imports it from here.

/** The consistency levels a statement can run at, in cqlsh's order. */
export const CONSISTENCY_LEVELS = [
  'ANY',
  'ONE',
  'TWO',
  'THREE',
  'QUORUM',
  'ALL',
  'LOCAL_QUORUM',
  'EACH_QUORUM',
  'SERIAL',
  'LOCAL_SERIAL',
  'LOCAL_ONE',
] as const;
export type Consistency = (typeof CONSISTENCY_LEVELS)[number];

/**
 * What cqlsh's CONSISTENCY grammar takes: the levels and NODE_LOCAL, which its driver then
 * refuses (the shell prints that refusal).
 */
export const CONSISTENCY_WORDS = [...CONSISTENCY_LEVELS, 'NODE_LOCAL'] as const;

/** The levels SERIAL CONSISTENCY takes. */
export const SERIAL_LEVELS = ['SERIAL', 'LOCAL_SERIAL'] as const satisfies readonly Consistency[];

/** Amazon Keyspaces: the levels reads take; writes always run at KEYSPACES_WRITE_CONSISTENCY. */
export const KEYSPACES_CONSISTENCIES = ['ONE', 'LOCAL_ONE', 'LOCAL_QUORUM'] as const satisfies readonly Consistency[];
export const KEYSPACES_SERIAL = ['LOCAL_SERIAL', 'SERIAL'] as const satisfies readonly Consistency[];
export const KEYSPACES_WRITE_CONSISTENCY = 'LOCAL_QUORUM' satisfies Consistency;

/** The keyspaces Cassandra keeps for itself (DESCRIBE leaves them out unless FULL; completion after some words). */
export const SYSTEM_KEYSPACES = [
  'system',
  'system_schema',
  'system_traces',
  'system_auth',
  'system_distributed',
  'system_views',
  'system_virtual_schema',
] as const;

/** CQL's native (non-collection) type names, in the order completion offers them. */
export const NATIVE_TYPES = [
  'ascii',
  'bigint',
  'blob',
  'boolean',
  'counter',
  'date',
  'decimal',
  'double',
  'duration',
  'float',
  'inet',
  'int',
  'smallint',
  'text',
  'time',
  'timestamp',
  'timeuuid',
  'tinyint',
  'uuid',
  'varchar',
  'varint',
] as const;

/** How results are printed (OUTPUT FORMAT, `--format`, a profile's `format`). */
export const OUTPUT_FORMATS = ['table', 'expanded', 'csv', 'json', 'ndjson', 'box'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * The shell's own commands: canonical name → the first words that select it (lower-case) and
 * whether it ends at the end of its line as well as at `;`. COPY is a shell command but, like
 * CQL, needs its `;`; so does UNICODE. USE is CQL the shell also acts on: not listed.
 */
const SHELL_COMMANDS = {
  describe: { words: ['describe', 'desc'], endsAtNewline: true },
  copy: { words: ['copy'], endsAtNewline: false },
  show: { words: ['show'], endsAtNewline: true },
  source: { words: ['source'], endsAtNewline: true },
  capture: { words: ['capture'], endsAtNewline: true },
  tracing: { words: ['tracing'], endsAtNewline: true },
  expand: { words: ['expand'], endsAtNewline: true },
  consistency: { words: ['consistency'], endsAtNewline: true },
  serial: { words: ['serial'], endsAtNewline: true },
  login: { words: ['login'], endsAtNewline: true },
  exit: { words: ['exit', 'quit'], endsAtNewline: true },
  clear: { words: ['clear', 'cls'], endsAtNewline: true },
  debug: { words: ['debug'], endsAtNewline: true },
  help: { words: ['help', '?'], endsAtNewline: true },
  history: { words: ['history'], endsAtNewline: true },
  paging: { words: ['paging'], endsAtNewline: true },
  unicode: { words: ['unicode'], endsAtNewline: false },
  // tscqlsh's own, which behave like cqlsh's switches
  output: { words: ['output'], endsAtNewline: true },
  timing: { words: ['timing'], endsAtNewline: true },
  edit: { words: ['edit'], endsAtNewline: true },
  save: { words: ['save'], endsAtNewline: true },
  pager: { words: ['pager'], endsAtNewline: true },
  highlight: { words: ['highlight'], endsAtNewline: true },
  suggest: { words: ['suggest'], endsAtNewline: true },
} as const satisfies Record<string, { words: readonly string[]; endsAtNewline: boolean }>;

/** Canonical names of the shell's own commands (aliases map onto these). */
export type ShellCommandName = keyof typeof SHELL_COMMANDS;

const COMMAND_OF_WORD: ReadonlyMap<string, ShellCommandName> = new Map(
  Object.entries(SHELL_COMMANDS).flatMap(([name, c]) => c.words.map((word): [string, ShellCommandName] => [word, name as ShellCommandName])),
);

/** First words (lower-case) of commands that end at the end of their line as well as at `;`. */
export const COMMANDS_ENDING_AT_NEWLINE: ReadonlySet<string> = new Set(
  Object.values(SHELL_COMMANDS).flatMap((c): readonly string[] => (c.endsAtNewline ? c.words : [])),
);

/** Does a statement whose first token is `word` end at a newline? (case-insensitive) */
export function endsAtNewline(word: string): boolean {
  return COMMANDS_ENDING_AT_NEWLINE.has(word.toLowerCase());
}

/** The shell command a first word names (case-insensitive; `?` is HELP), or null for CQL. */
export function shellCommandOf(word: string): ShellCommandName | null {
  return COMMAND_OF_WORD.get(word.toLowerCase()) ?? null;
}

/** True when `word` (a statement's first word) names one of the shell's own commands. */
export function isShellCommand(word: string): boolean {
  return shellCommandOf(word) !== null;
}
