// CAPTURE ['file'] / CAPTURE OFF: append query results to a file instead of showing them.
// CAPTURE OFF stops a capture (an error when there is none), as cqlsh's own help says it does;
// cqlsh 6.2.2's grammar never hands OFF to the command, so there it only reports the state and a
// capture runs to the end of the session (docs/compat.md).
import fs from 'node:fs';
import type { ShellCommand } from '../command.js';
import type { CaptureTarget } from '../state.js';
import { commandTokens, fail, improper, isStringLiteral, isWord, say } from './args.js';
import { dequoteValue } from '../../cql/literals.js';
import { pyStrRepr as pyRepr } from '../../format/pyvalues.js';
import { osErrorText } from '../../util/errno.js';
import { expandUser } from '../../util/paths.js';

/** Opens `path` for appending (throws the fs error). */
export function openCapture(path: string): CaptureTarget {
  const fd = fs.openSync(path, 'a');
  let open = true;
  return {
    path,
    write(text) {
      if (open) fs.writeSync(fd, text);
    },
    close() {
      if (open) fs.closeSync(fd);
      open = false;
    },
  };
}

export const capture: ShellCommand = {
  name: 'capture',
  async *run(text, ctx) {
    const t = commandTokens(text);
    const arg = t?.[1];
    if (!t || t.length > 2 || (arg && !isStringLiteral(arg) && !isWord(arg, 'OFF'))) {
      yield improper(text);
      return;
    }
    const current = ctx.state.capture;
    if (arg && !isStringLiteral(arg)) {
      if (!current) {
        yield fail('Not currently capturing output.');
        return;
      }
      current.close();
      ctx.state.capture = undefined;
      return;
    }
    if (!arg) {
      yield say(current ? `Currently capturing query output to ${pyRepr(current.path)}.` : 'Currently not capturing query output.');
      return;
    }
    if (current) {
      yield fail(`Already capturing output to ${current.path}. Use CAPTURE OFF to disable.`);
      return;
    }
    const path = expandUser(dequoteValue(arg.text));
    try {
      ctx.state.capture = openCapture(path);
    } catch (e) {
      yield fail(`Could not open ${pyRepr(path)} for append: ${osErrorText(e, path)}`);
      return;
    }
    yield say(`Now capturing query output to ${pyRepr(path)}.`);
  },
};
