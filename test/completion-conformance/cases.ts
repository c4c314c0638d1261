// The buffers whose completions are compared, grouped by the session they are typed into (with
// the test keyspace as the current one, or none). A case may name a deliberate difference, each
// listed with its reason in docs/compat.md ("Tab completion"); every other case must match.
// after no other test keyspace and before `system` in name order (listings elsewhere sort them)
export const KS = 'qcc_conf';

export const SCHEMA = [
  `CREATE KEYSPACE IF NOT EXISTS ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
  `CREATE TYPE IF NOT EXISTS ${KS}.address (street text, city text);`,
  `CREATE TABLE IF NOT EXISTS ${KS}.events (pk1 int, pk2 text, ck1 int, ck2 timestamp, body text, score double, tags set<text>, PRIMARY KEY ((pk1, pk2), ck1, ck2));`,
  `CREATE TABLE IF NOT EXISTS ${KS}.users (user_id uuid PRIMARY KEY, name text, email text, active boolean, prefs map<text, text>);`,
  `CREATE INDEX IF NOT EXISTS users_email ON ${KS}.users (email);`,
  `CREATE TABLE IF NOT EXISTS ${KS}.counts (id int PRIMARY KEY, hits counter);`,
  `CREATE TABLE IF NOT EXISTS ${KS}.people (id int PRIMARY KEY, home address, nick text);`,
  `CREATE TABLE IF NOT EXISTS ${KS}."Readings" (k int PRIMARY KEY, "Value" text);`,
];

/** Files in the directory both shells run in (for SOURCE, CAPTURE and COPY file names). */
export const FILES = ['load.cql', 'notes.txt', 'data/a.csv', 'data/b.csv'];

export interface Case {
  buffer: string;
  /** candidates cqlsh offers that tscqlsh deliberately does not */
  cqlshOnly?: string[];
  /** candidates tscqlsh offers that cqlsh does not */
  tscqlshOnly?: string[];
  /** cqlsh's candidates as tscqlsh offers them (e.g. with the opening quote a file name needs) */
  ours?: (item: string) => string;
}

export interface Group {
  name: string;
  /** the current keyspace (`-k`), if any */
  keyspace?: string;
  cases: Case[];
}

const c = (buffer: string, more: Omit<Case, 'buffer'> = {}): Case => ({ buffer, ...more });

export const GROUPS: Group[] = [
  {
    name: 'SELECT',
    keyspace: KS,
    cases: [
      c('SELECT * FROM '),
      c(`SELECT * FROM ${KS}.ev`),
      c(`SELECT * FROM ${KS}."Re`),
      c('SELECT DIS'),
      c('SELECT * FROM events '),
      c('SELECT * FROM events WHERE '),
      c('SELECT * FROM events WHERE pk1 = '),
      c('SELECT * FROM events WHERE pk1 = 1 AND '),
      c("SELECT * FROM events WHERE pk1 = 1 AND pk2 = 'a' AND ck1 = 1 AND "),
      c("SELECT * FROM events WHERE pk1 = 1 AND pk2 = 'a' "),
      c('SELECT * FROM events WHERE TOKEN('),
      c('SELECT * FROM events WHERE TOKEN(pk1, pk2) > '),
      c("SELECT * FROM events WHERE pk1 = 1 AND pk2 = 'a' ORDER BY "),
      c('SELECT * FROM events GROUP BY '),
      c('SELECT * FROM users WHERE '),
      c('SELECT * FROM events LIMIT '),
      c('select * from events w'),
      c('SELECT *\nFROM events\nWHERE '),
    ],
  },
  {
    name: 'INSERT, UPDATE, DELETE, BATCH',
    keyspace: KS,
    cases: [
      c('INSERT INTO '),
      c('INSERT INTO events '),
      c('INSERT INTO events ('),
      c('INSERT INTO events (pk1, '),
      c('INSERT INTO events (pk1, pk2, ck1, ck2, '),
      c("INSERT INTO events (pk1, pk2, ck1, ck2, tags) VALUES (1, 'a', 1, 0, "),
      c('INSERT INTO events (pk1, pk2) VALUES (1, '),
      c('INSERT INTO users (user_id, active) VALUES (uuid(), '),
      c('INSERT INTO events (pk1) VALUES (1) '),
      c('INSERT INTO events (pk1) VALUES (1) USING TTL 5 AND '),
      c('UPDATE events '),
      c('UPDATE events SET '),
      c('UPDATE counts SET hits = '),
      c('UPDATE users SET name = '),
      c("UPDATE users SET name = 'x' WHERE "),
      c('UPDATE people SET home '),
      // cqlsh offers `.` after any collection column (only user-defined types have fields) and
      // never `[` (it compares `map<text, text>` with `map`)
      c('UPDATE users SET prefs ', { cqlshOnly: ['.'], tscqlshOnly: ['['] }),
      c('UPDATE events SET tags ', { cqlshOnly: ['.'] }),
      c('UPDATE people SET home.'),
      c('DELETE '),
      c('DELETE FROM events WHERE '),
      c('DELETE FROM events USING '),
      c('BEGIN '),
      c('BEGIN BATCH\nINSERT INTO users (user_id) VALUES (uuid());\nUPDATE users SET '),
      c('TRUNCATE ev'),
    ],
  },
  {
    name: 'CREATE, ALTER, DROP',
    keyspace: KS,
    cases: [
      c('CREATE '),
      c('CREATE TABLE qc'),
      c('CREATE TABLE t2 (a int, b text, PRIMARY '),
      c('CREATE TABLE t2 (a int, b text, c int, PRIMARY KEY ((a, '),
      c('CREATE TABLE t2 (a int PRIMARY KEY, b '),
      c('CREATE TABLE t2 (a int PRIMARY KEY, b map<'),
      c('CREATE TABLE t2 (a int PRIMARY KEY) WITH '),
      c("CREATE TABLE t2 (a int PRIMARY KEY) WITH compaction = {'class': "),
      c("CREATE KEYSPACE k2 WITH replication = {'class': "),
      c("CREATE KEYSPACE k2 WITH replication = {'class': 'SimpleStrategy', "),
      c('CREATE INDEX ON users ('),
      c('ALTER '),
      c('ALTER TABLE events '),
      c('ALTER TABLE events DROP '),
      c('ALTER TYPE address RENAME '),
      c('DROP '),
      c(`DROP TABLE ${KS}.`),
    ],
  },
  {
    name: 'USE, DESCRIBE, CONSISTENCY, shell switches',
    keyspace: KS,
    cases: [
      c('USE qc'),
      c('USE sys'),
      c('DESCRIBE TABLE '),
      c(`DESCRIBE ${KS}.`),
      c('DESC KEYSPACE qc'),
      c('DESCRIBE TYPE '),
      c('DESCRIBE F'),
      c('CONSISTENCY '),
      c('CONSISTENCY LOCAL_'),
      c('SERIAL CONSISTENCY '),
      c('EXPAND '),
      c('PAGING '),
      c('TRACING O'),
      // cqlsh's HELP topic completer fails (it reads a list its shell does not have): no topics
      c('HELP CONS', { tscqlshOnly: ['CONSISTENCY'] }),
      // tscqlsh's own commands start statements too
      c('', { tscqlshOnly: ['EDIT', 'HIGHLIGHT', 'OUTPUT', 'PAGER', 'SAVE', 'SUGGEST', 'TIMING'] }),
    ],
  },
  {
    name: 'COPY, SOURCE, CAPTURE',
    keyspace: KS,
    cases: [
      c('COPY '),
      c('COPY events ('),
      c('COPY events (pk1, '),
      c('COPY events TO '),
      c("COPY events TO 'out.csv' WITH "),
      c("COPY events FROM 'in.csv' WITH "),
      c("COPY events FROM 'in.csv' WITH HEADER = "),
      c("COPY events TO 'out.csv' WITH HEADER = true AND "),
      c("COPY events FROM '"),
      c("COPY events FROM 'data/"),
      c("SOURCE '"),
      c("SOURCE 'lo"),
      // outside a quote cqlsh offers bare names, which SOURCE and CAPTURE refuse
      c('SOURCE ', { ours: (f) => `'${f}` }),
      c('CAPTURE ', { ours: (f) => (f === 'OFF' || f === ';' ? f : `'${f}`) }),
    ],
  },
  {
    name: 'no current keyspace',
    cases: [
      c('SELECT * FROM events WHERE '),
      c(`SELECT * FROM ${KS}.events WHERE pk1 = 1 AND `),
      c(`INSERT INTO ${KS}.events (pk1, `),
      c(`UPDATE ${KS}.users SET `),
      c(`COPY ${KS}.events (`),
    ],
  },
];
