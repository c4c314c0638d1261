// CONSISTENCY [level] and SERIAL CONSISTENCY [level]: the consistency levels of the statements
// that follow.
import { isKeyspacesConsistency, keyspacesConsistencyError } from '../../db/keyspaces-rules.js';
import { CONSISTENCY_WORDS, SERIAL_LEVELS, type Consistency } from '../../cql/vocabulary.js';
import type { ShellCommand } from '../command.js';
import { commandTokens, fail, improper, isWord, oneOf, say } from './args.js';

export const consistency: ShellCommand = {
  name: 'consistency',
  async *run(text, ctx) {
    const t = commandTokens(text);
    const level = oneOf(t?.[1], CONSISTENCY_WORDS);
    if (!t || t.length > 2 || (t.length === 2 && !level)) {
      yield improper(text);
      return;
    }
    if (!level) {
      yield say(`Current consistency level is ${ctx.state.consistency}.`);
    } else if (level === 'NODE_LOCAL') {
      // cqlsh's grammar takes NODE_LOCAL, but its driver has no such level: it prints the KeyError.
      yield fail(`'NODE_LOCAL'`);
    } else if (ctx.session.isAmazonKeyspaces && !isKeyspacesConsistency(level)) {
      // refused here, with the reason, rather than on the next statement
      yield fail(keyspacesConsistencyError(level));
    } else {
      ctx.state.consistency = level;
      yield say(`Consistency level set to ${level}.`);
    }
  },
};

export const serialConsistency: ShellCommand = {
  name: 'serial',
  async *run(text, ctx) {
    const t = commandTokens(text);
    const level = oneOf(t?.[2], SERIAL_LEVELS);
    if (!t || !isWord(t[1], 'CONSISTENCY') || t.length > 3 || (t.length === 3 && !level)) {
      yield improper(text);
      return;
    }
    if (!level) {
      yield say(`Current serial consistency level is ${ctx.state.serialConsistency}.`);
    } else {
      ctx.state.serialConsistency = level satisfies Consistency;
      yield say(`Serial consistency level set to ${level}.`);
    }
  },
};
