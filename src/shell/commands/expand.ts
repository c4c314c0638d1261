// EXPAND [ON|OFF]: vertical output of rows.
import { switchCommand } from './switch.js';

export const expand = switchCommand(
  'EXPAND',
  (ctx) => ctx.state.expand,
  (ctx, v) => {
    ctx.state.expand = v;
  },
);
