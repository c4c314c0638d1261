// DEBUG [THINGS]: cqlsh drops into Python's debugger; tscqlsh has none, so it accepts the command
// and does nothing.
import type { ShellCommand } from '../command.js';
import { commandTokens, improper, isWord } from './args.js';

export const debug: ShellCommand = {
  name: 'debug',
  async *run(text) {
    const t = commandTokens(text);
    if (!t || t.length > 2 || (t.length === 2 && !isWord(t[1], 'THINGS'))) yield improper(text);
  },
};
