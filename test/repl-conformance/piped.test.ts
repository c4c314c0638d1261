// `shell | tee session.log` on a terminal, for cqlsh and tscqlsh: stdin is a terminal, so both are
// interactive (prompts, ---MORE---) while their stdout goes through tee to the screen and the log.
// What the screen shows and what the log holds must be the same.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { normalise } from '../support/repl-pair.js';
import { atMore, line, replGroup } from './harness.js';

const KS = 'rc_piped';

replGroup(
  'piped through tee',
  {
    cols: 100,
    rows: 30,
    keyspace: KS,
    args: ['-k', KS],
    wrap: (cmd) => `${cmd} | tee session.log`,
    setup: [
      `CREATE TABLE ${KS}.t (p int, c int, v text, PRIMARY KEY (p, c));`,
      ...Array.from({ length: 12 }, (_, c) => `INSERT INTO ${KS}.t (p, c, v) VALUES (0, ${c}, 'v${c}');`),
    ],
  },
  (g) => {
    g.it('prompts, results, errors, a statement over two lines, ---MORE---, Ctrl-D; the same log', async () => {
      await g.same(line('SELECT c, v FROM t WHERE p = 0 AND c < 3;'));
      await g.same(line('SELECT nope FROM t;'));
      await g.same(line('SELECT count(*)'));
      await g.same(line('FROM t;'));
      await g.same(line('PAGING 5'));
      await g.same(line('SELECT c FROM t WHERE p = 0;'), { until: atMore });
      await g.same('\r', { until: atMore });
      await g.same('\r');
      g.pair().type('\x04');
      await Promise.all([g.pair().ref.waitExit(30_000), g.pair().ours.waitExit(30_000)]);
      g.compare();
      const log = (side: 'ref' | 'ours') => normalise(fs.readFileSync(path.join(g.pair().dir(side), 'session.log'), 'utf8'), side);
      expect(log('ours')).toBe(log('ref'));
      expect(log('ours')).toContain('(3 rows)\n');
    });
  },
);
