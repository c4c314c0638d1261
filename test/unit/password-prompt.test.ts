import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { promptPassword } from '../../src/settings/open-session.js';

it('asks for a password on the terminal without echoing it', async () => {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    raw: false,
    setRawMode(v: boolean) {
      stdin.raw = v;
      return stdin;
    },
  });
  const stderr = new PassThrough();
  let shown = '';
  stderr.on('data', (d) => (shown += d));
  const p = promptPassword({ stdin: stdin as never, stderr, stdout: new PassThrough(), env: {} });
  expect(stdin.raw).toBe(true);
  stdin.write('sekrx\u007ft\r');
  expect(await p).toBe('sekrt');
  expect(stdin.raw).toBe(false);
  expect(shown).toBe('Password: \n');
});
