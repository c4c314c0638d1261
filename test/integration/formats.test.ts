// tscqlsh's own output formats (--format, OUTPUT FORMAT) and TIMING, through the built CLI.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { tscqlsh } from '../support/run.js';

const server = inject('cassandra');
const at = [server.host, String(server.port)];
const KS = 'it_formats';

beforeAll(async () => {
  const r = await tscqlsh([...at], {
    stdin: `DROP KEYSPACE IF EXISTS ${KS};
CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};
CREATE TABLE ${KS}.t (k int PRIMARY KEY, big bigint, v varint, d decimal, s text, b blob, l list<int>, ts timestamp);
INSERT INTO ${KS}.t (k, big, v, d, s, b, l, ts) VALUES (1, 9223372036854775807, 123456789012345678901234567890, 3.14159265358979323846264338327950288, 'say "hi", ok', 0xcafe, [1, 2], '2024-03-01 09:30:00+0000');
INSERT INTO ${KS}.t (k) VALUES (2);
`,
  });
  expect(r.stderr).toBe('');
});

const q = `SELECT k, big, v, d, s, b, l, ts FROM ${KS}.t WHERE k IN (1, 2)`;

describe('--format', () => {
  it('csv: RFC 4180 with a header, quotes doubled, nulls empty', async () => {
    const r = await tscqlsh([...at, '--format', 'csv', '-e', q]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'k,big,v,d,s,b,l,ts\r\n' +
        '1,9223372036854775807,123456789012345678901234567890,3.14159265358979323846264338327950288,"say ""hi"", ok",0xcafe,"[1, 2]",2024-03-01 09:30:00.000000+0000\r\n' +
        '2,,,,,,,\r\n',
    );
  });

  it('json: exact numbers (no precision lost)', async () => {
    const r = await tscqlsh([...at, '--format', 'json', '-e', q]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"big":9223372036854775807');
    expect(r.stdout).toContain('"v":123456789012345678901234567890');
    expect(r.stdout).toContain('"d":3.14159265358979323846264338327950288');
    const parsed = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(parsed).toHaveLength(2);
    expect(parsed[0].s).toBe('say "hi", ok');
    expect(parsed[1].big).toBeNull();
  });

  it('ndjson: one object per line', async () => {
    const r = await tscqlsh([...at, '--format', 'ndjson', '-e', q]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]).k).toBe(2);
  });

  it('box: a bordered table and the row count', async () => {
    const r = await tscqlsh([...at, '--format', 'box', '-e', `SELECT k, s FROM ${KS}.t WHERE k = 1`]);
    expect(r.stdout).toMatch(/┌─+┬─+┐/);
    expect(r.stdout).toContain('say "hi", ok');
    expect(r.stdout).toMatch(/\(1 rows\)\n$/);
  });

  it('refuses an unknown format with a usage error', async () => {
    const r = await tscqlsh([...at, '--format', 'xml', '-e', q]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("invalid choice: 'xml'");
  });

  it('OUTPUT FORMAT switches mid-session', async () => {
    const r = await tscqlsh([...at], { stdin: `OUTPUT FORMAT csv\nSELECT k FROM ${KS}.t WHERE k = 1;\nOUTPUT FORMAT\nOUTPUT FORMAT table\nSELECT k FROM ${KS}.t WHERE k = 1;\n` });
    expect(r.stdout).toBe('OUTPUT FORMAT set to csv\nk\r\n1\r\nOUTPUT FORMAT is csv\nOUTPUT FORMAT set to table\n\n k\n---\n 1\n\n(1 rows)\n');
  });
});

describe('TIMING', () => {
  it('prints the elapsed time after each statement while on', async () => {
    const r = await tscqlsh([...at], { stdin: `TIMING ON\nSELECT k FROM ${KS}.t WHERE k = 1;\nTIMING OFF\nSELECT k FROM ${KS}.t WHERE k = 1;\n` });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^Time: \d+\.\d{3} (ms|s)$/gm)).toHaveLength(1);
    expect(r.stdout).toMatch(/^TIMING set to ON$/m);
  });
});
