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

// What a plaintext -e costs at start-up (docs/architecture.md, Start-up): Node's built-ins that take
// milliseconds to load are loaded only where used. A hook preloaded with --import prints the
// built-ins the process loaded, at exit.
const builtinsHook = path.join(dir, 'builtins.mjs');
fs.writeFileSync(
  builtinsHook,
  `process.on('exit', () => process.stderr.write('BUILTINS ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)).join(' ') + '\\n'));\n`,
);

describe('a plaintext -e loads only the built-ins it uses', () => {
  it('no tls, crypto, child_process, v8, perf_hooks or readline; TLS loads tls', async () => {
    const loaded = (stderr: string) => new Set(/^BUILTINS (.*)$/m.exec(stderr)?.[1].split(' ') ?? []);
    const plain = await run(process.execPath, ['--import', builtinsHook, tscqlshBin, server.host, String(server.port), '-e', 'SELECT key FROM system.local']);
    expect(plain.stdout).toMatch(/ local\n/);
    const mods = loaded(plain.stderr);
    expect(mods.has('net')).toBe(true);
    expect(['tls', 'crypto', 'child_process', 'v8', 'perf_hooks', 'readline', 'zlib', 'https'].filter((m) => mods.has(m))).toEqual([]);
    if (server.tlsPort) {
      const tls = await run(process.execPath, ['--import', builtinsHook, tscqlshBin, server.host, String(server.tlsPort), '--ssl', '--ssl-no-verify', '-e', 'SELECT key FROM system.local']);
      expect(tls.stdout).toMatch(/ local\n/);
      expect(loaded(tls.stderr).has('tls')).toBe(true);
    }
  });
});
