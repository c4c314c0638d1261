// EXIT / QUIT: end the session.
import type { ShellCommand } from '../command.js';
import { commandTokens, improper } from './args.js';

export const exit: ShellCommand = {
  name: 'exit',
  async *run(text) {
    if (commandTokens(text)?.length !== 1) yield improper(text);
    else yield { kind: 'exit' };
  },
};
