// DESCRIBE lists keyspaces in one name order, virtual ones among the stored ones, as Cassandra 5.0's
// server-side DESCRIBE does (a keyspace named after system_virtual_schema sorts after it).
import { describe, expect, it } from 'vitest';
import { describeRows, orderedKeyspaces } from '../../src/describe/describe.js';
import type { KeyspaceModel, SchemaModel } from '../../src/describe/model.js';

const ks = (name: string, virtual = false) => ({ name, virtual, tables: [], types: [], functions: [], aggregates: [], views: [] }) as unknown as KeyspaceModel;

describe('keyspace order', () => {
  const schema = { keyspaces: [ks('zz_ks'), ks('system_views', true), ks('system_w'), ks('system_virtual_schema', true), ks('app')] } as unknown as SchemaModel;

  it('sorts stored and virtual keyspaces together by name', () => {
    expect(orderedKeyspaces(schema).map((k) => k.name)).toEqual(['app', 'system_views', 'system_virtual_schema', 'system_w', 'zz_ks']);
  });

  it('DESCRIBE KEYSPACES rows follow that order', () => {
    const rows = describeRows(schema, { what: 'keyspaces', internals: false } as never, undefined);
    expect(rows.map((r) => r.name)).toEqual(['app', 'system_views', 'system_virtual_schema', 'system_w', 'zz_ks']);
  });
});
