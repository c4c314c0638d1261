// Batch mode never loads Ink or React: no static import chain from the entry point reaches them
// (the REPL is loaded with a dynamic import, only when it was chosen).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  // `import ... from 'x'` and `export ... from 'x'`, not `import type` and not `await import('x')`
  const re = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]);
  return out;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(file)) {
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec).replace(/\.js$/, '');
      const found = ['.ts', '.tsx'].map((e) => base + e).find((f) => fs.existsSync(f));
      if (found) todo.push(found);
    }
  }
  return seen;
}

describe('batch mode imports', () => {
  it('reaches neither ink, react nor src/ui from cli.ts and run.ts (which cli.ts loads)', () => {
    const all = [...reachable(path.join(src, 'cli.ts')), ...reachable(path.join(src, 'run.ts'))];
    expect(all.filter((m) => m === 'ink' || m === 'react' || m.startsWith('react/') || m.includes(`${path.sep}ui${path.sep}`))).toEqual([]);
    // the walk did find the batch face
    expect(all.some((m) => m.endsWith('batch.ts'))).toBe(true);
  });
});
