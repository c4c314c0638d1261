// COPY TO / COPY FROM against the real Cassandra: round trips of every CQL type, files exchanged
// with the reference cqlsh both ways, malformed rows, and each row/column/token option.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { referenceCqlsh } from '../support/reference.js';
import { run, tscqlsh } from '../support/run.js';

const server = inject('cassandra');
const KS = 'copy_it';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-copy-'));
const hp = [server.host, String(server.port)];

async function ours(stdin: string) {
  return tscqlsh(hp, { stdin, cwd: dir, timeoutMs: 120_000 });
}
async function ref(stdin: string) {
  return run(referenceCqlsh(), hp, { stdin, cwd: dir, timeoutMs: 120_000 });
}
/** the table's rows as sorted JSON lines */
async function rows(table: string): Promise<string[]> {
  const r = await ours(`PAGING OFF;\nSELECT JSON * FROM ${KS}.${table};\n`);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{')).sort();
}
const file = (name: string) => path.join(dir, name);

const ALL_TYPES = `CREATE TABLE ${KS}.all_types (k int, c text, a ascii, b bigint, bl blob, bo boolean, d date, de decimal,
  db double, du duration, f float, i inet, si smallint, tm time, ts timestamp, tu timeuuid, ti tinyint, u uuid,
  vc varchar, vi varint, l list<text>, s set<int>, m map<text, int>, tp tuple<int, text>, ud frozen<addr>,
  ve vector<float, 3>, fl frozen<list<frozen<map<int, text>>>>, st int static, PRIMARY KEY (k, c))`;

const ALL_ROWS = [
  `(1, 'one', 'asc', 123456789012, 0xcafe, true, '2020-01-02', 3.14159265358979, 2.71828182846, 1mo2d3h4m5s6ms7us8ns, 1.5, '10.0.0.1', 7, '12:34:56.789', '2021-03-04 05:06:07.891+0000', 5b6962dd-3f90-11e7-9b3c-b5e9d8f2a1e4, 3, 0c306ccb-58e6-400d-905e-7627f5f456e2, 'vc', 12345678901234567890, ['a', 'b,c', 'it''s'], {1, 2}, {'x': 1, 'y''s': 2}, (1, 't'), {street: 'main "st"', num: 5}, [1.5, 2, 3], [{1: 'a'}], 9)`,
  `(1, 'two', null, -1, 0x, false, '1970-01-01', -0.001, -1e-10, -3d, -0.25, '::1', -32768, '00:00:00', '1969-12-31 23:59:59.999+0000', 5b6962dd-3f90-11e7-9b3c-b5e9d8f2a1e5, -128, 00000000-0000-0000-0000-000000000000, 'quote " comma , semi ; backslash \\ tab \t', -1, [], {}, {}, (null, null), {street: null, num: null}, [0, -1, 1e10], [], 9)`,
  `(2, 'line\nbreak', '', 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, '', null, null, null, null, null, null, null, null, null)`,
  `(3, '', 'x', 9223372036854775807, 0x00ff, true, '9999-12-31', 1E+30, 1.5e300, 0s, 3.25, '255.255.255.255', 32767, '23:59:59.999999999', '2262-04-11 23:47:16.854+0000', 5b6962dd-3f90-11e7-9b3c-b5e9d8f2a1e6, 127, ffffffff-ffff-ffff-ffff-ffffffffffff, 'ünïcödé ✓ 𝄞', -99999999999999999999999, ['x'], {-2147483648}, {'': 0}, (0, ''), {street: '', num: 0}, [1, 2, 3], [{}], null)`,
];

beforeAll(async () => {
  const setup = [
    `DROP KEYSPACE IF EXISTS ${KS};`,
    `CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
    `CREATE TYPE ${KS}.addr (street text, num int);`,
    `${ALL_TYPES};`,
    ...ALL_ROWS.map((r) => `INSERT INTO ${KS}.all_types (k, c, a, b, bl, bo, d, de, db, du, f, i, si, tm, ts, tu, ti, u, vc, vi, l, s, m, tp, ud, ve, fl, st) VALUES ${r};`),
    `CREATE TABLE ${KS}.compat (k int PRIMARY KEY, a ascii, b bigint, bl blob, bo boolean, d date, de decimal, db double, f float, i inet, si smallint, tm time, ts timestamp, tu timeuuid, ti tinyint, u uuid, t text, vi varint, l list<text>, s set<int>, m map<text, int>, tp frozen<tuple<int, text>>, ud frozen<addr>);`,
    `INSERT INTO ${KS}.compat (k, a, b, bl, bo, d, de, db, f, i, si, tm, ts, tu, ti, u, t, vi, l, s, m, tp, ud) VALUES (1, 'a', 1, 0x01, true, '2020-01-02', 1.25, 0.5, 2.5, '1.2.3.4', 1, '01:02:03', '2020-01-02 03:04:05.678+0000', 5b6962dd-3f90-11e7-9b3c-b5e9d8f2a1e4, 1, 0c306ccb-58e6-400d-905e-7627f5f456e2, 'he said "hi", ok', 5, ['a', 'it''s'], {3}, {'k': 1}, (1, 'x'), {street: 's', num: 1});`,
    `INSERT INTO ${KS}.compat (k, a, t, l, tp) VALUES (2, 'b', 'semi;colon|pipe', ['x,y'], (2, 'a,b'));`,
    `INSERT INTO ${KS}.compat (k, t) VALUES (3, 'plain');`,
    `CREATE TABLE ${KS}.plain (k int, c int, t text, v double, PRIMARY KEY (k, c));`,
    `CREATE TABLE ${KS}.target (k int, c int, t text, v double, PRIMARY KEY (k, c));`,
    `CREATE TABLE ${KS}.target2 (k int, c int, t text, v double, PRIMARY KEY (k, c));`,
  ];
  const r = await ours(setup.join('\n') + '\n');
  expect(r.stderr).toBe('');
  const lines: string[] = [];
  for (let k = 0; k < 50; k++) for (let c = 0; c < 4; c++) lines.push(`INSERT INTO ${KS}.plain (k, c, t, v) VALUES (${k}, ${c}, 'r${k}_${c}', ${k + c / 4});`);
  const r2 = await ours(lines.join('\n') + '\n');
  expect(r2.stderr).toBe('');
}, 240_000);

describe('COPY round trips', () => {
  it('every CQL type: COPY TO, TRUNCATE, COPY FROM gives the same rows', async () => {
    const before = await rows('all_types');
    expect(before.length).toBe(4);
    const r = await ours(`COPY ${KS}.all_types TO 'all.csv';\nTRUNCATE ${KS}.all_types;\nCOPY ${KS}.all_types FROM 'all.csv';\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/4 rows exported to 1 files in [\d.]+ seconds\./);
    expect(r.stdout).toMatch(/4 rows imported from 1 files in [\d.]+ seconds \(0 skipped\)\./);
    expect(await rows('all_types')).toEqual(before);
  });

  it('every CQL type with PREPAREDSTATEMENTS=False (CQL literals): the same rows', async () => {
    const before = await rows('all_types');
    const r = await ours(`COPY ${KS}.all_types TO 'all_text.csv';\nTRUNCATE ${KS}.all_types;\nCOPY ${KS}.all_types FROM 'all_text.csv' WITH PREPAREDSTATEMENTS = False;\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/4 rows imported from 1 files in [\d.]+ seconds \(0 skipped\)\./);
    expect(await rows('all_types')).toEqual(before);
  });

  it('the same through STDOUT and STDIN', async () => {
    const before = await rows('all_types');
    const out = await ours(`COPY ${KS}.all_types TO STDOUT;\n`);
    expect(out.stderr).toBe('');
    const r = await ours(`TRUNCATE ${KS}.all_types;\nCOPY ${KS}.all_types FROM STDIN;\n${out.stdout.replace(/\r\n/g, '\n')}.\nSELECT count(*) FROM ${KS}.all_types;\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('[Use . on a line by itself to end input]');
    expect(await rows('all_types')).toEqual(before);
  });

  it('writes the same file as the reference cqlsh', async () => {
    await ref(`COPY ${KS}.compat TO 'ref_compat.csv';\n`);
    await ours(`COPY ${KS}.compat TO 'our_compat.csv';\n`);
    const lines = (f: string) => fs.readFileSync(file(f), 'utf8').split('\r\n').sort();
    expect(lines('our_compat.csv').length).toBe(4);
    expect(lines('our_compat.csv')).toEqual(lines('ref_compat.csv'));
  });

  it('loads a file written by the reference cqlsh: every row equal', async () => {
    const before = await rows('compat');
    const r0 = await ref(`COPY ${KS}.compat TO 'ref_compat2.csv' WITH HEADER = true;\n`);
    expect(r0.stdout).toContain('3 rows exported');
    const r = await ours(`TRUNCATE ${KS}.compat;\nCOPY ${KS}.compat FROM 'ref_compat2.csv' WITH HEADER = true;\n`);
    expect(r.stderr).toBe('');
    expect(await rows('compat')).toEqual(before);
  });

  it('the reference cqlsh loads a file written by tscqlsh as it loads its own', async () => {
    await ours(`COPY ${KS}.plain TO 'plain.csv';\n`);
    const before = await rows('plain');
    const r = await ref(`TRUNCATE ${KS}.plain;\nCOPY ${KS}.plain FROM 'plain.csv';\n`);
    expect(r.stdout).toContain('200 rows imported from 1 files');
    expect(await rows('plain')).toEqual(before);
    await ours(`COPY ${KS}.compat TO 'our_compat3.csv';\n`);
    await ref(`COPY ${KS}.compat TO 'ref_compat3.csv';\n`);
    await ref(`TRUNCATE ${KS}.compat;\nCOPY ${KS}.compat FROM 'ref_compat3.csv';\n`);
    const theirs = await rows('compat');
    const r2 = await ref(`TRUNCATE ${KS}.compat;\nCOPY ${KS}.compat FROM 'our_compat3.csv';\n`);
    expect(r2.stdout).toContain('3 rows imported from 1 files');
    expect(await rows('compat')).toEqual(theirs);
  });
});

