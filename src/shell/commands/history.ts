// HISTORY [n]: the REPL's most recent commands (n, remembered for the session, is how many; 50 at
// first). Without a line editor (batch mode) cqlsh fails with Python's error about its missing
// readline module; tscqlsh prints the same.
import type { ShellCommand } from '../command.js';
import type { ShellState } from '../state.js';
import { commandTokens, fail, improper, say } from './args.js';

const shown = new WeakMap<ShellState, number>();

export const history: ShellCommand = {
  name: 'history',
  async *run(text, ctx) {
    const t = commandTokens(text);
    if (!t || t.length > 2 || (t[1] && t[1].type !== 'wholenumber')) {
      yield improper(text);
      return;
    }
    if (!ctx.interactive || !ctx.history) {
      yield fail(`'NoneType' object has no attribute 'get_current_history_length'`);
      return;
    }
    if (t[1]) shown.set(ctx.state, Number.parseInt(t[1].text, 10));
    const items = ctx.history();
    const n = shown.get(ctx.state) ?? 50;
    // readline numbers entries from 1 and cqlsh stops before the last one (this HISTORY)
    const lines = items.slice(Math.max(1, items.length - n) - 1, items.length - 1);
    if (lines.length) yield say(lines.join('\n'));
  },
};
