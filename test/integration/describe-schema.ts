// The schema the DESCRIBE oracle test builds: every feature the client-side generator must print.
export const KS = 'it_describe';
export const KS2 = 'It_Describe_Q';
/** when the schema's columns were dropped (µs, a whole millisecond) */
export const DROP_AT = 1_700_000_000_000_000;
/** not this test's: left out of the forms over the whole cluster */
export const KS_OTHER = 'it_describe_other';

export const schema: string[] = [
  `DROP KEYSPACE IF EXISTS ${KS}`,
  `DROP KEYSPACE IF EXISTS "${KS2}"`,
  `CREATE KEYSPACE ${KS} WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 1} AND durable_writes = false`,
  `CREATE KEYSPACE "${KS2}" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`,
  // types, declared so that dependency order differs from name order
  `CREATE TYPE ${KS}.zeta (street text, "Zip" int)`,
  `CREATE TYPE ${KS}.alpha (name text, home frozen<zeta>, tags set<text>, "select" int)`,
  `CREATE TYPE ${KS}."MixedType" (a frozen<alpha>, b map<text, frozen<list<int>>>)`,
  // tables
  `CREATE TABLE ${KS}.simple (id uuid PRIMARY KEY, v text)`,
  `CREATE TABLE ${KS}.counts (id int PRIMARY KEY, n counter, "M" counter)`,
  `CREATE TABLE ${KS}.wide (k int, "select" int, c1 text, c2 timeuuid, s int static, s2 list<int> static, v frozen<alpha>,
     vec vector<float, 3>, m map<text, frozen<list<int>>>, l list<int>, st set<text>, tu tuple<int, text>, "ÄB" int, z int, a int,
     u zeta, d duration, b blob, fl frozen<list<int>>, PRIMARY KEY ((k, "select"), c1, c2))
     WITH CLUSTERING ORDER BY (c1 DESC, c2 ASC) AND comment = 'it''s wide' AND gc_grace_seconds = 100`,
  `CREATE TABLE ${KS}."CaseTable" (id int, "Clu" int, n int, PRIMARY KEY (id, "Clu"))`,
  `CREATE TABLE ${KS}.opts (k int PRIMARY KEY, v int, w text) WITH caching = {'keys': 'NONE', 'rows_per_partition': '10'}
     AND compaction = {'class': 'LeveledCompactionStrategy', 'sstable_size_in_mb': '100'} AND compression = {'enabled': 'false'}
     AND read_repair = 'NONE' AND speculative_retry = 'ALWAYS' AND default_time_to_live = 10 AND bloom_filter_fp_chance = 0.1
     AND crc_check_chance = 0.5 AND memtable_flush_period_in_ms = 60000 AND additional_write_policy = 'NEVER'
     AND min_index_interval = 64 AND max_index_interval = 4096 AND allow_auto_snapshot = false AND incremental_backups = false`,
  `CREATE TABLE ${KS}.opts2 (k int, c int, v int, PRIMARY KEY (k, c)) WITH compaction = {'class': 'TimeWindowCompactionStrategy',
     'compaction_window_unit': 'DAYS', 'compaction_window_size': '1'} AND compression = {'class': 'ZstdCompressor', 'compression_level': '3'}
     AND speculative_retry = '50ms' AND bloom_filter_fp_chance = 0.0001 AND caching = {'keys': 'ALL', 'rows_per_partition': 'ALL'}`,
  `CREATE TABLE ${KS}.compact_dense (a int, b int, c int, PRIMARY KEY (a, b)) WITH COMPACT STORAGE`,
  `CREATE TABLE ${KS}.compact_static (a int PRIMARY KEY, b int, c text) WITH COMPACT STORAGE`,
  `CREATE TABLE ${KS}."table" ("key" int, "Value" text, "with" int, PRIMARY KEY ("key", "with"))`,
  `CREATE TABLE ${KS}.dropping (k int PRIMARY KEY, keep int, gone text, gone2 list<int>)`,
  // drops at fixed whole milliseconds: the server keeps a drop's time in microseconds (two schema
  // changes in one millisecond get +1 µs), system_schema.dropped_columns in milliseconds
  // (docs/describe.md), so a drop at server time could make the two DESCRIBEs differ
  `ALTER TABLE ${KS}.dropping DROP gone USING TIMESTAMP ${DROP_AT}`,
  `ALTER TABLE ${KS}.dropping DROP gone2 USING TIMESTAMP ${DROP_AT + 1000}`,
  `CREATE TABLE ${KS}.readded (k int PRIMARY KEY, back text, other int)`,
  `ALTER TABLE ${KS}.readded DROP back USING TIMESTAMP ${DROP_AT + 2000}`,
  `ALTER TABLE ${KS}.readded ADD back text`,
  `CREATE TABLE ${KS}.composite_only (a int, "B" text, v int, PRIMARY KEY ((a, "B")))`,
  `CREATE TABLE ${KS}."QuotedTable" ("Part" int, "Clu Col" int, "Val" map<text, int>, PRIMARY KEY ("Part", "Clu Col"))
     WITH CLUSTERING ORDER BY ("Clu Col" DESC) AND comment = 'line one
line two ünïcödé' AND speculative_retry = 'MIN(99p,50ms)'`,
  `CREATE INDEX ON ${KS}."QuotedTable" (entries("Val"))`,
  `CREATE CUSTOM INDEX ann ON ${KS}.wide (vec) USING 'StorageAttachedIndex' WITH OPTIONS = {'similarity_function': 'dot_product'}`,
  `CREATE MATERIALIZED VIEW ${KS}."QuotedView" AS SELECT "Part", "Clu Col", "Val" FROM ${KS}."QuotedTable"
     WHERE "Part" IS NOT NULL AND "Clu Col" IS NOT NULL PRIMARY KEY ("Clu Col", "Part")`,
  // indexes
  `CREATE INDEX wide_m_keys ON ${KS}.wide (keys(m))`,
  `CREATE INDEX ON ${KS}.wide (l)`,
  `CREATE INDEX wide_st ON ${KS}.wide (st)`,
  `CREATE INDEX ON ${KS}.wide (full(fl))`,
  `CREATE INDEX "Quoted_Idx" ON ${KS}.wide ("ÄB")`,
  `CREATE CUSTOM INDEX wide_sai ON ${KS}.wide (z) USING 'StorageAttachedIndex'`,
  `CREATE INDEX wide_sai2 ON ${KS}.wide (a) USING 'sai'`,
  `CREATE CUSTOM INDEX opts_sai ON ${KS}.opts (w) USING 'StorageAttachedIndex' WITH OPTIONS = {'case_sensitive': 'false', 'normalize': 'true'}`,
  `CREATE INDEX ON ${KS}."CaseTable" ("Clu")`,
  // materialized views
  `CREATE MATERIALIZED VIEW ${KS}.wide_by_c1 AS SELECT k, "select", c1, c2, v FROM ${KS}.wide
     WHERE k IS NOT NULL AND "select" IS NOT NULL AND c1 IS NOT NULL AND c2 IS NOT NULL
     PRIMARY KEY ((c1, k), "select", c2) WITH CLUSTERING ORDER BY ("select" DESC, c2 ASC) AND comment = 'mv'`,
  `CREATE MATERIALIZED VIEW ${KS}.simple_all AS SELECT * FROM ${KS}.simple WHERE v IS NOT NULL AND id IS NOT NULL PRIMARY KEY (v, id)`,
  // functions and aggregates
  `CREATE FUNCTION ${KS}.plus (a int, b int) CALLED ON NULL INPUT RETURNS int LANGUAGE java AS 'return a+b;'`,
  `CREATE FUNCTION ${KS}.plus (a int) CALLED ON NULL INPUT RETURNS int LANGUAGE java AS 'return a;'`,
  `CREATE FUNCTION ${KS}.st (s int, v int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return s + v; $$`,
  `CREATE FUNCTION ${KS}.fin (s int) CALLED ON NULL INPUT RETURNS text LANGUAGE java AS 'return String.valueOf(s);'`,
  `CREATE FUNCTION ${KS}."Weird" (x alpha, y map<text, int>, z frozen<tuple<int, text>>) RETURNS NULL ON NULL INPUT
     RETURNS list<text> LANGUAGE java AS 'return null; // $$'`,
  `CREATE FUNCTION ${KS}.tst (s tuple<int, int>, v int) CALLED ON NULL INPUT RETURNS tuple<int, int> LANGUAGE java AS 'return s;'`,
  `CREATE AGGREGATE ${KS}.total (int) SFUNC st STYPE int INITCOND 0`,
  `CREATE AGGREGATE ${KS}.total_text (int) SFUNC st STYPE int FINALFUNC fin INITCOND 5`,
  `CREATE AGGREGATE ${KS}.tagg (int) SFUNC tst STYPE tuple<int, int> INITCOND (0, 0)`,
  `CREATE FUNCTION ${KS}.cat (s text, v int) CALLED ON NULL INPUT RETURNS text LANGUAGE java AS 'return s + v;'`,
  `CREATE AGGREGATE ${KS}."CatAgg" (int) SFUNC cat STYPE text INITCOND 'start'`,
  `CREATE FUNCTION ${KS}.lst (s list<int>, v int) CALLED ON NULL INPUT RETURNS list<int> LANGUAGE java AS 'return s;'`,
  `CREATE AGGREGATE ${KS}.lagg (int) SFUNC lst STYPE list<int> INITCOND [1, 2]`,
  `CREATE FUNCTION ${KS}.qa ("A" int, "select" zeta) RETURNS NULL ON NULL INPUT RETURNS zeta LANGUAGE java AS 'return null;'`,
  `CREATE FUNCTION ${KS}.mp (m map<text, frozen<list<int>>>, s set<frozen<zeta>>) CALLED ON NULL INPUT RETURNS map<int, frozen<zeta>> LANGUAGE java AS 'return null;'`,
  `CREATE TABLE ${KS}.statics (k int, "C" int, "S" text static, s2 map<int, int> static, s1 int static, PRIMARY KEY (k, "C")) WITH CLUSTERING ORDER BY ("C" DESC)`,
  // the quoted keyspace
  `CREATE TABLE "${KS2}"."Mixed" ("Id" int PRIMARY KEY, "Val" text)`,
  `CREATE TYPE "${KS2}".t (x int)`,
  // a keyspace the forms over the whole cluster leave out (as they leave out other tests'), with
  // what client-side DESCRIBE cannot show: a column dropped at a microsecond time
  `DROP KEYSPACE IF EXISTS ${KS_OTHER}`,
  `CREATE KEYSPACE ${KS_OTHER} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`,
  `CREATE TABLE ${KS_OTHER}.micro (k int PRIMARY KEY, n int)`,
  `ALTER TABLE ${KS_OTHER}.micro DROP n USING TIMESTAMP ${DROP_AT + 5}`,
];

