// COPY FROM's batching against the real Cassandra: the client-side token of every key type COPY
// hashes equals the server's token(); rows of different partitions go in batches by ring position
// (MINBATCHSIZE / MAXBATCHSIZE change the number of requests, never the rows written); a failing
// batch sends exactly its bad rows to the error file; ENCODING decodes the input file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import driver from 'cassandra-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CqlDate, CqlTimestamp, type CqlType, type CqlValue } from '../../src/cql/types.js';
import { keySerializer, murmur3, tokenHi, tokenLo } from '../../src/db/ring.js';
import { tscqlsh } from '../support/run.js';

const server = inject('cassandra');
const KS = 'copy_batch_it';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-copy-batch-'));
const hp = [server.host, String(server.port)];
const file = (name: string) => path.join(dir, name);
let client: driver.Client;

async function ours(stdin: string, env: Record<string, string> = {}) {
  return tscqlsh(hp, { stdin, cwd: dir, timeoutMs: 120_000, env });
}
async function ids(table: string): Promise<number[]> {
  const rs = await client.execute(`SELECT k FROM ${KS}.${table}`, [], { fetchSize: 100_000 });
  return rs.rows.map((r) => Number(r.k)).sort((a, b) => a - b);
}
const requests = (stderr: string) => Number(/\[copy stats\] requests=(\d+) ring=(\d+)/.exec(stderr)?.[1] ?? NaN);

beforeAll(async () => {
  client = new driver.Client({ contactPoints: [`${server.host}:${server.port}`], localDataCenter: 'datacenter1' });
  await client.connect();
  await client.execute(`DROP KEYSPACE IF EXISTS ${KS}`);
  await client.execute(`CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`);
  for (const t of ['t', 't_min', 't_one', 't_bad', 't_lit'])
    await client.execute(`CREATE TABLE ${KS}.${t} (k int PRIMARY KEY, a ascii, v text)`);
  await client.execute(`CREATE TABLE ${KS}.keys (i int, b bigint, t text, u uuid, ts timestamp, d date, bo boolean, PRIMARY KEY ((i, b, t, u, ts, d, bo)))`);
  await client.execute(`CREATE TABLE ${KS}.enc (k int PRIMARY KEY, v text)`);
  const lines = Array.from({ length: 2000 }, (_, i) => `${i},a${i},"text, ${i}"\n`);
  fs.writeFileSync(file('rows.csv'), lines.join(''));
}, 120_000);
afterAll(async () => {
  await client?.shutdown();
});

