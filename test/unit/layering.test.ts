// The rules of the house (docs/architecture.md, "Rules"), checked on the import graph of src/:
// which folder may import which, which packages only one folder may import, no file-level import
// cycle, and an engine (src/shell/) that never reaches for the process (no process.on, no
// environment reads). Type-only imports count: they are dependencies of the design too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/** The layer of a file (path relative to src/, with '/'). */
function layerOf(rel: string): string {
  const top = rel.split('/')[0];
  if (['cql', 'format', 'render', 'describe', 'util'].includes(top)) return 'low';
  // leaf helpers at the root (node built-ins only): as low as the low folders
  if (rel === 'memory.ts' || rel === 'version.ts') return 'low';
  if (rel === 'batch.ts') return 'batch';
  // the entry points (cli.ts, main.ts, the single-file binary's sea.ts) and what only they use
  if (top === 'cli' || ['cli.ts', 'main.ts', 'sea.ts', 'run.ts', 'shutdown.ts'].includes(rel)) return 'cli';
  return top.replace(/\.tsx?$/, '');
}

/** What each layer may import (its own layer included). */
const MAY_IMPORT: Record<string, string[]> = {
  low: ['low'],
  db: ['low', 'db'],
  copy: ['low', 'db', 'copy'],
  shell: ['low', 'db', 'copy', 'shell'],
  settings: ['low', 'db', 'settings'],
  // the printer both faces hand the engine's events to
  output: ['low', 'db', 'copy', 'shell', 'output'],
  ui: ['low', 'db', 'copy', 'shell', 'output', 'ui'],
  batch: ['low', 'db', 'copy', 'shell', 'output', 'batch'],
  cli: ['low', 'db', 'copy', 'shell', 'output', 'settings', 'ui', 'batch', 'cli'],
};

/** Packages only some layers may import. */
const PACKAGE_OWNERS: [RegExp, string[]][] = [
  [/^cassandra-driver(\/|$)/, ['db']],
  [/^@aws-sdk\//, ['db']],
  [/^(ink|react|react-reconciler)(\/|$)/, ['ui']],
  [/^(node:)?tty$/, ['ui', 'batch', 'cli', 'output']],
];

interface Edge {
  from: string;
  to: string;
}

const IMPORT_RE = /(?:^|\n)[ \t]*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import of every file under `root`: to is a path relative to root, or a package name. */
function importGraph(root: string): { files: Map<string, string>; edges: Edge[] } {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.set(path.relative(root, p).split(path.sep).join('/'), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  const edges: Edge[] = [];
  for (const [rel, text] of files) {
    const code = text.replace(/^\s*\/\/.*$/gm, '');
    for (const m of code.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) {
        edges.push({ from: rel, to: spec });
        continue;
      }
      const base = path.posix.join(path.posix.dirname(rel), spec).replace(/\.js$/, '');
      const to = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => files.has(f));
      if (!to) throw new Error(`${rel}: cannot resolve ${spec}`);
      edges.push({ from: rel, to });
    }
  }
  return { files, edges };
}

/** Each file-level import cycle once, as the files on it in order. */
function cycles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.to.endsWith('.ts') || e.to.endsWith('.tsx')) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  // Tarjan's strongly connected components
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let n = 0;
  const visit = (v: string): void => {
    index.set(v, n);
    low.set(v, n++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (next.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** Every broken rule, one line each. */
function violations(files: Map<string, string>, edges: Edge[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const fromLayer = layerOf(from);
    if (to.endsWith('.ts') || to.endsWith('.tsx')) {
      const toLayer = layerOf(to);
      if (!MAY_IMPORT[fromLayer]?.includes(toLayer)) out.push(`${from} imports ${to}`);
    } else {
      for (const [re, owners] of PACKAGE_OWNERS) if (re.test(to) && !owners.includes(fromLayer)) out.push(`${from} imports ${to}`);
    }
  }
  for (const c of cycles(edges)) out.push(`cycle: ${c.join(' ')}`);
  // the engine and the pure modules never listen to the process; the engine reads no environment
  // (the faces hand it what they read: run.ts)
  for (const [rel, text] of files) {
    const layer = layerOf(rel);
    if (layer !== 'shell' && layer !== 'low') continue;
    const code = text.replace(/^\s*\/\/.*$/gm, '');
    if (/\bprocess\.(on|once|addListener)\(/.test(code)) out.push(`${rel} listens to the process`);
    if (layer === 'shell' && /\bprocess\.env\b/.test(code)) out.push(`${rel} reads the environment`);
  }
  return [...new Set(out)].sort();
}

describe('layering', () => {
  const { files, edges } = importGraph(src);

  it('finds the imports (guards the walk)', () => {
    expect(files.size).toBeGreaterThan(100);
    expect(edges.some((e) => e.from === 'db/session.ts' && e.to === 'cassandra-driver')).toBe(true);
    expect(edges.some((e) => e.from === 'run.ts' && e.to.startsWith('ui/'))).toBe(true);
  });

  it('reports what it should (guards the rules)', () => {
    const fake = new Map([
      ['shell/a.ts', "import x from 'cassandra-driver';\nprocess.on('SIGINT', () => {});\n"],
      ['cql/b.ts', ''],
      ['cql/c.ts', ''],
    ]);
    const fakeEdges: Edge[] = [
      { from: 'shell/a.ts', to: 'cassandra-driver' },
      { from: 'copy/x.ts', to: 'shell/a.ts' },
      { from: 'settings/p.ts', to: 'cli/args.ts' },
      { from: 'ui/r.ts', to: 'batch.ts' },
      { from: 'format/v.ts', to: 'ink' },
      { from: 'cql/b.ts', to: 'cql/c.ts' },
      { from: 'cql/c.ts', to: 'cql/b.ts' },
      { from: 'db/s.ts', to: 'cassandra-driver' },
      { from: 'ui/app.tsx', to: 'react' },
    ];
    expect(violations(fake, fakeEdges)).toEqual([
      'copy/x.ts imports shell/a.ts',
      'cycle: cql/b.ts cql/c.ts',
      'format/v.ts imports ink',
      'settings/p.ts imports cli/args.ts',
      'shell/a.ts imports cassandra-driver',
      'shell/a.ts listens to the process',
      'ui/r.ts imports batch.ts',
    ]);
  });

  it('src/ keeps the rules', () => {
    expect(violations(files, edges)).toEqual([]);
  });
});

describe('lint', () => {
  it('ESLint flags a wrong import and the engine reaching for the process as it is typed', async () => {
    const eslint = new ESLint({ cwd: path.dirname(src) });
    const [r] = await eslint.lintText(
      "import driver from 'cassandra-driver';\nimport { x } from '../settings/y.js';\nprocess.on('SIGINT', () => driver(x));\n",
      {
        filePath: path.join(src, 'shell', 'fake.ts'),
      },
    );
    expect(r.messages.map((m) => m.ruleId)).toEqual(['no-restricted-imports', 'no-restricted-imports', 'no-restricted-properties']);
    const [ok] = await eslint.lintText("import driver from 'cassandra-driver';\nexport const d = driver;\n", { filePath: path.join(src, 'db', 'fake.ts') });
    expect(ok.messages).toEqual([]);
  });
});