describe('COPY FROM with malformed rows', () => {
  it('imports every good row and writes exactly the bad ones to the error file', async () => {
    const good: string[] = [];
    const bad: string[] = [];
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++) {
      let line: string;
      if (i % 100 === 37) {
        line = [`x${i},1,t,1.0`, `${i},1,t,notanumber`, `${i},1`, `,1,t,2`, `${i},99999999999,t,1`, `${i},1,"multi\nline",abc`, `${i},1,t,1,extra`, `${i},,t,1`, `${i},1.5,t,1`, `${i},1,t,1e`][bad.length];
        bad.push(line + '\n');
      } else {
        line = `${i},${i % 7},"t ${i}, ok",${i / 8}`;
        good.push(line);
      }
      lines.push(line);
    }
    fs.writeFileSync(file('bad1.csv'), lines.join('\n') + '\n');
    fs.rmSync(file(`import_${KS}_target.err`), { force: true });
    const r = await ours(`TRUNCATE ${KS}.target;\nCOPY ${KS}.target FROM 'bad1.csv';\nSELECT count(*) FROM ${KS}.target;\n`);
    expect(bad.length).toBe(10);
    expect(r.stdout).toContain('990 rows imported from 1 files');
    expect(r.stdout).toMatch(/\n\s+990\n/);
    expect(r.stderr).toContain(`Failed to process 10 rows; failed rows written to import_${KS}_target.err`);
    expect(fs.readFileSync(file(`import_${KS}_target.err`), 'utf8')).toBe(bad.join(''));
  });

  it('MAXPARSEERRORS stops the import', async () => {
    const r = await ours(`COPY ${KS}.target2 FROM 'bad1.csv' WITH MAXPARSEERRORS = 0 AND CHUNKSIZE = 10;\n`);
    expect(r.stderr).toContain('Exceeded maximum number of parse errors 0');
  });
});