describe('the token of a partition key', () => {
  it('is the server token() for single and composite keys of each hashed type', async () => {
    const single: [CqlType, CqlValue, string][] = [
      [{ kind: 'int' }, -123456, 'k'],
      [{ kind: 'text' }, 'ünïcödé ✓ long enough to pass one 16-byte block', 'k'],
    ];
    for (const [type, value] of single) {
      const name = `s_${type.kind}`;
      await client.execute(`CREATE TABLE IF NOT EXISTS ${KS}.${name} (k ${type.kind} PRIMARY KEY)`);
      await client.execute(`INSERT INTO ${KS}.${name} (k) VALUES (?)`, [value], { prepare: true });
      const server = String((await client.execute(`SELECT token(k) AS t FROM ${KS}.${name}`)).first().t);
      const k = keySerializer([type], [0])!([value]);
      murmur3(k.buf, k.len);
      expect(((BigInt(tokenHi) << 32n) | BigInt(tokenLo)).toString()).toBe(server);
    }
    const types: CqlType[] = ['int', 'bigint', 'text', 'uuid', 'timestamp', 'date', 'boolean'].map((kind) => ({ kind }) as CqlType);
    for (let n = 0; n < 20; n++) {
      const u = `0c306ccb-58e6-400d-905e-7627f5f456${String(n).padStart(2, '0')}`;
      const values: CqlValue[] = [n * 1000 - 7, BigInt(n) * -99999999999n, `key ${'x'.repeat(n)}`, u, new CqlTimestamp(BigInt(n) * 86_400_123n), new CqlDate(n * 400 - 3000), n % 2 === 0];
      await client.execute(`INSERT INTO ${KS}.keys (i, b, t, u, ts, d, bo) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [values[0], driver.types.Long.fromString(String(values[1])), values[2], u, new Date(Number((values[4] as CqlTimestamp).millis)), new driver.types.LocalDate((values[5] as CqlDate).days), values[6]], { prepare: true });
      const rs = await client.execute(`SELECT token(i, b, t, u, ts, d, bo) AS t FROM ${KS}.keys WHERE i = ? AND b = ? AND t = ? AND u = ? AND ts = ? AND d = ? AND bo = ?`,
        [values[0], driver.types.Long.fromString(String(values[1])), values[2], u, new Date(Number((values[4] as CqlTimestamp).millis)), new driver.types.LocalDate((values[5] as CqlDate).days), values[6]], { prepare: true });
      const k = keySerializer(types, [0, 1, 2, 3, 4, 5, 6])!(values);
      murmur3(k.buf, k.len);
      expect(((BigInt(tokenHi) << 32n) | BigInt(tokenLo)).toString()).toBe(String(rs.first().t));
    }
  });
});

describe('COPY FROM batches rows of different partitions', () => {
  const all = Array.from({ length: 2000 }, (_, i) => i);

  it('by ring position (default MINBATCHSIZE 10, MAXBATCHSIZE 20): far fewer requests than rows, every row written', async () => {
    const r = await ours(`COPY ${KS}.t FROM 'rows.csv';\n`, { TSCQLSH_COPY_STATS: '1' });
    expect(r.stdout).toContain('2000 rows imported from 1 files');
    const m = /\[copy stats\] requests=(\d+) ring=(\d+)/.exec(r.stderr)!;
    const ring = Number(m[2]);
    expect(ring).toBeGreaterThan(0);
    // at most one short batch per ring range beyond the full ones
    expect(Number(m[1])).toBeLessThanOrEqual(100 + ring);
    expect(await ids('t')).toEqual(all);
    const row = (await client.execute(`SELECT a, v FROM ${KS}.t WHERE k = 1234`)).first();
    expect([row.a, row.v]).toEqual(['a1234', 'text, 1234']);
  });

  it('MINBATCHSIZE above every range: rows are batched by replica (one node: all together)', async () => {
    const r = await ours(`COPY ${KS}.t_min FROM 'rows.csv' WITH MINBATCHSIZE = 100000 AND MAXBATCHSIZE = 7;\n`, { TSCQLSH_COPY_STATS: '1' });
    expect(r.stdout).toContain('2000 rows imported from 1 files');
    expect(requests(r.stderr)).toBe(Math.ceil(2000 / 7));
    expect(await ids('t_min')).toEqual(all);
  });

  it('MAXBATCHSIZE = 1: one request a row', async () => {
    const r = await ours(`COPY ${KS}.t_one FROM 'rows.csv' WITH MAXBATCHSIZE = 1;\n`, { TSCQLSH_COPY_STATS: '1' });
    expect(r.stdout).toContain('2000 rows imported from 1 files');
    expect(requests(r.stderr)).toBe(2000);
    expect(await ids('t_one')).toEqual(all);
  });

  it('PREPAREDSTATEMENTS = False: batches of CQL text, every row written', async () => {
    const r = await ours(`COPY ${KS}.t_lit FROM 'rows.csv' WITH PREPAREDSTATEMENTS = False;\n`, { TSCQLSH_COPY_STATS: '1' });
    expect(r.stdout).toContain('2000 rows imported from 1 files');
    expect(requests(r.stderr)).toBeLessThan(400);
    expect(await ids('t_lit')).toEqual(all);
    expect((await client.execute(`SELECT v FROM ${KS}.t_lit WHERE k = 7`)).first().v).toBe('text, 7');
  });

  it('a batch the server rejects: its good rows are written, exactly the bad rows go to the error file', async () => {
    // an ascii column holding non-ASCII text: the client sends it, the server refuses the batch
    const bad = new Set([5, 777, 1999]);
    const lines = all.map((i) => `${i},${bad.has(i) ? 'é' : 'a'}${i},v${i}\n`);
    fs.writeFileSync(file('bad.csv'), lines.join(''));
    fs.rmSync(file('bad.err'), { force: true });
    const r = await ours(`COPY ${KS}.t_bad FROM 'bad.csv' WITH MAXATTEMPTS = 2 AND ERRFILE = 'bad.err';\n`);
    expect(r.stdout).toContain('1997 rows imported from 1 files');
    expect(r.stderr).toMatch(/Failed to import (?:[2-9]|1\d|20) rows: InvalidRequest - .*will retry later, attempt 1 of 2/);
    expect(r.stderr).toMatch(/Failed to import 1 rows: InvalidRequest - .*given up after 2 attempts/);
    expect(r.stderr).toContain('Failed to process 3 rows; failed rows written to bad.err');
    expect(fs.readFileSync(file('bad.err'), 'utf8').split(/(?<=\n)/).sort()).toEqual([...bad].map((i) => lines[i]).sort());
    expect(await ids('t_bad')).toEqual(all.filter((i) => !bad.has(i)));
  });
});

describe('COPY FROM ENCODING', () => {
  it("reads a latin-1 file with ENCODING='latin-1' and a utf-16 one with ENCODING='utf_16'", async () => {
    fs.writeFileSync(file('latin1.csv'), Buffer.from('1,café crème\n2,Ærø ÿ\n', 'latin1'));
    const r = await ours(`COPY ${KS}.enc FROM 'latin1.csv' WITH ENCODING = 'latin-1';\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('2 rows imported from 1 files');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('3,日本語 ✓\n4,𝄞\n', 'utf16le')]);
    fs.writeFileSync(file('utf16.csv'), utf16);
    const r2 = await ours(`COPY ${KS}.enc FROM 'utf16.csv' WITH ENCODING = 'utf_16';\n`);
    expect(r2.stderr).toBe('');
    const rs = await client.execute(`SELECT k, v FROM ${KS}.enc`);
    expect(Object.fromEntries(rs.rows.map((x) => [x.k, x.v]))).toEqual({ 1: 'café crème', 2: 'Ærø ÿ', 3: '日本語 ✓', 4: '𝄞' });
  });

  it('an unknown encoding is an error, nothing imported', async () => {
    const r = await ours(`COPY ${KS}.enc FROM 'latin1.csv' WITH ENCODING = 'no-such-codec';\n`);
    expect(r.stderr).toContain('Failed to import 0 rows: LookupError - unknown encoding: no-such-codec,  given up after 1 attempts');
    expect(r.stdout).toContain('0 rows imported from 0 files');
  });
});

