// What a run's settings (and the few environment variables the engine's behaviour hangs on) give
// the engine: its options when it is built, and its state at start. settings/ never imports the
// engine (docs/architecture.md, Rules): this is the CLI's side of the meeting.
import type { Consistency, OutputFormat } from '../cql/vocabulary.js';
import type { ResolvedSettings } from '../settings/connection.js';
import type { DescribeMode } from '../shell/commands/describe.js';
import type { Shell, ShellOptions } from '../shell/shell.js';

/** What the engine takes from the settings and the environment when it is built. */
export function engineOptions(s: ResolvedSettings): ShellOptions {
  return {
    // COPY: the cqlshrc's [copy] sections, [ui] time_format, the Keyspaces preset's defaults
    copy: { cqlshrc: s.cqlshrc, timestampFormat: s.display?.timestampFormat, keyspaces: s.connect.keyspacesService === true },
    fetchRows: Number(process.env.TSCQLSH_FETCH_ROWS) || undefined,
  };
}

/** The shell's state at start: consistency, serial consistency, page size, format, display, DESCRIBE's path, the REPL's extras and the guard. */
export function applySettings(shell: Shell, s: ResolvedSettings): void {
  if (s.consistency) shell.state.consistency = s.consistency as Consistency;
  if (s.serialConsistency) shell.state.serialConsistency = s.serialConsistency as Consistency;
  if (s.pageSize) shell.state.paging.pageSize = s.pageSize;
  if (s.format) shell.state.format = s.format as OutputFormat;
  if (s.display) shell.state.display = s.display;
  // the interactive shell's extras (HIGHLIGHT, SUGGEST, PAGER switch them in the session)
  const repl = shell.state.repl;
  if (s.highlight !== undefined) repl.highlight = s.highlight;
  if (s.suggest !== undefined) repl.suggest = s.suggest;
  if (s.pager !== undefined) repl.pager = !/^(off|no|false|0)$/i.test(s.pager);
  if (s.pagerTall !== undefined) repl.pagerTall = s.pagerTall;
  const c = s.connect;
  shell.guard = {
    confirm: s.confirmDestructive,
    safe: s.safe,
    where: `${c.host}:${c.port}${s.profileName ? ` (profile ${s.profileName})` : ''}`,
  };
  const describe = process.env.TSCQLSH_DESCRIBE;
  if (describe === 'auto' || describe === 'server' || describe === 'client') shell.state.describe = describe satisfies DescribeMode;
}
