#!/usr/bin/env node
// COPY on a local 3-node cluster (scripts/cassandra/cluster.mjs: dc1 = first two nodes, dc2 = the
// third): COPY FROM a generated CSV and COPY TO a file, rows/s, for tscqlsh token-aware (each batch
// to a replica of its range in the local data center, each range read from one), tscqlsh without
// it (TSCQLSH_COPY_ROUTING=0: everything through the contact point, which forwards), and the
// reference cqlsh (token-aware as well: its TokenMap and replica sessions). The keyspace has one
// replica per data center (NetworkTopologyStrategy {'dc1': 1, 'dc2': 1}), so in dc1 each row lives
// on one node and a coordinator that is not it must forward. Not a test.
//   npm run bench:cluster [-- ROWS [RUNS]]      (default 200,000 rows, 3 runs, medians)
//   TSCQLSH_BENCH_CLUSTER_FIRST=127.0.0.11      the cluster's first address (default 127.0.0.1)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clusterNodes, startCluster } from '../scripts/cassandra/cluster.mjs';
import { median, referenceCqlsh, root, tscqlshBin } from './lib.mjs';

const N = Number(process.argv[2] ?? 200_000);
const RUNS = Number(process.argv[3] ?? 3);
const first = process.env.TSCQLSH_BENCH_CLUSTER_FIRST ?? '127.0.0.1';
const KS = 'bench_cluster';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-bench-cluster-'));
const log = (m) => process.stderr.write(`[bench:cluster] ${m}\n`);

function measure(cmd, args, stdin, env = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, code, out }));
    child.stdin.end(stdin);
  });
}

