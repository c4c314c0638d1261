import { describe, expect, it } from 'vitest';
import { commonPrefix, complete, quoteName, type CompletionSource, type TableInfo } from '../../src/cql/completion.js';

const TABLES: Record<string, TableInfo> = {
  orders: {
    partitionKey: ['shop_id', 'region'],
    clustering: ['order_id', 'line'],
    columns: [
      { name: 'shop_id', type: 'int' },
      { name: 'region', type: 'text' },
      { name: 'order_id', type: 'timeuuid' },
      { name: 'line', type: 'int' },
      { name: 'Note', type: 'text' },
      { name: 'customer', type: 'text' },
      { name: 'paid', type: 'boolean' },
      { name: 'tags', type: 'set<text>' },
      { name: 'total', type: 'decimal' },
    ],
    indexTargets: ['customer'],
  },
  hits: {
    partitionKey: ['page'],
    clustering: [],
    columns: [
      { name: 'page', type: 'text' },
      { name: 'n', type: 'counter' },
    ],
    indexTargets: [],
  },
};

const src: CompletionSource = {
  keyspaces: () => ['shop', 'system', 'system_schema', 'MixedCase'],
  tables: (ks) => (ks === 'shop' ? ['orders', 'order_items', 'hits'] : ks === 'system' ? ['local', 'peers'] : []),
  table: (ks, t) => (ks === 'shop' ? TABLES[t] : undefined),
  types: (ks) => (ks === 'shop' ? ['address'] : []),
  helpTopics: () => ['consistency', 'select'],
  listDir: (dir) => (dir === '.' ? ['data/', 'load.cql', 'notes.txt'] : dir === 'data/' ? ['a.csv', 'b.csv'] : []),
};

const items = (before: string, ks?: string, after?: string) => complete(before, src, ks, after).items;

