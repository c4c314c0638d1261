// The shell's schema cache: lazy, shared loads, dropped after DDL, reloaded when the server's
// schema version moves.
import { describe, expect, it } from 'vitest';
import type { SchemaModel } from '../../src/describe/model.js';
import { SchemaCache } from '../../src/shell/schema-cache.js';

function model(tables: string[]): SchemaModel {
  return {
    keyspaces: [
      {
        name: 'ks',
        durableWrites: true,
        replication: {},
        tables: tables.map((name) => ({
          keyspace: 'ks',
          name,
          id: '',
          flags: ['compound'],
          columns: [
            { name: 'v', type: 'int', kind: 'regular', position: -1, clusteringOrder: 'none' },
            { name: 'c', type: 'int', kind: 'clustering', position: 0, clusteringOrder: 'asc' },
            { name: 'k', type: 'int', kind: 'partition_key', position: 0, clusteringOrder: 'none' },
          ],
          dropped: [],
          indexes: [],
          options: {} as never,
        })),
        views: [],
        types: [{ keyspace: 'ks', name: 'addr', fieldNames: [], fieldTypes: [] }],
        functions: [
          { keyspace: 'ks', name: 'f', argumentNames: ['a'], argumentTypes: ['int'], body: '', calledOnNullInput: true, language: 'java', returnType: 'int' },
          {
            keyspace: 'ks',
            name: 'f',
            argumentNames: ['a', 'b'],
            argumentTypes: ['int', 'frozen<tuple<int, int>>'],
            body: '',
            calledOnNullInput: true,
            language: 'java',
            returnType: 'int',
          },
        ],
        aggregates: [],
      },
    ],
  };
}

function source() {
  const s = { loads: 0, version: 'v1', tables: ['t1'] };
  return {
    s,
    src: {
      load: async () => (s.loads++, model([...s.tables])),
      version: async () => s.version,
    },
  };
}

describe('SchemaCache', () => {
  it('loads nothing until asked, then once for concurrent callers', async () => {
    const { s, src } = source();
    const cache = new SchemaCache(src);
    expect(s.loads).toBe(0);
    const [a, b] = await Promise.all([cache.keyspaces(), cache.tables('ks')]);
    expect(a).toEqual(['ks']);
    expect(b).toEqual(['t1']);
    expect(s.loads).toBe(1);
  });

  it('answers columns in key order, types, functions and signatures', async () => {
    const cache = new SchemaCache(source().src);
    expect(await cache.columns('ks', 't1')).toEqual(['k', 'c', 'v']);
    expect(await cache.columns('ks', 'nope')).toEqual([]);
    expect(await cache.types('ks')).toEqual(['addr']);
    expect(await cache.functions('ks')).toEqual(['f']);
    expect(await cache.functionSignatures('ks')).toEqual(['f(int)', 'f(int, tuple<int, int>)']);
    expect(await cache.tables('other')).toEqual([]);
  });

  it('drops the schema after DDL, not after other statements', async () => {
    const { s, src } = source();
    const cache = new SchemaCache(src);
    await cache.tables('ks');
    cache.noteStatement('INSERT INTO ks.t1 (k) VALUES (1)');
    await cache.tables('ks');
    expect(s.loads).toBe(1);
    s.tables = ['t1', 't2'];
    cache.noteStatement('  create TABLE ks.t2 (k int PRIMARY KEY)');
    expect(await cache.tables('ks')).toEqual(['t1', 't2']);
    expect(s.loads).toBe(2);
  });

  it('reloads when the schema version moved (a change by another client)', async () => {
    const { s, src } = source();
    let now = 0;
    const cache = new SchemaCache(src, { recheckMs: 1000, now: () => now });
    await cache.tables('ks');
    s.tables = ['t9'];
    now = 500;
    expect(await cache.tables('ks')).toEqual(['t1']);
    now = 2000;
    expect(await cache.tables('ks')).toEqual(['t1']);
    s.version = 'v2';
    now = 4000;
    expect(await cache.tables('ks')).toEqual(['t9']);
    expect(s.loads).toBe(2);
  });

  it('peek() never waits: undefined first, the model once loaded, the old one while reloading', async () => {
    const { s, src } = source();
    const cache = new SchemaCache(src);
    expect(cache.peek()).toBeUndefined();
    await cache.refresh();
    expect(cache.peek()?.keyspaces[0].tables.map((t) => t.name)).toEqual(['t1']);
    s.tables = ['t2'];
    cache.noteStatement('DROP TABLE ks.t1');
    expect(cache.peek()?.keyspaces[0].tables.map((t) => t.name)).toEqual(['t1']);
    await cache.get();
    expect(cache.peek()?.keyspaces[0].tables.map((t) => t.name)).toEqual(['t2']);
  });
});
