#!/usr/bin/env node
// Where a connected `-e` spends its time (a profile, not a test): tscqlsh runs with a preloaded
// hook that stamps, on the process's own clock (ms since it started): the hook itself (Node's
// start is over), each socket's connect call, its connection, every write and every read, and the
// 'exit' event; the parent adds the time until the process is gone. Medians of N runs of
//   node dist/cli.js HOST PORT -e "SELECT release_version FROM system.local"
// split into: Node's start, module evaluation and settings (until the first connect), the driver's
// connect (TCP, STARTUP, the control connection's queries, until the query goes out), the query
// (its round trip), output and shutdown (to the 'exit' event), and the process's exit. Each phase
// also in CPU time (process.cpuUsage at each stamp: user + system of all threads), which the load
// of a shared machine changes far less than wall time. \`node -e 0\` with the same hook is the floor.
// --binary [PATH]: the single-file binary (build/bin/tscqlsh, npm run build:binary) in place of dist/cli.js,
// the hook given through NODE_OPTIONS (which the binary honours).
// Run: npm run build && node bench/startup-phases.mjs [--runs N] [--host H] [--port P] [--binary]
// (the port defaults to the launcher's: 9042, moved by TSCQLSH_DB_PORT_OFFSET).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { profile } from '../scripts/cassandra/launcher.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const runs = Number(opt('runs', '15'));
const host = opt('host', '127.0.0.1');
const port = opt('port', String(profile('default').port));
const bin = path.join(root, 'dist', 'cli.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-phases-'));
const hook = path.join(dir, 'hook.cjs');
fs.writeFileSync(
  hook,
  `const { performance } = require('node:perf_hooks');
const net = require('node:net');
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const ev = [['hook', performance.now(), 0, cpu()]];
const ids = new WeakMap();
let next = 0;
const id = (s) => (ids.has(s) ? ids.get(s) : (ids.set(s, ++next), next));
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...a) { ev.push(['connect', performance.now(), id(this), cpu()]); return connect.apply(this, a); };
const write = net.Socket.prototype.write;
// (only sockets this process connected: stdout and stderr are sockets too when piped)
net.Socket.prototype.write = function (...a) { if (ids.has(this)) ev.push(['write', performance.now(), id(this), cpu()]); return write.apply(this, a); };
const emit = net.Socket.prototype.emit;
net.Socket.prototype.emit = function (name, ...a) {
  if ((name === 'connect' || name === 'data') && ids.has(this)) ev.push([name === 'connect' ? 'connected' : 'read', performance.now(), id(this), cpu()]);
  return emit.call(this, name, ...a);
};
process.on('exit', () => { ev.push(['exit', performance.now(), 0, cpu()]); require('node:fs').writeSync(2, 'PHASES ' + JSON.stringify(ev) + '\\n'); });
`,
);

const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_DATA_HOME: path.join(dir, 'data') };
for (const k of Object.keys(env)) if (/^(CQLSH_|TSCQLSH_|NODE_OPTIONS)/.test(k)) delete env[k];
const query = [host, port, '-e', 'SELECT release_version FROM system.local'];
const binaryAt = argv.indexOf('--binary');
const binary = binaryAt < 0 ? undefined : argv[binaryAt + 1] && !argv[binaryAt + 1].startsWith('--') ? path.resolve(argv[binaryAt + 1]) : path.join(root, 'build', 'bin', 'tscqlsh');
const [exe, args, runEnv] = binary ? [binary, query, { ...env, NODE_OPTIONS: `--require ${hook}` }] : [process.execPath, ['--require', hook, bin, ...query], env];

const samples = [];
const floor = [];
for (let i = 0; i <= runs; i++) {
  // the floor: node -e 0 with the same hook
  const f = spawnSync(process.execPath, ['--require', hook, '-e', '0'], { env, encoding: 'utf8' });
  const fev = JSON.parse(/^PHASES (.*)$/m.exec(f.stderr)[1]);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(exe, args, { env: runEnv, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`tscqlsh exited ${r.status ?? r.signal}: ${r.stderr}`);
  const ev = JSON.parse(/^PHASES (.*)$/m.exec(r.stderr)[1]);
  const first = (kind) => ev.find((e) => e[0] === kind);
  const queryOut = ev.filter((e) => e[0] === 'write').at(-1);
  const answer = ev.find((e) => e[0] === 'read' && e[1] > queryOut[1]);
  const hookAt = first('hook');
  const connectAt = first('connect');
  const exit = first('exit');
  // the first run warms V8's compile cache and the OS's file cache: not counted
  if (i === 0) continue;
  floor.push({ wall: fev.at(-1)[1], cpu: fev.at(-1)[3], hookWall: fev[0][1], hookCpu: fev[0][3] });
  const span = (a, b) => ({ wall: b[1] - a[1], cpu: b[3] - a[3] });
  samples.push({
    "Node's start (to the preloaded hook)": { wall: hookAt[1], cpu: hookAt[3] },
    'modules and settings (to the first connect)': span(hookAt, connectAt),
    "the driver's connect (to the query's write)": span(connectAt, queryOut),
    'the query (its round trip)': span(queryOut, answer),
    "output and shutdown (to the 'exit' event)": span(answer, exit),
    "the process's exit (seen by the parent)": { wall: Math.max(0, wall - exit[1]) },
    'in all': { wall, cpu: exit[3] },
    sockets: new Set(ev.filter((e) => e[0] === 'connect').map((e) => e[2])).size,
    writes: ev.filter((e) => e[0] === 'write').length,
  });
}
fs.rmSync(dir, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x === undefined || Number.isNaN(x) ? '' : x.toFixed(1));
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? ''} x${os.cpus().length}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; medians of ${runs} runs (hook preloaded with --require; ${binary ? path.relative(root, binary) : 'dist/cli.js'})`);
console.log('| phase of `-e "SELECT release_version FROM system.local"` | wall ms | CPU ms |');
console.log('| --- | ---: | ---: |');
for (const k of Object.keys(samples[0])) {
  if (k === 'sockets' || k === 'writes') continue;
  console.log(`| ${k} | ${ms(median(samples.map((s) => s[k].wall)))} | ${ms(median(samples.map((s) => s[k].cpu)))} |`);
}
console.log(`| node -e 0: to the hook | ${ms(median(floor.map((f) => f.hookWall)))} | ${ms(median(floor.map((f) => f.hookCpu)))} |`);
console.log(`| node -e 0: to its 'exit' event | ${ms(median(floor.map((f) => f.wall)))} | ${ms(median(floor.map((f) => f.cpu)))} |`);
console.log(`connections opened: ${median(samples.map((s) => s.sockets))}; socket writes: ${median(samples.map((s) => s.writes))}`);