describe('COPY TO ENCODING', () => {
  beforeAll(async () => {
    await client.execute(`CREATE TABLE ${KS}.enc_out (k int PRIMARY KEY, v text)`);
    await client.execute(`INSERT INTO ${KS}.enc_out (k, v) VALUES (1, 'café')`);
  });

  it('writes latin-1, utf-16 (with a BOM), utf-16-be and utf-8-sig bytes', async () => {
    const cases: [string, Buffer][] = [
      ['latin-1', Buffer.from('1,café\r\n', 'latin1')],
      ['utf_16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('1,café\r\n', 'utf16le')])],
      ['UTF-16-BE', Buffer.from('1,café\r\n', 'utf16le').swap16()],
      ['utf-8-sig', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('1,café\r\n')])],
      ['utf8', Buffer.from('1,café\r\n')],
    ];
    for (const [enc, bytes] of cases) {
      const r = await ours(`COPY ${KS}.enc_out TO 'out.csv' WITH ENCODING = '${enc}';\n`);
      expect(r.stderr).toBe('');
      expect(fs.readFileSync(file('out.csv')).equals(bytes)).toBe(true);
    }
  });

  it('a character the codec cannot hold fails loudly, and an unknown codec writes nothing', async () => {
    const r = await ours(`COPY ${KS}.enc_out TO 'ascii.csv' WITH ENCODING = 'ascii';\n`);
    expect(r.stderr).toContain("UnicodeEncodeError - 'ascii' codec can't encode character '\\xe9': ordinal not in range(128)");
    expect(r.stderr).toContain('some records might be missing');
    expect(r.stdout).toContain('0 rows exported');
    const r2 = await ours(`COPY ${KS}.enc_out TO 'none.csv' WITH ENCODING = 'shift_jis';\n`);
    expect(r2.stderr).toContain("Cannot write ENCODING 'shift_jis'");
    expect(fs.existsSync(file('none.csv'))).toBe(false);
  });
});
