// COPY's pieces without a server: the CSV dialect both ways, field conversion, the statement and
// option parsing, cqlsh's interval wording, token ranges.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { converter, split, unescapeText } from '../../src/copy/convert.js';
import { CsvReader, DEFAULT_DIALECT, writeRecord } from '../../src/copy/csv.js';
import { LineReader } from '../../src/cql/splitter.js';
import { tokenRanges } from '../../src/copy/export.js';
import { describeInterval, parseCopy, resolveOptions } from '../../src/copy/options.js';
import { parseIni } from '../../src/util/ini.js';
import { CqlDecimal, CqlTimestamp } from '../../src/cql/types.js';

function readAll(text: string, d = DEFAULT_DIALECT) {
  const lines = new LineReader('newlines');
  const r = new CsvReader(d);
  const out = [];
  for (const l of [...lines.push(text), lines.end()].filter((x): x is string => x !== null)) {
    const rec = r.push(l);
    if (rec) out.push(rec);
  }
  const last = r.end();
  if (last) out.push(last);
  return out;
}

describe('COPY CSV', () => {
  it('writes as Python csv with cqlsh dialect', () => {
    expect(writeRecord(['a', 'b,c', 'say "hi"', 'back\\slash', 'x\ny', ''], DEFAULT_DIALECT)).toBe('a,"b,c",say \\"hi\\",back\\\\slash,"x\ny",\r\n');
    expect(writeRecord([''], DEFAULT_DIALECT)).toBe('""\r\n');
    expect(writeRecord(['', 'a'], DEFAULT_DIALECT, [true, false])).toBe('"",a\r\n');
    const dq = { delimiter: '|', quote: "'", escape: undefined, doublequote: true };
    expect(writeRecord(["it's", 'a|b'], dq)).toBe("'it''s'|'a|b'\r\n");
  });

  it('reads what it writes, with raw text and quoting kept', () => {
    const text = writeRecord(['1', 'b,c', 'say "hi"', 'x\ny', ''], DEFAULT_DIALECT, [false, false, false, false, true]) + '2,,z\r\n';
    const recs = readAll(text);
    expect(recs.map((r) => r.fields)).toEqual([
      ['1', 'b,c', 'say "hi"', 'x\ny', ''],
      ['2', '', 'z'],
    ]);
    expect(recs[0].quoted).toEqual([false, true, false, true, true]);
    expect(recs[1].quoted).toEqual([false, false, false]);
    expect(recs[0].raw).toBe('1,"b,c",say \\"hi\\","x\ny",""\n');
  });

  it('handles CR line ends, blank lines and a last line without a newline', () => {
    expect(readAll('a,b\r\n\r\nc,d').map((r) => r.fields)).toEqual([['a', 'b'], [], ['c', 'd']]);
    expect(readAll('"open\n').map((r) => r.fields)).toEqual([['open\n']]);
  });
});

describe('COPY FROM conversion', () => {
  const o = {
    nullText: '',
    decimalSep: '.',
    thousandsSep: '',
    booleanStyles: ['True', 'False'] as [string, string],
    timestampFormat: '%Y-%m-%d %H:%M:%S.%f%z',
  };
  it('scalars', () => {
    expect(converter({ kind: 'int' }, o)('42')).toBe(42);
    expect(() => converter({ kind: 'int' }, o)('x')).toThrow("invalid literal for int() with base 10: 'x'");
    expect(() => converter({ kind: 'tinyint' }, o)('200')).toThrow();
    expect(converter({ kind: 'bigint' }, o)('-9223372036854775808')).toBe(-9223372036854775808n);
    expect(converter({ kind: 'boolean' }, o)('true')).toBe(true);
    expect(converter({ kind: 'boolean' }, o)('no')).toBe(false);
    expect(converter({ kind: 'decimal' }, o)('-1.250')).toEqual(new CqlDecimal(-1250n, 3));
    expect(converter({ kind: 'decimal' }, o)('1E+30')).toEqual(new CqlDecimal(1n, -30));
    expect(converter({ kind: 'blob' }, o)('0xcafe')).toEqual(Buffer.from([0xca, 0xfe]));
    expect(converter({ kind: 'timestamp' }, o)('2021-03-04 05:06:07.891+0000')).toEqual(new CqlTimestamp(1614834367891n));
    expect(converter({ kind: 'timestamp' }, o)('2021-03-04T05:06:07Z')).toEqual(new CqlTimestamp(1614834367000n));
    expect(converter({ kind: 'timestamp' }, o)('1614834367891')).toEqual(new CqlTimestamp(1614834367891n));
    expect(converter({ kind: 'time' }, o)('12:34:56.789')).toBe(45296789000000n);
    expect(converter({ kind: 'uuid' }, o)('0C306CCB-58E6-400D-905E-7627F5F456E2')).toBe('0c306ccb-58e6-400d-905e-7627f5f456e2');
    const th = { ...o, thousandsSep: ',', decimalSep: ';' };
    expect(converter({ kind: 'double' }, th)('1,234;5')).toBe(1234.5);
  });

  it('text un-escapes what COPY TO escapes', () => {
    expect(unescapeText('a\\nb\\\\c\\td\\x01\\q')).toBe('a\nb\\c\td\x01\\q');
  });

  it('collections, tuples, UDTs', () => {
    expect(split("['a', 'b,c', 'it''s']")).toEqual(["'a'", " 'b,c'", " 'it''s'"]);
    const list = converter({ kind: 'list', element: { kind: 'text' } }, o);
    expect(list("['a', 'b,c', 'it''s']")).toEqual(['a', 'b,c', "it's"]);
    const map = converter({ kind: 'map', key: { kind: 'text' }, value: { kind: 'int' } }, o);
    expect(map("{'x': 1, 'y''s': 2}")).toEqual([
      ['x', 1],
      ["y's", 2],
    ]);
    const tup = converter({ kind: 'tuple', elements: [{ kind: 'int' }, { kind: 'text' }] }, o);
    expect(tup("(1, 't')")).toEqual([1, 't']);
    expect(tup('(None, null)')).toEqual([null, null]);
    expect(tup("(1, '')")).toEqual([1, '']);
    const udt = converter(
      {
        kind: 'udt',
        keyspace: 'k',
        name: 'a',
        fields: [
          { name: 'street', type: { kind: 'text' } },
          { name: 'num', type: { kind: 'int' } },
        ],
      },
      o,
    );
    expect(udt("{num: 5, street: 'main'}")).toEqual(['main', 5]);
    const vec = converter({ kind: 'vector', element: { kind: 'float' }, dimension: 2 }, o);
    expect(() => vec('[1, 2, 3]')).toThrow("The length of given vector value '3' is not equal to the vector size from the type definition '2'");
    const dur = converter({ kind: 'duration' }, o);
    expect(dur('1mo2d3h')).toMatchObject({ months: 1, days: 2, nanoseconds: 3n * 3_600_000_000_000n });
  });
});

