// The session settings shell commands change and statements read.
import type { Consistency, OutputFormat } from '../cql/vocabulary.js';
import type { FormatOptions } from '../format/options.js';

export interface ShellState {
  expand: boolean;
  paging: { enabled: boolean; pageSize: number };
  consistency: Consistency;
  serialConsistency: Consistency;
  tracing: boolean;
  timing: boolean;
  format: OutputFormat;
  /** how values display (precisions, timestamp format, time zone): cqlshrc [ui] and TZ */
  display?: Partial<FormatOptions>;
  /** CAPTURE: while set, query results (not messages or errors) go to this file, uncoloured, instead of stdout */
  capture?: CaptureTarget;
  /** DESCRIBE's path: the server's, the client-side generator's, or auto (server when it has DESCRIBE) */
  describe?: 'auto' | 'server' | 'client';
  /** what only the interactive face reads; HIGHLIGHT, SUGGEST and PAGER switch it */
  repl: ReplSettings;
}

/** The interactive shell's extras, read by the face for each keystroke and result. */
export interface ReplSettings {
  /** syntax highlighting of the statement being typed (only ever with colors) */
  highlight: boolean;
  /** the rest of the newest history entry that starts with the buffer, dimmed after the cursor */
  suggest: boolean;
  /** results wider than the terminal go to the pager */
  pager: boolean;
  /** ... and results taller than it too, instead of ---MORE--- */
  pagerTall: boolean;
}

/** A file CAPTURE appends query output to. */
export interface CaptureTarget {
  /** the path as cqlsh shows it (after ~ expansion) */
  path: string;
  write(text: string): void;
  close(): void;
}

export function defaultState(): ShellState {
  return {
    expand: false,
    paging: { enabled: true, pageSize: 100 },
    consistency: 'ONE',
    serialConsistency: 'SERIAL',
    tracing: false,
    timing: false,
    format: 'table',
    repl: { highlight: true, suggest: true, pager: true, pagerTall: false },
  };
}
