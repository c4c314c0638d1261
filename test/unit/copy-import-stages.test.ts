// COPY FROM's stages, each without a server: read (records from sources: header, SKIPROWS,
// MAXROWS), parse/convert (the statement and a record's values), batch by token range
// (split_into_batches), write with retries (backoff, row-by-row resend, giving up), report (the
// error file, the error limits, the summary).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/copy/convert.js';
import { Chunk, splitIntoBatches, type Row } from '../../src/copy/import-batch.js';
import { importColumns, importStatement, rowConverter } from '../../src/copy/import-plan.js';
import { inputRecords } from '../../src/copy/import-read.js';
import { ImportReport } from '../../src/copy/import-report.js';
import { BatchWriter } from '../../src/copy/import-write.js';
import { parseCopy, resolveOptions } from '../../src/copy/options.js';
import type { Source } from '../../src/copy/sources.js';
import type { Column } from '../../src/cql/types.js';
import type { TableInfo } from '../../src/db/bulk.js';

const opts = (w = '') => resolveOptions(parseCopy(`COPY ks.t FROM 'f'${w ? ` WITH ${w}` : ''}`)!, 'ks', { configFile: '/nonexistent' });
const col = (name: string, kind: string): Column => ({ name, type: { kind } }) as Column;
const columns = [col('k', 'int'), col('c', 'text'), col('v', 'int')];
const info: TableInfo = { keyspace: 'ks', table: 't', columns, partitionKey: ['k'], primaryKey: ['k', 'c'], partitioner: 'Murmur3Partitioner' };
const source = (lines: string[]): Source => ({
  name: 'x',
  async *lines() {
    yield* lines;
  },
});
const record = (raw: string) => ({
  raw,
  fields: raw.trim().split(','),
  quoted: raw
    .trim()
    .split(',')
    .map(() => false),
});

describe('read', () => {
  it('leaves each file its header, counts SKIPROWS as skipped, stops past MAXROWS', async () => {
    const counts = { files: 0, skipped: 0 };
    const out: string[] = [];
    const o = opts('HEADER = true AND SKIPROWS = 1 AND MAXROWS = 3');
    for await (const recs of inputRecords([source(['h\n', '1\n', '2\n']), source(['h\n', '3\n', '4\n'])], o, counts)) out.push(...recs.map((r) => r.raw));
    expect(out).toEqual(['2\n', '3\n']);
    expect(counts).toEqual({ files: 2, skipped: 1 });
  });
});

describe('parse/convert', () => {
  it('refuses an import without its primary key, and writes the columns left', () => {
    expect(importColumns(columns, info, opts('SKIPCOLS = c'))).toBe("Primary key column 'c' missing or skipped");
    expect(importColumns(columns, info, opts('SKIPCOLS = v'))).toMatchObject({ valid: columns.slice(0, 2), skippedIdx: new Set([2]) });
  });

  it('writes INSERT, a counter UPDATE (key bound last), or INSERT text', () => {
    expect(importStatement('ks', 't', columns, info, opts('TTL = 5')).cql).toBe('INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?) USING TTL 5');
    const counter = importStatement('ks', 'T', [...columns.slice(0, 2), col('n', 'counter')], info, opts());
    expect(counter).toMatchObject({ cql: 'UPDATE ks."T" SET n = n + ? WHERE k = ? AND c = ?', isCounter: true, order: [2, 0, 1] });
    const cols = importColumns(columns, info, opts()) as Exclude<ReturnType<typeof importColumns>, string>;
    const o = opts('PREPAREDSTATEMENTS = False');
    const convert = rowConverter(cols, importStatement('ks', 't', columns, info, o), o, { ks: 'ks', table: 't' }, null);
    expect(convert(record('1,a,2\n'))).toEqual({ values: "INSERT INTO ks.t (k, c, v) VALUES (1, 'a', 2)", key: '1' });
  });

  it('throws ParseError for a short row, a null key, a bad value', () => {
    const o = opts();
    const cols = importColumns(columns, info, o) as Exclude<ReturnType<typeof importColumns>, string>;
    const convert = rowConverter(cols, importStatement('ks', 't', columns, info, o), o, { ks: 'ks', table: 't' }, () => 7);
    expect(() => convert(record('1,a\n'))).toThrow(new ParseError('Invalid row length 2 should be 3'));
    expect(() => convert(record(',a,1\n'))).toThrow("Cannot insert null value for primary key column 'k'.");
    expect(() => convert(record('x,a,1\n'))).toThrow(/^Failed to parse x : /);
    expect(convert(record('1,a,\n')).key).toBe(7);
  });
});

