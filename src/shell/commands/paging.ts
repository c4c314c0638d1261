// PAGING [ON|OFF|n]: page query results (n rows a page). A number turns paging on with that page
// size; OFF puts the page size back to the default.
import type { ShellCommand } from '../command.js';
import { defaultState } from '../state.js';
import { commandTokens, improper, oneOf, say } from './args.js';
import { flip } from './switch.js';

export const paging: ShellCommand = {
  name: 'paging',
  async *run(text, ctx) {
    const t = commandTokens(text);
    const arg = t?.[1];
    const to = oneOf(arg, ['ON', 'OFF'] as const);
    if (!t || t.length > 2 || (arg && !to && arg.type !== 'wholenumber')) {
      yield improper(text);
      return;
    }
    const p = ctx.state.paging;
    if (arg && !to) {
      p.enabled = true;
      p.pageSize = Number.parseInt(arg.text, 10);
    } else {
      const { value, message } = flip('PAGING', p.enabled, to);
      yield say(message);
      p.enabled = value;
    }
    if (p.enabled) yield say(`Page size: ${p.pageSize}`);
    else p.pageSize = defaultState().paging.pageSize;
  },
};
