// Settings that start the shell's state: consistency, serial consistency, page size, format, display.
import type { Consistency } from '../db/session.js';
import type { Shell } from '../shell/shell.js';
import type { OutputFormat } from '../shell/state.js';
import type { ResolvedSettings } from './connection.js';

export function applySettings(shell: Shell, s: ResolvedSettings): void {
  if (s.consistency) shell.state.consistency = s.consistency as Consistency;
  if (s.serialConsistency) shell.state.serialConsistency = s.serialConsistency as Consistency;
  if (s.pageSize) shell.state.paging.pageSize = s.pageSize;
  if (s.format) shell.state.format = s.format as OutputFormat;
  if (s.display) shell.state.display = s.display;
  // COPY: the cqlshrc's [copy] sections, [ui] time_format, the Keyspaces preset's defaults
  shell.copySettings = {
    cqlshrc: s.cqlshrc,
    timestampFormat: s.display?.timestampFormat,
    keyspaces: s.connect.keyspacesService === true,
  };
}
