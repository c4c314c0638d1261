// EDIT (tscqlsh's own): the last statement in the user's editor ($VISUAL, else $EDITOR, else vi);
// what is saved comes back to the prompt ready to run, not run. The engine only asks (an `edit`
// output): the interactive face opens the editor, as it does for Ctrl-X Ctrl-E with the statement
// being typed. Batch mode has no prompt to come back to and refuses it.
import type { ShellCommand } from '../command.js';
import { commandTokens, fail, improper } from './args.js';

const EDIT_ITSELF = /^\s*edit\s*;?\s*$/i;

export const edit: ShellCommand = {
  name: 'edit',
  async *run(text, ctx) {
    const t = commandTokens(text);
    if (!t || t.length > 1) {
      yield improper(text);
      return;
    }
    if (!ctx.interactive || !ctx.history) {
      yield fail('EDIT needs the interactive shell: it opens the last statement in $VISUAL or $EDITOR and brings it back to the prompt.');
      return;
    }
    // the newest history entry before this EDIT (the REPL remembers EDIT before running it)
    const entries = ctx.history();
    let last = '';
    for (let i = entries.length - 1; i >= 0; i--) {
      if (!EDIT_ITSELF.test(entries[i])) {
        last = entries[i];
        break;
      }
    }
    yield { kind: 'edit', text: last };
  },
};
