// USE <keyspace>: checked against cqlsh's grammar (one name: a plain word or a "quoted name"),
// then sent to the server. The engine follows the session's keyspace from there: quoted names
// keep their case, plain ones are lower-cased by the server, as cqlsh does it.
import type { ShellCommand } from '../command.js';
import { commandTokens, improper } from './args.js';

export const use: ShellCommand = {
  name: 'use',
  async *run(text, ctx) {
    const t = commandTokens(text);
    if (!t || t.length !== 2 || (t[1].type !== 'identifier' && t[1].type !== 'quotedName')) {
      yield improper(text);
      return;
    }
    yield* ctx.runStatement(text);
  },
};
