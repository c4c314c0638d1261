// cqlsh's ON/OFF switches (EXPAND, TRACING, PAGING, and tscqlsh's TIMING): the grammar
// `NAME [ON|OFF]` and the three messages ("X is ON", "X set to ON", "X is already ON").
import type { ShellCommandName } from '../../cql/vocabulary.js';
import type { CommandContext, ShellCommand } from '../command.js';
import { commandTokens, improper, oneOf, say } from './args.js';

export const onOff = (b: boolean): 'ON' | 'OFF' => (b ? 'ON' : 'OFF');

/** The message for switch `name` at `current` given `to` (none: just report); and the new value. */
export function flip(name: string, current: boolean, to: 'ON' | 'OFF' | undefined): { value: boolean; message: string } {
  if (to === undefined) return { value: current, message: `${name} is ${onOff(current)}` };
  const value = to === 'ON';
  if (value === current) return { value, message: `${name} is already ${onOff(current)}` };
  return { value, message: `${name} set to ${to}` };
}

/** The argument of `NAME [ON|OFF]`: null when the statement is not of that form. */
export function switchArg(text: string): { to: 'ON' | 'OFF' | undefined } | null {
  const t = commandTokens(text);
  if (!t || t.length > 2) return null;
  if (t.length === 1) return { to: undefined };
  const to = oneOf(t[1], ['ON', 'OFF'] as const);
  return to ? { to } : null;
}

/** A command that is nothing but a switch over one boolean of the shell's state. */
export function switchCommand(name: string, get: (ctx: CommandContext) => boolean, set: (ctx: CommandContext, value: boolean) => void): ShellCommand {
  return {
    name: name.toLowerCase() as ShellCommandName,
    async *run(text, ctx) {
      const arg = switchArg(text);
      if (!arg) {
        yield improper(text);
        return;
      }
      const { value, message } = flip(name, get(ctx), arg.to);
      set(ctx, value);
      yield say(message);
    },
  };
}
