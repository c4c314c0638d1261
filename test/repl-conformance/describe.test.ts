// DESCRIBE of every kind, typed into cqlsh and tscqlsh: each statement whole, the prompt on a line
// of its own after it, long lines wrapped by the terminal, output longer than the screen in the
// scrollback.
import { line, replGroup, type Group } from './harness.js';

const schema = (ks: string) => [
  `CREATE TYPE ${ks}.address (street text, city text, zip int);`,
  `CREATE TABLE ${ks}.events (day date, at timeuuid, kind text, payload text, home frozen<address>, PRIMARY KEY ((day), at)) WITH CLUSTERING ORDER BY (at DESC) AND comment = 'events by day';`,
  `CREATE TABLE ${ks}.counters (id int PRIMARY KEY, hits counter);`,
  `CREATE TABLE ${ks}.shared (p int, c int, s text STATIC, v text, PRIMARY KEY (p, c));`,
  `CREATE INDEX events_kind ON ${ks}.events (kind);`,
  `CREATE MATERIALIZED VIEW ${ks}.events_by_kind AS SELECT * FROM ${ks}.events WHERE kind IS NOT NULL AND day IS NOT NULL AND at IS NOT NULL PRIMARY KEY (kind, day, at);`,
  `CREATE FUNCTION ${ks}.twice (x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS 'return x * 2;';`,
  `CREATE FUNCTION ${ks}.plus (a int, b int) CALLED ON NULL INPUT RETURNS int LANGUAGE java AS 'return (a == null ? 0 : a) + (b == null ? 0 : b);';`,
  `CREATE AGGREGATE ${ks}.total (int) SFUNC plus STYPE int INITCOND 0;`,
];

function scenarios(g: Group, ks: string): void {
  g.it('DESCRIBE KEYSPACE and DESCRIBE ONLY KEYSPACE', async () => {
    await g.same(line(`DESCRIBE KEYSPACE ${ks};`));
    await g.same(line(`DESCRIBE ONLY KEYSPACE ${ks}`));
  });

  g.it('DESCRIBE TABLE, DESC of a table by name, with and without the keyspace', async () => {
    await g.same(line(`DESCRIBE TABLE ${ks}.events;`));
    await g.same(line(`DESC ${ks}.shared`));
    await g.same(line(`USE ${ks};`));
    await g.same(line('DESC TABLE counters'));
  });

  g.it('DESCRIBE TABLES, TYPES, FUNCTIONS, AGGREGATES in the keyspace', async () => {
    await g.same(line(`USE ${ks};`));
    await g.same(line('DESCRIBE TABLES'));
    await g.same(line('DESCRIBE TYPES'));
    await g.same(line('DESCRIBE FUNCTIONS'));
    await g.same(line('DESCRIBE AGGREGATES'));
  });

  g.it('DESCRIBE TYPE, FUNCTION, AGGREGATE, INDEX, MATERIALIZED VIEW', async () => {
    await g.same(line(`DESCRIBE TYPE ${ks}.address`));
    await g.same(line(`DESCRIBE FUNCTION ${ks}.twice`));
    await g.same(line(`DESCRIBE AGGREGATE ${ks}.total`));
    await g.same(line(`DESCRIBE INDEX ${ks}.events_kind`));
    await g.same(line(`DESCRIBE MATERIALIZED VIEW ${ks}.events_by_kind`));
  });

  g.it('DESCRIBE CLUSTER, and what does not exist', async () => {
    await g.same(line(`USE ${ks};`));
    await g.same(line('DESCRIBE CLUSTER'));
    await g.same(line(`DESCRIBE TABLE ${ks}.nope`));
    await g.same(line('DESCRIBE KEYSPACE no_such_ks'));
    await g.same(line('DESCRIBE TYPE nope'));
  });
}

replGroup('describe', { cols: 120, rows: 40, keyspace: 'rc_describe', setup: schema('rc_describe') }, (g) => scenarios(g, 'rc_describe'));
replGroup('describe', { cols: 80, rows: 24, keyspace: 'rc_describe80', setup: schema('rc_describe80') }, (g) => scenarios(g, 'rc_describe80'));