describe('COPY options', () => {
  const csv = (name: string, text: string) => fs.writeFileSync(file(name), text);
  const load = async (opts: string, text: string, cols = '') => {
    csv('opt.csv', text);
    const r = await ours(`TRUNCATE ${KS}.target;\nCOPY ${KS}.target${cols} FROM 'opt.csv' ${opts};\n`);
    return { r, rows: await rows('target') };
  };

  it('MAXROWS and SKIPROWS (FROM)', async () => {
    const text = [1, 2, 3, 4, 5].map((i) => `${i},0,t${i},1`).join('\n') + '\n';
    const a = await load('WITH MAXROWS = 3', text);
    expect(a.rows.length).toBe(3);
    const b = await load('WITH SKIPROWS = 2', text);
    expect(b.rows.map((x) => JSON.parse(x).k).sort()).toEqual([3, 4, 5]);
    expect(b.r.stdout).toContain('3 rows imported from 1 files');
    expect(b.r.stdout).toContain('(2 skipped)');
    const c = await load('WITH SKIPROWS = 1 AND MAXROWS = 3', text);
    expect(c.rows.map((x) => JSON.parse(x).k).sort()).toEqual([2, 3]);
  });

  it('SKIPCOLS', async () => {
    const { rows: got } = await load(`WITH SKIPCOLS = 'v'`, '1,0,a,9.5\n2,0,b,9.5\n');
    expect(got).toEqual(['{"k": 1, "c": 0, "t": "a", "v": null}', '{"k": 2, "c": 0, "t": "b", "v": null}']);
  });

  it('HEADER (both ways)', async () => {
    const { rows: got } = await load('WITH HEADER = true', 'k,c,t,v\n7,1,h,0.5\n');
    expect(got).toEqual(['{"k": 7, "c": 1, "t": "h", "v": 0.5}']);
    const out = await ours(`COPY ${KS}.target TO STDOUT WITH HEADER = true;\n`);
    expect(out.stdout).toBe('k,c,t,v\r\n7,1,h,0.5\r\n');
  });

  it('NULL (both ways)', async () => {
    const { rows: got } = await load(`WITH NULL = 'NIL'`, '1,0,NIL,NIL\n2,0,,1\n');
    expect(got).toEqual(['{"k": 1, "c": 0, "t": null, "v": null}', '{"k": 2, "c": 0, "t": "", "v": 1.0}']);
    const out = await ours(`COPY ${KS}.target TO STDOUT WITH NULL = 'NIL';\n`);
    expect(out.stdout.split('\r\n').sort()).toEqual(['', '1,0,NIL,NIL', '2,0,,1'].sort());
  });

  it('DELIMITER, QUOTE, ESCAPE (both ways)', async () => {
    const { rows: got } = await load(`WITH DELIMITER = '|' AND QUOTE = '''' AND ESCAPE = ''''`, "1|0|'a|b ''x'''|2\n");
    expect(got).toEqual(['{"k": 1, "c": 0, "t": "a|b \'x\'", "v": 2.0}']);
    const out = await ours(`COPY ${KS}.target TO STDOUT WITH DELIMITER = '|' AND QUOTE = '''' AND ESCAPE = '''';\n`);
    expect(out.stdout).toBe("1|0|'a|b ''x'''|2\r\n");
  });

  it('BEGINTOKEN and ENDTOKEN', async () => {
    const tokens = await ours(`PAGING OFF;\nSELECT k, token(k) FROM ${KS}.plain WHERE c = 0 ALLOW FILTERING;\n`);
    const pairs = tokens.stdout.split('\n').map((l) => /^\s*(\d+)\s*\|\s*(-?\d+)\s*$/.exec(l)).filter((m) => m !== null).map((m) => [Number(m![1]), BigInt(m![2])] as const);
    expect(pairs.length).toBe(50);
    const sorted = [...pairs].sort((a, b) => (a[1] < b[1] ? -1 : 1));
    const lo = sorted[9][1];
    const hi = sorted[29][1];
    const want = sorted.filter(([, t]) => t > lo && t <= hi).map(([k]) => k).sort((a, b) => a - b);
    const r = await ours(`COPY ${KS}.plain (k) TO STDOUT WITH BEGINTOKEN = '${lo}' AND ENDTOKEN = '${hi}';\n`);
    const got = [...new Set(r.stdout.split('\r\n').filter(Boolean).map(Number))].sort((a, b) => a - b);
    expect(got).toEqual(want);
    const only = await ours(`COPY ${KS}.plain (k) TO STDOUT WITH BEGINTOKEN = '${lo}';\n`);
    expect(new Set(only.stdout.split('\r\n').filter(Boolean)).size).toBe(sorted.filter(([, t]) => t > lo).length);
    const bad = await ours(`COPY ${KS}.plain TO 'x.csv' WITH BEGINTOKEN = '5' AND ENDTOKEN = '1';\n`);
    expect(bad.stderr).toContain('Begin token 5 must be smaller than end token 1');
  });

  it('MAXOUTPUTSIZE splits the output file', async () => {
    const r = await ours(`COPY ${KS}.plain TO 'split.csv' WITH MAXOUTPUTSIZE = 60;\n`);
    expect(r.stdout).toContain('200 rows exported to 4 files');
    const n = ['split.csv', 'split.csv.1', 'split.csv.2', 'split.csv.3'].map((f) => fs.readFileSync(file(f), 'utf8').split('\r\n').length - 1);
    expect(n).toEqual([60, 60, 60, 20]);
  });

  it('CONFIGFILE sections and unknown options', async () => {
    fs.writeFileSync(file('copyrc'), `[copy]\nheader = true\n[copy-to:${KS}.target]\ndelimiter = ;\n`);
    const r = await ours(`COPY ${KS}.target TO STDOUT WITH CONFIGFILE = 'copyrc';\n`);
    expect(r.stdout.split('\r\n')[0]).toBe('k;c;t;v');
    const u = await ours(`COPY ${KS}.target TO 'x.csv' WITH FOO = 1 AND bar = 2;\n`);
    expect(u.stderr).toBe('<stdin>:2:Unrecognized COPY TO options: foo, bar\n');
  });

  it('glob patterns and comma lists of files', async () => {
    csv('g1.csv', '1,0,a,1\n');
    csv('g2.csv', '2,0,b,1\n');
    csv('h.csv', '3,0,c,1\n');
    const r = await ours(`TRUNCATE ${KS}.target;\nCOPY ${KS}.target FROM 'g*.csv, h.csv';\n`);
    expect(r.stdout).toContain('3 rows imported from 3 files');
  });
});

