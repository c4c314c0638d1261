// HIGHLIGHT [ON|OFF] (tscqlsh's own): syntax highlighting of the statement being typed in the
// interactive shell (never without colors). Worded like cqlsh's switches.
import { switchCommand } from './switch.js';

export const highlight = switchCommand(
  'HIGHLIGHT',
  (ctx) => ctx.state.repl.highlight,
  (ctx, v) => {
    ctx.state.repl.highlight = v;
  },
);
