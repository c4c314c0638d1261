// Shared pieces of the benchmarks: run a command N times alternating with its rival, measure
// wall time and peak RSS, medians. Peak RSS is the kernel's maximum resident set size of the
// process as wait4 reports it (GNU time's %M), where /usr/bin/time exists: exact for processes of
// a few milliseconds too; else the VmHWM high-water mark, sampled every 20 ms until exit. With GNU
// time also the CPU time (user + system, of the process and the children it waited for: cqlsh's
// COPY workers too), which the load of a shared machine changes far less than wall time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// The server's CPU time (user + system, ms) from /proc, when its pid is known: what a run costs
// the database on the same cores (setServerPid).
let serverPid;
export const setServerPid = (pid) => (serverPid = pid);
function serverCpuMs() {
  try {
    const stat = fs.readFileSync(`/proc/${serverPid}/stat`, 'utf8');
    const [utime, stime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 13).map(Number);
    return ((utime + stime) * 1000) / 100; // clock ticks of 1/100 s (USER_HZ)
  } catch {
    return undefined;
  }
}
let measured = 0;

/** Runs one command; stdout goes to /dev/null unless `capture`. Resolves wall ms, peak RSS MB, code. */
export function measure(cmd, args, { stdinFile, env, capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const server0 = serverPid ? serverCpuMs() : undefined;
    const t0 = process.hrtime.bigint();
    const stdin = stdinFile ? fs.openSync(stdinFile, 'r') : 'ignore';
    const out = capture ? 'pipe' : fs.openSync('/dev/null', 'w');
    const rssFile = gnuTime ? path.join(os.tmpdir(), `tscqlsh-bench-rss-${process.pid}-${++measured}`) : undefined;
    const [exe, argv] = gnuTime ? [gnuTime, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]] : [cmd, args];
    const child = spawn(exe, argv, { stdio: [stdin, out, 'pipe'], env: { ...process.env, ...env } });
    let peak = 0;
    let cpuMs;
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    if (capture) child.stdout.on('data', (d) => (stdout += d));
    const timer = setInterval(() => (peak = Math.max(peak, hwmKb(child.pid))), 20);
    child.on('error', reject);
    child.on('exit', () => (peak = Math.max(peak, hwmKb(child.pid))));
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      clearInterval(timer);
      if (typeof stdin === 'number') fs.closeSync(stdin);
      if (typeof out === 'number') fs.closeSync(out);
      if (rssFile) {
        // (with a non-zero status GNU time writes "Command exited with non-zero status N" first)
        const [kb, user, sys] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        fs.rmSync(rssFile, { force: true });
        if (Number.isFinite(kb)) peak = kb;
        if (Number.isFinite(user + sys)) cpuMs = (user + sys) * 1000;
      }
      const server1 = server0 !== undefined ? serverCpuMs() : undefined;
      const serverMs = server1 !== undefined ? server1 - server0 : undefined;
      resolve({ ms, rssMb: peak / 1024, cpuMs, serverMs, code, stderr, stdout });
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
    Object.entries(samples).map(([name, rs]) => [name, {
        ms: median(rs.map((r) => r.ms)),
        rssMb: Math.max(...rs.map((r) => r.rssMb)),
        ...(rs.every((r) => r.cpuMs !== undefined) ? { cpuMs: median(rs.map((r) => r.cpuMs)) } : {}),
        ...(rs.every((r) => r.serverMs !== undefined) ? { serverMs: median(rs.map((r) => r.serverMs)) } : {}),
        runs: rs.length,
      }]),
  );
}
