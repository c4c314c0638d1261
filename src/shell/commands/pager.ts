// PAGER [ON|OFF] (tscqlsh's own): whether the interactive shell hands a result wider than the
// terminal (and, with the pager-tall setting, taller) to the pager. Batch mode never pages.
import type { ShellCommand } from '../command.js';
import { improper, say } from './args.js';
import { flip, onOff, switchArg } from './switch.js';

export const pager: ShellCommand = {
  name: 'pager',
  async *run(text, ctx) {
    const arg = switchArg(text);
    if (!arg) {
      yield improper(text);
      return;
    }
    const r = ctx.state.repl;
    const { value, message } = flip('PAGER', r.pager, arg.to);
    r.pager = value;
    const when = r.pagerTall ? 'results wider or taller than the terminal' : 'results wider than the terminal';
    yield say(arg.to === undefined && value ? `${message} (${when}; pager-tall is ${onOff(r.pagerTall)})` : message);
  },
};