async function main() {
  const nodes = clusterNodes(3, first);
  await startCluster(3, { first, quiet: true });
  const host = nodes[0].host;
  const port = String(nodes[0].port);
  const contenders = {
    'tscqlsh token-aware': (stdin) => measure(process.execPath, [tscqlshBin, host, port], stdin),
    'tscqlsh via the contact point': (stdin) => measure(process.execPath, [tscqlshBin, host, port], stdin, { TSCQLSH_COPY_ROUTING: '0' }),
    cqlsh: (stdin) => measure(referenceCqlsh(), [host, port], stdin),
  };
  log(`${N} rows x ${RUNS} runs against ${nodes.map((n) => `${n.host} (${n.dc})`).join(', ')}; files in ${dir}`);
  const setup = await contenders['tscqlsh token-aware'](`DROP KEYSPACE IF EXISTS ${KS};
CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1};
CREATE TABLE ${KS}.t (k int PRIMARY KEY, c1 text, c2 int, c3 bigint, c4 double, c5 timestamp, c6 uuid, c7 boolean, c8 text, c9 decimal);
`);
  if (setup.code !== 0) throw new Error(setup.out);
  const w = fs.createWriteStream(path.join(dir, 'in.csv'));
  for (let i = 0; i < N; i++) {
    const line = `${i},name ${i},${i % 1000},${i * 7919},${(i / 3).toFixed(6)},2024-01-${String((i % 28) + 1).padStart(2, '0')} 12:00:00.000+0000,00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')},${i % 2 ? 'True' : 'False'},"text, with comma ${i}",${i}.25\n`;
    if (!w.write(line)) await new Promise((r) => w.once('drain', r));
  }
  await new Promise((r) => w.end(r));
  const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, { from: [], to: [] }]));
  for (let run = 1; run <= RUNS; run++) {
    // alternate, so that load from elsewhere falls on every contender alike
    for (const [name, shell] of Object.entries(contenders)) {
      const from = await shell(`CONSISTENCY LOCAL_QUORUM;\nTRUNCATE ${KS}.t;\nCOPY ${KS}.t FROM 'in.csv';\n`);
      if (!new RegExp(`${N} rows imported`).test(from.out)) throw new Error(`${name} COPY FROM: ${from.out.slice(-800)}`);
      const to = await shell(`CONSISTENCY LOCAL_QUORUM;\nCOPY ${KS}.t TO 'out.csv';\n`);
      if (!new RegExp(`${N} rows exported`).test(to.out)) throw new Error(`${name} COPY TO: ${to.out.slice(-800)}`);
      // the time the COPY itself reports (without the shell's start-up and the TRUNCATE)
      const copyMs = (r, what) => {
        const text = /in ([^\n]*?) seconds/.exec(r.out.slice(r.out.lastIndexOf(what)))?.[1] ?? '';
        const unit = (u) => Number(new RegExp(`([\\d.]+) ${u}`).exec(text)?.[1] ?? 0);
        const s = unit('day') * 86400 + unit('hour') * 3600 + unit('minute') * 60 + Number(/([\d.]+)$/.exec(text)?.[1] ?? NaN);
        return Number.isFinite(s) ? s * 1000 : r.ms;
      };
      times[name].from.push(copyMs(from, 'rows imported'));
      times[name].to.push(copyMs(to, 'rows exported'));
      log(`run ${run} ${name}: FROM ${(times[name].from.at(-1) / 1000).toFixed(1)} s, TO ${(times[name].to.at(-1) / 1000).toFixed(1)} s`);
    }
  }
  const rate = (ms) => Math.round((N * 1000) / ms).toLocaleString('en-US');
  const secs = (xs) => xs.map((ms) => (ms / 1000).toFixed(1)).join(' / ') + ' s';
  const ratio = (a, b) => `${(median(times[a][b === 'from' ? 'from' : 'to']) / median(times['tscqlsh token-aware'][b])).toFixed(2)}x`;
  const section = [
    '## COPY on a 3-node cluster',
    '',
    `Generated by \`npm run bench:cluster\` on ${new Date().toISOString().slice(0, 10)}: a local cluster of three nodes on one machine`,
    `(${os.cpus().length} cores, shared by the three nodes and the shell; dc1: two nodes, dc2: one), a keyspace with`,
    `NetworkTopologyStrategy {'dc1': 1, 'dc2': 1} (in dc1 each row lives on one node), LOCAL_QUORUM, ${N.toLocaleString('en-US')} rows of`,
    `10 columns, through the first node; the time each COPY reports, medians of ${RUNS} runs, contenders alternating.`,
    '',
    '| contender | COPY FROM rows/s | COPY TO rows/s | COPY FROM time vs token-aware | COPY TO time vs token-aware | COPY FROM runs | COPY TO runs |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(times).map(([name, t]) => `| ${name} | ${rate(median(t.from))} | ${rate(median(t.to))} | ${ratio(name, 'from')} | ${ratio(name, 'to')} | ${secs(t.from)} | ${secs(t.to)} |`),
    '',
    'On one machine the three nodes and the shell share the same cores, and a coordinator that is not',
    "a row's replica forwards it over loopback: token awareness saves that hop and the coordinator's",
    'work, which here costs little next to the writes themselves, and the runs vary (load from other',
    'processes) by more than the two tscqlsh modes differ. On a real cluster the hop is a network one',
    'and the coordinator a busy node. cqlsh is token-aware too (its TokenMap and per-replica sessions).',
  ].join('\n');
  process.stdout.write(section + '\n');
  // kept for docs/performance.md, which `npm run bench` writes anew (it appends this file)
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results', 'cluster-copy.md'), section + '\n');
  const perf = path.join(root, 'docs', 'performance.md');
  const doc = fs.existsSync(perf) ? fs.readFileSync(perf, 'utf8') : '# Performance\n';
  const cut = doc.indexOf('\n## COPY on a 3-node cluster');
  fs.writeFileSync(perf, `${(cut < 0 ? doc : doc.slice(0, cut + 1)).trimEnd()}\n\n${section}\n`);
  await contenders['tscqlsh token-aware'](`DROP KEYSPACE ${KS};\n`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exitCode = 1;
});
