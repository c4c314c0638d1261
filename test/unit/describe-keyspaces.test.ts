// The client-side DESCRIBE fed an Amazon Keyspaces-shaped schema: system_schema as Keyspaces
// serves it (3.11 columns) plus system_schema_mcs (table status, custom properties, tags). The
// Keyspaces properties must come out as Keyspaces' CREATE TABLE takes them.
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../src/db/schema.js';
import { describeRows } from '../../src/describe/describe.js';
import { fakeSchemaSession, map, type Rows } from './describe-fake-schema.js';

const KS = 'shop';

function keyspacesRows(status = 'ACTIVE'): Rows {
  const table = (name: string) => ({
    keyspace_name: KS,
    table_name: name,
    bloom_filter_fp_chance: 0.01,
    caching: map({ keys: 'ALL', rows_per_partition: 'NONE' }),
    comment: '',
    compaction: map({ class: 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy', max_threshold: '32', min_threshold: '4' }),
    compression: map({ chunk_length_in_kb: '16', class: 'org.apache.cassandra.io.compress.LZ4Compressor' }),
    crc_check_chance: 1,
    dclocal_read_repair_chance: 0,
    default_time_to_live: name === 'orders' ? 3600 : 0,
    extensions: map({}),
    flags: ['compound'],
    gc_grace_seconds: 7776000,
    id: '5bc5d6e0-0000-0000-0000-000000000000',
    max_index_interval: 2048,
    memtable_flush_period_in_ms: 3600000,
    min_index_interval: 128,
    read_repair_chance: 0,
    speculative_retry: '99PERCENTILE',
  });
  const col = (table: string, name: string, type: string, kind: string, position: number, order = 'none') => ({
    keyspace_name: KS, table_name: table, column_name: name, type, kind, position, clustering_order: order,
  });
  return {
    'system_schema.keyspaces': [
      { keyspace_name: KS, durable_writes: true, replication: map({ class: 'org.apache.cassandra.locator.SingleRegionStrategy' }) },
    ],
    'system_schema.tables': [table('orders'), table('carts')],
    'system_schema.columns': [
      col('orders', 'customer', 'text', 'partition_key', 0),
      col('orders', 'placed', 'timestamp', 'clustering', 0, 'desc'),
      col('orders', 'total', 'decimal', 'regular', -1),
      col('orders', 'items', 'list<text>', 'regular', -1),
      col('carts', 'id', 'uuid', 'partition_key', 0),
      col('carts', 'owner', 'text', 'regular', -1),
    ],
    'system_schema.indexes': [],
    'system_schema.views': [],
    'system_schema.types': [],
    'system_schema.functions': [],
    'system_schema.aggregates': [],
    'system_schema_mcs.tables': [
      {
        keyspace_name: KS,
        table_name: 'orders',
        status,
        custom_properties: map({
          capacity_mode: map({ throughput_mode: 'PROVISIONED', read_capacity_units: '10', write_capacity_units: '20' }),
          point_in_time_recovery: map({ status: 'enabled' }),
          encryption_specification: map({ encryption_type: 'AWS_OWNED_KMS_KEY' }),
          ttl: map({ status: 'enabled' }),
          client_side_timestamps: map({ status: 'enabled' }),
        }),
      },
      {
        keyspace_name: KS,
        table_name: 'carts',
        status: 'ACTIVE',
        custom_properties: map({
          capacity_mode: map({ throughput_mode: 'PAY_PER_REQUEST', last_update_to_pay_per_request_timestamp: '1579551547603' }),
          point_in_time_recovery: map({ status: 'disabled' }),
        }),
      },
    ],
    'system_schema_mcs.tags': [
      { keyspace_name: KS, resource_name: 'orders', resource_type: 'table', tags: map({ team: 'checkout', env: 'prod' }) },
      { keyspace_name: KS, resource_name: KS, resource_type: 'keyspace', tags: map({ owner: 'retail' }) },
    ],
  };
}

async function describeTable(name: string, rows = keyspacesRows()): Promise<string> {
  const schema = await loadSchema(fakeSchemaSession(rows), { keyspaces: true });
  return describeRows(schema, { what: 'table', keyspace: KS, name, internals: false }, undefined)[0].create_statement!;
}

describe('client-side DESCRIBE on Amazon Keyspaces', () => {
  it('writes capacity mode, PITR, encryption, TTL and client-side timestamps as CUSTOM_PROPERTIES, and the tags', async () => {
    expect(await describeTable('orders')).toBe(
      [
        'CREATE TABLE shop.orders (',
        '    customer text,',
        '    placed timestamp,',
        '    total decimal,',
        '    items list<text>,',
        '    PRIMARY KEY (customer, placed)',
        ') WITH CLUSTERING ORDER BY (placed DESC)',
        "    AND bloom_filter_fp_chance = 0.01",
        "    AND caching = {'keys': 'ALL', 'rows_per_partition': 'NONE'}",
        "    AND comment = ''",
        "    AND compaction = {'class': 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy', 'max_threshold': '32', 'min_threshold': '4'}",
        "    AND compression = {'chunk_length_in_kb': '16', 'class': 'org.apache.cassandra.io.compress.LZ4Compressor'}",
        '    AND crc_check_chance = 1.0',
        '    AND dclocal_read_repair_chance = 0.0',
        '    AND default_time_to_live = 3600',
        '    AND gc_grace_seconds = 7776000',
        '    AND max_index_interval = 2048',
        '    AND memtable_flush_period_in_ms = 3600000',
        '    AND min_index_interval = 128',
        '    AND read_repair_chance = 0.0',
        "    AND speculative_retry = '99PERCENTILE'",
        "    AND CUSTOM_PROPERTIES = {'capacity_mode': {'read_capacity_units': 10, 'throughput_mode': 'PROVISIONED', 'write_capacity_units': 20}, " +
          "'client_side_timestamps': {'status': 'enabled'}, 'encryption_specification': {'encryption_type': 'AWS_OWNED_KMS_KEY'}, " +
          "'point_in_time_recovery': {'status': 'enabled'}, 'ttl': {'status': 'enabled'}}",
        "    AND TAGS = {'env': 'prod', 'team': 'checkout'};",
      ].join('\n'),
    );
  });

  it('leaves read-only state (the last switch to on-demand) out of the capacity mode', async () => {
    const text = await describeTable('carts');
    expect(text).toContain("AND CUSTOM_PROPERTIES = {'capacity_mode': {'throughput_mode': 'PAY_PER_REQUEST'}, 'point_in_time_recovery': {'status': 'disabled'}};");
    expect(text).not.toContain('last_update_to_pay_per_request_timestamp');
    expect(text).not.toContain('TAGS');
  });

  it('writes only what CREATE/ALTER TABLE take: state, one-way switches turned off and unknown properties stay out', async () => {
    // system_schema_mcs.tables.custom_properties as AWS documents it, with the fields Keyspaces reports as state
    const rows = keyspacesRows();
    (rows['system_schema_mcs.tables'][1] as Record<string, unknown>).custom_properties = map({
      capacity_mode: map({ throughput_mode: 'PAY_PER_REQUEST', last_update_to_pay_per_request_timestamp: '1579551547603' }),
      point_in_time_recovery: map({ status: 'enabled', earliest_restorable_timestamp: '1579551547603' }),
      encryption_specification: map({
        encryption_type: 'CUSTOMER_MANAGED_KMS_KEY',
        kms_key_identifier: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      }),
      ttl: map({ status: 'disabled' }),
      client_side_timestamps: map({ status: 'enabled' }),
      cdc_specification: map({
        status: 'enabled', view_type: 'NEW_AND_OLD_IMAGES',
        latest_stream_arn: 'arn:aws:cassandra:eu-west-1:111122223333:/keyspace/shop/table/carts/stream/2025-01-01T00:00:00.000', latest_stream_label: '2025-01-01T00:00:00.000',
      }),
      some_future_state: map({ status: 'AVAILABLE' }),
    });
    const text = await describeTable('carts', rows);
    expect(text).toContain(
      "AND CUSTOM_PROPERTIES = {'capacity_mode': {'throughput_mode': 'PAY_PER_REQUEST'}, " +
        "'cdc_specification': {'status': 'enabled', 'view_type': 'NEW_AND_OLD_IMAGES'}, 'client_side_timestamps': {'status': 'enabled'}, " +
        "'encryption_specification': {'encryption_type': 'CUSTOMER_MANAGED_KMS_KEY', 'kms_key_identifier': 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'}, " +
        "'point_in_time_recovery': {'status': 'enabled'}};",
    );
    for (const state of ['earliest_restorable', 'last_update', 'latest_stream', 'some_future_state', "'ttl'"]) expect(text).not.toContain(state);
  });

  it('notes a table that is not ACTIVE', async () => {
    const text = await describeTable('orders', keyspacesRows('CREATING'));
    expect(text.startsWith('/*\nAmazon Keyspaces: table shop.orders is CREATING\n*/\nCREATE TABLE shop.orders (')).toBe(true);
  });

  it('describes the keyspace with its strategy and tags, then its tables by name', async () => {
    const schema = await loadSchema(fakeSchemaSession(keyspacesRows()), { keyspaces: true });
    const rows = describeRows(schema, { what: 'keyspace', name: KS, only: false, internals: false }, undefined);
    expect(rows.map((r) => r.name)).toEqual(['shop', 'carts', 'orders']);
    expect(rows[0].create_statement).toBe(
      "CREATE KEYSPACE shop WITH replication = {'class': 'SingleRegionStrategy'}  AND durable_writes = true AND TAGS = {'owner': 'retail'};",
    );
  });

  it('takes a table without flags (or with none) as a CQL table: Keyspaces has no COMPACT STORAGE', async () => {
    const rows = keyspacesRows();
    delete (rows['system_schema.tables'][0] as Record<string, unknown>).flags;
    (rows['system_schema.tables'][1] as Record<string, unknown>).flags = null;
    expect(await describeTable('orders', rows)).toMatch(/^CREATE TABLE shop.orders \(/);
    expect(await describeTable('carts', rows)).toMatch(/^CREATE TABLE shop.carts \(\n    id uuid PRIMARY KEY,/);
  });

  it('lists tables without system_schema_mcs when the server has none (plain 3.x)', async () => {
    const rows = keyspacesRows();
    delete rows['system_schema_mcs.tables'];
    delete rows['system_schema_mcs.tags'];
    const schema = await loadSchema(fakeSchemaSession(rows), { keyspaces: true });
    const text = describeRows(schema, { what: 'table', keyspace: KS, name: 'orders', internals: false }, undefined)[0].create_statement!;
    expect(text).not.toContain('CUSTOM_PROPERTIES');
    expect(text.endsWith("AND speculative_retry = '99PERCENTILE';")).toBe(true);
  });
});
