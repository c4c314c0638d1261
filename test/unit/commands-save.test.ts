// SAVE: the last result set the interactive shell showed (the rows fetched so far), written as
// CSV, JSON or NDJSON by the file's extension, without running the query again; how many rows it
// wrote is said. Plus the shell's memory of that result (LastResult).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Column, CqlValue } from '../../src/cql/types.js';
import { save } from '../../src/shell/commands/save.js';
import { LastResult } from '../../src/shell/last-result.js';
import type { Output } from '../../src/shell/output.js';
import { fakeContext, session } from './commands-fake.js';

const columns: Column[] = [
  { name: 'id', type: { kind: 'int' } },
  { name: 'name', type: { kind: 'text' } },
];
const page = (rows: CqlValue[][], first: boolean, last: boolean, offset = 0): Output => ({
  kind: 'page',
  columns,
  rows,
  first,
  last,
  offset,
  total: offset + rows.length,
});

function shown(...pages: Output[]): LastResult {
  const r = new LastResult(5);
  for (const p of pages) r.note(p);
  return r;
}

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-save-'));

describe('SAVE', () => {
  it('writes CSV, JSON and NDJSON by extension, and says how many rows', async () => {
    const d = dir();
    const last = shown(
      page(
        [
          [1, 'a,b'],
          [2, null],
        ],
        true,
        true,
      ),
    );
    const ctx = fakeContext({ interactive: true, lastResult: () => last.get() });
    const out = await session(save, [`SAVE '${d}/r.csv'`, `SAVE '${d}/r.json'`, `save '${d}/r.NDJSON';`], ctx);
    expect(out).toEqual([`Saved 2 rows to '${d}/r.csv'.`, `Saved 2 rows to '${d}/r.json'.`, `Saved 2 rows to '${d}/r.NDJSON'.`]);
    expect(fs.readFileSync(`${d}/r.csv`, 'utf8')).toBe('id,name\r\n1,"a,b"\r\n2,\r\n');
    expect(JSON.parse(fs.readFileSync(`${d}/r.json`, 'utf8'))).toEqual([
      { id: 1, name: 'a,b' },
      { id: 2, name: null },
    ]);
    expect(fs.readFileSync(`${d}/r.NDJSON`, 'utf8')).toBe('{"id":1,"name":"a,b"}\n{"id":2,"name":null}\n');
  });

  it('says when the result has more than was fetched, or more than it keeps', async () => {
    const d = dir();
    const partial = shown(
      page(
        [
          [1, 'a'],
          [2, 'b'],
        ],
        true,
        false,
      ),
    );
    const ctx = fakeContext({ interactive: true, lastResult: () => partial.get() });
    expect(await session(save, [`SAVE '${d}/p.csv'`], ctx)).toEqual([
      `Saved 2 rows to '${d}/p.csv': the rows fetched so far (the result has more; page to its end, or use PAGING OFF, to fetch them all).`,
    ]);
    const big = shown(
      page(
        [
          [1, 'a'],
          [2, 'b'],
          [3, 'c'],
        ],
        true,
        false,
      ),
      page(
        [
          [4, 'd'],
          [5, 'e'],
          [6, 'f'],
        ],
        false,
        true,
        3,
      ),
    );
    expect(big.get()?.rows).toHaveLength(5);
    const ctx2 = fakeContext({ interactive: true, lastResult: () => big.get() });
    expect(await session(save, [`SAVE '${d}/b.json'`], ctx2)).toEqual([
      `Saved the first 5 rows of the 6 fetched to '${d}/b.json' (SAVE keeps at most 100000 rows; COPY ... TO exports a whole table).`,
    ]);
  });

  it('never replaces a file unless told to (OVERWRITE)', async () => {
    const d = dir();
    fs.writeFileSync(`${d}/x.csv`, 'keep');
    const last = shown(page([[1, 'a']], true, true));
    const ctx = fakeContext({ interactive: true, lastResult: () => last.get() });
    expect(await session(save, [`SAVE '${d}/x.csv'`], ctx)).toEqual([`E:'${d}/x.csv' exists: SAVE '${d}/x.csv' OVERWRITE replaces it.`]);
    expect(fs.readFileSync(`${d}/x.csv`, 'utf8')).toBe('keep');
    expect(await session(save, [`SAVE '${d}/x.csv' overwrite`], ctx)).toEqual([`Saved 1 row to '${d}/x.csv'.`]);
    expect(fs.readFileSync(`${d}/x.csv`, 'utf8')).toBe('id,name\r\n1,a\r\n');
  });

  it('refuses other extensions, a missing result, batch mode and bad syntax with one line', async () => {
    const d = dir();
    const ctx = fakeContext({ interactive: true, lastResult: () => undefined });
    expect(await session(save, [`SAVE '${d}/x.txt'`, `SAVE '${d}/x.csv'`, 'SAVE', 'SAVE x.csv', `SAVE '${d}/x.csv' please`], ctx)).toEqual([
      `E:SAVE writes .csv, .json, .ndjson files (the extension picks the format), not '${d}/x.txt'.`,
      'E:No result to save yet: SAVE writes the last result set a query showed.',
      'E:Improper SAVE command.',
      'E:Improper SAVE command.',
      'E:Improper SAVE command.',
    ]);
    expect(await session(save, [`SAVE '${d}/x.csv'`])).toEqual(['E:SAVE needs the interactive shell: it writes the last result set shown there.']);
    expect(
      await session(save, [`SAVE '${d}/no/such/dir/x.csv'`], fakeContext({ interactive: true, lastResult: () => shown(page([], true, true)).get() })),
    ).toEqual([`E:Could not save to '${d}/no/such/dir/x.csv': [Errno 2] No such file or directory: '${d}/no/such/dir/x.csv'`]);
  });
});

describe('the last result', () => {
  it('is the newest result set, noted once however often its pages pass (SOURCE)', () => {
    const r = new LastResult();
    const p1 = page([[1, 'a']], true, false);
    r.note(p1);
    r.note(p1);
    r.note({ kind: 'text', text: 'x' });
    expect(r.get()).toMatchObject({ fetched: 1, complete: false });
    r.note(page([[2, 'b']], true, true));
    expect(r.get()).toMatchObject({ rows: [[2, 'b']], fetched: 1, complete: true });
  });
});
