// The client-side DESCRIBE fed an Amazon Keyspaces-shaped schema: system_schema as Keyspaces
// serves it (3.11 columns) plus system_schema_mcs (table status, custom properties, CDC, tags, auto
// scaling) and system_multiregion_info (each Region's replica and its auto scaling), in the shapes
// AWS documents (column names, value formats). The Keyspaces settings must come out as Keyspaces'
// CREATE TABLE takes them (CQL reference: CUSTOM_PROPERTIES, AUTOSCALING_SETTINGS, cdc, TAGS), with
// state left out, so the output replays.
import { describe, expect, it } from 'vitest';
import { parseMapLiteral } from '../../src/cql/map-literal.js';
import { loadSchema } from '../../src/db/schema.js';
import { describeRows } from '../../src/describe/describe.js';
import { fakeSchemaSession, type FakeOptions, map, type Rows } from './describe-fake-schema.js';

const KS = 'shop';
const GLOBAL = 'mykeyspace';

// auto-scaling values exactly as AWS prints them (system_multiregion_info.autoscaling, tables-mrr-view)
const READ_50 =
  "{'minimum_units': 5, 'maximum_units': 10, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {'scale_out_cooldown': 60, 'disable_scale_in': false, 'target_value': 50, 'scale_in_cooldown': 60}}}";
const READ_70 =
  "{'minimum_units': 5, 'maximum_units': 20, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {'scale_out_cooldown': 60, 'disable_scale_in': false, 'target_value': 70, 'scale_in_cooldown': 60}}}";
const WRITE_50 =
  "{'minimum_units': 5, 'maximum_units': 10, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {'scale_out_cooldown': 0, 'disable_scale_in': false, 'target_value': 50, 'scale_in_cooldown': 0}}}";

// the same settings as AUTOSCALING_SETTINGS takes them (documented defaults left out)
const READ_50_CQL =
  "{'maximum_units': 10, 'minimum_units': 5, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {'scale_in_cooldown': 60, 'scale_out_cooldown': 60, 'target_value': 50}}}";
const READ_70_CQL =
  "{'maximum_units': 20, 'minimum_units': 5, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {'scale_in_cooldown': 60, 'scale_out_cooldown': 60, 'target_value': 70}}}";
const WRITE_50_CQL = "{'maximum_units': 10, 'minimum_units': 5, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {'target_value': 50}}}";

const ON_DEMAND = map({ last_update_to_pay_per_request_timestamp: '1579551547603', throughput_mode: 'PAY_PER_REQUEST' });
const provisioned = (read: string, write: string) =>
  map({ last_update_to_pay_per_request_timestamp: '1579048006000', read_capacity_units: read, throughput_mode: 'PROVISIONED', write_capacity_units: write });
const AWS_OWNED = map({ encryption_type: 'AWS_OWNED_KMS_KEY' });

