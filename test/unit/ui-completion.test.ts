import { describe, expect, it } from 'vitest';
import { commonPrefix, complete, quoteName, type CompletionSource } from '../../src/cql/completion.js';

const src: CompletionSource = {
  keyspaces: () => ['shop', 'system', 'system_schema', 'MixedCase'],
  tables: (ks) => (ks === 'shop' ? ['orders', 'order_items', 'users'] : ks === 'system' ? ['local', 'peers'] : []),
  columns: (ks, t) => (ks === 'shop' && t === 'orders' ? ['order_id', 'customer', 'total', 'Note'] : []),
  types: (ks) => (ks === 'shop' ? ['address'] : []),
  listDir: (dir) => (dir === '.' ? ['data/', 'load.cql', 'notes.txt'] : dir === 'data/' ? ['a.csv', 'b.csv'] : []),
};

const items = (before: string, ks?: string, after?: string) => complete(before, src, ks, after).items;

describe('completion engine', () => {
  it('offers statement starts and shell commands first, in the case typed', () => {
    expect(items('SEL')).toEqual(['SELECT']);
    expect(items('sel')).toEqual(['select']);
    expect(items('CON')).toEqual(['CONSISTENCY']);
    expect(items('')).toContain('USE');
    expect(items('x; SOU')).toEqual(['SOURCE']);
  });

  it('completes keyspaces after USE and DESCRIBE KEYSPACE, quoting when needed', () => {
    expect(items('USE sys')).toEqual(['system', 'system_schema']);
    expect(items('USE ')).toContain('"MixedCase"');
    expect(items('DESCRIBE KEYSPACE sh')).toEqual(['shop']);
    const c = complete('USE sh', src);
    expect(c.start).toBe(4);
  });

  it('completes tables after FROM / INTO / UPDATE, in a keyspace or the current one', () => {
    expect(items('SELECT * FROM shop.ord')).toEqual(['shop.order_items', 'shop.orders']);
    expect(items('SELECT * FROM ord', 'shop')).toEqual(['order_items', 'orders']);
    expect(items('INSERT INTO sh')).toEqual(['shop.']);
    expect(items('UPDATE shop.u')).toEqual(['shop.users']);
    expect(items('DESC TABLE system.p')).toEqual(['system.peers']);
  });

  it('completes columns in WHERE, SET, ORDER BY, INSERT column lists and the select list', () => {
    expect(items('SELECT * FROM shop.orders WHERE cu')).toEqual(['customer']);
    expect(items('SELECT * FROM orders WHERE order_id = 1 AND t', 'shop')).toEqual(['total']);
    expect(items('UPDATE shop.orders SET to')).toEqual(['total']);
    expect(items('INSERT INTO shop.orders (order_id, cu')).toEqual(['customer']);
    expect(items('SELECT * FROM shop.orders WHERE order_id = 1 ORDER BY cu')).toEqual(['customer']);
    expect(items('SELECT cu', undefined, ' FROM shop.orders;')).toEqual(['customer']);
    expect(items('SELECT * FROM shop.orders WHERE N')).toEqual(['"Note"']);
  });

  it('offers the clauses after a table', () => {
    expect(items('SELECT * FROM shop.orders W')).toEqual(['WHERE']);
    expect(items('SELECT * FROM shop.orders ')).toContain('LIMIT');
  });

  it('completes consistency levels and keywords by position', () => {
    expect(items('CONSISTENCY LOCAL_')).toEqual(['LOCAL_ONE', 'LOCAL_QUORUM', 'LOCAL_SERIAL']);
    expect(items('SERIAL CONSISTENCY ')).toEqual(['LOCAL_SERIAL', 'SERIAL']);
    expect(items('CREATE TA')).toEqual(['TABLE']);
    expect(items('DROP MATERIALIZED ')).toEqual(['VIEW']);
    expect(items('BEGIN ')).toEqual(['BATCH', 'COUNTER', 'UNLOGGED']);
    expect(items('EXPAND o')).toEqual(['off', 'on']);
    expect(items('DESCRIBE TYPE a', 'shop')).toEqual(['address']);
  });

  it('completes file paths inside the quote after SOURCE, CAPTURE and COPY', () => {
    expect(items("SOURCE 'lo")).toEqual(['load.cql']);
    expect(complete("SOURCE 'lo", src).start).toBe(8);
    expect(items("CAPTURE 'data/")).toEqual(['data/a.csv', 'data/b.csv']);
    expect(items("COPY shop.orders TO 'n")).toEqual(['notes.txt']);
    expect(items("SELECT * FROM t WHERE k = 'lo")).toEqual([]);
  });

  it('quotes names and finds common prefixes', () => {
    expect(quoteName('abc_1')).toBe('abc_1');
    expect(quoteName('Abc')).toBe('"Abc"');
    expect(quoteName('a"b')).toBe('"a""b"');
    expect(commonPrefix(['order_items', 'orders'])).toBe('order');
    expect(commonPrefix([])).toBe('');
  });

  it("offers CQL types and the keyspace's types for a column definition", () => {
    expect(items('CREATE TABLE shop.x (id ti', 'shop')).toEqual(['time', 'timestamp', 'timeuuid', 'tinyint']);
    expect(items('CREATE TABLE x (id int PRIMARY KEY, addr ad', 'shop')).toEqual(['address']);
    expect(items('CREATE TABLE x (id int, tags set<te', 'shop')).toEqual(['text']);
    expect(items('ALTER TABLE shop.orders ADD c bo', 'shop')).toEqual(['boolean']);
  });
});
