// Settings that start the shell's state: consistency, serial consistency, page size, format, display.
import type { Consistency, OutputFormat } from '../cql/vocabulary.js';
import type { Shell } from '../shell/shell.js';
import type { ResolvedSettings } from './connection.js';

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
  // COPY: the cqlshrc's [copy] sections, [ui] time_format, the Keyspaces preset's defaults
  shell.copySettings = {
    cqlshrc: s.cqlshrc,
    timestampFormat: s.display?.timestampFormat,
    keyspaces: s.connect.keyspacesService === true,
  };
}
