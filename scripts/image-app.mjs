#!/usr/bin/env node
// Runs inside docker/Dockerfile's build stage, after `npm ci`, tsc and the bundle: lays out the app
// tree of the runtime image in OUT, from the checkout in the current directory.
//   OUT/opt/tscqlsh              what `npm pack` ships (package.json, dist/, completions/, ...)
//   OUT/opt/tscqlsh/node_modules only what dist/ loads from node_modules at run time: the packages
//                                the bundle leaves external (build/esbuild-meta.json) that are
//                                runtime dependencies, with their own dependencies, at the places
//                                package-lock.json gave them; no type declarations, source maps or
//                                docs. Plus the package.json of a bundled package that dist/ reads
//                                by name (`require('X/package.json')`, e.g. the driver's version).
//   OUT/usr/local/bin/tscqlsh    -> the bin entry, as `npm install -g` links it
// Then it loads each external package from dist/'s place, so a missing file fails the build.
// Usage: node scripts/image-app.mjs OUT
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const src = process.cwd();
const out = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || fs.existsSync(out)) fail(`usage: node scripts/image-app.mjs OUT (a new directory)`);
const app = path.join(out, 'opt', 'tscqlsh');
const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));

function fail(msg) {
  console.error(`image-app: ${msg}`);
  process.exit(1);
}
function sh(cmd, args, cwd = src) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')}: exit ${r.status ?? r.signal}`);
  return r.stdout;
}

// 1. the npm package's files
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'image-app-'));
const packed = JSON.parse(sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp]))[0];
fs.mkdirSync(app, { recursive: true });
sh('tar', ['xzf', path.join(tmp, packed.filename), '--strip-components=1', '--no-same-owner', '-C', app]);
fs.rmSync(tmp, { recursive: true, force: true });

// 2. the runtime packages, resolved as Node does from a package directory
const pkgDir = (from, name) => {
  for (let dir = from; dir === src || dir.startsWith(src + path.sep); dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') continue;
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  return undefined;
};
const manifest = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
/** dir and every package it depends on (dependencies, optional and peer ones where installed) */
function closure(dir, into = new Set()) {
  if (into.has(dir)) return into;
  into.add(dir);
  const m = manifest(dir);
  for (const name of Object.keys({ ...m.dependencies, ...m.optionalDependencies, ...m.peerDependencies })) {
    const d = pkgDir(dir, name);
    if (d) closure(d, into);
  }
  return into;
}
const production = new Set();
for (const name of Object.keys(pkg.dependencies ?? {})) {
  const d = pkgDir(src, name);
  if (!d) fail(`dependency ${name} is not installed (run npm ci first)`);
  closure(d, production);
}
const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

const meta = JSON.parse(fs.readFileSync(path.join(src, 'build', 'esbuild-meta.json'), 'utf8'));
const builtins = new Set(builtinModules);
const externals = new Set();
for (const output of Object.values(meta.outputs)) {
  for (const imp of output.imports) {
    if (imp.external && !imp.path.startsWith('node:') && !builtins.has(packageName(imp.path)) && !imp.path.startsWith('.')) externals.add(imp.path);
  }
}
const keep = new Set();
const kept = [];
for (const spec of externals) {
  const d = pkgDir(src, packageName(spec));
  // not a runtime dependency (an optional peer such as the driver's kerberos): not installed by
  // `npm install -g` either
  if (!d || !production.has(d)) continue;
  closure(d, keep);
  kept.push(spec);
}
const dropped = (name) => /\.d\.[cm]?ts$|\.map$|\.md$/i.test(name) || name === 'dist-types';
for (const dir of keep) {
  const dest = path.join(app, path.relative(src, dir));
  fs.cpSync(dir, dest, { recursive: true, verbatimSymlinks: true, filter: (p) => !dropped(path.basename(p)) || p === dir });
}
// package.json files that dist/ reads by package name
const distDir = path.join(app, 'dist');
for (const f of fs.readdirSync(distDir).filter((f) => f.endsWith('.js'))) {
  const text = fs.readFileSync(path.join(distDir, f), 'utf8');
  for (const m of text.matchAll(/["']((?:@[\w.-]+\/)?[\w.-]+)\/package\.json["']/g)) {
    const d = pkgDir(src, m[1]);
    const dest = path.join(app, 'node_modules', m[1], 'package.json');
    if (d && production.has(d) && !fs.existsSync(dest)) {
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(path.join(d, 'package.json'), dest);
    }
  }
}

// 3. the command
const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin[pkg.name];
const link = path.join(out, 'usr', 'local', 'bin', pkg.name);
fs.mkdirSync(path.dirname(link), { recursive: true });
fs.symlinkSync(path.relative(path.dirname(link), path.join(app, bin)), link);

// 4. what dist/ imports at run time loads from where dist/ is
const requireFromDist = createRequire(path.join(distDir, 'cli.js'));
for (const spec of kept) await import(pathToFileURL(requireFromDist.resolve(spec)).href);

const size = (p) => {
  const st = fs.lstatSync(p);
  return st.isDirectory() ? fs.readdirSync(p).reduce((n, f) => n + size(path.join(p, f)), 0) : st.size;
};
console.log(`image-app: ${path.relative(out, app)} ${(size(app) / 1e6).toFixed(1)} MB; node_modules: ${[...keep].length} packages for ${kept.join(', ') || 'nothing'}`);
