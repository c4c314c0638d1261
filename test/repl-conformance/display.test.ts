// Values as a person sees them in both shells: rows wider than the terminal wrapping, CJK and
// other wide characters (two cells each) in tables and in EXPAND, control characters escaped.
import { line, replGroup, type Group } from './harness.js';

const setup = (ks: string) => [
  `CREATE TABLE ${ks}.wide (id int PRIMARY KEY, a text, b text, c text, n bigint, d decimal);`,
  `INSERT INTO ${ks}.wide (id, a, b, c, n, d) VALUES (1, '${'alpha '.repeat(12)}', 'short', '${'gamma-'.repeat(8)}', 9223372036854775807, 12345.678901234567890);`,
  `INSERT INTO ${ks}.wide (id, a, b, c, n, d) VALUES (2, 'x', '${'beta '.repeat(20)}', null, -1, 0.1);`,
  `CREATE TABLE ${ks}.cjk (id int PRIMARY KEY, name text, city text);`,
  `INSERT INTO ${ks}.cjk (id, name, city) VALUES (1, '日本語のテキスト', '東京');`,
  `INSERT INTO ${ks}.cjk (id, name, city) VALUES (2, '한국어', 'Seoul 서울');`,
  `INSERT INTO ${ks}.cjk (id, name, city) VALUES (3, 'emoji 🙂 ok', 'ascii');`,
  `INSERT INTO ${ks}.cjk (id, name, city) VALUES (4, 'tab\tand\nnewline', 'mixé');`,
];

function scenarios(g: Group): void {
  g.it('rows wider than the terminal wrap', async () => {
    await g.same(line('SELECT * FROM wide;'));
  });

  g.it('CJK and wide characters line up in a table', async () => {
    await g.same(line('SELECT * FROM cjk;'));
    await g.same(line('SELECT name AS "名前", city FROM cjk WHERE id IN (1, 2);'));
  });

  g.it('EXPAND ON with wide values and CJK', async () => {
    await g.same(line('EXPAND ON'));
    await g.same(line('SELECT * FROM cjk WHERE id = 1;'));
    await g.same(line('SELECT * FROM wide WHERE id = 1;'));
    await g.same(line('EXPAND OFF'));
  });

  g.it('a long statement wraps as typed, then runs', async () => {
    await g.same(line(`SELECT id, a, b, c, n, d FROM wide WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16) AND id > 0 ALLOW FILTERING;`));
  });
}

replGroup('display', { cols: 80, rows: 24, keyspace: 'rc_display', args: ['-k', 'rc_display'], setup: setup('rc_display') }, scenarios);
replGroup('display', { cols: 120, rows: 40, keyspace: 'rc_display120', args: ['-k', 'rc_display120'], setup: setup('rc_display120') }, scenarios);
