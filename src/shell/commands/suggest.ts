// SUGGEST [ON|OFF] (tscqlsh's own): the interactive shell's suggestions from history, shown dimmed
// after the cursor as you type. Worded like cqlsh's switches.
import { switchCommand } from './switch.js';

export const suggest = switchCommand(
  'SUGGEST',
  (ctx) => ctx.state.repl.suggest,
  (ctx, v) => {
    ctx.state.repl.suggest = v;
  },
);
