// The single-file binary (scripts/build-binary.mjs, `npm run build:binary`) on a machine without
// Node: it runs from a PATH that holds only itself, against the real Cassandra: -e, -f, piped
// stdin, the REPL's banner in a terminal, a saved profile, and TLS + SigV4 (AWS keys from the
// environment and from an AWS profile) against the Keyspaces double. Its output is dist/'s, byte
// for byte. Built here when build/bin/tscqlsh is missing or older than dist/cli.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startKeyspacesDouble, type KeyspacesDouble } from '../support/keyspaces-double.js';
import { Term } from '../support/pty.js';
import { isolatedHome, projectRoot, run, tscqlsh, tscqlshBin } from '../support/run.js';

const server = inject('cassandra');
const built = path.join(projectRoot, 'build', 'bin', 'tscqlsh');
// a PATH with the binary and nothing else: no node, no npm
const binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-bin-'));
const bin = path.join(binDir, 'tscqlsh');
const noNode = { PATH: binDir };
const KS = 'binary_test';

const binary = (args: string[], o: { stdin?: string; env?: Record<string, string | undefined> } = {}) =>
  run(bin, args, { stdin: o.stdin, env: { ...noNode, ...o.env } });

beforeAll(() => {
  const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(tscqlshBin).mtimeMs;
  if (stale) {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build-binary.mjs')], { cwd: projectRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build-binary failed: ${r.stderr}`);
  }
  fs.symlinkSync(built, bin);
}, 300_000);

afterAll(() => fs.rmSync(binDir, { recursive: true, force: true }));

describe('the single-file binary, with no Node on PATH', () => {
  it('is alone on PATH: there is no node to run', () => {
    const r = spawnSync('/bin/sh', ['-c', 'command -v node npm; command -v tscqlsh'], { env: noNode, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(bin);
  });

  it('--version and --help', async () => {
    const v = await binary(['--version']);
    expect(v.stdout).toBe((await tscqlsh(['--version'])).stdout);
    expect(v.code).toBe(0);
    const h = await binary(['--help']);
    expect(h.stdout).toBe((await tscqlsh(['--help'])).stdout);
  });

  it('-e: the same output as dist/', async () => {
    const args = [server.host, String(server.port), '-e', 'SELECT release_version, cluster_name FROM system.local'];
    const r = await binary(args);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ release_version \| cluster_name\n/);
    expect(r.stdout).toBe((await tscqlsh(args)).stdout);
    expect(r.code).toBe(0);
  });

  it('-f: a script that makes, fills and reads a table; errors report their line', async () => {
    const file = path.join(binDir, 'script.cql');
    fs.writeFileSync(
      file,
      [
        `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
        `DROP TABLE IF EXISTS ${KS}.t;`,
        `CREATE TABLE ${KS}.t (id int PRIMARY KEY, name text, at timestamp, tags set<text>);`,
        `INSERT INTO ${KS}.t (id, name, at, tags) VALUES (1, 'one', '2024-01-02 03:04:05+0000', {'a', 'b'});`,
        `INSERT INTO ${KS}.t (id, name) VALUES (2, 'two');`,
        `SELECT * FROM ${KS}.t;`,
        `SELECT * FROM ${KS}.missing;`,
        '',
      ].join('\n'),
    );
    const args = [server.host, String(server.port), '-f', file];
    const r = await binary(args);
    expect(r.stdout).toMatch(/ 1 \| 2024-01-02 03:04:05\.000000\+0000 \| +one \| \{'a', 'b'\}\n/);
    expect(r.stderr).toMatch(/script\.cql:\d+:InvalidRequest/);
    expect(r.code).toBe(2);
    const ref = await tscqlsh(args);
    expect([r.stdout, r.stderr]).toEqual([ref.stdout, ref.stderr]);
  });

  it('piped stdin (batch mode)', async () => {
    const r = await binary([server.host, String(server.port)], { stdin: "SELECT key FROM system.local;\nSELECT cluster_name FROM system.local WHERE key = 'local';\n" });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ key\n-+\n local\n\n\(1 rows\)\n/);
    expect(r.stdout).toMatch(/ cluster_name\n/);
    expect(r.code).toBe(0);
  });

  it('a saved profile (the conf store) connects', async () => {
    const home = isolatedHome();
    const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
    const add = await binary(['profile', 'add', 'local', '--host', server.host, '--port', String(server.port)], { env });
    expect(add.code, add.stderr).toBe(0);
    const r = await binary(['-p', 'local', '-e', 'SELECT key FROM system.local'], { env });
    expect(r.stdout).toMatch(/ local\n/);
    expect(r.code).toBe(0);
  });

  it('the REPL on a terminal: banner, prompt, a query, exit', async () => {
    const home = isolatedHome();
    const term = new Term(['tscqlsh', server.host, String(server.port)], {
      cwd: binDir,
      cols: 100,
      rows: 30,
      env: { PATH: binDir, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config'), TERM: 'xterm-256color', CI: 'false', LANG: 'C.UTF-8' },
    });
    try {
      const s = await term.waitFor(/^cqlsh>/m, { timeoutMs: 20_000 });
      expect(s).toMatch(/^Connected to .+ at 127\.0\.0\.1:\d+$/m);
      expect(s).toMatch(/\[cqlsh 6\.2\.\d+ \| Cassandra 5\.0\.\d+ \| CQL spec [\d.]+ \| Native protocol v4\]/);
      term.line('SELECT key FROM system.local;');
      await term.waitFor(/\(1 rows\)/);
      term.line('exit');
      expect(await term.waitExit()).toBe(0);
    } finally {
      term.close();
    }
  });
});

describe('the binary with TLS and SigV4 (the Keyspaces double)', () => {
  const KEY = 'AKIDBINARYTEST01';
  const SECRET = 'binary/Secret+Key=1';
  let double: KeyspacesDouble;
  beforeAll(async () => {
    double = await startKeyspacesDouble({ region: 'us-east-1', keys: { [KEY]: SECRET } });
  });
  afterAll(async () => {
    await double?.close();
  });
  const target = () => ['--host', double.host, '--port', String(double.port), '--ca', double.caFile, '--auth', 'sigv4', '--region', 'us-east-1'];

  it('AWS keys from the environment', async () => {
    const r = await binary([...target(), '-e', 'SELECT cluster_name FROM system.local'], {
      env: { AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: SECRET, AWS_EC2_METADATA_DISABLED: 'true', HOME: isolatedHome() },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Amazon Keyspaces');
    expect(r.code).toBe(0);
  });

  it('AWS keys from an AWS profile (the ini provider), and a wrong one is refused', async () => {
    const home = isolatedHome();
    fs.mkdirSync(path.join(home, '.aws'));
    fs.writeFileSync(path.join(home, '.aws', 'credentials'), `[good]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n[bad]\naws_access_key_id = ${KEY}\naws_secret_access_key = wrong\n`);
    const env = { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' };
    const good = await binary([...target(), '--aws-profile', 'good', '-e', 'SELECT cluster_name FROM system.local'], { env });
    expect(good.stderr).toBe('');
    expect(good.stdout).toContain('Amazon Keyspaces');
    const bad = await binary([...target(), '--aws-profile', 'bad', '-e', 'SELECT cluster_name FROM system.local'], { env });
    expect(bad.stderr).toMatch(/signature we calculated does not match/);
    expect(bad.code).toBe(1);
  });
});
