#!/usr/bin/env node
// The single-file tscqlsh: Node's single executable application (SEA) support. tsc's output
// (build/tsc/, from `npm run build`) is bundled with esbuild into one CommonJS script (src/sea.ts
// is its entry; the same driver edits as dist/, and the single-file edits of
// scripts/bundle-plugins.mjs), Node makes a preparation blob of it with a V8 start-up snapshot of
// the connected path, and postject injects the blob into a copy of the node binary.
//   npm run build:binary                       build/bin/tscqlsh for this machine (the Node running this)
//   node scripts/build-binary.mjs [--node PATH] [--out PATH] [--no-snapshot]
// --node: the node binary to embed (default: this one). The snapshot is made by running that binary,
//         so it must run here: build each platform's binary on that platform (docs/binary.md).
// --no-snapshot: V8's code cache of the script instead of a snapshot (start-up measured in
//         docs/performance.md).
// Beside the binary: THIRD-PARTY-NOTICES.txt (the bundled packages' licences; Node's own licence
// is in the node binary's distribution, copied there too when found).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'postject';
import { lazyDriver, singleFile, thirdPartyNotices } from './bundle-plugins.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const node = path.resolve(opt('node', process.execPath));
const out = path.resolve(opt('out', path.join(root, 'build', 'bin', process.platform === 'win32' ? 'tscqlsh.exe' : 'tscqlsh')));
const snapshot = !argv.includes('--no-snapshot');
const work = path.join(root, 'build', 'sea');
const entry = path.join(root, 'build', 'tsc', 'sea.js');
const log = (m) => process.stderr.write(`build-binary: ${m}\n`);
const fail = (m) => {
  log(m);
  process.exit(1);
};
if (!fs.existsSync(entry)) fail(`${path.relative(root, entry)} is missing: run npm run build first`);
fs.mkdirSync(work, { recursive: true });

// 1. one CommonJS script
const script = path.join(work, 'tscqlsh.cjs');
const bundled = await build({
  entryPoints: [entry],
  outfile: script,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  // optional peer of Ink (DEV=true only; the single-file edits drop its import)
  external: ['react-devtools-core'],
  // import.meta does not exist in a CommonJS script: its url is the binary's own (createRequire of
  // it loads Node's built-ins, all the binary ever requires)
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__tscqlshImportMetaUrl' },
  banner: { js: "var __tscqlshImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  // a smaller script makes a smaller snapshot (the script's text is in it): 12.3 → 10.0 MB, and
  // ~10 ms less to start; names are kept (stack traces with --debug, error names)
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  metafile: true,
  plugins: [singleFile, lazyDriver],
});
log(`${path.relative(root, script)} ${(fs.statSync(script).size / 1e6).toFixed(1)} MB`);

// 2. the preparation blob, made by the node that will run it (a snapshot is that node's own)
const blob = path.join(work, 'tscqlsh.blob');
const config = path.join(work, 'sea-config.json');
fs.writeFileSync(
  config,
  JSON.stringify({ main: script, output: blob, disableExperimentalSEAWarning: true, useSnapshot: snapshot, useCodeCache: !snapshot }, null, 2),
);
const prep = spawnSync(node, ['--experimental-sea-config', config], { cwd: work, encoding: 'utf8' });
// the snapshot builder warns about built-ins it has not verified: kept out of the log unless it fails
if (prep.status !== 0 || !fs.existsSync(blob)) fail(`${node} --experimental-sea-config failed (${prep.status ?? prep.signal}):\n${prep.stderr}`);

// 3. a copy of node with the blob injected
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });
fs.copyFileSync(node, out);
fs.chmodSync(out, 0o755);
if (process.platform === 'darwin') spawnSync('codesign', ['--remove-signature', out], { stdio: 'inherit' });
await inject(out, 'NODE_SEA_BLOB', fs.readFileSync(blob), {
  sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
  ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
});
if (process.platform === 'darwin') spawnSync('codesign', ['--sign', '-', out], { stdio: 'inherit' });

// 4. the licences that travel with it
const notices = [thirdPartyNotices(Object.keys(bundled.metafile.inputs)).replace(/^dist\/ bundles/, 'tscqlsh bundles')];
const nodeLicense = [path.join(path.dirname(node), '..', 'LICENSE'), path.join(path.dirname(node), 'LICENSE')].find((f) => fs.existsSync(f));
if (nodeLicense) notices.push(`node ${spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim()} (the runtime this binary is)\n${'-'.repeat(60)}\n${fs.readFileSync(nodeLicense, 'utf8').trim()}\n`);
fs.writeFileSync(path.join(path.dirname(out), 'THIRD-PARTY-NOTICES.txt'), notices.join('\n'));

// 5. it runs
const check = spawnSync(out, ['--version'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
if (check.status !== 0 || !/^cqlsh \S+ \(tscqlsh \S+\)\n$/.test(check.stdout)) fail(`${out} --version: ${check.status ?? check.signal} ${check.stdout}${check.stderr}`);
log(`${path.relative(process.cwd(), out) || out}: ${(fs.statSync(out).size / 1e6).toFixed(1)} MB, ${snapshot ? 'start-up snapshot' : 'code cache'}, ${check.stdout.trim()}`);
