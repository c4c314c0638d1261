// Runs the built tscqlsh binary and the reference cqlsh as child processes and collects
// stdout, stderr and exit code.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const tscqlshBin = path.join(projectRoot, 'dist', 'cli.js');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs?: number;
}

/** A private HOME / XDG dirs so no user config, history or cqlshrc leaks into a test. */
export function isolatedHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-home-'));
  fs.mkdirSync(path.join(home, '.cassandra'), { recursive: true });
  return home;
}

const sharedHome = isolatedHome();

export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^(CQLSH_|TSCQLSH_|SSL_|XDG_|AWS_)/.test(k) || k === 'TZ' || k === 'NO_COLOR') {
      // the harness's own settings (where the test servers and caches are) pass through
      if (k !== 'TSCQLSH_DB_PORT_OFFSET' && k !== 'TSCQLSH_CACHE_DIR') delete env[k];
    }
  }
  Object.assign(env, {
    HOME: sharedHome,
    XDG_CONFIG_HOME: path.join(sharedHome, '.config'),
    XDG_DATA_HOME: path.join(sharedHome, '.local', 'share'),
    LC_ALL: 'C.UTF-8',
    LANG: 'C.UTF-8',
    PYTHONIOENCODING: 'utf-8',
    COLUMNS: '80',
  });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function run(cmd: string, args: string[], o: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: o.cwd ?? projectRoot, env: baseEnv(o.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
    child.stdin.on('error', () => {});
    if (o.stdin !== undefined) child.stdin.end(o.stdin);
    else child.stdin.end();
  });
}

export function tscqlsh(args: string[], o: RunOptions = {}): Promise<RunResult> {
  return run(process.execPath, [tscqlshBin, ...args], o);
}
