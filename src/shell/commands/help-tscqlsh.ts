// HELP texts for what tscqlsh adds to cqlsh: its own shell commands (OUTPUT FORMAT, TIMING) and
// the REPL settings a user looks for (the pager, Ctrl-C and the other keys). Laid out as cqlsh
// lays out its own topics; listed by HELP in a block of their own after cqlsh's lists.

const DOCS: Record<string, string> = {
  output: `OUTPUT FORMAT [tscqlsh only]

  Chooses how query results are printed (shell messages and errors are not
  affected). The --format flag sets it at start-up.

OUTPUT FORMAT table

  Rows in cqlsh's table layout (the default).

OUTPUT FORMAT expanded

  One "@ Row N" block per row, as with EXPAND ON.

OUTPUT FORMAT csv

  CSV: a header line with the column names, then one line per row.

OUTPUT FORMAT json

  One JSON array of objects keyed by column name. Numbers keep every digit
  (bigint, varint and decimal are never rounded); blobs are "0x..." strings,
  timestamps ISO 8601 strings in UTC.

OUTPUT FORMAT ndjson

  One JSON object per line (newline-delimited JSON).

OUTPUT FORMAT box

  Rows in a table drawn with box characters.

OUTPUT FORMAT

  OUTPUT FORMAT with no argument shows the current format.`,
  pager: `PAGER [tscqlsh only: a setting, not a command]

  In the interactive shell, a result taller or wider than the terminal can go
  to a pager (less, more, ...) instead of stopping at ---MORE---. Results that
  fit on the screen print as usual. The pager is off unless set:

TSCQLSH_PAGER=on

  Use the command in $PAGER, or "less -SRXF" when $PAGER is not set.

TSCQLSH_PAGER=<command>

  Use that command, e.g. TSCQLSH_PAGER='less -S'.

TSCQLSH_PAGER=off

  No pager: ---MORE--- between pages (the default).

  A saved profile keeps the setting: "tscqlsh profile add NAME --pager on"
  (the environment variable wins over the profile). PAGING OFF prints a
  result whole, without ---MORE---, when no pager is set.`,
  timing: `TIMING [tscqlsh only]

  Shows how long each statement took.

TIMING ON

  After each statement's output, prints a line such as "Time: 3.215 ms": the
  time the statement itself took (the server's answer and reading it), not the
  time spent printing it or waiting at ---MORE---.

TIMING OFF

  Stops printing the time.

TIMING

  TIMING with no arguments shows whether timing is on.`,
  keys: `KEYS [tscqlsh only: the interactive shell's keys]

  Enter runs the statement once it ends with ';' (else starts a new line);
  Alt-Enter or Ctrl-J always start a new line.

  Ctrl-C cancels the running statement (the shell says so), stops a result at
  ---MORE---, or clears the statement being typed; it never exits the shell.
  Ctrl-D on an empty line, EXIT or QUIT exits.

  Tab completes names and keywords as cqlsh does: one candidate goes into the
  line, several open a menu (Tab, Shift-Tab, the arrow keys and Page Up/Down
  move its selection, Enter keeps it, Escape closes it). Up/Down and
  Ctrl-P/Ctrl-N walk the history, Ctrl-R searches it; Ctrl-L clears the
  screen; Ctrl-Z suspends. At ---MORE---, any key shows the next page and q
  stops the result.

  The editing keys are readline's: Ctrl-A/E, Ctrl-B/F, Alt-B/F (by words),
  Ctrl-T swaps two characters; Ctrl-K, Ctrl-U, Ctrl-W, Alt-D and Alt-Backspace
  cut text that Ctrl-Y puts back (Alt-Y right after it: an older cut);
  Ctrl-_ or Ctrl-X Ctrl-U undoes.`,
};

/** Topics HELP lists in its tscqlsh block (lower case). */
export const TSCQLSH_TOPICS: readonly string[] = Object.keys(DOCS).sort();

/** The heading of that block. */
export const TSCQLSH_HEADING = 'tscqlsh commands and settings (not in cqlsh):';

/** The HELP text of a tscqlsh topic, laid out as cqlsh's (see shellHelp), or undefined. */
export function tscqlshHelp(topic: string): string | undefined {
  const doc = DOCS[topic.toLowerCase()];
  if (doc === undefined) return undefined;
  const body = doc.split('\n').map((l) => (l ? `        ${l}` : '')).join('\n');
  return `\n${body}\n        `;
}
