#!/usr/bin/env node
// Writes completions/ from the built generator (build/tsc/cli/completion.js, tsc's output): the
// scripts shipped in the npm package are exactly what `tscqlsh completion bash|zsh|fish` prints.
// Run after a build: npm run build && node scripts/gen-completions.mjs [--check]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { SHELLS, COMPLETION_FILES, completionScript } = await import(new URL('../build/tsc/cli/completion.js', import.meta.url).href);
const check = process.argv.includes('--check');
let stale = 0;
for (const shell of SHELLS) {
  const file = path.join(root, 'completions', COMPLETION_FILES[shell]);
  const text = completionScript(shell);
  if (check) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
      console.error(`stale: ${path.relative(root, file)}`);
      stale++;
    }
    continue;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(root, file)}`);
}
process.exitCode = stale ? 1 : 0;
