// TRACING [ON|OFF]: request tracing for the statements that follow. (The trace table printed
// after each traced statement is the engine's: see printTrace in trace.ts.)
import { switchCommand } from './switch.js';

export const tracing = switchCommand(
  'TRACING',
  (ctx) => ctx.state.tracing,
  (ctx, v) => {
    ctx.state.tracing = v;
  },
);
