// HELP texts for what tscqlsh adds to cqlsh: its own shell commands (OUTPUT FORMAT, TIMING, EDIT,
// SAVE, PAGER, HIGHLIGHT, SUGGEST) and the keys of the interactive shell. Laid out as cqlsh
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
  pager: `PAGER [tscqlsh only]

  In the interactive shell, a result wider than the terminal goes to a pager
  (less, ...) so that wide rows scroll sideways instead of wrapping. Results
  that fit print as usual; batch mode never pages.

PAGER ON

  Use the pager (the default): the command in $PAGER, else "less -SRXF".

PAGER OFF

  Print every result in the terminal, as cqlsh does.

PAGER

  PAGER with no argument shows whether the pager is on.

  Settings: --pager off|on|<command> (or TSCQLSH_PAGER, or the profile's
  pager) chooses the pager; --pager-tall on (TSCQLSH_PAGER_TALL, the
  profile's pagerTall) also pages results taller than the terminal instead
  of stopping at ---MORE---. PAGING OFF prints a result whole.`,
  edit: `EDIT [tscqlsh only]

  Opens the last statement in your editor ($VISUAL, else $EDITOR, else vi).
  When the editor exits, what you saved is back at the prompt, ready to run
  (it is not run until you press Enter); an empty file gives an empty prompt.

  Ctrl-X Ctrl-E does the same with the statement being typed (the last
  statement when the prompt is empty). Only in the interactive shell.`,
  save: `SAVE [tscqlsh only]

  Writes the last result set shown to a file, without running the query
  again. The extension picks the format:

SAVE 'file.csv'

  CSV with a header line.

SAVE 'file.json'

  One JSON array of objects (numbers keep every digit).

SAVE 'file.ndjson'

  One JSON object per line.

SAVE 'file.csv' OVERWRITE

  Replaces an existing file (without OVERWRITE, SAVE never does).

  SAVE writes the rows fetched so far: the pages you went through, or the
  whole result with PAGING OFF (at most 100000 rows), and says how many. Only
  in the interactive shell; COPY ... TO exports a whole table.`,
  highlight: `HIGHLIGHT [tscqlsh only]

  Syntax highlighting of the statement being typed in the interactive shell:
  keywords, names, strings, numbers, comments and shell commands, with
  unclosed quotes and unmatched brackets in red. Never without colors
  (NO_COLOR, --no-color).

HIGHLIGHT ON | HIGHLIGHT OFF

  Switch it (on by default; --highlight on|off, TSCQLSH_HIGHLIGHT or the
  profile's highlight set it at start-up).`,
  suggest: `SUGGEST [tscqlsh only]

  As you type, the newest history entry that starts with what is typed is
  shown dimmed after the cursor. Right or End (Ctrl-F, Ctrl-E) takes all of
  it, Alt-F one word of it; any other key goes on as usual.

SUGGEST ON | SUGGEST OFF

  Switch it (on by default, never without colors; --suggest on|off,
  TSCQLSH_SUGGEST or the profile's suggest set it at start-up).`,
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
  Ctrl-_ or Ctrl-X Ctrl-U undoes; Ctrl-X Ctrl-E opens the statement in your
  editor (see EDIT).

  A suggestion from history (see SUGGEST) is taken with Right or End, a word
  of it with Alt-F.`,
};

/** Topics HELP lists in its tscqlsh block (lower case). */
export const TSCQLSH_TOPICS: readonly string[] = Object.keys(DOCS).sort();

/** The heading of that block. */
export const TSCQLSH_HEADING = 'tscqlsh commands and settings (not in cqlsh):';

/** The HELP text of a tscqlsh topic, laid out as cqlsh's (see shellHelp), or undefined. */
export function tscqlshHelp(topic: string): string | undefined {
  const doc = DOCS[topic.toLowerCase()];
  if (doc === undefined) return undefined;
  const body = doc
    .split('\n')
    .map((l) => (l ? `        ${l}` : ''))
    .join('\n');
  return `\n${body}\n        `;
}
