// What the engine yields. Data, not strings: faces (batch, REPL) render and write it.
import type { Column, CqlValue } from '../cql/types.js';

export type Output =
  /** one page of a result; `first` carries the header, `last` closes the result with `total` rows */
  | { kind: 'page'; columns: Column[]; rows: CqlValue[][]; first: boolean; last: boolean; offset: number; total?: number; keyspace?: string }
  /** a result with rows printed without the `(N rows)` footer (LWT `[applied]` results) */
  | { kind: 'static'; columns: Column[]; rows: CqlValue[][]; keyspace?: string }
  /**
   * plain text for stdout; `text` has no trailing newline, one is added. `result`: query output
   * that is not a row set (the TRACING table), which goes to the CAPTURE file while capturing
   * `newline: false`: written as is, no newline added (DESCRIBE's statements, which cqlsh writes bare)
   * `colored`: the same text with the colors cqlsh gives it, for a face that shows colors
   */
  | { kind: 'text'; text: string; result?: boolean; newline?: false; colored?: string }
  /**
   * text for stderr, printed in red on a TTY and prefixed `file:line:` in batch mode. `prefix` is
   * set on errors from a SOURCE'd file (`inner.cql:5:`): every face prints it instead of its own
   * prefix, and such errors do not make the batch exit status 2 (cqlsh runs SOURCE in a sub-shell)
   */
  | { kind: 'error'; message: string; prefix?: string }
  /** a line for stderr that is neither an error nor prefixed (cqlsh's Python warnings: DateOverFlowWarning) */
  | { kind: 'notice'; text: string }
  /** server warnings, printed after the result as cqlsh's `Warnings :` block */
  | { kind: 'warnings'; warnings: string[] }
  /** the session's keyspace changed (prompt) */
  | { kind: 'keyspace'; keyspace: string | undefined }
  /** EXIT / QUIT */
  | { kind: 'exit' }
  /** clear the screen (CLEAR / CLS) */
  | { kind: 'clear' }
  /**
   * EDIT: the face is asked to open `text` in the user's editor ($VISUAL / $EDITOR) and put what
   * is saved back at the prompt, ready to run (the engine itself opens nothing)
   */
  | { kind: 'edit'; text: string };
