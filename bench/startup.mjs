#!/usr/bin/env node
// Start-up time of the built tscqlsh (a benchmark, not a test): wall time from spawn to exit, median
// (and min / p90) of N runs per command, after one warm-up run each.
//   --version, --help, completion bash, profile list --names   (no driver, no Ink)
//   -e "SELECT release_version FROM system.local"               (driver, connect, one query)
//   the same query piped on stdin                               (batch mode)
// With build/bin/tscqlsh (npm run build:binary) the single-file binary's rows too.
// Run: npm run build && node bench/startup.mjs [--runs N] [--host H] [--port P] [--bin path/to/cli.js]
//      [--no-server] (skip the two that need Cassandra). The port defaults to the launcher's
//      (9042, moved by TSCQLSH_DB_PORT_OFFSET).
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
const runs = Number(opt('runs', '20'));
const host = opt('host', '127.0.0.1');
const port = opt('port', String(profile('default').port));
const bin = path.resolve(opt('bin', path.join(root, 'dist', 'cli.js')));
const server = !argv.includes('--no-server');

// an isolated config home with one profile, so no user settings leak in
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-bench-'));
const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share') };
for (const k of Object.keys(env)) if (/^(CQLSH_|TSCQLSH_)/.test(k)) delete env[k];
spawnSync(process.execPath, [bin, 'profile', 'add', 'bench', '--host', host, '--port', port], { env });

const query = 'SELECT release_version FROM system.local';
const cases = [
  ['--version', ['--version']],
  ['--help', ['--help']],
  ['completion bash', ['completion', 'bash']],
  ['profile list --names', ['profile', 'list', '--names']],
  ...(server
    ? [
        ['-e "SELECT release_version ..."', [host, port, '-e', query]],
        ['stdin "SELECT release_version ...;"', [host, port], `${query};\n`],
      ]
    : []),
];

const binary = path.join(root, 'build', 'bin', 'tscqlsh');
if (fs.existsSync(binary)) {
  cases.push(['binary --version', ['--version'], undefined, binary]);
  if (server) cases.push(['binary -e "SELECT release_version ..."', [host, port, '-e', query], undefined, binary]);
}

function once(args, input, exe) {
  const t0 = process.hrtime.bigint();
  const r = exe
    ? spawnSync(exe, args, { env, input: input ?? '', encoding: 'utf8' })
    : spawnSync(process.execPath, [bin, ...args], { env, input: input ?? '', encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`tscqlsh ${args.join(' ')} exited ${r.status ?? r.signal} ${r.error ?? ""}: ${r.stderr}`);
  return ms;
}

const q = (xs, p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const bare = [];
for (let i = 0; i < Math.min(runs, 10); i++) {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  bare.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
bare.sort((a, b) => a - b);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? ''} x${os.cpus().length}; ${runs} runs each; bin ${path.relative(process.cwd(), bin) || bin}`);
console.log(`${'bare node -e 0'.padEnd(36)} median ${q(bare, 0.5).toFixed(1).padStart(7)} ms`);
for (const [name, args, input, exe] of cases) {
  once(args, input, exe);
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(once(args, input, exe));
  xs.sort((a, b) => a - b);
  console.log(`${name.padEnd(36)} median ${q(xs, 0.5).toFixed(1).padStart(7)} ms   min ${xs[0].toFixed(1).padStart(7)}   p90 ${q(xs, 0.9).toFixed(1).padStart(7)}`);
}
fs.rmSync(home, { recursive: true, force: true });
