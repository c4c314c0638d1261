// Which statements the guard asks about (--confirm-destructive) or refuses (--safe), and what it
// says: any DROP, TRUNCATE, ALTER TABLE ... DROP, a DELETE without the full primary key.
import { describe, expect, it } from 'vitest';
import { destructive, type TableKey } from '../../src/cql/destructive.js';
import { guard, isYes } from '../../src/shell/guard.js';
import type { SchemaModel } from '../../src/describe/model.js';

const keys: Record<string, TableKey> = {
  'shop.orders': { partitionKey: ['customer'], clustering: ['day', 'id'], statics: ['credit'] },
  'shop.users': { partitionKey: ['id'], clustering: [], statics: [] },
  'shop.Mixed': { partitionKey: ['Key'], clustering: [], statics: [] },
};
const keyOf = (ks: string | undefined, t: string) => keys[`${ks}.${t}`];
const what = (text: string, ks: string | null = 'shop') => destructive(text, ks ?? undefined, keyOf);

describe('destructive statements', () => {
  it('are any DROP, with what it drops and where', () => {
    expect(what('DROP TABLE orders;')).toEqual({ what: 'DROP TABLE orders (keyspace shop)' });
    expect(what('drop table if exists other.t')).toEqual({ what: 'DROP TABLE other.t' });
    expect(what('DROP KEYSPACE shop;')).toEqual({ what: 'DROP KEYSPACE shop' });
    expect(what('DROP MATERIALIZED VIEW v;')).toEqual({ what: 'DROP MATERIALIZED VIEW v (keyspace shop)' });
    expect(what('DROP INDEX shop.idx;')).toEqual({ what: 'DROP INDEX shop.idx' });
    expect(what('DROP ROLE alice;')).toEqual({ what: 'DROP ROLE alice' });
    expect(what('DROP FUNCTION f(int);', null)).toEqual({ what: 'DROP FUNCTION f(int)' });
  });

  it('are TRUNCATE and ALTER TABLE ... DROP', () => {
    expect(what('TRUNCATE orders;')).toEqual({ what: 'TRUNCATE orders (keyspace shop)' });
    expect(what('TRUNCATE TABLE shop.orders')).toEqual({ what: 'TRUNCATE shop.orders' });
    expect(what('ALTER TABLE orders DROP note;')).toEqual({ what: 'ALTER TABLE orders DROP note (keyspace shop)' });
    expect(what('ALTER TABLE shop.orders ADD note text;')).toBeNull();
    expect(what('ALTER KEYSPACE shop WITH durable_writes = true;')).toBeNull();
  });

  it('are a DELETE that does not give the full primary key', () => {
    expect(what('DELETE FROM orders WHERE customer = 1;')).toEqual({
      what: 'DELETE FROM orders (keyspace shop)',
      why: 'not the full primary key (customer, day, id): more than one row may go',
    });
    expect(what("DELETE FROM orders WHERE customer = 1 AND day = '2024-01-01' AND id > 3;")?.why).toMatch(/not the full primary key/);
    expect(what('DELETE note FROM shop.orders WHERE customer = 1 AND day = 2;')?.what).toBe('DELETE note FROM shop.orders');
    // one row (or a list of rows) by the full key is not
    expect(what("DELETE FROM orders WHERE customer = 1 AND day = '2024-01-01' AND id = 3;")).toBeNull();
    expect(what('DELETE FROM orders WHERE customer IN (1, 2) AND day = 1 AND id IN (3, 4) IF EXISTS;')).toBeNull();
    expect(what('DELETE FROM orders WHERE customer = 1 AND (day, id) = (1, 2);')).toBeNull();
    expect(what('DELETE note FROM orders USING TIMESTAMP 5 WHERE customer = 1 AND day = 1 AND id = 2;')).toBeNull();
    expect(what('DELETE FROM users WHERE id = 7;')).toBeNull();
    expect(what('DELETE FROM "Mixed" WHERE "Key" = 7;')).toBeNull();
    expect(what('DELETE FROM "Mixed" WHERE key = 7;')?.why).toMatch(/not the full primary key/);
    // a static column of one partition is one row's worth
    expect(what('DELETE credit FROM orders WHERE customer = 1;')).toBeNull();
    // an unknown table cannot be shown to lose one row only
    expect(what('DELETE FROM nope WHERE id = 1;')?.why).toMatch(/not known/);
  });

  it('are found inside a batch', () => {
    expect(what('BEGIN BATCH INSERT INTO users (id) VALUES (1); DELETE FROM orders WHERE customer = 1; APPLY BATCH;')?.what).toBe(
      'DELETE FROM orders (keyspace shop)',
    );
    expect(what('BEGIN UNLOGGED BATCH USING TIMESTAMP 3 DELETE FROM users WHERE id = 1; APPLY BATCH;')).toBeNull();
  });

  it('are not reads, writes of one row, or other statements', () => {
    for (const s of [
      'SELECT * FROM orders;',
      'INSERT INTO users (id) VALUES (1);',
      'UPDATE users SET x = 1 WHERE id = 1;',
      'USE shop;',
      'CREATE TABLE t (k int PRIMARY KEY);',
    ]) {
      expect(what(s), s).toBeNull();
    }
  });
});

const model = {
  keyspaces: [
    {
      name: 'shop',
      tables: [
        {
          name: 'users',
          columns: [
            { name: 'id', kind: 'partition_key', position: 0 },
            { name: 'v', kind: 'regular', position: -1 },
          ],
        },
      ],
    },
  ],
} as unknown as SchemaModel;

describe('the guard', () => {
  const settings = { confirm: true, safe: false, where: '127.0.0.1:9042 (profile prod)' };
  const ctx = (o: Partial<Parameters<typeof guard>[2]> = {}) => ({ settings, keyspace: 'shop', schema: async () => model, ...o });

  it('asks the face, naming the statement and the connection; No (the default) does not run it', async () => {
    const asked: string[] = [];
    const confirm = async (q: string) => (asked.push(q), false);
    expect(await guard('DROP', 'DROP TABLE users;', ctx({ confirm }))).toEqual({ kind: 'text', text: 'Not run.' });
    expect(asked).toEqual(['DROP TABLE users (keyspace shop) on 127.0.0.1:9042 (profile prod).\nRun it? [y/N] ']);
    expect(await guard('DROP', 'DROP TABLE users;', ctx({ confirm: async () => true }))).toBeNull();
    // a DELETE is looked up in the schema
    expect(await guard('DELETE', 'DELETE FROM users WHERE id = 1;', ctx({ confirm }))).toBeNull();
    expect(asked).toHaveLength(1);
  });

  it('lets everything run when it cannot ask (batch mode) and is not set to refuse', async () => {
    expect(await guard('DROP', 'DROP TABLE users;', ctx())).toBeNull();
    expect(await guard('DROP', 'DROP TABLE users;', ctx({ settings: { ...settings, confirm: false }, confirm: async () => false }))).toBeNull();
  });

  it('refuses with --safe, asking nobody', async () => {
    const safe = { ...settings, safe: true };
    expect(await guard('TRUNCATE', 'TRUNCATE users', ctx({ settings: safe }))).toEqual({
      kind: 'error',
      message: 'Refused (--safe): TRUNCATE users (keyspace shop) on 127.0.0.1:9042 (profile prod).',
    });
  });

  it('takes y or yes as yes, anything else as no', () => {
    for (const a of ['y', 'Y', 'yes', ' YES ']) expect(isYes(a)).toBe(true);
    for (const a of ['', 'n', 'no', 'yess', 'sure', null]) expect(isYes(a)).toBe(false);
  });
});