function keyspacesRows(status = 'ACTIVE'): Rows {
  const table = (ks: string, name: string) => ({
    keyspace_name: ks,
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
  const col = (ks: string, table: string, name: string, type: string, kind: string, position: number, order = 'none') => ({
    keyspace_name: ks,
    table_name: table,
    column_name: name,
    type,
    kind,
    position,
    clustering_order: order,
  });
  const mcs = (ks: string, name: string, props: Record<string, ReturnType<typeof map>>, extra: Record<string, unknown> = {}) => ({
    keyspace_name: ks,
    table_name: name,
    status: 'ACTIVE',
    cdc: false,
    custom_properties: map(props),
    ...extra,
  });
  return {
    'system_schema.keyspaces': [
      { keyspace_name: KS, durable_writes: true, replication: map({ class: 'org.apache.cassandra.locator.SingleRegionStrategy' }) },
      {
        keyspace_name: GLOBAL,
        durable_writes: true,
        replication: map({ class: 'org.apache.cassandra.locator.NetworkTopologyStrategy', 'ap-southeast-1': '3', 'eu-west-1': '3', 'us-east-1': '3' }),
      },
    ],
    'system_schema.tables': [table(KS, 'orders'), table(KS, 'carts'), table(KS, 'metrics'), table(GLOBAL, 'mytable'), table(GLOBAL, 'manual')],
    'system_schema.columns': [
      col(KS, 'orders', 'customer', 'text', 'partition_key', 0),
      col(KS, 'orders', 'placed', 'timestamp', 'clustering', 0, 'desc'),
      col(KS, 'orders', 'total', 'decimal', 'regular', -1),
      col(KS, 'orders', 'items', 'list<text>', 'regular', -1),
      col(KS, 'carts', 'id', 'uuid', 'partition_key', 0),
      col(KS, 'carts', 'owner', 'text', 'regular', -1),
      col(KS, 'metrics', 'id', 'int', 'partition_key', 0),
      col(GLOBAL, 'mytable', 'pk', 'int', 'partition_key', 0),
      col(GLOBAL, 'mytable', 'ck', 'int', 'clustering', 0, 'asc'),
      col(GLOBAL, 'manual', 'pk', 'int', 'partition_key', 0),
    ],
    'system_schema.indexes': [],
    'system_schema.views': [],
    'system_schema.types': [],
    'system_schema.functions': [],
    'system_schema.aggregates': [],
    'system.local': [{ key: 'local', data_center: 'us-east-1', cluster_name: 'Amazon Keyspaces', partitioner: 'com.amazonaws.cassandra.DefaultPartitioner' }],
    'system_schema_mcs.tables': [
      mcs(
        KS,
        'orders',
        {
          capacity_mode: map({ throughput_mode: 'PROVISIONED', read_capacity_units: '10', write_capacity_units: '20' }),
          point_in_time_recovery: map({ status: 'enabled' }),
          encryption_specification: AWS_OWNED,
          ttl: map({ status: 'enabled' }),
          client_side_timestamps: map({ status: 'enabled' }),
        },
        { status },
      ),
      mcs(KS, 'carts', { capacity_mode: ON_DEMAND, point_in_time_recovery: map({ status: 'disabled' }) }),
      mcs(KS, 'metrics', { capacity_mode: provisioned('5', '5'), encryption_specification: AWS_OWNED, point_in_time_recovery: map({ status: 'disabled' }) }),
      mcs(GLOBAL, 'mytable', {
        capacity_mode: provisioned('5', '5'),
        encryption_specification: AWS_OWNED,
        point_in_time_recovery: map({ status: 'disabled' }),
      }),
      mcs(GLOBAL, 'manual', { capacity_mode: provisioned('7', '3'), encryption_specification: AWS_OWNED, point_in_time_recovery: map({ status: 'disabled' }) }),
    ],
    // resource_id | keyspace_name | resource_name | resource_type | tags (a stream's tags are there too)
    'system_schema_mcs.tags': [
      {
        resource_id: `arn:aws:cassandra:us-east-1:111122223333:/keyspace/${KS}/table/orders`,
        keyspace_name: KS,
        resource_name: 'orders',
        resource_type: 'table',
        tags: map({ team: 'checkout', env: 'prod' }),
      },
      {
        resource_id: `arn:aws:cassandra:us-east-1:111122223333:/keyspace/${KS}/`,
        keyspace_name: KS,
        resource_name: KS,
        resource_type: 'keyspace',
        tags: map({ owner: 'retail' }),
      },
      {
        resource_id: `arn:aws:cassandra:us-east-1:111122223333:/keyspace/${KS}/table/carts/stream/2025-04-02T23:00:07.052`,
        keyspace_name: KS,
        resource_name: '2025-04-02T23:00:07.052',
        resource_type: 'stream',
        tags: map({ tagkey: 'tagval' }),
      },
    ],
    // keyspace_name | table_name | provisioned_read_capacity_autoscaling_update | provisioned_write_capacity_autoscaling_update
    'system_schema_mcs.autoscaling': [
      {
        keyspace_name: KS,
        table_name: 'metrics',
        provisioned_read_capacity_autoscaling_update: READ_50,
        provisioned_write_capacity_autoscaling_update: WRITE_50,
      },
      // left over from before the table went on-demand: not a setting of an on-demand table
      {
        keyspace_name: KS,
        table_name: 'carts',
        provisioned_read_capacity_autoscaling_update: READ_50,
        provisioned_write_capacity_autoscaling_update: WRITE_50,
      },
    ],
    // keyspace_name | table_name | region | status
    'system_multiregion_info.tables': ['us-east-1', 'ap-southeast-1', 'eu-west-1'].flatMap((region) => [
      { keyspace_name: GLOBAL, table_name: 'mytable', region, status: 'ACTIVE' },
      { keyspace_name: GLOBAL, table_name: 'manual', region, status: 'ACTIVE' },
    ]),
    // keyspace_name | table_name | region | provisioned_read_capacity_autoscaling_update | provisioned_write_capacity_autoscaling_update
    'system_multiregion_info.autoscaling': [
      {
        keyspace_name: GLOBAL,
        table_name: 'mytable',
        region: 'ap-southeast-1',
        provisioned_read_capacity_autoscaling_update: READ_50,
        provisioned_write_capacity_autoscaling_update: WRITE_50,
      },
      {
        keyspace_name: GLOBAL,
        table_name: 'mytable',
        region: 'us-east-1',
        provisioned_read_capacity_autoscaling_update: READ_70,
        provisioned_write_capacity_autoscaling_update: WRITE_50,
      },
      {
        keyspace_name: GLOBAL,
        table_name: 'mytable',
        region: 'eu-west-1',
        provisioned_read_capacity_autoscaling_update: READ_50,
        provisioned_write_capacity_autoscaling_update: WRITE_50,
      },
    ],
  };
}

async function describeTable(name: string, rows = keyspacesRows(), ks = KS, o: FakeOptions = {}): Promise<string> {
  const schema = await loadSchema(fakeSchemaSession(rows, '3.11.2', o), { keyspaces: true });
  return describeRows(schema, { what: 'table', keyspace: ks, name, internals: false }, undefined)[0].create_statement!;
}

/** The Cassandra options Keyspaces reports for every table here (it takes and ignores them). */
const CASSANDRA_OPTIONS = (ttl: number) => [
  '    AND bloom_filter_fp_chance = 0.01',
  "    AND caching = {'keys': 'ALL', 'rows_per_partition': 'NONE'}",
  "    AND comment = ''",
  "    AND compaction = {'class': 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy', 'max_threshold': '32', 'min_threshold': '4'}",
  "    AND compression = {'chunk_length_in_kb': '16', 'class': 'org.apache.cassandra.io.compress.LZ4Compressor'}",
  '    AND crc_check_chance = 1.0',
  '    AND dclocal_read_repair_chance = 0.0',
  `    AND default_time_to_live = ${ttl}`,
  '    AND gc_grace_seconds = 7776000',
  '    AND max_index_interval = 2048',
  '    AND memtable_flush_period_in_ms = 3600000',
  '    AND min_index_interval = 128',
  '    AND read_repair_chance = 0.0',
  "    AND speculative_retry = '99PERCENTILE'",
];

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
        ...CASSANDRA_OPTIONS(3600),
        "    AND CUSTOM_PROPERTIES = {'capacity_mode': {'read_capacity_units': 10, 'throughput_mode': 'PROVISIONED', 'write_capacity_units': 20}, " +
          "'client_side_timestamps': {'status': 'enabled'}, 'encryption_specification': {'encryption_type': 'AWS_OWNED_KMS_KEY'}, " +
          "'point_in_time_recovery': {'status': 'enabled'}, 'ttl': {'status': 'enabled'}}",
        "    AND TAGS = {'env': 'prod', 'team': 'checkout'};",
      ].join('\n'),
    );
  });

  it("leaves read-only state (the last switch to on-demand) and a stream's tags out; an on-demand table has no auto scaling", async () => {
    const text = await describeTable('carts');
    expect(text).toContain(
      "AND CUSTOM_PROPERTIES = {'capacity_mode': {'throughput_mode': 'PAY_PER_REQUEST'}, 'point_in_time_recovery': {'status': 'disabled'}};",
    );
    expect(text).not.toContain('last_update_to_pay_per_request_timestamp');
    expect(text).not.toContain('TAGS');
    expect(text).not.toContain('AUTOSCALING_SETTINGS');
  });

  it('writes only what CREATE/ALTER TABLE take: a CDC stream as `cdc = true` with its view type, warm throughput without its status', async () => {
    // custom_properties as AWS documents them, with the fields Keyspaces reports as state
    const rows = keyspacesRows();
    Object.assign(rows['system_schema_mcs.tables'][1], {
      cdc: true,
      custom_properties: map({
        capacity_mode: ON_DEMAND,
        point_in_time_recovery: map({ status: 'enabled', earliest_restorable_timestamp: '1579551547603' }),
        encryption_specification: map({
          encryption_type: 'CUSTOMER_MANAGED_KMS_KEY',
          kms_key_identifier: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        }),
        ttl: map({ status: 'disabled' }),
        client_side_timestamps: map({ status: 'enabled' }),
        cdc_specification: map({
          latest_stream_arn: 'arn:aws:cassandra:us-east-1:111122223333:/keyspace/shop/table/carts/stream/2025-03-07T22:20:10.454',
          status: 'ENABLED',
          view_type: 'KEYS_ONLY',
        }),
        warm_throughput: map({ read_units_per_second: '40000', write_units_per_second: '20000', status: 'AVAILABLE' }),
        some_future_state: map({ status: 'AVAILABLE' }),
      }),
    });
    const text = await describeTable('carts', rows);
    expect(text).toContain(
      "    AND cdc = true\n    AND CUSTOM_PROPERTIES = {'capacity_mode': {'throughput_mode': 'PAY_PER_REQUEST'}, " +
        "'cdc_specification': {'view_type': 'KEYS_ONLY'}, 'client_side_timestamps': {'status': 'enabled'}, " +
        "'encryption_specification': {'encryption_type': 'CUSTOMER_MANAGED_KMS_KEY', 'kms_key_identifier': 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'}, " +
        "'point_in_time_recovery': {'status': 'enabled'}, 'warm_throughput': {'read_units_per_second': 40000, 'write_units_per_second': 20000}};",
    );
    for (const state of ['earliest_restorable', 'last_update', 'latest_stream', 'ENABLED', 'AVAILABLE', 'some_future_state', "'ttl'"])
      expect(text).not.toContain(state);
  });

  it('a stream without a reported view type is `cdc = true` alone', async () => {
    const rows = keyspacesRows();
    Object.assign(rows['system_schema_mcs.tables'][1], {
      cdc: true,
      custom_properties: map({ capacity_mode: ON_DEMAND, cdc_specification: map({ status: 'ENABLED' }) }),
    });
    expect(await describeTable('carts', rows)).toContain(
      "    AND cdc = true\n    AND CUSTOM_PROPERTIES = {'capacity_mode': {'throughput_mode': 'PAY_PER_REQUEST'}};",
    );
  });

  it('a stream turned off (cdc False) writes no CDC at all', async () => {
    const rows = keyspacesRows();
    Object.assign(rows['system_schema_mcs.tables'][1], {
      cdc: false,
      custom_properties: map({ capacity_mode: ON_DEMAND, cdc_specification: map({ status: 'DISABLED', view_type: 'NEW_IMAGE' }) }),
    });
    const text = await describeTable('carts', rows);
    expect(text).not.toMatch(/cdc/i);
  });

  it("writes a provisioned table's auto scaling (system_schema_mcs.autoscaling) as AUTOSCALING_SETTINGS", async () => {
    expect(await describeTable('metrics')).toBe(
      [
        'CREATE TABLE shop.metrics (',
        '    id int PRIMARY KEY',
        ') WITH bloom_filter_fp_chance = 0.01',
        ...CASSANDRA_OPTIONS(0).slice(1),
        "    AND CUSTOM_PROPERTIES = {'capacity_mode': {'read_capacity_units': 5, 'throughput_mode': 'PROVISIONED', 'write_capacity_units': 5}, " +
          "'encryption_specification': {'encryption_type': 'AWS_OWNED_KMS_KEY'}, 'point_in_time_recovery': {'status': 'disabled'}}",
        `    AND AUTOSCALING_SETTINGS = {'provisioned_read_capacity_autoscaling_update': ${READ_50_CQL}, 'provisioned_write_capacity_autoscaling_update': ${WRITE_50_CQL}};`,
      ].join('\n'),
    );
  });

  it('leaves out a direction whose auto scaling is off', async () => {
    const rows = keyspacesRows();
    rows['system_schema_mcs.autoscaling'][0].provisioned_write_capacity_autoscaling_update =
      "{'autoscaling_disabled': true, 'minimum_units': 5, 'maximum_units': 10}";
    const text = await describeTable('metrics', rows);
    expect(text).toContain(`AND AUTOSCALING_SETTINGS = {'provisioned_read_capacity_autoscaling_update': ${READ_50_CQL}};`);
    rows['system_schema_mcs.autoscaling'][0].provisioned_read_capacity_autoscaling_update = "{'autoscaling_disabled': true}";
    expect(await describeTable('metrics', rows)).not.toContain('AUTOSCALING_SETTINGS');
  });

  it("a multi-Region table: the auto scaling most Regions share, and each other Region's read auto scaling in replica_updates", async () => {
    expect(await describeTable('mytable', keyspacesRows(), GLOBAL)).toBe(
      [
        'CREATE TABLE mykeyspace.mytable (',
        '    pk int,',
        '    ck int,',
        '    PRIMARY KEY (pk, ck)',
        ') WITH CLUSTERING ORDER BY (ck ASC)',
        ...CASSANDRA_OPTIONS(0),
        "    AND CUSTOM_PROPERTIES = {'capacity_mode': {'read_capacity_units': 5, 'throughput_mode': 'PROVISIONED', 'write_capacity_units': 5}, " +
          "'encryption_specification': {'encryption_type': 'AWS_OWNED_KMS_KEY'}, 'point_in_time_recovery': {'status': 'disabled'}}",
        `    AND AUTOSCALING_SETTINGS = {'provisioned_read_capacity_autoscaling_update': ${READ_50_CQL}, ` +
          `'provisioned_write_capacity_autoscaling_update': ${WRITE_50_CQL}, ` +
          `'replica_updates': {'us-east-1': {'provisioned_read_capacity_autoscaling_update': ${READ_70_CQL}}}};`,
      ].join('\n'),
    );
  });

  it('a multi-Region table with the same auto scaling everywhere needs no replica_updates', async () => {
    const rows = keyspacesRows();
    rows['system_multiregion_info.autoscaling'][1].provisioned_read_capacity_autoscaling_update = READ_50;
    const text = await describeTable('mytable', rows, GLOBAL);
    expect(text).toContain(
      `AND AUTOSCALING_SETTINGS = {'provisioned_read_capacity_autoscaling_update': ${READ_50_CQL}, 'provisioned_write_capacity_autoscaling_update': ${WRITE_50_CQL}};`,
    );
    expect(text).not.toContain('replica_updates');
  });

  it("a tie between Regions is settled by the endpoint's own Region", async () => {
    const rows = keyspacesRows();
    rows['system_multiregion_info.autoscaling'].splice(2, 1); // ap-southeast-1: 50, us-east-1: 70
    const text = await describeTable('mytable', rows, GLOBAL);
    expect(text).toContain(`{'provisioned_read_capacity_autoscaling_update': ${READ_70_CQL}, `);
    expect(text).toContain(`'replica_updates': {'ap-southeast-1': {'provisioned_read_capacity_autoscaling_update': ${READ_50_CQL}}}`);
  });

  it("a provisioned multi-Region table without read auto scaling gets a note: CQL does not show each Region's read capacity", async () => {
    const text = await describeTable('manual', keyspacesRows(), GLOBAL);
    expect(text).toMatch(
      new RegExp(
        '^/\\*\\n' +
          "Amazon Keyspaces: CQL does not show the read capacity of each Region's replica of mykeyspace.manual \\(ap-southeast-1, eu-west-1, us-east-1\\);\\n" +
          'read_capacity_units below is what us-east-1 reports. To give a Region another one, add\\n' +
          "'replica_updates': \\{'REGION': \\{'read_capacity_units': UNITS\\}\\} to its CUSTOM_PROPERTIES.\\n" +
          '\\*/\\nCREATE TABLE mykeyspace.manual \\(',
      ),
    );
    expect(text).toContain("'capacity_mode': {'read_capacity_units': 7, 'throughput_mode': 'PROVISIONED', 'write_capacity_units': 3}");
    expect(text).not.toContain('AUTOSCALING_SETTINGS');
  });

  it('notes a table that is not ACTIVE, and a Region whose replica is not', async () => {
    const text = await describeTable('orders', keyspacesRows('CREATING'));
    expect(text.startsWith('/*\nAmazon Keyspaces: table shop.orders is CREATING\n*/\nCREATE TABLE shop.orders (')).toBe(true);
    const rows = keyspacesRows();
    rows['system_multiregion_info.tables'].find((r) => r.table_name === 'mytable' && r.region === 'eu-west-1')!.status = 'CREATING';
    expect(
      (await describeTable('mytable', rows, GLOBAL)).startsWith('/*\nAmazon Keyspaces: table mykeyspace.mytable is CREATING in eu-west-1\n*/\nCREATE TABLE'),
    ).toBe(true);
  });

  it('describes the keyspace with its strategy and tags, then its tables by name', async () => {
    const schema = await loadSchema(fakeSchemaSession(keyspacesRows()), { keyspaces: true });
    const rows = describeRows(schema, { what: 'keyspace', name: KS, only: false, internals: false }, undefined);
    expect(rows.map((r) => r.name)).toEqual(['shop', 'carts', 'metrics', 'orders']);
    expect(rows[0].create_statement).toBe(
      "CREATE KEYSPACE shop WITH replication = {'class': 'SingleRegionStrategy'}  AND durable_writes = true AND TAGS = {'owner': 'retail'};",
    );
  });

  it('reads tags keyspace by keyspace and table by table when the endpoint wants a WHERE clause (as AWS documents)', async () => {
    const queries: string[] = [];
    const text = await describeTable('orders', keyspacesRows(), KS, { requireWhere: ['system_schema_mcs.tags'], queries });
    expect(text).toContain("AND TAGS = {'env': 'prod', 'team': 'checkout'};");
    expect(queries).toContain("SELECT * FROM system_schema_mcs.tags WHERE keyspace_name = 'shop' AND resource_type = 'keyspace'");
    expect(queries).toContain("SELECT * FROM system_schema_mcs.tags WHERE keyspace_name = 'shop' AND resource_name = 'orders'");
    const schema = await loadSchema(fakeSchemaSession(keyspacesRows(), '3.11.2', { requireWhere: ['system_schema_mcs.tags'] }), { keyspaces: true });
    expect(schema.keyspaces.find((k) => k.name === KS)?.tags).toEqual({ owner: 'retail' });
    expect(schema.keyspaces.find((k) => k.name === KS)?.tables.find((t) => t.name === 'carts')?.keyspaces?.tags).toEqual({});
  });

  it('takes a table without flags (or with none) as a CQL table: Keyspaces has no COMPACT STORAGE', async () => {
    const rows = keyspacesRows();
    delete (rows['system_schema.tables'][0] as Record<string, unknown>).flags;
    (rows['system_schema.tables'][1] as Record<string, unknown>).flags = null;
    expect(await describeTable('orders', rows)).toMatch(/^CREATE TABLE shop.orders \(/);
    expect(await describeTable('carts', rows)).toMatch(/^CREATE TABLE shop.carts \(\n    id uuid PRIMARY KEY,/);
  });
});

