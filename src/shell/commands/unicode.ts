// UNICODE: cqlsh documents it under HELP but its grammar has no such command, so typing it is
// always "Improper UNICODE command." (it must not reach the server).
import type { ShellCommand } from '../command.js';
import { improper } from './args.js';

export const unicode: ShellCommand = {
  name: 'unicode',
  async *run(text) {
    yield improper(text);
  },
};
