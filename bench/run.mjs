#!/usr/bin/env node
// npm run bench: tscqlsh side by side with the reference cqlsh on the same local Cassandra.
// Each scenario runs both alternately N times; medians of wall time, peak RSS, ratios, and the
// targets of the benchmark issue (informational: PASS/FAIL never fails the command).
// Options: --runs N (default 3), --rows N (large read and COPY, default 1000000), --script N (default 20000),
//          --quick (runs 1, rows 100000, script 2000), --only name[,name] (the other scenarios are kept
//          from bench/results/latest.json, marked with the date they were measured on).
// cqlsh's peak RSS is its main process only (COPY's worker processes are not counted).
// Results: bench/results/latest.json and docs/performance.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { portOpen, profile, start } from '../scripts/cassandra/launcher.mjs';
import { ensureTable, insertScript } from './data.mjs';
import { compare, measure, referenceCqlsh, root, setServerPid, tscqlshBin } from './lib.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const quick = argv.includes('--quick');
const runs = opt('runs', quick ? 1 : 3);
// 1,000,000 rows: the reference cqlsh needs about 90 s per large read of them here, and the whole
// run about 17 minutes
const rows = opt('rows', quick ? 100_000 : 1_000_000);
const scriptSize = opt('script', quick ? 2000 : 20_000);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
const host = '127.0.0.1';
// 9042, moved by TSCQLSH_DB_PORT_OFFSET as the launcher moves it
const port = profile('default').port;
const log = (m) => process.stderr.write(`[bench] ${m}\n`);

if (!(await portOpen(host, port))) await start('default');
// the launcher's server: its CPU time per run is measured too (not a server the launcher did not start)
const serverPid = fs.existsSync(profile('default').pidFile) ? Number(fs.readFileSync(profile('default').pidFile, 'utf8')) : undefined;
if (serverPid) setServerPid(serverPid);
execFileSync('bash', [path.join(root, 'scripts', 'reference-cqlsh.sh'), '--quiet'], { stdio: 'inherit' });
const cqlsh = referenceCqlsh();
const node = process.execPath;
const ours = (args, o) => () => measure(node, [tscqlshBin, host, String(port), ...args], o);
const theirs = (args, o) => () => measure(cqlsh, [host, String(port), ...args], o);

const results = [];
// the machine is shared: its load says how much to trust small differences
const loadAtStart = os.loadavg().map((x) => x.toFixed(2)).join(' ');
async function scenario(name, contenders, extra = {}, n = runs) {
  if (only && !only.includes(name)) return;
  log(`${name}: ${contenders.map((c) => c.name).join(' vs ')}, ${n} runs`);
  const r = await compare(contenders, n);
  results.push({ name, ...extra, runs: n, results: r });
  for (const [who, m] of Object.entries(r)) log(`  ${who}: ${m.ms.toFixed(0)} ms${m.cpuMs !== undefined ? ` (CPU ${m.cpuMs.toFixed(0)} ms, server ${m.serverMs?.toFixed(0)} ms)` : ''}, peak ${m.rssMb.toFixed(0)} MB`);
}

// Start-up: Node's own floor (`node -e 0`), the single-file binary when built (npm run
// build:binary) and cqlsh-rs when on PATH, beside tscqlsh and cqlsh; more runs (each is short
// and the machine's noise is large next to it)
const binary = path.join(root, 'build', 'bin', 'tscqlsh');
const onPath = (name) => process.env.PATH.split(path.delimiter).map((d) => path.join(d, name)).find((f) => fs.existsSync(f));
const cqlshRs = onPath('cqlsh-rs');
const startupRuns = Math.max(runs, quick ? 5 : 15);
const startupQuery = ['-e', 'SELECT release_version FROM system.local'];
const floor = { name: 'node -e 0', run: () => measure(node, ['-e', '0']) };
await scenario('startup --version', [
  floor,
  { name: 'tscqlsh', run: ours(['--version']) },
  ...(fs.existsSync(binary) ? [{ name: 'tscqlsh binary', run: () => measure(binary, ['--version']) }] : []),
  { name: 'cqlsh', run: () => measure(cqlsh, ['--version']) },
  ...(cqlshRs ? [{ name: 'cqlsh-rs', run: () => measure(cqlshRs, ['--version']) }] : []),
], {}, startupRuns);
await scenario('startup query', [
  floor,
  { name: 'tscqlsh', run: ours(startupQuery) },
  ...(fs.existsSync(binary) ? [{ name: 'tscqlsh binary', run: () => measure(binary, [host, String(port), ...startupQuery]) }] : []),
  { name: 'cqlsh', run: theirs(startupQuery) },
  ...(cqlshRs ? [{ name: 'cqlsh-rs', run: () => measure(cqlshRs, [host, String(port), ...startupQuery]) }] : []),
], {}, startupRuns);