describe('batch by token range', () => {
  const rows = (n: number, tag: string): Row[] => Array.from({ length: n }, (_, i) => ({ raw: `${tag}${i}`, values: [i] }));
  it('cuts big ranges into MAXBATCHSIZE, puts small ones together by their first replica', () => {
    const groups = new Map<string | number, Row[]>([
      [0, rows(5, 'a')],
      [1, rows(1, 'b')],
      [2, rows(1, 'c')],
      [3, rows(1, 'd')],
    ]);
    const owner = [0, 1, 9, 1];
    const out = [...splitIntoBatches(groups, { maxBatchSize: 2, minBatchSize: 2 }, { replicaOf: (p) => owner[p], routed: false })].map((b) => b.raw.join(' '));
    expect(out).toEqual(['a0 a1', 'a2 a3', 'a4', 'b0 d0', 'c0']);
    // without a ring: each partition on its own
    expect([...splitIntoBatches(new Map([['p', rows(3, 'p')]]), { maxBatchSize: 2, minBatchSize: 10 }, null)].length).toBe(2);
  });

  it('a chunk counts rows and parse failures', () => {
    const c = new Chunk();
    c.add(1, { raw: 'x', values: [] });
    c.add(1, { raw: 'y', values: [] });
    c.fail('bad', 'z');
    expect([c.size, c.groups.get(1)?.length, c.errors.get('bad')]).toEqual([3, 2, ['z']]);
  });
});

describe('write with retries, report', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-import-'));
  const errFile = path.join(dir, 'err.csv');
  const setup = (write: (raw: string[]) => Promise<void>, maxInsertErrors = -1) => {
    const msgs: string[] = [];
    const report = new ImportReport({ errFile, maxInsertErrors, maxParseErrors: -1 }, async (t) => void msgs.push(t));
    const o = { maxAttempts: 3, inFlight: 4, ingestRate: 100_000, isCounter: false, signal: new AbortController().signal };
    const writer = new BatchWriter((b) => write(b.raw), o, report, { err: async (t) => void msgs.push(t), written: () => {} });
    return { msgs, report, writer };
  };
  const invalid = () => Object.assign(new Error('bad value'), { name: 'ResponseError', code: 0x2200 });

  it('sends a batch the data is at fault for again row by row; only the bad rows are given up', async () => {
    fs.rmSync(errFile, { force: true });
    const { msgs, report, writer } = setup(async (raw) => {
      if (raw.length > 1 || raw[0] === 'bad\n') throw invalid();
    });
    await writer.dispatch({ raw: ['ok\n', 'bad\n'], values: [[1], [2]] });
    await writer.drain();
    expect(writer.imported).toBe(1);
    expect(report.insertErrors).toBe(1);
    expect(fs.readFileSync(errFile, 'utf8')).toBe('bad\n');
    expect(msgs[0]).toMatch(/^Failed to import 2 rows: .*will retry later, attempt 1 of 3$/);
    expect(msgs.at(-1)).toMatch(/^Failed to import 1 rows: .*given up after 3 attempts$/);
  });

  it('stops once the insert errors pass MAXINSERTERRORS; an old error file is moved aside', async () => {
    fs.writeFileSync(errFile, 'old\n');
    const { msgs, writer } = setup(async () => {
      throw invalid();
    }, 0);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('err.csv.')).length).toBeGreaterThan(0);
    await writer.dispatch({ raw: ['a\n'], values: [[1]] });
    await writer.drain();
    expect(writer.stopped).toBe(true);
    expect(msgs).toContain('Exceeded maximum number of insert errors 0');
  });

  it("ends with cqlsh's lines", async () => {
    const { msgs, report } = setup(async () => {});
    report.failRows(['x\n']);
    const said: string[] = [];
    await report.finish({ imported: 3, files: 1, skipped: 2, seconds: 0.5, interrupted: true }, async (t) => void said.push(t));
    expect(msgs).toEqual([`Failed to process 1 rows; failed rows written to ${errFile}`, 'Interrupted: 3 rows written.']);
    expect(said).toEqual(['\n3 rows imported from 1 files in 0.500 seconds (2 skipped).']);
  });
});
