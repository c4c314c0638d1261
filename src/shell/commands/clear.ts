// CLEAR / CLS: clear the screen (the face does it; cqlsh runs `clear`).
import type { ShellCommand } from '../command.js';
import { commandTokens, improper } from './args.js';

export const clear: ShellCommand = {
  name: 'clear',
  async *run(text) {
    if (commandTokens(text)?.length !== 1) yield improper(text);
    else yield { kind: 'clear' };
  },
};
