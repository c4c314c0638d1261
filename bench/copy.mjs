#!/usr/bin/env node
// COPY throughput: tscqlsh against the reference cqlsh on the same local Cassandra, a 10-column
// table of N rows (default 1,000,000; `node bench/copy.mjs 20000` for a quick check). Measures
// COPY FROM (a generated CSV) and COPY TO (a file) for both: wall time, rows/s, peak RSS of the
// whole process tree (cqlsh runs worker processes), and the ratios. Not a test.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { referenceCqlsh, tscqlshBin } from './lib.mjs';

const N = Number(process.argv[2] ?? 1_000_000);
const host = process.env.TSCQLSH_TEST_HOST ?? '127.0.0.1';
const port = process.env.TSCQLSH_TEST_PORT ?? '9042';
const KS = 'bench_copy';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-bench-copy-'));
const log = (m) => process.stderr.write(`[bench:copy] ${m}\n`);

function treeRssKb(root) {
  const kids = new Map();
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(p));
    } catch {}
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += m ? Number(m[1]) : 0;
    } catch {}
    stack.push(...(kids.get(pid) ?? []));
  }
  return total;
}

/** Runs a shell with `stdin` text; wall ms, peak tree RSS (MB), output. */
function measure(cmd, args, stdin) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let peak = 0;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid))), 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, rssMb: peak / 1024, code, out });
    });
    child.stdin.end(stdin);
  });
}

const shells = {
  tscqlsh: (stdin) => measure(process.execPath, [tscqlshBin, host, port], stdin),
  cqlsh: (stdin) => measure(referenceCqlsh(), [host, port], stdin),
};

async function main() {
  log(`${N} rows, files in ${dir}`);
  const setup = await shells.tscqlsh(`DROP KEYSPACE IF EXISTS ${KS};
CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};
CREATE TABLE ${KS}.t (k int PRIMARY KEY, c1 text, c2 int, c3 bigint, c4 double, c5 timestamp, c6 uuid, c7 boolean, c8 text, c9 decimal);
`);
  if (setup.code !== 0) throw new Error(setup.out);
  const csv = path.join(dir, 'in.csv');
  const w = fs.createWriteStream(csv);
  for (let i = 0; i < N; i++) {
    const line = `${i},name ${i},${i % 1000},${i * 7919},${(i / 3).toFixed(6)},2024-01-${String((i % 28) + 1).padStart(2, '0')} 12:00:00.000+0000,${uuid(i)},${i % 2 ? 'True' : 'False'},"text, with comma ${i}",${i}.25\n`;
    if (!w.write(line)) await new Promise((r) => w.once('drain', r));
  }
  await new Promise((r) => w.end(r));
  const results = {};
  for (const name of ['tscqlsh', 'cqlsh']) {
    const from = await shells[name](`TRUNCATE ${KS}.t;\nCOPY ${KS}.t FROM 'in.csv';\n`);
    if (!new RegExp(`${N} rows imported`).test(from.out)) throw new Error(`${name} COPY FROM: ${from.out.slice(-800)}`);
    log(`${name} FROM: ${(from.ms / 1000).toFixed(1)} s, ${from.rssMb.toFixed(0)} MB`);
    const to = await shells[name](`COPY ${KS}.t TO 'out-${name}.csv';\n`);
    if (!new RegExp(`${N} rows exported`).test(to.out)) throw new Error(`${name} COPY TO: ${to.out.slice(-800)}`);
    log(`${name} TO: ${(to.ms / 1000).toFixed(1)} s, ${to.rssMb.toFixed(0)} MB`);
    results[name] = { from, to };
  }
  const row = (label, k) => {
    const t = results.tscqlsh[k];
    const c = results.cqlsh[k];
    const rate = (r) => Math.round((N * 1000) / r.ms);
    return `| ${label} | ${rate(t)} rows/s | ${t.rssMb.toFixed(0)} MB | ${rate(c)} rows/s | ${c.rssMb.toFixed(0)} MB | ${(c.ms / t.ms).toFixed(2)}x | ${(c.rssMb / t.rssMb).toFixed(2)}x |`;
  };
  process.stdout.write(
    [
      `COPY benchmark: ${N} rows, 10 columns, ${host}:${port}`,
      '| | tscqlsh | tscqlsh peak RSS | cqlsh | cqlsh peak RSS (all processes) | speed-up | memory ratio |',
      '|---|---|---|---|---|---|---|',
      row('COPY FROM', 'from'),
      row('COPY TO', 'to'),
      '',
    ].join('\n'),
  );
  await shells.tscqlsh(`DROP KEYSPACE ${KS};\n`);
  fs.rmSync(dir, { recursive: true, force: true });
}

function uuid(i) {
  const h = i.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${h}`;
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exitCode = 1;
});