if (!only || only.some((n) => /^(large read|memory|COPY)/.test(n))) await ensureTable(host, port, rows, log);
const read = 'SELECT * FROM bench.t';
await scenario('large read', [
  { name: 'tscqlsh', run: ours(['-e', read]) },
  { name: 'tscqlsh csv', run: ours(['--format', 'csv', '-e', read]) },
  { name: 'tscqlsh ndjson', run: ours(['--format', 'ndjson', '-e', read]) },
  { name: 'driver ceiling', run: () => measure(node, [path.join(root, 'bench', 'driver-ceiling.mjs'), host, String(port), read]) },
  { name: 'cqlsh', run: theirs(['-e', read]) },
], { rows });
// the issue's smaller read: the first 200,000 rows of the same table (when it holds more)
const smallRead = Math.min(rows, 200_000);
if (smallRead < rows) {
  const limited = `${read} LIMIT ${smallRead}`;
  await scenario('large read 200k', [
    { name: 'tscqlsh', run: ours(['-e', limited]) },
    { name: 'driver ceiling', run: () => measure(node, [path.join(root, 'bench', 'driver-ceiling.mjs'), host, String(port), limited]) },
    { name: 'cqlsh', run: theirs(['-e', limited]) },
  ], { rows: smallRead });
}
await scenario('memory 10% of rows', [
  { name: 'tscqlsh', run: ours(['-e', `${read} LIMIT ${Math.floor(rows / 10)}`]) },
  { name: 'cqlsh', run: theirs(['-e', `${read} LIMIT ${Math.floor(rows / 10)}`]) },
], { rows: Math.floor(rows / 10) });

// COPY: TO a file from bench.t, then FROM that file into an empty copy of the table
const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-bench-'));
const csv = path.join(copyDir, 'ref.csv');
await scenario('COPY TO', [
  { name: 'tscqlsh', run: ours(['-e', `COPY bench.t TO '${path.join(copyDir, 'ours.csv')}'`]) },
  { name: 'cqlsh', run: theirs(['-e', `COPY bench.t TO '${csv}'`]) },
], { rows });
if (!only || only.includes('COPY FROM')) {
  if (!fs.existsSync(csv)) await ours(['-e', `COPY bench.t TO '${csv}'`])();
  const fresh = () => ours(['-e', 'DROP TABLE IF EXISTS bench.t2; CREATE TABLE bench.t2 (id int PRIMARY KEY, name text, email text, age int, score double, active boolean, created timestamp, uid uuid, tags list<text>, balance decimal)'])();
  const from = (run) => async () => {
    await fresh();
    return run();
  };
  await scenario('COPY FROM', [
    { name: 'tscqlsh', run: from(ours(['-e', `COPY bench.t2 FROM '${csv}'`])) },
    { name: 'cqlsh', run: from(theirs(['-e', `COPY bench.t2 FROM '${csv}'`])) },
  ], { rows });
}
fs.rmSync(copyDir, { recursive: true, force: true });

const script = insertScript(scriptSize);
await scenario('script', [
  { name: 'tscqlsh', run: ours([], { stdinFile: script }) },
  { name: 'cqlsh', run: theirs([], { stdinFile: script }) },
], { statements: scriptSize });