describe('COPY statement and options', () => {
  it('parses cqlsh 6.2 syntax', () => {
    expect(parseCopy(`COPY ks."My T" (a, "B") FROM 'a.csv, b*.csv' WITH HEADER = true AND delimiter='|' AND maxrows=-1`)).toEqual({
      keyspace: 'ks',
      table: 'My T',
      columns: ['a', 'B'],
      direction: 'from',
      file: 'a.csv, b*.csv',
      options: [
        ['header', 'true'],
        ['delimiter', '|'],
        ['maxrows', '-1'],
      ],
    });
    expect(parseCopy('COPY t TO STDOUT')).toMatchObject({ keyspace: undefined, table: 't', direction: 'to', file: undefined });
    expect(parseCopy('COPY t TO STDIN')).toBeNull();
    expect(parseCopy('COPY t')).toBeNull();
  });

  it('defaults, config sections and unknown options', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copyopt-'));
    const rc = path.join(dir, 'rc');
    fs.writeFileSync(rc, '[copy]\nheader = true\nmaxattempts = 3\n[copy-from]\nchunksize = 7\n[copy-to:ks.t]\npagesize = 9\n');
    const from = resolveOptions(parseCopy("COPY ks.t FROM 'f' WITH maxattempts = 4 AND foo = 1")!, 'ks', { configFile: rc });
    expect(from).toMatchObject({ header: true, maxAttempts: 4, chunkSize: 7, pageSize: 1000, errFile: 'import_ks_t.err', unrecognized: ['foo'] });
    expect(from.notes[0]).toBe(`Reading options from ${rc}:[copy]: {'header': 'true', 'maxattempts': '3'}`);
    const to = resolveOptions(parseCopy("COPY ks.t TO 'f'")!, 'ks', { configFile: rc });
    expect(to).toMatchObject({ pageSize: 9, chunkSize: 5000, doublePrecision: 12, floatPrecision: 5 });
    const ksp = resolveOptions(parseCopy("COPY ks.t FROM 'f'")!, 'ks', { configFile: '/nonexistent', preset: { keyspaces: true } });
    expect(ksp).toMatchObject({ consistency: 'LOCAL_QUORUM', ingestRate: 1500 });
    expect(() => resolveOptions(parseCopy("COPY ks.t TO 'f' WITH BOOLSTYLE = 'a'")!, 'ks', { configFile: '/x' })).toThrow("Invalid boolean styles ['a']");
    expect(parseIni('[a]\nk: v\n  more\n').get('a')?.get('k')).toBe('v\nmore');
  });

  it("words the time as cqlsh's describe_interval", () => {
    expect(describeInterval(0.1234)).toBe('0.123 seconds');
    expect(describeInterval(1.5)).toBe('0 day, 0 hour, 0 minute, and 1.500 seconds');
    expect(describeInterval(90.149)).toBe('0 day, 0 hour, 1 minutes, and 30.149 seconds');
  });

  it('cuts the ring into ranges', () => {
    const r = tokenRanges('org.apache.cassandra.dht.Murmur3Partitioner', '', '', 4) as [bigint, bigint][];
    expect(r.length).toBe(4);
    expect(r[0][0]).toBe(-(2n ** 63n));
    expect(r[3][1]).toBe(2n ** 63n - 1n);
    for (let i = 1; i < r.length; i++) expect(r[i][0]).toBe(r[i - 1][1]);
    expect(tokenRanges('Murmur3Partitioner', '5', '1', 4)).toBe('Begin token 5 must be smaller than end token 1');
    expect(tokenRanges('ByteOrderedPartitioner', '', '', 4)).toBeNull();
  });
});