describe('completion engine (cqlsh rules)', () => {
  it('offers statement starts and shell commands, in the case typed', () => {
    expect(items('SEL')).toEqual(['SELECT']);
    expect(items('sel')).toEqual(['select']);
    expect(items('CON')).toEqual(['CONSISTENCY']);
    expect(items('')).toEqual(expect.arrayContaining(['USE', 'SELECT', 'COPY', 'SOURCE', 'TIMING', 'OUTPUT']));
    expect(items('x; SOU')).toEqual(['SOURCE']);
  });

  it('completes keyspaces after USE and DESCRIBE KEYSPACE, quoting when needed', () => {
    expect(items('USE sys')).toEqual(['system', 'system_schema']);
    expect(items('USE ')).toContain('"MixedCase"');
    expect(items('USE "Mi')).toEqual(['MixedCase']);
    expect(complete('USE "Mi', src).closing).toBe('"');
    expect(items('DESCRIBE KEYSPACE sh')).toEqual(['shop']);
    expect(complete('USE sh', src).start).toBe(4);
  });

  it('completes tables after FROM / INTO / UPDATE: the word after the dot', () => {
    expect(items('SELECT * FROM shop.ord')).toEqual(['order_items', 'orders']);
    expect(complete('SELECT * FROM shop.ord', src).start).toBe('SELECT * FROM shop.'.length);
    expect(items('SELECT * FROM ord', 'shop')).toEqual(['order_items', 'orders']);
    expect(items('INSERT INTO sh')).toEqual(['shop.']);
    expect(items('DESC TABLE system.p')).toEqual(['peers']);
  });

  it('WHERE offers the key columns the next restriction may use, and TOKEN(, never other columns', () => {
    // the first partition key column, the first clustering column, indexed columns
    expect(items('SELECT * FROM shop.orders WHERE ')).toEqual(['TOKEN(', 'customer', 'order_id', 'shop_id']);
    // each key column once the one before it is restricted
    expect(items('SELECT * FROM orders WHERE shop_id = 1 AND ', 'shop')).toEqual(['TOKEN(', 'customer', 'order_id', 'region', 'shop_id']);
    expect(items("SELECT * FROM orders WHERE shop_id = 1 AND region = 'eu' AND order_id = now() AND ", 'shop')).toContain('line');
    expect(items('SELECT * FROM shop.orders WHERE TOKEN(')).toEqual(['region', 'shop_id']);
    expect(items('SELECT * FROM shop.orders WHERE to')).toEqual(['token(']);
  });

  it('after WHERE k = a value is expected: value forms and hints, no clause keywords', () => {
    const c = complete('SELECT * FROM shop.orders WHERE shop_id = ', src);
    expect(c.items).toEqual(['-', 'NULL', 'TOKEN', '[', 'false', 'true', '{']);
    expect(c.hints).toEqual(expect.arrayContaining(['<wholenumber>', '<quotedStringLiteral>', '<uuid>']));
    // after a complete relation, the clause keywords
    expect(items('SELECT * FROM shop.orders WHERE shop_id = 1 ')).toEqual([';', 'ALLOW', 'AND', 'GROUP', 'LIMIT', 'ORDER', 'PER']);
  });

  it('UPDATE ... SET offers regular columns only', () => {
    expect(items('UPDATE shop.orders SET ')).toEqual(['"Note"', 'customer', 'paid', 'tags', 'total']);
    expect(items('UPDATE shop.hits SET n = ')).toEqual(['n']);
    expect(complete('UPDATE shop.orders SET total = ', src).hints).toEqual(['<term (decimal)>']);
  });

  it('INSERT column lists: the key columns in order first, then regular columns not listed yet', () => {
    expect(items('INSERT INTO shop.orders (')).toEqual(['shop_id']);
    expect(items('INSERT INTO shop.orders (shop_id, ')).toEqual(['region']);
    expect(items('INSERT INTO shop.orders (shop_id, region, order_id, line, customer, ')).toEqual(['"Note"', 'paid', 'tags', 'total']);
    expect(complete('INSERT INTO shop.orders (shop_id, region) VALUES (1, ', src).hints).toEqual(['<value for region (text)>']);
    expect(items('INSERT INTO shop.orders (shop_id, paid) VALUES (1, ')).toEqual(['false', 'true']);
  });

  it('COPY options: TO and FROM have their own sets, minus those given', () => {
    const to = items("COPY shop.orders TO 'x' WITH ");
    const from = items("COPY shop.orders FROM 'x' WITH ");
    expect(to).toEqual(expect.arrayContaining(['HEADER', 'DELIMITER', 'PAGESIZE', 'BEGINTOKEN', 'MAXOUTPUTSIZE']));
    expect(to).not.toContain('INGESTRATE');
    expect(from).toEqual(expect.arrayContaining(['HEADER', 'CHUNKSIZE', 'INGESTRATE', 'SKIPROWS', 'TTL']));
    expect(from).not.toContain('PAGESIZE');
    expect(items("COPY shop.orders FROM 'x' WITH HEADER = true AND ")).not.toContain('HEADER');
    expect(items("COPY shop.orders TO 'x' WITH HEADER = ")).toEqual(['false', 'true']);
    expect(items('COPY shop.orders (')).toEqual(['shop_id']);
  });

  it('ORDER BY and GROUP BY follow the key order', () => {
    expect(items('SELECT * FROM shop.orders WHERE shop_id = 1 ORDER BY ')).toEqual(['order_id']);
    expect(items('SELECT * FROM shop.orders WHERE shop_id = 1 ORDER BY order_id ASC, ')).toEqual(['line']);
    expect(complete('SELECT * FROM shop.orders ORDER BY ', src).hints[0]).toMatch(/Can't ORDER BY here/);
    const group = items('SELECT * FROM shop.orders GROUP BY shop_id, ');
    expect(group).toContain('region');
    expect(group).not.toContain('order_id');
  });

  it('the select list: a hint, or the FROM table’s columns when it follows the cursor', () => {
    expect(complete('SELECT ', src).hints).toContain('<colname>');
    expect(items('SELECT cu', undefined, ' FROM shop.orders;')).toEqual(['customer']);
  });

  it('consistency levels and keywords by position', () => {
    expect(items('CONSISTENCY LOCAL_')).toEqual(['LOCAL_ONE', 'LOCAL_QUORUM', 'LOCAL_SERIAL']);
    expect(complete('CONSISTENCY ', src).hints).toEqual(['<enter>']);
    expect(items('SERIAL CONSISTENCY ')).toEqual([';', 'LOCAL_SERIAL', 'SERIAL']);
    expect(items('CREATE TA')).toEqual(['TABLE']);
    expect(items('DROP MATERIALIZED ')).toEqual(['VIEW']);
    expect(items('BEGIN ')).toEqual(['BATCH', 'COUNTER', 'UNLOGGED']);
    expect(items('EXPAND o')).toEqual(['off', 'on']);
    expect(items('DESCRIBE TYPE a', 'shop')).toEqual(['address']);
    expect(items('HELP SEL')).toEqual(['SELECT']);
  });

  it('file paths: inside the quote after SOURCE, CAPTURE and COPY; with the quote after SOURCE', () => {
    expect(items("SOURCE 'lo")).toEqual(['load.cql']);
    expect(complete("SOURCE 'lo", src).start).toBe(8);
    expect(items("CAPTURE 'data/")).toEqual(['a.csv', 'b.csv']);
    expect(items("COPY shop.orders TO 'n")).toEqual(['notes.txt']);
    expect(items('COPY shop.orders TO ')).toEqual(["'", 'STDOUT']);
    expect(items('SOURCE lo')).toEqual(["'load.cql"]);
    expect(items("SELECT * FROM t WHERE k = 'lo")).toEqual([]);
  });

  it('CQL types and the keyspace types for a column definition', () => {
    expect(items('CREATE TABLE shop.x (id ti', 'shop')).toEqual(['time', 'timestamp', 'timeuuid', 'tinyint']);
    expect(items('CREATE TABLE x (id int PRIMARY KEY, addr ad', 'shop')).toEqual(['address']);
    expect(items('CREATE TABLE x (id int, tags set<te', 'shop')).toEqual(['text']);
    expect(items('ALTER TABLE shop.orders ADD c bo', 'shop')).toEqual(['boolean']);
  });

  it('puts a space between a token and the candidate where CQL wants one', () => {
    const c = complete('INSERT INTO shop.orders (shop_id,', src);
    expect(c.inserts).toEqual([' region']);
    expect(complete('INSERT INTO shop.orders (shop_id, ', src).inserts).toEqual(['region']);
  });

  it('quotes names and finds common prefixes', () => {
    expect(quoteName('abc_1')).toBe('abc_1');
    expect(quoteName('Abc')).toBe('"Abc"');
    expect(quoteName('a"b')).toBe('"a""b"');
    expect(quoteName('select')).toBe('"select"');
    expect(commonPrefix(['order_items', 'orders'])).toBe('order');
    expect(commonPrefix([])).toBe('');
  });
});
