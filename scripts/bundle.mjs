#!/usr/bin/env node
// The shipped layout: bundles tsc's output (build/tsc/, see tsconfig.json) into dist/ with esbuild.
// dist/cli.js is the bin entry; code splitting keeps the lazy imports of src/cli.ts lazy (the driver
// only on connect, Ink only for the REPL), each behind a chunk of its own (dist/chunk-*.js).
// One file per path instead of ~60 of ours and the driver's ~100 CommonJS files: ~35 ms off each
// connected start-up (docs/architecture.md, Build). Run: npm run build (tsc, then this).
import { build } from 'esbuild';
import { builtinsByRequire, lazyDriver, thirdPartyNotices } from './bundle-plugins.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'build', 'tsc', 'cli.js');
const outdir = path.join(root, 'dist');
if (!fs.existsSync(entry)) {
  console.error(`bundle: ${path.relative(root, entry)} is missing: run tsc -p tsconfig.json first`);
  process.exit(1);
}

const result = await build({
  entryPoints: [entry],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: [
    // optional peer of Ink, loaded only when DEV=true; never installed
    'react-devtools-core',
  ],
  // the bundled CommonJS (cassandra-driver, cli-table3, ...) calls require() for Node's built-ins
  banner: { js: "import { createRequire as __tscqlshCreateRequire } from 'node:module'; const require = __tscqlshCreateRequire(import.meta.url);" },
  // React and react-reconciler pick their production builds (as NODE_ENV=production would), and the
  // development builds are left out of the bundle
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  write: false,
  // TSCQLSH_BUNDLE_EAGER_DRIVER=1: without the driver edits (to measure them, or to rule them out)
  plugins: [builtinsByRequire, ...(process.env.TSCQLSH_BUNDLE_EAGER_DRIVER ? [] : [lazyDriver])],
});
// written over the old files, then the old chunks removed: dist/cli.js is never missing, so a
// build while tests run dist/ does not fail them (a process already running may still miss a chunk)
fs.mkdirSync(outdir, { recursive: true });
const written = new Set();
for (const f of result.outputFiles) {
  fs.writeFileSync(f.path, f.contents);
  written.add(path.resolve(f.path));
}
// the licences of the packages bundled into dist/ (their notices must travel with their code, and
// the bundle drops legal comments): dist/THIRD-PARTY-NOTICES.txt, shipped with the package
const notices = path.join(outdir, 'THIRD-PARTY-NOTICES.txt');
fs.writeFileSync(notices, thirdPartyNotices(Object.keys(result.metafile.inputs)));
written.add(path.resolve(notices));
for (const name of fs.readdirSync(outdir)) {
  const p = path.join(outdir, name);
  if (!written.has(path.resolve(p))) fs.rmSync(p, { recursive: true, force: true });
}
fs.chmodSync(path.join(outdir, 'cli.js'), 0o755);
// for analysis (what each chunk holds, what it imports): build/esbuild-meta.json
fs.writeFileSync(path.join(root, 'build', 'esbuild-meta.json'), JSON.stringify(result.metafile));
