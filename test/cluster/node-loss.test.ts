// Nodes lost and back, through both shells: consistency levels with one node down (Unavailable,
// NoHostAvailable), a frozen replica (timeouts), a session whose node dies (batch and REPL), a down
// contact point, and token-aware COPY with a node of the other data center down (LOCAL_QUORUM) and
// with a replica of the local one killed (ONE). Every wait is bounded; each block leaves every
// node up.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Term } from '../support/pty.js';
import { normalizeReference, referenceCqlsh } from '../support/reference.js';
import { baseEnv, isolatedHome, projectRoot, run, tscqlsh, tscqlshBin, type RunResult } from '../support/run.js';
import { bothOn, bringBack, cluster, freeze, ok, sleep, takeDown, thaw } from './helpers.js';

const NTS = 'loss_nts';
const NTS11 = 'loss_nts11';
const SIMPLE = 'loss_simple';
const ROWS = 3000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-loss-'));
const port = () => String(cluster().port);

beforeAll(async () => {
  const [first] = cluster().hosts;
  const ddl = [
    `CREATE KEYSPACE IF NOT EXISTS ${NTS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1};`,
    `CREATE KEYSPACE IF NOT EXISTS ${NTS11} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1};`,
    `CREATE KEYSPACE IF NOT EXISTS ${SIMPLE} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3};`,
  ];
  for (const ks of [NTS, NTS11, SIMPLE]) {
    ddl.push(`CREATE TABLE IF NOT EXISTS ${ks}.t (k int PRIMARY KEY, v text);`);
    ddl.push(`CREATE TABLE IF NOT EXISTS ${ks}.bulk (k int, c int, v text, PRIMARY KEY (k, c));`);
  }
  await ok(first, [], { stdin: ddl.join('\n') + '\n' });
  const csv = Array.from({ length: ROWS }, (_, i) => `${i},${i % 7},"row ${i}"\n`).join('');
  fs.writeFileSync(path.join(dir, 'rows.csv'), csv);
});

const same = (b: { ours: RunResult; ref: RunResult }, label = '') => {
  expect(b.ours.stdout, `${label} stdout`).toBe(b.ref.stdout);
  expect(b.ours.stderr, `${label} stderr`).toBe(b.ref.stderr);
  expect(b.ours.code, `${label} exit code`).toBe(b.ref.code);
};

/** Every consistency level on one keyspace: plain writes and reads, then lightweight transactions (SERIAL, LOCAL_SERIAL). */
const levels = (ks: string) => `CONSISTENCY ONE;
INSERT INTO ${ks}.t (k, v) VALUES (1, 'one');
SELECT * FROM ${ks}.t WHERE k = 1;
CONSISTENCY LOCAL_QUORUM;
INSERT INTO ${ks}.t (k, v) VALUES (2, 'local quorum');
SELECT * FROM ${ks}.t WHERE k = 2;
CONSISTENCY QUORUM;
INSERT INTO ${ks}.t (k, v) VALUES (3, 'quorum');
SELECT * FROM ${ks}.t WHERE k = 3;
CONSISTENCY ALL;
INSERT INTO ${ks}.t (k, v) VALUES (4, 'all');
SELECT * FROM ${ks}.t WHERE k = 4;
CONSISTENCY EACH_QUORUM;
INSERT INTO ${ks}.t (k, v) VALUES (5, 'each quorum');
SELECT * FROM ${ks}.t WHERE k = 5;
CONSISTENCY QUORUM;
SERIAL CONSISTENCY SERIAL;
INSERT INTO ${ks}.t (k, v) VALUES (6, 'lwt') IF NOT EXISTS;
UPDATE ${ks}.t SET v = 'lwt 2' WHERE k = 6 IF v = 'lwt';
CONSISTENCY SERIAL;
SELECT * FROM ${ks}.t WHERE k = 6;
CONSISTENCY LOCAL_QUORUM;
SERIAL CONSISTENCY LOCAL_SERIAL;
UPDATE ${ks}.t SET v = 'lwt 3' WHERE k = 6 IF v = 'lwt 2';
CONSISTENCY ALL;
UPDATE ${ks}.t SET v = 'lwt 4' WHERE k = 6 IF v = 'lwt 3';
CONSISTENCY QUORUM;
SELECT * FROM ${ks}.t WHERE k IN (1, 2, 3, 4, 5, 6);
`;