// ---- report
// --only re-measures some scenarios: the others stay as bench/results/latest.json has them (with
// the date they were measured on)
const latestFile = path.join(root, 'bench', 'results', 'latest.json');
if (only && fs.existsSync(latestFile)) {
  const prev = JSON.parse(fs.readFileSync(latestFile, 'utf8'));
  const fresh = new Map(results.map((r) => [r.name, r]));
  const merged = prev.results.map((r) => fresh.get(r.name) ?? { ...r, runs: r.runs ?? prev.runs, measured: r.measured ?? prev.date.slice(0, 10) });
  for (const r of results) if (!prev.results.some((p) => p.name === r.name)) merged.push(r);
  results.splice(0, results.length, ...merged);
}
const get = (name) => results.find((r) => r.name === name)?.results;
const targets = [];
const target = (what, ok, detail) => ok !== undefined && targets.push({ what, pass: ok, detail });
const ratio = (a, b) => (a && b ? a / b : undefined);
const su = get('startup query');
if (su) target('start-up <= 0.35x cqlsh', ratio(su.tscqlsh.ms, su.cqlsh.ms) <= 0.35, `${ratio(su.tscqlsh.ms, su.cqlsh.ms).toFixed(2)}x`);
const sv = get('startup --version');
for (const who of ['tscqlsh', 'tscqlsh binary']) {
  if (sv?.[who]) target(`${who} --version <= 1.2x node -e 0`, ratio(sv[who].ms, sv['node -e 0'].ms) <= 1.2, `${ratio(sv[who].ms, sv['node -e 0'].ms).toFixed(2)}x`);
  if (su?.[who]) {
    target(`${who} -e one query <= 2x node -e 0`, ratio(su[who].ms, su['node -e 0'].ms) <= 2, `${ratio(su[who].ms, su['node -e 0'].ms).toFixed(2)}x`);
    target(`${who} -e one query peak RSS < 60 MB`, su[who].rssMb < 60, `${su[who].rssMb.toFixed(0)} MB`);
  }
}
const lr = get('large read');
if (lr) {
  const speed = ratio(lr.cqlsh.ms, lr.tscqlsh.ms);
  target('large read >= 10x cqlsh rows/s', speed >= 10, `${speed.toFixed(1)}x`);
  const ceil = ratio(lr['driver ceiling'].ms, lr.tscqlsh.ms);
  target('large read >= 0.8x driver-only ceiling', ceil >= 0.8, `${ceil.toFixed(2)}x`);
}
const lr2 = get('large read 200k');
if (lr2) {
  const ceil = ratio(lr2['driver ceiling'].ms, lr2.tscqlsh.ms);
  target('large read 200k >= 0.8x driver-only ceiling', ceil >= 0.8, `${ceil.toFixed(2)}x`);
}
const sc = get('script');
if (sc) target('script >= 2x cqlsh', ratio(sc.cqlsh.ms, sc.tscqlsh.ms) >= 2, `${ratio(sc.cqlsh.ms, sc.tscqlsh.ms).toFixed(1)}x`);
for (const name of ['COPY TO', 'COPY FROM']) {
  const c = get(name);
  if (c) target(`${name} >= 3x cqlsh`, ratio(c.cqlsh.ms, c.tscqlsh.ms) >= 3, `${ratio(c.cqlsh.ms, c.tscqlsh.ms).toFixed(1)}x`);
}
const peak = Math.max(...results.flatMap((r) => Object.entries(r.results).filter(([k]) => k.startsWith('tscqlsh') && k !== 'tscqlsh binary').map(([, m]) => m.rssMb)));
if (Number.isFinite(peak)) target('tscqlsh peak RSS < 200 MB', peak < 200, `${peak.toFixed(0)} MB`);
const mem = get('memory 10% of rows');
if (mem && lr) target('flat memory from 10% to 100% of rows (< 1.5x)', lr.tscqlsh.rssMb / mem.tscqlsh.rssMb < 1.5, `${mem.tscqlsh.rssMb.toFixed(0)} → ${lr.tscqlsh.rssMb.toFixed(0)} MB`);

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.versions.node}`;
const report = { date: new Date().toISOString(), machine, runs, results, targets };
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
fs.writeFileSync(latestFile, JSON.stringify(report, null, 2) + '\n');

const lines = [
  '# Performance',
  '',
  `Generated by \`npm run bench\` on ${report.date.slice(0, 10)}: tscqlsh and the reference cqlsh 6.2 run alternately against`,
  `the same local Cassandra 5.0 (medians of the runs in the last column; peak RSS is the largest seen). Machine: ${machine}; load average at the start ${loadAtStart}.`,
  '',
  '| scenario | contender | median wall time | rows/s | median CPU time | server CPU time | peak RSS | runs |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const r of results) {
  for (const [who, m] of Object.entries(r.results)) {
    const n = r.rows ?? r.statements;
    lines.push(`| ${r.name}${n ? ` (${n.toLocaleString('en')})` : ''}${r.measured ? ` [${r.measured}]` : ''} | ${who} | ${(m.ms / 1000).toFixed(3)} s | ${n ? Math.round(n / (m.ms / 1000)).toLocaleString('en') : ''} | ${m.cpuMs !== undefined ? `${(m.cpuMs / 1000).toFixed(2)} s` : ''} | ${m.serverMs !== undefined ? `${(m.serverMs / 1000).toFixed(2)} s` : ''} | ${m.rssMb.toFixed(0)} MB | ${r.runs ?? runs} |`);
  }
}
lines.push('', '## Targets', '', '| target | result | |', '| --- | --- | --- |');
for (const t of targets) lines.push(`| ${t.what} | ${t.detail} | ${t.pass ? 'PASS' : 'FAIL'} |`);
const notesFile = path.join(root, 'bench', 'notes.md');
if (fs.existsSync(notesFile)) lines.push('', fs.readFileSync(notesFile, 'utf8').trim());
// the cluster benchmark's last results (npm run bench:cluster)
const clusterFile = path.join(root, 'bench', 'results', 'cluster-copy.md');
if (fs.existsSync(clusterFile)) lines.push('', fs.readFileSync(clusterFile, 'utf8').trim());
// the REPL's typing latency is measured by its own command (npm run bench:repl); keep its last numbers
const replFile = path.join(root, 'bench', 'results', 'repl-latency.md');
if (fs.existsSync(replFile)) lines.push('', fs.readFileSync(replFile, 'utf8').trim());
fs.writeFileSync(path.join(root, 'docs', 'performance.md'), lines.join('\n') + '\n');
for (const t of targets) console.log(`${t.pass ? 'PASS' : 'FAIL'}  ${t.what}: ${t.detail}`);
