// Every shell command module, registered with the engine. One module per command.
import type { ShellCommand } from '../command.js';
import { capture } from './capture.js';
import { clear } from './clear.js';
import { consistency, serialConsistency } from './consistency.js';
import { copy } from './copy.js';
import { debug } from './debug.js';
import { describe } from './describe.js';
import { edit } from './edit.js';
import { exit } from './exit.js';
import { expand } from './expand.js';
import { help } from './help.js';
import { highlight } from './highlight.js';
import { history } from './history.js';
import { login } from './login.js';
import { outputFormat } from './output-format.js';
import { pager } from './pager.js';
import { paging } from './paging.js';
import { save } from './save.js';
import { show } from './show.js';
import { source } from './source.js';
import { suggest } from './suggest.js';
import { timing } from './timing.js';
import { tracing } from './tracing.js';
import { unicode } from './unicode.js';
import { use } from './use.js';

export const commands: ShellCommand[] = [
  exit,
  use,
  expand,
  paging,
  consistency,
  serialConsistency,
  tracing,
  timing,
  outputFormat,
  show,
  source,
  capture,
  help,
  login,
  clear,
  debug,
  history,
  unicode,
  describe,
  copy,
  // tscqlsh's own, for the interactive shell
  edit,
  save,
  pager,
  highlight,
  suggest,
];
