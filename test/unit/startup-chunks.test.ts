// Start-up guards on the bundle itself: esbuild's metafile (build/esbuild-meta.json, written by
// scripts/bundle.mjs) says which chunk of dist/ holds cassandra-driver, Ink and React; a resolve
// hook records every chunk a run loads. `--version`, `--help`, `completion` and `profile list`
// load none of those chunks (nor the AWS SDK's, bundled or not), `-e` never loads Ink or React. Without a build this fails: run
// `npm run build` first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, tscqlshBin } from '../support/run.js';

const metaFile = path.join(projectRoot, 'build', 'esbuild-meta.json');
const dist = path.dirname(tscqlshBin);

interface Meta {
  outputs: Record<string, { inputs: Record<string, unknown>; imports: { path: string; kind: string }[]; entryPoint?: string }>;
}

const HEAVY = {
  driver: /node_modules\/cassandra-driver\//,
  ink: /node_modules\/ink\//,
  react: /node_modules\/(react|react-reconciler)\//,
  aws: /node_modules\/@aws-sdk\//,
};
type Heavy = keyof typeof HEAVY;

/** Output file (relative to the project) → the heavy packages it holds. */
function heavyChunks(meta: Meta): Map<string, Heavy[]> {
  const out = new Map<string, Heavy[]>();
  for (const [file, o] of Object.entries(meta.outputs)) {
    const inputs = Object.keys(o.inputs).map((i) => i.replaceAll('\\', '/'));
    const held = (Object.keys(HEAVY) as Heavy[]).filter((h) => inputs.some((i) => HEAVY[h].test(i)));
    if (held.length) out.set(file.replaceAll('\\', '/'), held);
  }
  return out;
}

/** The files of dist/ a run of tscqlsh loads (a resolve hook prints each one), and whether it loaded the AWS SDK (not bundled). */
function loadedChunks(argv: string[], env: NodeJS.ProcessEnv): { files: string[]; aws: boolean; status: number | null; stdout: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-chunks-'));
  const hook = path.join(dir, 'hook.mjs');
  const log = path.join(dir, 'loaded');
  fs.writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ resolve(spec, ctx, next) { const r = next(spec, ctx); if (r.url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; } });\n`,
  );
  const r = spawnSync(process.execPath, ['--import', hook, tscqlshBin, ...argv], { encoding: 'utf8', env, timeout: 20_000 });
  const urls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  const files = urls
    .map((u) => path.relative(projectRoot, new URL(u).pathname).replaceAll('\\', '/'))
    .filter((f) => f.startsWith(path.relative(projectRoot, dist)));
  return { files: [...new Set(files)], aws: urls.some((u) => u.includes('/node_modules/@aws-sdk/')), status: r.status, stdout: r.stdout };
}

describe('start-up loads no heavy chunk it does not need', () => {
  it('has a build to check (npm run build)', () => {
    expect(fs.existsSync(tscqlshBin), `${tscqlshBin} is missing: run npm run build`).toBe(true);
    expect(fs.existsSync(metaFile), `${metaFile} is missing: run npm run build`).toBe(true);
  });

  const meta = (): Meta => JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Meta;

  it('the metafile puts the driver, Ink, React and the AWS SDK in chunks of their own, none of them loaded statically by the entry', () => {
    const heavy = heavyChunks(meta());
    const holders = (h: Heavy) => [...heavy].filter(([, held]) => held.includes(h)).map(([f]) => f);
    for (const h of Object.keys(HEAVY) as Heavy[]) expect(holders(h), h).not.toEqual([]);
    // the driver's chunk never holds Ink or React (connecting would load the REPL's code)
    for (const f of holders('driver')) expect(heavy.get(f), f).toEqual(['driver']);
    // the entry's static import closure
    const entry = path.relative(projectRoot, tscqlshBin).replaceAll('\\', '/');
    const seen = new Set<string>();
    const todo = [entry];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f) || !meta().outputs[f]) continue;
      seen.add(f);
      for (const i of meta().outputs[f].imports) if (i.kind === 'import-statement') todo.push(i.path.replaceAll('\\', '/'));
    }
    expect(seen.has(entry)).toBe(true);
    expect([...seen].filter((f) => heavy.has(f))).toEqual([]);
  });

  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-chunks-home-'));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') };
  // a saved profile, so that `profile list` has something to read
  if (fs.existsSync(tscqlshBin)) spawnSync(process.execPath, [tscqlshBin, 'profile', 'add', 'dev', '--host', '10.1.2.3'], { env });

  it.each([
    [['--version']],
    [['--help']],
    [['completion', 'bash']],
    [['completion', 'zsh']],
    [['completion', 'fish']],
    [['profile', 'list']],
    [['profile', 'list', '--names']],
  ])('tscqlsh %j loads neither the driver, the AWS SDK, Ink nor React', (argv) => {
    const heavy = heavyChunks(meta());
    const run = loadedChunks(argv, env);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toBe('');
    if (argv[0] === 'profile') expect(run.stdout).toMatch(/dev/);
    expect(run.files).toContain(path.relative(projectRoot, tscqlshBin).replaceAll('\\', '/'));
    expect(run.files.filter((f) => heavy.has(f))).toEqual([]);
    expect(run.aws).toBe(false);
  });

  it('tscqlsh -e loads the driver (the hook sees a heavy chunk) but never Ink or React', () => {
    const heavy = heavyChunks(meta());
    // nothing listens on port 1: the connection is refused at once
    const run = loadedChunks(['-e', 'SELECT 1', '127.0.0.1', '1', '--connect-timeout', '2'], env);
    expect(run.status).not.toBe(0);
    const held = run.files.flatMap((f) => heavy.get(f) ?? []);
    expect(held).toContain('driver');
    expect(held.filter((h) => h !== 'driver')).toEqual([]);
  });
});