describe('COPY interrupted', () => {
  it('Ctrl-C (SIGINT) stops COPY FROM cleanly with what was written', async () => {
    const { spawn } = await import('node:child_process');
    const { baseEnv, tscqlshBin } = await import('../support/run.js');
    const lines: string[] = [];
    for (let i = 0; i < 20000; i++) lines.push(`${i},0,t,1`);
    fs.writeFileSync(file('big.csv'), lines.join('\n') + '\n');
    const child = spawn(process.execPath, [tscqlshBin, ...hp], { cwd: dir, env: baseEnv() });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.stdin.end(`TRUNCATE ${KS}.target2;\nCOPY ${KS}.target2 FROM 'big.csv' WITH INGESTRATE = 2000;\nSELECT count(*) FROM ${KS}.target2;\n`);
    await new Promise((r) => setTimeout(r, 4000));
    child.kill('SIGINT');
    const signal = await new Promise((r) => child.on('close', (_code, sig) => r(sig)));
    // SIGINT stops a batch run (docs/compat.md): COPY says what it wrote, nothing after it runs,
    // and the process dies of the signal
    expect(signal).toBe('SIGINT');
    const m = /\n(\d+) rows imported from 1 files/.exec(out);
    expect(m).not.toBeNull();
    const n = Number(m![1]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(20000);
    expect(err).toContain(`Interrupted: ${n} rows written.`);
    expect(out).not.toContain('count');
    const counted = await ours(`SELECT count(*) FROM ${KS}.target2;\n`);
    expect(counted.stdout).toMatch(new RegExp(`\\n\\s+${n}\\n`));
  });
});

describe('COPY FROM flow control', () => {
  it('retries failed writes MAXATTEMPTS times, then writes them to the error file', async () => {
    await ours(`CREATE TABLE IF NOT EXISTS ${KS}.bigkey (k blob PRIMARY KEY, v int);\n`);
    const bad = `0x${'ab'.repeat(70000)},1\n`;
    fs.writeFileSync(file('bigkey.csv'), `0x01,1\n${bad}0x02,2\n`);
    fs.rmSync(file('keys.err'), { force: true });
    const r = await ours(`COPY ${KS}.bigkey FROM 'bigkey.csv' WITH MAXATTEMPTS = 2 AND ERRFILE = 'keys.err';\n`);
    expect(r.stdout).toContain('2 rows imported from 1 files');
    expect(r.stderr).toMatch(/Failed to import 1 rows: InvalidRequest - .*Key length of 70000 is longer than maximum of 65535.*,  will retry later, attempt 1 of 2/);
    expect(r.stderr).toMatch(/Failed to import 1 rows: InvalidRequest - .*,  given up after 2 attempts/);
    expect(r.stderr).toContain('Failed to process 1 rows; failed rows written to keys.err');
    expect(fs.readFileSync(file('keys.err'), 'utf8')).toBe(bad);
  });

  it('INGESTRATE limits the rows per second', async () => {
    fs.writeFileSync(file('rate.csv'), Array.from({ length: 3000 }, (_, i) => `${i},1,r,1`).join('\n') + '\n');
    const t0 = Date.now();
    const r = await ours(`COPY ${KS}.target2 FROM 'rate.csv' WITH INGESTRATE = 1000;\n`);
    expect(r.stdout).toContain('3000 rows imported');
    expect(Date.now() - t0).toBeGreaterThan(2500);
  });
});
