// The engine: runs one statement (CQL or shell command) and yields Output events. Knows nothing
// of terminals; the batch face and the REPL both drive it.
import { firstWord } from '../cql/lexer.js';
import { shellCommandOf, type ShellCommandName } from '../cql/vocabulary.js';
import type { Column } from '../cql/types.js';
import { sessionSchemaSource } from '../db/schema.js';
import type { Session } from '../db/session.js';
import { hasServerDescribe } from '../describe/version.js';
import type { CopySettings } from '../copy/options.js';
import { TIMESTAMP_OVERFLOW_WARNING } from '../format/time.js';
import type { CommandContext, ShellCommand } from './command.js';
import { commands } from './commands/index.js';
import { guard, type GuardSettings } from './guard.js';
import { LastResult } from './last-result.js';
import { statementTrace } from './commands/trace.js';
import type { Output } from './output.js';
import { SchemaCache } from './schema-cache.js';
import { defaultState, type ShellState } from './state.js';

/**
 * What a face offers the engine, given when it builds the engine: the rest of its input (COPY FROM
 * STDIN), a progress line (a terminal), a password prompt without echo (LOGIN: the REPL), the
 * input history (HISTORY). The batch face, the Ink REPL and the plain-line REPL each implement it.
 */
export interface ShellIO {
  readLine?(): Promise<string | null>;
  progress?(line: string | null): void;
  readPassword?(prompt: string): Promise<string>;
  history?(): readonly string[];
  /** asks a yes/no question (the guard on destructive statements); only a face that can ask has it */
  confirm?(question: string): Promise<boolean>;
}

/** Builds the engine once the face has its IO (run.ts hands each face one). */
export type ShellFactory = (io: ShellIO) => Shell;

export interface ShellOptions {
  /** the face's IO (none: no COPY FROM STDIN, no progress line, no password prompt, no history) */
  io?: ShellIO;
  /** COPY's settings (the Keyspaces preset, the cqlshrc's [copy] sections, the [ui] time format) */
  copy?: CopySettings;
  /** rows per request when batch output pages through a result (default 5000; the pages printed stay pageSize rows) */
  fetchRows?: number;
  interactive?: boolean;
  /** look up each SELECTed column's role in its table's key (for colored headers) */
  columnRoles?: boolean;
  keyspace?: string;
}

export class Shell {
  readonly state: ShellState = defaultState();
  keyspace: string | undefined;
  private readonly interactive: boolean;
  private readonly wantRoles: boolean;
  private readonly registry = new Map<ShellCommandName | 'use', ShellCommand>();
  /** the schema as the shell knows it (completion, client-side DESCRIBE): loaded lazily, dropped after DDL */
  readonly schema = new SchemaCache(sessionSchemaSource(() => this.session, { keyspaces: () => !hasServerDescribe(this.session.info.releaseVersion) }));
  /** the guard on destructive statements (--confirm-destructive, --safe); none: everything runs */
  guard: GuardSettings | undefined;
  /** the last result set shown, for SAVE (interactive only: batch output is never held) */
  private readonly lastResult: LastResult | undefined;
  private readonly io: ShellIO;
  private readonly copySettings: CopySettings;
  private readonly fetchRows: number;
  /** cqlsh's DateOverFlowWarning was printed (once a process, as Python warns) */
  private warnedOverflow = false;

  constructor(
    public session: Session,
    o: ShellOptions = {},
  ) {
    this.interactive = o.interactive ?? false;
    this.wantRoles = o.columnRoles ?? false;
    this.keyspace = o.keyspace;
    this.lastResult = this.interactive ? new LastResult() : undefined;
    this.io = o.io ?? {};
    this.copySettings = o.copy ?? {};
    this.fetchRows = o.fetchRows ?? 5000;
    for (const c of commands) this.registry.set(c.name, c);
    // the shell's schema goes stale with any client's DDL (no-op for sessions without events, e.g. test fakes)
    session.onSchemaChange?.(() => this.schema.invalidate());
  }

  /** Runs one complete statement, as the splitter gives it (with its `;` or newline). */
  async *run(text: string, signal?: AbortSignal): AsyncGenerator<Output> {
    const word = firstWord(text).toLowerCase();
    const name = word === 'use' ? 'use' : shellCommandOf(word);
    const command = name ? this.registry.get(name) : undefined;
    const refused = await guard(word.toUpperCase(), text, {
      settings: this.guard,
      keyspace: this.keyspace,
      schema: () => this.schema.get(),
      confirm: this.io.confirm?.bind(this.io),
    });
    if (refused) {
      yield refused;
      return;
    }
    // TIMING counts the statement's own time: not the time its outputs spend with the face
    // (printed, or waiting for the user at ---MORE---)
    let spent = 0;
    let since = monotonicMs();
    const inner = command ? command.run(withoutTerminator(text), this.context(signal)) : this.runCql(text, signal);
    for await (const out of inner) {
      spent += monotonicMs() - since;
      this.lastResult?.note(out);
      yield out;
      since = monotonicMs();
    }
    spent += monotonicMs() - since;
    if (this.state.timing && name !== 'timing') yield { kind: 'text', text: elapsed(spent) };
  }

