// COPY's messages against the reference cqlsh, with what cannot match masked: timings, and the
// progress lines cqlsh prints even in pipes (tscqlsh shows progress on a terminal only). Inputs
// avoid cqlsh's hangs (a quoted newline in STDIN data, a chunk whose rows all fail: 90 s each).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runBoth } from '../support/reference.js';

const server = inject('cassandra');
const KS = 'copy_conf';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-copyconf-'));

const SETUP = `DROP KEYSPACE IF EXISTS ${KS};
CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};
CREATE TABLE ${KS}.t (k int, c int, v text, PRIMARY KEY (k, c));
INSERT INTO ${KS}.t (k, c, v) VALUES (1, 1, 'a');
INSERT INTO ${KS}.t (k, c, v) VALUES (2, 1, 'b, "c"');
INSERT INTO ${KS}.t (k, c, v) VALUES (3, 1, null);
`;

/** Masks timings and drops cqlsh's "Processed: ..." progress (written with \r). */
export function mask(s: string): string {
  return s
    .replace(/Processed: [^\r\n]*\r+/g, '')
    .replace(/ in (\d+ \w+, )*(\d+ \w+,? and )?[\d.]+ seconds/g, ' in T seconds');
}

const CASES: Record<string, string> = {
  'export to a file': `COPY ${KS}.t TO 'out.csv';\nCOPY ${KS}.t (k, v) TO 'out2.csv' WITH HEADER = true AND DELIMITER = '|';\n`,
  'export to stdout': `COPY ${KS}.t TO STDOUT;\nCOPY ${KS}.t (v, k) TO STDOUT WITH HEADER = true AND NULL = 'NIL';\n`,
  'errors': [
    `COPY ${KS}.t TO 'x.csv' WITH FOO = 1 AND bar = 2;`,
    `COPY ${KS}.t FROM 'x.csv' WITH FOO = 1;`,
    `COPY ${KS}.t (k, nope) TO 'x.csv';`,
    `COPY ${KS}.nope TO 'x.csv';`,
    `COPY ${KS}.t TO 'x.csv' WITH BOOLSTYLE = 'a';`,
    `COPY ${KS}.t TO 'x.csv' WITH BEGINTOKEN = '5' AND ENDTOKEN = '1';`,
    `COPY ${KS}.t TO 'x.csv' WITH MAXROWS = 'x';`,
    `COPY ${KS}.t (v) FROM 'x.csv';`,
    `COPY t TO 'x.csv';`,
    '',
  ].join('\n'),
  'import with bad rows': `COPY ${KS}.t FROM 'in.csv';\nSELECT count(*) FROM ${KS}.t;\n`,
  'import from stdin': `COPY ${KS}.t (k, c, v) FROM STDIN;\n10,1,x\n11,1,"y, z"\n.\nSELECT k, v FROM ${KS}.t WHERE k IN (10, 11);\n`,
  'import with skiprows and maxrows': `TRUNCATE ${KS}.t;\nCOPY ${KS}.t FROM 'in.csv' WITH SKIPROWS = 1 AND MAXROWS = 3;\nSELECT count(*) FROM ${KS}.t;\n`,
};

describe('COPY messages (timings masked)', () => {
  for (const [name, input] of Object.entries(CASES)) {
    it(name, async () => {
      const prepare = async () => {
        for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true });
        fs.writeFileSync(path.join(dir, 'in.csv'), '20,1,ok\nbad,1,x\n21,1,ok\n22,1,ok\n23,x,bad\n24,1,ok\n');
        fs.writeFileSync(path.join(dir, 'setup.cql'), SETUP);
        const { tscqlsh } = await import('../support/run.js');
        await tscqlsh([server.host, String(server.port), '-f', path.join(dir, 'setup.cql')]);
      };
      const { ours, ref } = await runBoth(server, [], { stdin: input, cwd: dir, prepare, env: { CQLSH_COPY_TEST_NUM_CORES: '3' } });
      // rows come in no particular order (ranges are read concurrently): compare them sorted
      const lines = (t: string) => (name.includes('stdout') ? mask(t).split('\r\n').sort().join('\r\n') : mask(t));
      expect(lines(ours.stdout)).toBe(lines(ref.stdout));
      expect(mask(ours.stderr)).toBe(mask(ref.stderr));
      expect(ours.code).toBe(ref.code);
    });
  }
});
