// TIMING [ON|OFF] (tscqlsh's own): show how long each statement took. Worded like cqlsh's switches.
import { switchCommand } from './switch.js';

export const timing = switchCommand(
  'TIMING',
  (ctx) => ctx.state.timing,
  (ctx, v) => {
    ctx.state.timing = v;
  },
);
