// Shared pieces of the benchmarks: run a command N times alternating with its rival, measure
// wall time and peak RSS (the kernel's VmHWM high-water mark, sampled until exit), medians.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const tscqlshBin = path.join(root, 'dist', 'cli.js');

export function referenceCqlsh() {
  return process.env.TSCQLSH_REFERENCE_CQLSH ?? path.join(process.env.TSCQLSH_CACHE_DIR ?? path.join(root, '.cache'), 'cqlsh-venv', 'bin', 'cqlsh');
}

function hwmKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs one command; stdout goes to /dev/null unless `capture`. Resolves wall ms, peak RSS MB, code. */
export function measure(cmd, args, { stdinFile, env, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const stdin = stdinFile ? fs.openSync(stdinFile, 'r') : 'ignore';
    const out = capture ? 'pipe' : fs.openSync('/dev/null', 'w');
    const child = spawn(cmd, args, { stdio: [stdin, out, 'pipe'], env: { ...process.env, ...env } });
    let peak = 0;
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    if (capture) child.stdout.on('data', (d) => (stdout += d));
    const timer = setInterval(() => (peak = Math.max(peak, hwmKb(child.pid))), 20);
    child.on('error', reject);
    child.on('exit', () => (peak = Math.max(peak, hwmKb(child.pid))));
    child.on('close', (code) => {
      clearInterval(timer);
      if (typeof stdin === 'number') fs.closeSync(stdin);
      if (typeof out === 'number') fs.closeSync(out);
      resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, rssMb: peak / 1024, code, stderr, stdout });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs each contender `runs` times, alternating, and returns medians per contender. */
export async function compare(contenders, runs, { onRun } = {}) {
  const samples = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const c of contenders) {
      const r = await c.run();
      if (r.code !== 0) throw new Error(`${c.name} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
      samples[c.name].push(r);
      onRun?.(c.name, i, r);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, rs]) => [name, { ms: median(rs.map((r) => r.ms)), rssMb: Math.max(...rs.map((r) => r.rssMb)), runs: rs.length }]),
  );
}
