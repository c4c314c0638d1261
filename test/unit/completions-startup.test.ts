// Start-up: `--version`, `--help`, `completion` and `profile list` load neither the driver, the AWS SDK,
// nor Ink/React. A module resolve hook (node:module registerHooks, preloaded with --import) reports
// every module that resolves into one of those packages, whoever imports it and however.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tscqlshBin } from '../support/run.js';

const HEAVY = /[\\/]node_modules[\\/](cassandra-driver|ink|react|react-reconciler|@aws-sdk|yoga-layout)[\\/]/;

/** A preload that prints `HEAVY <url>` on stderr for each heavy module resolved. */
function heavyHook(dir: string): string {
  const hook = path.join(dir, 'heavy-hook.mjs');
  fs.writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';
const heavy = ${HEAVY.toString()};
registerHooks({ resolve(spec, ctx, next) { const r = next(spec, ctx); if (heavy.test(r.url)) process.stderr.write('HEAVY ' + r.url + '\\n'); return r; } });\n`,
  );
  return hook;
}

describe.runIf(fs.existsSync(tscqlshBin))('light start-up paths', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-startup-'));
  const hook = heavyHook(dir);
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config'), HOME: dir };
  // a saved profile, so `profile list` has something to read
  spawnSync(process.execPath, [tscqlshBin, 'profile', 'add', 'dev', '--host', '10.1.2.3'], { env });

  it('the hook sees a heavy import', () => {
    // guards the guard: a path that does load the driver is reported
    const r = spawnSync(process.execPath, ['--import', hook, '-e', "await import('cassandra-driver')"], {
      encoding: 'utf8',
      cwd: path.dirname(path.dirname(tscqlshBin)),
      env,
    });
    expect(r.stderr).toMatch(/^HEAVY .*cassandra-driver/m);
  });

  it.each([
    [['--version']],
    [['--help']],
    [['completion', 'bash']],
    [['completion', 'zsh']],
    [['completion', 'fish']],
    [['profile', 'list']],
    [['profile', 'list', '--names']],
  ])('tscqlsh %j', (argv) => {
    const r = spawnSync(process.execPath, ['--import', hook, tscqlshBin, ...argv], { encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toBe('');
    if (argv[0] === 'profile') expect(r.stdout).toMatch(/dev/);
  });
});