/** Every DESCRIBE form and object of the schema, in the keyspace (USE) and outside it. */
export const forms: { use?: string; statement: string; error?: boolean }[] = [
  ...[undefined, KS, `"${KS2}"`].flatMap((use) =>
    ['DESCRIBE KEYSPACES', 'DESC TABLES', 'DESC TYPES', 'DESC FUNCTIONS', 'DESC AGGREGATES', 'DESC COLUMNFAMILIES'].map((statement) => ({ use, statement })),
  ),
  ...[`${KS}`, `"${KS2}"`].flatMap((ks) => [
    `DESC KEYSPACE ${ks}`, `DESC ONLY KEYSPACE ${ks}`, `DESC KEYSPACE ${ks} WITH INTERNALS`, `DESC ${ks}`,
  ]).map((statement) => ({ statement })),
  { use: KS, statement: 'DESC KEYSPACE' },
  { use: KS, statement: 'DESC ONLY KEYSPACE' },
  ...['simple', 'counts', 'wide', '"CaseTable"', 'opts', 'opts2', 'compact_dense', 'compact_static', '"table"', 'dropping', 'readded', 'composite_only', '"QuotedTable"', 'statics'].flatMap((t) => [
    { statement: `DESC TABLE ${KS}.${t}` },
    { statement: `DESC TABLE ${KS}.${t} WITH INTERNALS` },
    { use: KS, statement: `DESC COLUMNFAMILY ${t}` },
    { use: KS, statement: `DESC ${t}` },
  ]),
  ...['wide_m_keys', 'wide_l_idx', 'wide_st', 'wide_fl_idx', '"Quoted_Idx"', 'wide_sai', 'wide_sai2', 'opts_sai', '"CaseTable_Clu_idx"', 'ann', '"QuotedTable_Val_idx"'].flatMap((i) => [
    { statement: `DESC INDEX ${KS}.${i}` },
    { use: KS, statement: `DESC ${i}` },
  ]),
  ...['wide_by_c1', 'simple_all', '"QuotedView"'].flatMap((v) => [
    { statement: `DESC MATERIALIZED VIEW ${KS}.${v}` },
    { statement: `DESC MATERIALIZED VIEW ${KS}.${v} WITH INTERNALS` },
    { use: KS, statement: `DESC ${v}` },
  ]),
  ...['zeta', 'alpha', '"MixedType"'].map((t) => ({ statement: `DESC TYPE ${KS}.${t}` })),
  ...['plus', 'st', 'fin', '"Weird"', 'tst', 'qa', 'mp'].map((f) => ({ use: KS, statement: `DESC FUNCTION ${f}` })),
  ...['total', 'total_text', 'tagg', '"CatAgg"', 'lagg'].map((a) => ({ statement: `DESC AGGREGATE ${KS}.${a}` })),
  { statement: `DESC TABLE "${KS2}"."Mixed"` },
  { statement: `DESC TYPE "${KS2}".t` },
  { statement: 'DESC TABLE system.local' },
  { statement: 'DESC TABLE system_schema.tables' },
  { statement: 'DESC KEYSPACE system_virtual_schema' },
  { statement: 'DESC KEYSPACE system_auth' },
  { statement: 'DESC TABLE system_views.settings' },
  { statement: 'DESC SCHEMA' },
  { statement: 'DESC SCHEMA WITH INTERNALS' },
  { statement: 'DESC TABLES WITH INTERNALS' },
  { statement: `DESC INDEX ${KS}.wide_sai WITH INTERNALS` },
  { statement: `DESC TYPE ${KS}.alpha WITH INTERNALS` },
  { use: KS, statement: 'DESC FUNCTION plus WITH INTERNALS' },
  { use: KS, statement: 'DESC AGGREGATE total WITH INTERNALS' },
  { use: KS, statement: 'DESC ONLY KEYSPACE WITH INTERNALS' },
  { use: KS, statement: 'DESC wide WITH INTERNALS' },
  { statement: 'DESC FULL SCHEMA' },
  { statement: 'DESC CLUSTER' },
  { use: KS, statement: 'DESC CLUSTER' },
  // errors
  { statement: 'DESC KEYSPACE nope', error: true },
  { statement: 'DESC KEYSPACE', error: true },
  { statement: 'DESC TABLE nope', error: true },
  { use: KS, statement: 'DESC TABLE nope', error: true },
  { use: KS, statement: 'DESC TABLE wide_by_c1', error: true },
  { use: KS, statement: 'DESC nope', error: true },
  { use: KS, statement: 'DESC plus', error: true },
  { use: KS, statement: 'DESC TYPE nope', error: true },
  { use: KS, statement: 'DESC FUNCTION nope', error: true },
  { use: KS, statement: 'DESC AGGREGATE nope', error: true },
  { use: KS, statement: 'DESC INDEX nope', error: true },
  { use: KS, statement: 'DESC MATERIALIZED VIEW wide', error: true },
  { statement: `DESC TABLE nope.x`, error: true },
  { statement: `DESC TABLE ${KS}.Wide` },
];