describe('which Keyspaces system tables are asked', () => {
  const extra = /system_multiregion_info|system_schema_mcs\.autoscaling|system\.local/;

  it('a server without system_schema_mcs (plain 3.x): nothing beyond it, and no Keyspaces options', async () => {
    const rows = keyspacesRows();
    for (const t of Object.keys(rows)) if (/^system_(schema_mcs|multiregion_info)\./.test(t)) delete rows[t];
    const queries: string[] = [];
    const text = await describeTable('orders', rows, KS, { queries });
    expect(text).not.toContain('CUSTOM_PROPERTIES');
    expect(text.endsWith("AND speculative_retry = '99PERCENTILE';")).toBe(true);
    expect(queries.filter((q) => /system_schema_mcs/.test(q))).toEqual(['SELECT * FROM system_schema_mcs.tables', 'SELECT * FROM system_schema_mcs.tags']);
    expect(queries.filter((q) => extra.test(q) && !/FROM system\.local$/.test(q))).toEqual([]);
  });

  it('not a Keyspaces connection: no Keyspaces table at all', async () => {
    const queries: string[] = [];
    await loadSchema(fakeSchemaSession(keyspacesRows(), '3.11.2', { queries }), { keyspaces: false });
    expect(queries.filter((q) => /system_schema_mcs|system_multiregion_info/.test(q))).toEqual([]);
  });

  it('single-Region keyspaces only: no system_multiregion_info; auto scaling only of provisioned tables, one query each', async () => {
    const rows = keyspacesRows();
    rows['system_schema.keyspaces'].splice(1, 1);
    rows['system_schema.tables'] = rows['system_schema.tables'].filter((t) => t.keyspace_name === KS);
    rows['system_schema_mcs.tables'] = rows['system_schema_mcs.tables'].filter((t) => t.keyspace_name === KS);
    const queries: string[] = [];
    await loadSchema(fakeSchemaSession(rows, '3.11.2', { queries }), { keyspaces: true });
    expect(queries.filter((q) => /system_multiregion_info/.test(q))).toEqual([]);
    expect(queries.filter((q) => /system_schema_mcs\.autoscaling/.test(q)).sort()).toEqual([
      "SELECT * FROM system_schema_mcs.autoscaling WHERE keyspace_name = 'shop' AND table_name = 'metrics'",
      "SELECT * FROM system_schema_mcs.autoscaling WHERE keyspace_name = 'shop' AND table_name = 'orders'",
    ]);
  });

  it('an endpoint without the auto-scaling and multi-Region tables: one failed query each, quietly; DESCRIBE still complete', async () => {
    const rows = keyspacesRows();
    for (const t of ['system_schema_mcs.autoscaling', 'system_multiregion_info.tables', 'system_multiregion_info.autoscaling']) delete rows[t];
    const queries: string[] = [];
    const text = await describeTable('mytable', rows, GLOBAL, { queries });
    expect(text).toMatch(/^CREATE TABLE mykeyspace.mytable \(/);
    expect(text).toContain("AND CUSTOM_PROPERTIES = {'capacity_mode': {'read_capacity_units': 5, 'throughput_mode': 'PROVISIONED', 'write_capacity_units': 5}");
    expect(text).not.toContain('AUTOSCALING_SETTINGS');
    // several tables would qualify for each; only the first question is sent
    expect(queries.filter((q) => /system_schema_mcs\.autoscaling/.test(q))).toHaveLength(1);
    expect(queries.filter((q) => /system_multiregion_info\.tables/.test(q))).toHaveLength(1);
    expect(queries.filter((q) => /system_multiregion_info\.autoscaling/.test(q))).toHaveLength(1);
  });
});

describe('map literals as Keyspaces prints auto-scaling settings', () => {
  it('reads nested maps, numbers and booleans', () => {
    expect(parseMapLiteral(WRITE_50)).toEqual({
      minimum_units: 5,
      maximum_units: 10,
      scaling_policy: {
        target_tracking_scaling_policy_configuration: { scale_out_cooldown: 0, disable_scale_in: false, target_value: 50, scale_in_cooldown: 0 },
      },
    });
    expect(parseMapLiteral("{'target_value': 70.5, 'a''b': 'it''s', \"k\": True, 'n': null, bare: -1e3}")).toEqual({
      target_value: 70.5,
      "a'b": "it's",
      k: true,
      n: null,
      bare: -1000,
    });
    expect(parseMapLiteral('{}')).toEqual({});
  });

  it('anything else is no map', () => {
    for (const bad of ['', 'null', "'text'", '{', "{'a': }", "{'a': 1", "{'a' 1}", "{'a': 1} trailing", '[1, 2]']) expect(parseMapLiteral(bad)).toBeUndefined();
  });
});
