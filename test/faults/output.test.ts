// Faults on the output side: a reader that goes away (EPIPE on stdout, on stderr), a full disk,
// CLEAR into a pipe, timestamps cqlsh cannot show as dates. Never a Node stack trace; cqlsh's
// messages and exit codes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { start, STACK_TRACE, type ChildOptions, type Shell } from '../support/faults.js';
import { baseEnv, tscqlsh, tscqlshBin } from '../support/run.js';

const server = inject('cassandra');
const KS = 'faults_output';
const ROWS = 2000;

beforeAll(async () => {
  // ~300 KB of rows (more than a pipe holds) and a DESCRIBE of ~200 KB
  const lines = [
    `DROP KEYSPACE IF EXISTS ${KS};`,
    `CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
    `CREATE TABLE ${KS}.big (id int PRIMARY KEY, v text);`,
    `CREATE TABLE ${KS}.described (id int PRIMARY KEY) WITH comment = '${'x'.repeat(200_000)}';`,
    `CREATE TABLE ${KS}.times (id int PRIMARY KEY, t timestamp);`,
    `INSERT INTO ${KS}.times (id, t) VALUES (1, 253402300800000);`,
    `INSERT INTO ${KS}.times (id, t) VALUES (2, 0);`,
  ];
  for (let i = 0; i < ROWS; i++) lines.push(`INSERT INTO ${KS}.big (id, v) VALUES (${i}, '${String(i).padStart(150, 'v')}');`);
  const r = await tscqlsh([server.host, String(server.port)], { stdin: lines.join('\n') + '\n', timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`fixture set-up failed: ${r.stderr}`);
}, 180_000);

const both = async (args: string[], o: Omit<ChildOptions, 'stdin'> & { input?: string } = {}) => {
  const run = (shell: Shell) => {
    const c = start(shell, server, args, { ...o, stdin: o.input === undefined ? 'ignore' : 'pipe' });
    if (o.input !== undefined) c.proc.stdin!.end(o.input);
    return c.finished();
  };
  const [ours, ref] = await Promise.all([run('tscqlsh'), run('cqlsh')]);
  return { ours, ref };
};

describe('stdout closed by its reader (| head -1)', () => {
  const cases: [string, string[]][] = [
    ['-e SELECT', ['-e', `SELECT * FROM ${KS}.big`]],
    ['--format json', ['--format', 'json', '-e', `SELECT * FROM ${KS}.big`]],
    ['COPY TO STDOUT', ['-e', `COPY ${KS}.big TO STDOUT`]],
  ];
  for (const [name, args] of cases) {
    it(`${name}: one Broken pipe line, exit 2, as cqlsh`, async () => {
      const { ours, ref } = await both(args, { closeStdoutAfter: 1 });
      expect(ours.stderr).toBe('<stdin>:1:[Errno 32] Broken pipe\n');
      expect(ours.code).toBe(2);
      // (--format json is tscqlsh's own: cqlsh refuses the flag)
      if (!args.includes('--format')) {
        expect(ref.stderr).toBe(ours.stderr);
        expect(ref.code).toBe(ours.code);
      }
    });
  }

  it('DESCRIBE: one Broken pipe line, exit 2 (cqlsh prints a Python traceback)', async () => {
    const { ours, ref } = await both(['-e', `DESCRIBE TABLE ${KS}.described`], { closeStdoutAfter: 1 });
    expect(ours.stderr).toBe('<stdin>:1:[Errno 32] Broken pipe\n');
    expect(ours.code).toBe(2);
    expect(ref.stderr).toContain('BrokenPipeError: [Errno 32] Broken pipe');
    expect(ref.code).toBe(2);
  });

  it('piped stdin and -f: each statement that writes after it fails; the others run; as cqlsh', async () => {
    const script = [`SELECT * FROM ${KS}.big;`, 'SELECT nope FROM nope.nope;', `SELECT id FROM ${KS}.big WHERE id = 1;`, `INSERT INTO ${KS}.times (id, t) VALUES (3, 0);`, 'SELECT cluster_name FROM system.local;'].join('\n') + '\n';
    const expected = (source: string) =>
      `${source}:2:[Errno 32] Broken pipe\n` +
      `${source}:3:InvalidRequest: Error from server: code=2200 [Invalid query] message="keyspace nope does not exist"\n` +
      `${source}:4:[Errno 32] Broken pipe\n` +
      `${source}:6:[Errno 32] Broken pipe\n`;
    const piped = await both([], { input: script, closeStdoutAfter: 1 });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-')), 'epipe.cql');
    fs.writeFileSync(file, script);
    const named = await both(['-f', file], { closeStdoutAfter: 1 });
    for (const [{ ours, ref }, source] of [[piped, '<stdin>'], [named, file]] as const) {
      expect(ours.stderr).toBe(expected(source));
      expect(ours.code).toBe(2);
      expect(ref.stderr).toBe(ours.stderr);
      expect(ref.code).toBe(ours.code);
    }
  });
});

describe('stderr closed by its reader', () => {
  it('the run stops at the first error it cannot report, exit 1, as cqlsh', async () => {
    const script = ['SELECT nope FROM nope.nope;', 'SELECT nope FROM nope.nope;', 'SELECT cluster_name FROM system.local;'].join('\n') + '\n';
    const { ours, ref } = await both([], { input: script, closeStderr: true });
    expect(ours.code).toBe(1);
    expect(ref.code).toBe(1);
    expect(ours.stdout).toBe(ref.stdout);
    expect(ours.stdout).not.toContain('Test Cluster');
  });
});

describe('a full disk', () => {
  it("COPY TO '/dev/full': one line, as cqlsh", async () => {
    const { ours, ref } = await both(['-e', `COPY ${KS}.big (id, v) TO '/dev/full'`]);
    expect(ours.stderr).toBe('<stdin>:1:[Errno 28] No space left on device\n');
    expect(ours.stderr).toBe(ref.stderr);
    // a progress report ('Processed: ... rows/s' and two carriage returns) comes from either shell
    // only when the export outlives its report interval: on a loaded machine, cqlsh's sometimes does
    const progress = /Processed: \d+ rows; Rate: +\d+ rows\/s; Avg\. rate: +\d+ rows\/s\r\r/g;
    expect(ours.stdout.replace(progress, '')).toBe(ref.stdout.replace(progress, ''));
    expect(ours.code).toBe(ref.code);
  });

  it('stdout on a full disk: the statement fails with ENOSPC, no stack trace', async () => {
    const full = fs.openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [tscqlshBin, server.host, String(server.port), '-e', 'SELECT cluster_name FROM system.local'], {
      stdio: ['ignore', full, 'pipe'],
      env: baseEnv(),
      encoding: 'utf8',
      timeout: 30_000,
    });
    fs.closeSync(full);
    expect(r.stderr).toBe('<stdin>:1:[Errno 28] No space left on device\n');
    expect(r.status).toBe(2);
  });
});

describe('no escape code into a pipe', () => {
  it('CLEAR writes nothing to a stdout that is not a terminal (cqlsh writes clear\'s codes when TERM is set)', async () => {
    const { ours, ref } = await both(['-e', 'CLEAR'], { env: { TERM: 'xterm-256color' } });
    expect(ours.stdout).toBe('');
    expect(ours.code).toBe(0);
    expect(ref.stdout).toContain('\x1b[H\x1b[2J');
  });
});

describe('timestamps beyond what cqlsh can show as dates', () => {
  it("cqlsh's DateOverFlowWarning once on stderr (without its Python file prefix), the milliseconds on stdout", async () => {
    const sql = `SELECT * FROM ${KS}.times WHERE id IN (1, 2); SELECT t FROM ${KS}.times WHERE id = 1`;
    const { ours, ref } = await both(['-e', sql]);
    expect(ours.stdout).toBe(ref.stdout);
    expect(ours.stdout).toContain('253402300800000');
    const warning = 'DateOverFlowWarning: Some timestamps are larger than Python datetime can represent. Timestamps are displayed in milliseconds from epoch.\n';
    expect(ours.stderr).toBe(warning);
    expect(ref.stderr.replace(/^\S*cqlshmain\.py:\d+: /, '')).toBe(warning);
    expect(ours.code).toBe(0);
  });
});
