// The REPL's everyday screens, typed into cqlsh and tscqlsh alike: prompts and continuation lines,
// USE, results of every shape, errors, shell switches, HELP, clearing the screen.
import { expect } from 'vitest';
import { line, replGroup } from './harness.js';

const KS = 'rc_basics';

replGroup(
  'basics',
  {
    cols: 80,
    rows: 24,
    keyspace: KS,
    args: ['-k', KS],
    setup: [
      `CREATE TYPE ${KS}.address (street text, city text);`,
      `CREATE TABLE ${KS}.users (id int PRIMARY KEY, name text, age int, tags set<text>, prefs map<text, int>, home frozen<address>, seen timestamp);`,
      `INSERT INTO ${KS}.users (id, name, age, tags, prefs, home, seen) VALUES (1, 'ann', 30, {'a', 'b'}, {'x': 1}, {street: 'Main St', city: 'Oslo'}, '2024-01-02 03:04:05+0000');`,
      `INSERT INTO ${KS}.users (id, name, age) VALUES (2, 'bob', null);`,
      `CREATE TABLE ${KS}.kv (k text PRIMARY KEY, v int);`,
      `INSERT INTO ${KS}.kv (k, v) VALUES ('a', 1);`,
    ],
  },
  (g) => {
    g.it('a SELECT under the banner', async () => {
      await g.same(line(`SELECT id, name, age FROM ${KS}.users WHERE id = 1;`));
    });

    g.it('USE, a statement over several lines, empty lines', async () => {
      await g.same(line('USE system;'));
      await g.same(line(`USE ${KS};`));
      await g.same(line('SELECT name'));
      await g.same(line(''));
      await g.same(line('FROM users'));
      await g.same(line('WHERE id = 2;'));
      await g.same(line(''));
    });

    g.it('collections, a UDT, a timestamp and nulls', async () => {
      await g.same(line('SELECT * FROM users;'));
    });

    // (both shells write to the same table: only writes whose outcome does not depend on which
    // shell comes first)
    g.it('a conditional write answers with [applied]', async () => {
      await g.same(line("INSERT INTO kv (k, v) VALUES ('a', 2) IF NOT EXISTS;"));
      await g.same(line("UPDATE kv SET v = 3 WHERE k = 'a' IF v = 9;"));
      await g.same(line("DELETE FROM kv WHERE k = 'zz' IF EXISTS;"));
    });

    g.it('errors: syntax, server, unknown keyspace, improper shell commands', async () => {
      await g.same(line('SELEC * FROM kv;'));
      await g.same(line('SELECT * FROM nope;'));
      await g.same(line('USE no_such_keyspace;'));
      await g.same(line('SELECT * FROM kv WHERE v = 1;'));
      await g.same(line('PAGING maybe'));
      await g.same(line('EXPAND sideways'));
      await g.same(line("INSERT INTO kv (k, v) VALUES ('b', 'text');"));
    });

    g.it('EXPAND ON and OFF', async () => {
      await g.same(line('EXPAND'));
      await g.same(line('EXPAND ON'));
      await g.same(line('SELECT * FROM users WHERE id = 1;'));
      await g.same(line('EXPAND ON'));
      await g.same(line('EXPAND OFF'));
    });

    g.it('CONSISTENCY and SERIAL CONSISTENCY', async () => {
      await g.same(line('CONSISTENCY'));
      await g.same(line('CONSISTENCY QUORUM'));
      await g.same(line("SELECT v FROM kv WHERE k = 'a';"));
      await g.same(line('CONSISTENCY bogus'));
      await g.same(line('SERIAL CONSISTENCY'));
      await g.same(line('SERIAL CONSISTENCY LOCAL_SERIAL'));
      await g.same(line('SERIAL CONSISTENCY QUORUM'));
      await g.same(line('CONSISTENCY ONE'));
    });

    g.it('SHOW VERSION, SHOW HOST', async () => {
      await g.same(line('SHOW VERSION'));
      await g.same(line('SHOW HOST'));
    });

    g.it('HELP: the topic list (tscqlsh’s own block aside) and a topic', async () => {
      await g.same(line('HELP'));
      await g.same(line('HELP CONSISTENCY'));
      await g.same(line('HELP nothing_here'));
    });

    g.it('Ctrl-L and CLEAR clear the screen; the scrollback keeps what was there', async () => {
      const typed = { until: (s: string) => /> SELECT v FROM kv$/.test(s) };
      await g.same('SELECT v FROM kv', typed);
      await g.same('\x0c', typed);
      await g.same(line(';'));
      await g.same(line('CLEAR'));
      await g.same(line("SELECT k FROM kv WHERE k = 'a';"));
    });

    g.it('Ctrl-D on an empty prompt ends the session', async () => {
      g.pair().type('\x04');
      const [ref, ours] = await Promise.all([g.pair().ref.waitExit(30_000), g.pair().ours.waitExit(30_000)]);
      expect(ours).toBe(ref);
      g.compare();
    });
  },
);

replGroup('editing', { cols: 120, rows: 40, keyspace: 'rc_editing', args: ['-k', 'rc_editing'], setup: ['CREATE TABLE rc_editing.kv (k text PRIMARY KEY, v int);'] }, (g) => {
  g.it('the reminder after empty lines in an unfinished statement', async () => {
    await g.same(line('SELECT *'));
    for (let i = 0; i < 5; i++) await g.same(line(''));
    await g.same(line('FROM kv;'));
  });

  g.it('pasted statements: one over two lines, two at once, one without a final line end', async () => {
    await g.pasted('SELECT k\nFROM kv;\n');
    await g.pasted("INSERT INTO kv (k, v) VALUES ('p', 1);\nSELECT v FROM kv WHERE k = 'p';\n");
    await g.pasted('SELECT count(*) FROM kv;', { until: (s) => s.endsWith('> SELECT count(*) FROM kv;') });
    await g.same('\r');
  });

  g.it('comments and several statements on a line', async () => {
    await g.same(line("-- a comment line"));
    await g.same(line("INSERT INTO kv (k, v) VALUES ('c', 3); SELECT * FROM kv; /* block */"));
    await g.same(line("SELECT k, v // trailing comment"));
    await g.same(line('FROM kv;'));
  });
});
