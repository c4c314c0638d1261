#!/usr/bin/env node
// `npm pack` / `npm publish`: a clean build (tsc into build/tsc, then the esbuild bundle into dist/;
// no stale output of deleted sources in the tarball), then a check that completions/ is what
// `tscqlsh completion SHELL` prints.
// Not run by the package test (it packs with --ignore-scripts while other tests use dist/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const step = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
fs.rmSync(path.join(root, 'build', 'tsc'), { recursive: true, force: true });
step([path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
step([path.join(root, 'scripts', 'bundle.mjs')]); // replaces dist/ (no stale chunks)
step([path.join(root, 'scripts', 'gen-completions.mjs'), '--check']);