/**
 * Clears the rows `levels` writes, so both shells start alike. A lightweight transaction refused
 * at commit (ALL with a node down) leaves a proposal that the next one completes, newer than any
 * DELETE before it: a SERIAL read completes it first. (SERIAL and QUORUM: one node down allows both.)
 */
const clear = (host: string, ks: string) => async () => {
  await ok(host, ['-e', `CONSISTENCY SERIAL; SELECT k FROM ${ks}.t WHERE k = 6; CONSISTENCY QUORUM; DELETE FROM ${ks}.t WHERE k IN (1, 2, 3, 4, 5, 6);`]);
};

const mask = (s: string) =>
  s
    .replace(/Processed: [^\r\n]*\r+/g, '')
    .replace(/ in (\d+ \w+, )*(\d+ \w+,? and )?[\d.]+ seconds/g, ' in T seconds')
    .replace(/Using \d+ child processes/, 'Using N child processes');

/** A shell reading statements from a pipe, fed a piece at a time. */
class Piped {
  private readonly child;
  private out = '';
  private err = '';
  readonly done: Promise<number | null>;

  constructor(cmd: string, args: string[]) {
    this.child = spawn(cmd, args, { cwd: projectRoot, env: baseEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => (this.out += d));
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (this.err += d));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 120_000);
    this.done = new Promise((r) => this.child.on('close', (code) => (clearTimeout(timer), r(code))));
  }

  write(text: string): void {
    this.child.stdin.write(text);
  }

  async until(re: RegExp, timeoutMs = 30_000): Promise<void> {
    const t0 = Date.now();
    while (!re.test(this.out + this.err)) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${re}; so far:\n${this.out}\n${this.err}`);
      await sleep(100);
    }
  }

  async end(text: string): Promise<RunResult> {
    this.child.stdin.end(text);
    const code = await this.done;
    return { stdout: this.out, stderr: this.err, code };
  }
}

function repl(command: string[]): Term {
  const home = isolatedHome();
  return new Term(command, {
    cwd: projectRoot,
    // wide enough that an error line is not wrapped
    cols: 400,
    env: { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config'), TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', CI: 'false' },
  });
}

describe('a frozen replica: timeouts', () => {
  it("writes and reads at ALL time out on the coordinator with cqlsh's messages and exit code", async () => {
    const [first, second] = cluster().hosts;
    const input = `CONSISTENCY ALL;\nINSERT INTO ${SIMPLE}.t (k, v) VALUES (10, 'frozen');\nSELECT * FROM ${SIMPLE}.t WHERE k = 10;\n`;
    freeze(second);
    let ours!: RunResult;
    let ref!: RunResult;
    try {
      // both at once: the coordinator's failure detector convicts a frozen node after ~10-20 s,
      // and from then on it answers Unavailable instead
      [ref, ours] = await Promise.all([
        run(referenceCqlsh(), [first, port()], { stdin: input, timeoutMs: 60_000 }).then(normalizeReference),
        tscqlsh([first, port()], { stdin: input, timeoutMs: 60_000 }),
      ]);
    } finally {
      thaw(second);
    }
    same({ ours, ref });
    expect(ours.stderr).toContain("WriteTimeout: Error from server: code=1100 [Coordinator node timed out waiting for replica nodes' responses] message=\"Operation timed out - received only 2 responses.\" info={'consistency': 'ALL', 'required_responses': 3, 'received_responses': 2, 'write_type': 'SIMPLE'}");
    expect(ours.stderr).toContain("ReadTimeout: Error from server: code=1200 [Coordinator node timed out waiting for replica nodes' responses] message=\"Operation timed out - received only 2 responses.\" info={'consistency': 'ALL', 'required_responses': 3, 'received_responses': 2}");
    expect(ours.code).toBe(2);
  });
});

describe('one node down (dc2)', () => {
  const [first, , third] = cluster().hosts;
  let pipes: { ours: Piped; ref: Piped };
  let repls: { ours: Term; ref: Term };

  beforeAll(async () => {
    // sessions on the node that goes down, each with a statement run while it is up
    pipes = {
      ours: new Piped(process.execPath, [tscqlshBin, third, port()]),
      ref: new Piped(referenceCqlsh(), [third, port()]),
    };
    repls = {
      ours: repl([process.execPath, tscqlshBin, third, port()]),
      ref: repl([referenceCqlsh(), third, port()]),
    };
    for (const p of Object.values(pipes)) {
      p.write('SELECT cluster_name FROM system.local;\n');
      await p.until(/\(1 rows\)/);
    }
    for (const t of Object.values(repls)) {
      await t.waitFor(/cqlsh>\s*$/, { timeoutMs: 30_000 });
      t.line('SELECT cluster_name FROM system.local;');
      await t.waitFor('(1 rows)', { timeoutMs: 30_000 });
    }
    await takeDown(third);
  });

  afterAll(async () => {
    for (const t of Object.values(repls ?? {})) t.close();
    await bringBack(third);
  });

  // cqlsh's first statement after the loss finds its connection defunct, unless the driver's idle
  // heartbeat (every 30 s) found it first, which leaves the host out as the later statements do
  // (docs/compat.md): tscqlsh always says the former
  const defunct = () => `NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: ${third}:${port()} dc2>: ConnectionShutdown('Connection to ${third}:${port()} is defunct')})`;
  const down = "NoHostAvailable: ('Unable to complete the operation against any hosts', {})";

  it('a session whose node went down: NoHostAvailable as cqlsh words it, then the exit code', async () => {
    for (const p of Object.values(pipes)) p.write('SELECT release_version FROM system.local;\n');
    await sleep(3000);
    const [ours, ref] = await Promise.all([pipes.ours.end('SELECT release_version FROM system.local;\n'), pipes.ref.end('SELECT release_version FROM system.local;\n')]);
    const r = normalizeReference(ref);
    expect(ours.stdout).toBe(r.stdout);
    expect(ours.code).toBe(r.code);
    expect(ours.stderr).toBe(`<stdin>:3:${defunct()}\n<stdin>:4:${down}\n`);
    expect([`<stdin>:3:${defunct()}\n<stdin>:4:${down}\n`, `<stdin>:3:${down}\n<stdin>:4:${down}\n`]).toContain(r.stderr);
  });

  it('the REPL on the lost node shows the error and keeps its prompt, as cqlsh does', async () => {
    const errors: string[] = [];
    for (const t of [repls.ours, repls.ref]) {
      t.line('SELECT release_version FROM system.local;');
      const s = await t.waitFor(/release_version FROM system\.local;\n[^\n]*NoHostAvailable[^\n]*\n[\s\S]*cqlsh>\s*$/, { timeoutMs: 30_000 });
      errors.push(/NoHostAvailable[^\n]*/.exec(s.slice(s.lastIndexOf('release_version FROM system.local;')))![0]);
    }
    expect(errors[0]).toBe(defunct());
    expect([defunct(), down]).toContain(errors[1]);
  });

  for (const ks of [NTS, SIMPLE]) {
    it(`every consistency level on ${ks}: results, Unavailable and LWT outcomes as cqlsh's`, async () => {
      const both = await bothOn(first, [], { stdin: levels(ks), prepare: clear(first, ks) });
      same(both, ks);
      // what one node down allows and refuses
      expect(both.ours.stdout).toContain(" 1 | one\n");
      expect(both.ours.stdout).toContain(' 2 | local quorum\n');
      expect(both.ours.stdout).toContain(' 3 | quorum\n');
      expect(both.ours.stderr).toContain("message=\"Cannot achieve consistency level ALL\" info={\\'consistency\\': \\'ALL\\', \\'required_replicas\\': 3, \\'alive_replicas\\': 2}");
      expect(both.ours.code).toBe(2);
    });
  }

  it('connecting to the down node fails as in cqlsh; a profile listing another contact point connects', async () => {
    const both = await bothOn(third, ['-e', 'SHOW HOST']);
    same(both);
    expect(both.ours.code).toBe(1);
    expect(both.ours.stderr).toMatch(/^Connection error: \('Unable to connect to any servers', \{'127\.0\.0\.\d+:\d+': ConnectionRefusedError\(111, /);
    const home = isolatedHome();
    const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
    const add = await tscqlsh(['profile', 'add', 'ring', '--host', `${third},${first}`, '--port', port()], { env });
    expect(add.code, add.stderr).toBe(0);
    const r = await tscqlsh(['-p', 'ring', '-e', 'SHOW HOST; SELECT count(*) FROM system.peers_v2;'], { env });
    expect(r.stderr.replace(/\nWarnings :\n[^\n]*\n?/, '')).toBe('');
    expect(r.stdout).toContain(`Connected to Test Cluster at ${first}:${port()}`);
    expect(r.code).toBe(0);
  });

  it('COPY FROM at LOCAL_QUORUM writes every row, COPY TO exports every row, no error printed, as cqlsh', async () => {
    // TRUNCATE needs every node up: each shell loads into a table made anew instead
    const prepare = async () => {
      await ok(first, ['-e', `DROP TABLE IF EXISTS ${NTS}.bulk; CREATE TABLE ${NTS}.bulk (k int, c int, v text, PRIMARY KEY (k, c));`]);
    };
    const input = `CONSISTENCY LOCAL_QUORUM;\nCOPY ${NTS}.bulk FROM 'rows.csv';\nSELECT count(*) FROM ${NTS}.bulk;\nCOPY ${NTS}.bulk TO 'out.csv';\n`;
    const both = await bothOn(first, [], { stdin: input, cwd: dir, prepare, env: { CQLSH_COPY_TEST_NUM_CORES: '3' } });
    expect(mask(both.ours.stdout)).toBe(mask(both.ref.stdout));
    // On a loaded machine a local replica may miss the server's 2 s write timeout: a shell then
    // prints a retry line for that batch and goes on (any error line makes the exit status 2, in
    // cqlsh as in tscqlsh). Those lines follow the machine's load, not the shell (cqlsh's, with
    // three worker processes, meets them more often): apart from them, nothing is printed.
    const retry = /^<stdin>:3:Failed to import \d+ rows: WriteTimeout - Error from server: code=1100 \[Coordinator node timed out waiting for replica nodes' responses\] message="Operation timed out - received only 1 responses\." info=\{'consistency': 'LOCAL_QUORUM', 'required_responses': 2, 'received_responses': 1, 'write_type': '(SIMPLE|UNLOGGED_BATCH)'\},  will retry later, attempt [1-4] of 5$/;
    for (const [who, r] of [['tscqlsh', both.ours], ['cqlsh', both.ref]] as const) {
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines.filter((l) => !retry.test(l)), `${who} stderr`).toEqual([]);
      expect(r.code, `${who} exit code`).toBe(lines.length ? 2 : 0);
    }
    expect(both.ours.stdout).toContain(`${ROWS} rows imported from 1 files`);
    expect(both.ours.stdout).toMatch(new RegExp(`\\n +${ROWS}\\n`));
    expect(both.ours.stdout).toContain(`${ROWS} rows exported to 1 files`);
    expect(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8').split('\n').filter(Boolean)).toHaveLength(ROWS);
    // token-aware: every batch went to a replica in dc1 (.11, .12), none through a coordinator
    const stats = await tscqlsh([first, port()], { stdin: `CONSISTENCY LOCAL_QUORUM;\nCOPY ${NTS}.bulk FROM 'rows.csv';\n`, cwd: dir, env: { TSCQLSH_COPY_STATS: '1' } });
    expect(stats.stderr).toMatch(/routed=\d+ coordinated=0 hosts=\S+:\d+:\d+,\S+:\d+:\d+\n/);
    expect(stats.stderr).not.toContain(third);
  });

  it('the node comes back: the REPL that lost it works again without a restart', async () => {
    await bringBack(third);
    const t = repls.ours;
    for (let i = 0; ; i++) {
      t.line(`SELECT cluster_name AS back_${i} FROM system.local;`);
      const s = await t.waitFor(new RegExp(`back_${i} FROM system\\.local;\\n[\\s\\S]*(\\(1 rows\\)|NoHostAvailable[^\\n]*)\\n[\\s\\S]*cqlsh>\\s*$`), { timeoutMs: 30_000 });
      if (new RegExp(`back_${i}\\n-+\\n Test Cluster`).test(s)) break;
      if (i >= 20) throw new Error(`the REPL never worked again:\n${s}`);
      await sleep(1000);
    }
  });
});

describe('a local replica killed during COPY', () => {
  const [first, second] = cluster().hosts;
  const BIG = 12_000;
  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 'big.csv'), Array.from({ length: BIG }, (_, i) => `${i},${i % 3},"big ${i}"\n`).join(''));
    await ok(first, ['-e', `TRUNCATE ${NTS11}.bulk;`]);
  });
  afterAll(() => bringBack(second));

  it('COPY FROM at ONE goes on: the failed batches are reported and retried through a live node, every row lands', async () => {
    const copy = tscqlsh([first, port()], {
      stdin: `CONSISTENCY ONE;\nCOPY ${NTS11}.bulk FROM 'big.csv' WITH INGESTRATE = 2000;\n`,
      cwd: dir,
      env: { TSCQLSH_COPY_STATS: '1' },
      timeoutMs: 150_000,
    });
    let finished = false;
    void copy.then(() => (finished = true));
    await sleep(2500);
    expect(finished, 'the import must still run when the node dies').toBe(false);
    await takeDown(second, 'SIGKILL');
    const r = await copy;
    expect(r.stdout, r.stderr).toContain(`${BIG} rows imported from 1 files`);
    const lines = r.stderr.split('\n').filter(Boolean);
    const stats = lines.find((l) => l.includes('[copy stats]')) ?? '';
    const failures = lines.filter((l) => /Failed to import \d+ rows: /.test(l));
    // every failed attempt was printed once, as a retry (none given up), and counted as such
    expect(stats, r.stderr).toMatch(new RegExp(`failed=${failures.length} `));
    for (const f of failures) expect(f).toMatch(/will retry later, attempt 1 of 5$/);
    expect(lines.length).toBe(failures.length + 1);
    // batches went to both local replicas until one died; the dead one's ranges then went through a coordinator
    expect(stats).toMatch(/coordinated=[1-9]\d* /);
  });

  it('COPY TO at ONE exports every row, the dead replica\'s ranges read through a live coordinator', async () => {
    // Writes at ONE may be acknowledged before every replica has them. With token-aware routing the
    // coordinator of a batch is its dc1 replica: when that node is killed (SIGKILL) after its own
    // write was acknowledged but before it forwarded the write to dc2, the rows exist only on the
    // dead node. The database gives no more at ONE, so COPY TO must export every row the live
    // replicas hold: wait until the count is BIG or stops changing (bounded), then export.
    let held = -1;
    for (let i = 0, same = 0; ; i++) {
      const c = await ok(first, ['-e', `CONSISTENCY ONE; SELECT count(*) FROM ${NTS11}.bulk;`]).catch((e: Error) => ({ stdout: e.message }));
      const n = Number(/\n +(\d+)\n/.exec(c.stdout)?.[1] ?? -1);
      same = n >= 0 && n === held ? same + 1 : 0;
      held = n;
      if (n === BIG || same >= 4) break;
      if (i >= 40) throw new Error(`the count never settled:\n${c.stdout}`);
      await sleep(1000);
    }
    // at most the rows of the batches in flight on the killed node can be missing
    expect(held).toBeGreaterThan(BIG * 0.9);
    const r = await tscqlsh([first, port()], { stdin: `CONSISTENCY ONE;\nCOPY ${NTS11}.bulk TO 'out11.csv';\n`, cwd: dir, env: { TSCQLSH_COPY_STATS: '1' }, timeoutMs: 120_000 });
    expect(r.stdout, r.stderr).toContain(`${held} rows exported to 1 files`);
    expect(fs.readFileSync(path.join(dir, 'out11.csv'), 'utf8').split('\n').filter(Boolean)).toHaveLength(held);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`routed=[1-9]\\d* coordinated=[1-9]\\d* hosts=${first.replaceAll('.', '\\.')}:\\d+:\\d+$`));
  });
});
