// `tscqlsh profile list --names` (shell completion) loads neither the driver nor Ink/React.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tscqlshBin } from '../support/run.js';

it.runIf(fs.existsSync(tscqlshBin))('profile list --names imports no heavy module', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-light-'));
  const hook = path.join(dir, 'hook.mjs');
  fs.writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';
registerHooks({ resolve(spec, ctx, next) { if (/^(cassandra-driver|ink|react|@aws-sdk)/.test(spec)) process.stderr.write('HEAVY ' + spec + '\\n'); return next(spec, ctx); } });\n`,
  );
  const r = spawnSync(process.execPath, ['--import', hook, tscqlshBin, 'profile', 'list', '--names'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: dir },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
