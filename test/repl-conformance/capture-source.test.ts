// CAPTURE and SOURCE typed into cqlsh and tscqlsh, each shell in a working directory of its own
// (the same relative file names): what the screen shows and what the capture file holds. CAPTURE
// OFF comes last: cqlsh 6.2.2 ignores it (docs/compat.md), so from there on only tscqlsh is
// checked.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { atPrompt, line, replGroup } from './harness.js';

const KS = 'rc_capture';

replGroup(
  'capture and source',
  {
    cols: 120,
    rows: 40,
    keyspace: KS,
    args: ['-k', KS],
    setup: [
      `CREATE TABLE ${KS}.items (id int PRIMARY KEY, label text);`,
      ...Array.from({ length: 12 }, (_, i) => `INSERT INTO ${KS}.items (id, label) VALUES (${i}, 'item ${i}');`),
    ],
    prepare: (dir) => {
      fs.writeFileSync(
        path.join(dir, 'script.cql'),
        [
          'SELECT id, label FROM items WHERE id = 1;',
          'SELECT nope FROM items;',
          'CONSISTENCY',
          'USE system;',
          'SELECT count(*) FROM local;',
          "SELECT label FROM rc_capture.items WHERE id = 2",
          'AND id = 2;',
          '',
        ].join('\n'),
      );
    },
  },
  (g) => {
    g.it('SOURCE runs a file: results, errors with their line, USE inside it', async () => {
      await g.same(line("SOURCE 'script.cql'"));
      await g.same(line('SELECT count(*) FROM items;'));
      await g.same(line("SOURCE 'no_such_file.cql'"));
    });

    g.it('CAPTURE: results go to the file, messages and errors stay on the screen; paging does not stop', async () => {
      await g.same(line('CAPTURE'));
      await g.same(line("CAPTURE 'captured.txt'"));
      await g.same(line('CAPTURE'));
      await g.same(line('PAGING 5'));
      await g.same(line('SELECT id, label FROM items;'));
      await g.same(line('SELECT nope FROM items;'));
      await g.same(line('EXPAND ON'));
      await g.same(line('SELECT * FROM items WHERE id = 3;'));
      await g.same(line('EXPAND OFF'));
      await g.same(line(`DESCRIBE TABLE ${KS}.items`));
      await g.same(line("CAPTURE 'other.txt'"));
      // (cqlsh writes the capture file through a buffer it flushes after a query: one more query)
      await g.same(line('SELECT label FROM items WHERE id = 5;'));
      const read = (side: 'ref' | 'ours') => fs.readFileSync(path.join(g.pair().dir(side), 'captured.txt'), 'utf8');
      expect(read('ours')).toBe(read('ref'));
      expect(read('ours')).toContain(' item 11\n');
    });

    g.it('CAPTURE OFF stops the capture in tscqlsh (cqlsh 6.2.2 ignores it)', async () => {
      const before = fs.readFileSync(path.join(g.pair().dir('ours'), 'captured.txt'), 'utf8');
      const seen = await g.step(line('CAPTURE OFF'), { until: atPrompt });
      // cqlsh: "Currently capturing query output to ..." and it goes on capturing
      expect(seen.ref).toMatch(/CAPTURE OFF\nCurrently capturing query output to '.*captured\.txt'\.\ncqlsh:\w+>$/);
      expect(seen.ours).toMatch(/CAPTURE OFF\ncqlsh:\w+>$/);
      const after = await g.step(line('SELECT label FROM items WHERE id = 4;'), { until: atPrompt });
      expect(after.ours).toMatch(/ label\n-+\n item 4\n\n\(1 rows\)\ncqlsh:\w+>$/);
      expect(fs.readFileSync(path.join(g.pair().dir('ours'), 'captured.txt'), 'utf8')).toBe(before);
      const none = await g.step(line('CAPTURE OFF'), { until: atPrompt });
      expect(none.ours).toMatch(/CAPTURE OFF\nNot currently capturing output\.\ncqlsh:\w+>$/);
    });
  },
);
