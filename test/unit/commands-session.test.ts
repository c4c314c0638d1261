// CAPTURE, LOGIN, USE, EXIT/QUIT, CLEAR/CLS, DEBUG, UNICODE, HISTORY and the Python-flavoured
// helpers they print with. Expected text is what cqlsh 6.2 printed for the same input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import driver from 'cassandra-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { dequoteValue } from '../../src/cql/literals.js';
import { pyStrRepr as pyRepr } from '../../src/format/pyvalues.js';
import { osErrorText } from '../../src/util/errno.js';
import { expandUser } from '../../src/util/paths.js';
import { capture } from '../../src/shell/commands/capture.js';
import { clear } from '../../src/shell/commands/clear.js';
import { debug } from '../../src/shell/commands/debug.js';
import { exit } from '../../src/shell/commands/exit.js';
import { history } from '../../src/shell/commands/history.js';
import { describeLoginError as loginError } from '../../src/db/errors.js';
import { login } from '../../src/shell/commands/login.js';
import { unicode } from '../../src/shell/commands/unicode.js';
import { use } from '../../src/shell/commands/use.js';
import { fakeContext, fakeSession, session } from './commands-fake.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-capture-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CAPTURE', () => {
  it('starts, reports, refuses a second file; OFF stops it, and without a capture says so', async () => {
    const ctx = fakeContext();
    const f = path.join(dir, 'cap.txt');
    const g = path.join(dir, 'other.txt');
    const out = await session(capture, ['CAPTURE OFF', 'CAPTURE', `CAPTURE '${f}'`, 'CAPTURE', `CAPTURE '${g}'`], ctx);
    expect(out).toEqual([
      'E:Not currently capturing output.',
      'Currently not capturing query output.',
      `Now capturing query output to '${f}'.`,
      `Currently capturing query output to '${f}'.`,
      `E:Already capturing output to ${f}. Use CAPTURE OFF to disable.`,
    ]);
    ctx.state.capture!.write('\n key\n');
    // (cqlsh 6.2.2 never hands OFF to the command: there it only reports; docs/compat.md)
    expect(await session(capture, ['capture off', 'CAPTURE', 'CAPTURE OFF'], ctx)).toEqual([
      'Currently not capturing query output.',
      'E:Not currently capturing output.',
    ]);
    expect(ctx.state.capture).toBeUndefined();
    expect(fs.readFileSync(f, 'utf8')).toBe('\n key\n');
    expect(fs.existsSync(g)).toBe(false);
  });

  it('takes the literal as cqlsh does: quotes undone, $$ kept, ~ expanded (reference output)', async () => {
    const home = process.env.HOME;
    process.env.HOME = dir;
    try {
      expect(await session(capture, ["CAPTURE '~/it''s.txt'"])).toEqual([`Now capturing query output to "${dir}/it's.txt".`]);
      const name = `$$tscqlsh-test-${process.pid}.txt$$`;
      const ctx = fakeContext();
      expect(await session(capture, [`CAPTURE ${name}`], ctx)).toEqual([`Now capturing query output to '${name}'.`]);
      ctx.state.capture?.close();
      fs.rmSync(name, { force: true });
    } finally {
      process.env.HOME = home;
    }
  });

  it('says why it cannot open a file (reference output)', async () => {
    expect(await session(capture, ["CAPTURE '/nonexist/x'", "CAPTURE '/'", 'CAPTURE foo', "CAPTURE 'a' 'b'"])).toEqual([
      "E:Could not open '/nonexist/x' for append: [Errno 2] No such file or directory: '/nonexist/x'",
      "E:Could not open '/' for append: [Errno 21] Is a directory: '/'",
      'E:Improper CAPTURE command.',
      'E:Improper CAPTURE command.',
    ]);
  });
});