  private context(signal?: AbortSignal): CommandContext {
    return {
      session: this.session,
      state: this.state,
      keyspace: this.keyspace,
      interactive: this.interactive,
      runStatement: (t) => this.runCql(t, signal),
      run: (t) => this.run(t, signal),
      schema: this.schema,
      signal,
      readLine: this.io.readLine?.bind(this.io),
      progress: this.io.progress?.bind(this.io),
      readPassword: this.io.readPassword?.bind(this.io),
      history: this.io.history?.bind(this.io),
      copy: this.copySettings,
      lastResult: () => this.lastResult?.get(),
    };
  }

  /** Sends a CQL statement and yields its result as cqlsh shows it. */
  async *runCql(text: string, signal?: AbortSignal): AsyncGenerator<Output> {
    const lower = text.trimStart().slice(0, 6).toLowerCase();
    const listsRows = lower === 'select' || /^list\b/i.test(text.trimStart());
    let total = 0;
    let warnings: string[] = [];
    let first = true;
    let traceId: string | undefined;
    const overflowsBefore = this.session.timestampOverflows ?? 0;
    // cqlsh does not trace a SELECT that reads the traces themselves
    const tracing = this.state.tracing && !(lower === 'select' && this.readsTraces(text));
    try {
      const pageSize = this.state.paging.enabled ? this.state.paging.pageSize : undefined;
      const pages = this.session.execute(text, {
        pageSize,
        // batch output reads every page at once: ask for many pages per round trip (the REPL asks
        // page by page, as the user pages through)
        fetchSize: pageSize && !this.interactive ? this.fetchRows : undefined,
        consistency: this.state.consistency,
        serialConsistency: this.state.serialConsistency,
        tracing,
        signal,
      });
      for await (const page of pages) {
        if (page.warnings.length) warnings = page.warnings;
        traceId ??= page.traceId;
        if (page.keyspace !== undefined && page.keyspace !== this.keyspace) {
          this.keyspace = page.keyspace;
          yield { kind: 'keyspace', keyspace: page.keyspace };
        }
        if (!page.columns) break;
        if (!this.warnedOverflow && (this.session.timestampOverflows ?? 0) > overflowsBefore) {
          this.warnedOverflow = true;
          yield { kind: 'notice', text: `DateOverFlowWarning: ${TIMESTAMP_OVERFLOW_WARNING}` };
        }
        // key columns colored as cqlsh colors them: a SELECT's, and a conditional write's answer
        if (first && this.wantRoles && (lower === 'select' || !listsRows)) await this.addRoles(text, page.columns);
        if (listsRows) {
          yield { kind: 'page', columns: page.columns, rows: page.rows, first, last: !page.hasMore, offset: total, total: total + page.rows.length };
        } else if (page.rows.length) {
          yield { kind: 'static', columns: page.columns, rows: page.rows };
        }
        total += page.rows.length;
        first = false;
      }
    } catch (e) {
      if (signal?.aborted) return;
      yield { kind: 'error', message: this.session.describeError(e) };
      return;
    }
    // cancelled (Ctrl-C): the face says so; nothing of the statement's aftermath runs
    if (signal?.aborted) return;
    if (lower !== 'select') this.session.forgetSchema();
    this.schema.noteStatement(text);
    if (warnings.length) yield { kind: 'warnings', warnings };
    if (tracing && traceId) {
      yield* statementTrace(this.session, traceId, { consistency: this.state.consistency, tty: this.interactive });
    }
  }

  /** Marks partition key, clustering and static columns of the table a statement reads or writes. */
  private async addRoles(text: string, columns: Column[]): Promise<void> {
    const ident = String.raw`(?:"((?:[^"]|"")+)"|(\w+))`;
    // the table: SELECT/DELETE ... FROM t, INSERT INTO t, UPDATE t
    const m = new RegExp(String.raw`(?:\bfrom|\binto|^\s*update)\s+${ident}(?:\s*\.\s*${ident})?`, 'i').exec(text);
    if (!m) return;
    const name = (q?: string, u?: string) => (q !== undefined ? q.replace(/""/g, '"') : u?.toLowerCase());
    const first = name(m[1], m[2]);
    const second = name(m[3], m[4]);
    const [ks, table] = second !== undefined ? [first, second] : [this.keyspace, first];
    if (!ks || !table) return;
    try {
      const roles = await this.session.columnRoles(ks, table);
      for (const c of columns) c.role = roles.get(c.name) ?? c.role;
    } catch {
      /* colors are a nicety: a failed lookup leaves the default */
    }
  }

  private readsTraces(text: string): boolean {
    const m = /\bfrom\s+(?:"([^"]+)"|(\w+))\s*\./i.exec(text);
    const ks = m ? (m[1] ?? m[2].toLowerCase()) : this.keyspace;
    return ks === 'system_traces';
  }
}

/** TIMING ON's line after each statement, as pgcli words it. */
export function elapsed(ms: number): string {
  return ms < 1000 ? `Time: ${ms.toFixed(3)} ms` : `Time: ${(ms / 1000).toFixed(3)} s`;
}

/** A statement without its final `;` or newline and the blanks before it. */
export function withoutTerminator(text: string): string {
  return text.replace(/\s*;?\s*$/, '');
}

/** milliseconds on a monotonic clock (process.hrtime: the `performance` global loads perf_hooks on first use, ~1 ms) */
function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
