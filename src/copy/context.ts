// What a COPY task gets from the command: the session, where to send messages, the input (for
// FROM STDIN), the progress hook and the signal that stops it.
import type { Column } from '../cql/types.js';
import type { Consistency } from '../cql/vocabulary.js';
import type { Session } from '../db/session.js';
import type { TableInfo } from '../db/bulk.js';
import type { CopyOptions, CopyStatement } from './options.js';

export interface CopyContext {
  session: Session;
  st: CopyStatement;
  ks: string;
  info: TableInfo;
  /** the columns the statement names (all of the table's by default) */
  columns: Column[];
  opts: CopyOptions;
  consistency: Consistency;
  signal: AbortSignal;
  /** stdout text (one line each; the newline is added) */
  say(text: string): Promise<void>;
  /** stderr message */
  err(text: string): Promise<void>;
  /** the next input line (with its "\n") for FROM STDIN; null at the end */
  readLine?: () => Promise<string | null>;
  /** the progress line on a terminal; null clears it */
  progress?: (line: string | null) => void;
}