describe('LOGIN', () => {
  it('passes the name as typed and the password without its quotes', async () => {
    const fake = fakeSession();
    const ctx = fakeContext({ fake });
    expect(await session(login, ["LOGIN cassandra 'cassandra'", "LOGIN 'cassandra' 'pw'", 'LOGIN nobody $$x$$'], ctx)).toEqual([]);
    expect(fake.logins).toEqual([
      ['cassandra', 'cassandra'],
      ["'cassandra'", 'pw'],
      ['nobody', '$x$'],
    ]);
  });

  it('asks the face for a missing password', async () => {
    const fake = fakeSession();
    const ctx = fakeContext({ fake, readPassword: async () => 'secret' });
    await session(login, ['LOGIN cassandra'], ctx);
    expect(fake.logins).toEqual([['cassandra', 'secret']]);
  });

  it('refuses other forms (reference output)', async () => {
    expect(await session(login, ['LOGIN', 'LOGIN cassandra cassandra', "LOGIN cassandra 'x' extra", "LOGIN select 'x'"])).toEqual([
      'E:Improper LOGIN command.',
      'E:Improper LOGIN command.',
      'E:Improper LOGIN command.',
      'E:Improper LOGIN command.',
    ]);
  });

  it('prints a failed login as the Python driver words it (reference output)', async () => {
    const auth = (user: string) =>
      new driver.errors.NoHostAvailableError({
        '127.0.0.1:19042': new driver.errors.AuthenticationError(`Provided username ${user} and/or password are incorrect`),
      });
    expect(loginError(auth('cassandra'), '127.0.0.1', 19042)).toBe(
      `('Unable to connect to any servers', {'127.0.0.1:19042': AuthenticationFailed('Failed to authenticate to 127.0.0.1:19042: Error from server: code=0100 [Bad credentials] message="Provided username cassandra and/or password are incorrect"')})`,
    );
    expect(loginError(auth("'cassandra'"), '127.0.0.1', 19042)).toBe(
      `('Unable to connect to any servers', {'127.0.0.1:19042': AuthenticationFailed('Failed to authenticate to 127.0.0.1:19042: Error from server: code=0100 [Bad credentials] message="Provided username \\'cassandra\\' and/or password are incorrect"')})`,
    );
    const ctx = fakeContext({ fake: fakeSession(undefined, { loginError: auth('x') }) });
    expect((await session(login, ["LOGIN x 'y'"], ctx))[0]).toMatch(/^E:\('Unable to connect to any servers', \{'127\.0\.0\.1:9042': AuthenticationFailed\(/);
  });
});

describe('USE', () => {
  it('sends a one-name USE to the server', async () => {
    const ctx = fakeContext();
    await session(use, ['USE system', 'use "MyKs"', 'USE key'], ctx);
    expect(ctx.ran).toEqual(['USE system', 'use "MyKs"', 'USE key']);
  });

  it('refuses other forms without sending them (reference output)', async () => {
    const ctx = fakeContext();
    expect(await session(use, ['USE', 'USE system extra', 'USE select', "USE 'system'"], ctx)).toEqual([
      'E:Improper USE command.',
      'E:Improper USE command.',
      'E:Improper USE command.',
      'E:Improper USE command.',
    ]);
    expect(ctx.ran).toEqual([]);
  });
});

describe('EXIT, CLEAR, DEBUG, UNICODE, HISTORY', () => {
  it('EXIT / QUIT and CLEAR / CLS take no argument (reference output)', async () => {
    expect(await session(exit, ['EXIT', 'quit', 'EXIT foo'])).toEqual(['<exit>', '<exit>', 'E:Improper EXIT command.']);
    expect(await session(clear, ['CLEAR', 'cls', 'CLEAR foo'])).toEqual(['<clear>', '<clear>', 'E:Improper CLEAR command.']);
  });

  it('DEBUG [THINGS] does nothing; anything else is improper (reference output)', async () => {
    expect(await session(debug, ['DEBUG', 'DEBUG things', 'DEBUG foo', 'DEBUG THINGS extra'])).toEqual([
      'E:Improper DEBUG command.',
      'E:Improper DEBUG command.',
    ]);
  });

  it('UNICODE is always improper (reference output)', async () => {
    expect(await session(unicode, ['UNICODE', 'unicode on'])).toEqual(['E:Improper UNICODE command.', 'E:Improper unicode command.']);
  });

  it('HISTORY fails like cqlsh without readline in batch mode (reference output)', async () => {
    expect(await session(history, ['HISTORY', 'HISTORY 5', 'HISTORY x'])).toEqual([
      "E:'NoneType' object has no attribute 'get_current_history_length'",
      "E:'NoneType' object has no attribute 'get_current_history_length'",
      'E:Improper HISTORY command.',
    ]);
  });

  it('HISTORY [n] lists earlier entries in the REPL, n remembered', async () => {
    const items = ['a', 'b', 'c', 'd', 'HISTORY 2'];
    const ctx = fakeContext({ interactive: true, history: () => items });
    expect(await session(history, ['HISTORY 2'], ctx)).toEqual(['c\nd']);
    items.push('HISTORY');
    expect(await session(history, ['HISTORY'], ctx)).toEqual(['d\nHISTORY 2']);
  });
});

describe('Python-flavoured text', () => {
  it("pyRepr matches Python's repr() of a str", () => {
    expect(pyRepr('cap.txt')).toBe("'cap.txt'");
    expect(pyRepr("it's")).toBe(`"it's"`);
    expect(pyRepr(`a"b'c`)).toBe(`'a"b\\'c'`);
    expect(pyRepr('a\\b\n\t\x7f\xa0\xad\u2028')).toBe("'a\\\\b\\n\\t\\x7f\\xa0\\xad\\u2028'");
    expect(pyRepr('\u200b\ufeff😀é')).toBe("'\\u200b\\ufeff😀é'");
  });

  it('osErrorText reads like an OSError', () => {
    expect(osErrorText({ code: 'ENOENT' }, '/x')).toBe("[Errno 2] No such file or directory: '/x'");
    expect(osErrorText({ code: 'EACCES' }, 'f')).toBe("[Errno 13] Permission denied: 'f'");
  });

  it('dequoteValue and expandUser', () => {
    expect(dequoteValue("'it''s'")).toBe("it's");
    expect(dequoteValue('$$x$$')).toBe('$$x$$');
    const home = process.env.HOME;
    process.env.HOME = '/home/u';
    try {
      expect(expandUser('~')).toBe('/home/u');
      expect(expandUser('~/a')).toBe('/home/u/a');
      expect(expandUser('a/~')).toBe('a/~');
    } finally {
      process.env.HOME = home;
    }
  });
});
