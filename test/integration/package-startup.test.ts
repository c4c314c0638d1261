// Batch mode (-e, -f, piped stdin) against the real Cassandra never loads Ink or React (nor the AWS
// SDK without SigV4): a module resolve hook preloaded with --import reports every module that
// resolves into those packages, or that loads a bundled chunk holding them. The light paths (--version, --help, completion, profile list) are
// covered in test/unit/completions-startup.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { run, tscqlshBin } from '../support/run.js';

const server = inject('cassandra');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-batch-light-'));
const hook = path.join(dir, 'hook.mjs');
fs.writeFileSync(
  hook,
  `import { registerHooks } from 'node:module';
const ui = /[\\\\/]node_modules[\\\\/](ink|react|react-reconciler|yoga-layout|@aws-sdk)[\\\\/]/;
const driver = /[\\\\/]node_modules[\\\\/]cassandra-driver[\\\\/]/;
// dist/ is a bundle: its chunks name the packages they hold in esbuild's "// node_modules/x/" comments
const uiBundled = /\\/\\/ node_modules\\/(ink|react|react-reconciler|yoga-layout)\\//;
const driverBundled = /\\/\\/ node_modules\\/cassandra-driver\\//;
let saw = false;
const sawDriver = () => { if (!saw) { saw = true; process.stderr.write('DRIVER\\n'); } };
registerHooks({
  resolve(spec, ctx, next) {
    const r = next(spec, ctx);
    if (ui.test(r.url)) process.stderr.write('HEAVY ' + r.url + '\\n');
    if (driver.test(r.url)) sawDriver();
    return r;
  },
  load(url, ctx, next) {
    const r = next(url, ctx);
    const source = r.source == null ? '' : String(r.source);
    if (uiBundled.test(source)) process.stderr.write('HEAVY ' + url + '\\n');
    if (driverBundled.test(source)) sawDriver();
    return r;
  },
});
`,
);
const script = path.join(dir, 'q.cql');
fs.writeFileSync(script, 'SELECT key FROM system.local;\n');

const tscqlsh = (args: string[], stdin?: string) => run(process.execPath, ['--import', hook, tscqlshBin, server.host, String(server.port), ...args], { stdin });

describe('batch mode loads neither Ink nor React', () => {
  it.each([
    ['-e', ['-e', 'SELECT key FROM system.local'], undefined],
    ['-f', ['-f', script], undefined],
    ['stdin', [], 'SELECT key FROM system.local;\n'],
  ] as const)('%s', async (_name, args, stdin) => {
    const r = await tscqlsh([...args], stdin);
    expect(r.stdout).toMatch(/ local\n/);
    expect(r.code).toBe(0);
    // the hook works: the driver is seen; nothing of the UI is
    expect(r.stderr).toBe('DRIVER\n');
  });
});
