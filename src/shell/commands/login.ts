// LOGIN user ['password']: connect again as another user. The name is taken as typed (a quoted
// name keeps its quotes, as in cqlsh); the password literal loses its first and last character.
// Without a password the face is asked for one (cqlsh prompts "Password: ").
import { describeLoginError } from '../../db/errors.js';
import type { ShellCommand } from '../command.js';
import { commandTokens, fail, improper, isStringLiteral } from './args.js';

export const login: ShellCommand = {
  name: 'login',
  async *run(text, ctx) {
    const t = commandTokens(text);
    if (!t || t.length < 2 || t.length > 3 || !(t[1].type === 'identifier' || isStringLiteral(t[1])) || (t[2] && !isStringLiteral(t[2]))) {
      yield improper(text);
      return;
    }
    const username = t[1].text;
    const password = t[2] ? t[2].text.slice(1, -1) : ((await ctx.readPassword?.('Password: ')) ?? '');
    try {
      await ctx.session.login(username, password);
    } catch (e) {
      yield fail(describeLoginError(e, ctx.session.info.host, ctx.session.info.port));
    }
  },
};
