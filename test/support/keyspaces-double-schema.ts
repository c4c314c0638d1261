// The schema the Keyspaces double serves: system_schema (Keyspaces' 3.11 columns),
// system_schema_mcs (tables, tags, autoscaling) and system_multiregion_info (tables, autoscaling),
// with the column names and value formats AWS documents for them. Answers `SELECT cols|* FROM
// ks.table [WHERE col = 'v' AND ...]` (or `= ?` with bound values); system_schema_mcs.tags refuses a
// query without a WHERE clause, as AWS documents it.
import { type Cell, type Column, T } from './keyspaces-double-proto.js';

export interface DoubleTable {
  columns: Column[];
  rows: Record<string, Cell>[];
}

export interface DoubleSchema {
  tables: Record<string, DoubleTable>;
  /** tables that answer only a query with a WHERE clause */
  requireWhere: string[];
}

/** The rows a schema query selects, an error message, or undefined when the table is not in the schema. */
export function answerSchemaQuery(schema: DoubleSchema, q: string, values: string[]): { columns: Column[]; rows: Cell[][] } | { error: string } | undefined {
  const m = /^\s*select\s+(.+?)\s+from\s+(\w+\.\w+)(?:\s+where\s+(.+?))?\s*;?\s*$/is.exec(q);
  if (!m) return undefined;
  const name = m[2].toLowerCase();
  const table = schema.tables[name];
  if (!table) return undefined;
  if (!m[3] && schema.requireWhere.includes(name)) return { error: `A WHERE clause is required for queries on ${name}` };
  let rows = table.rows;
  let bound = 0;
  for (const [, col, quoted, mark] of m[3]?.matchAll(/(\w+)\s*=\s*(?:'((?:[^']|'')*)'|(\?))/g) ?? []) {
    const want = mark ? values[bound++] : quoted.replace(/''/g, "'");
    rows = rows.filter((r) => String(r[col.toLowerCase()]) === want);
  }
  const names = m[1].trim() === '*' ? table.columns.map((c) => c.name) : m[1].split(',').map((s) => s.trim().toLowerCase());
  const columns = names.map((n) => table.columns.find((c) => c.name === n)).filter((c): c is Column => c !== undefined);
  return { columns, rows: rows.map((r) => columns.map((c) => r[c.name] ?? null)) };
}

const text = (name: string): Column => ({ name, type: T.varchar });
const TEXT_MAP = { type: T.map, key: T.varchar, value: T.varchar };

// auto-scaling values as AWS prints them (tables-mrr-view: system_multiregion_info.autoscaling)
const READ_50 =
  "{'minimum_units': 5, 'maximum_units': 10, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {'scale_out_cooldown': 60, 'disable_scale_in': false, 'target_value': 50, 'scale_in_cooldown': 60}}}";
const READ_70 =
  "{'minimum_units': 5, 'maximum_units': 20, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {'scale_out_cooldown': 60, 'disable_scale_in': false, 'target_value': 70, 'scale_in_cooldown': 60}}}";
const WRITE_50 =
  "{'minimum_units': 5, 'maximum_units': 10, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {'scale_out_cooldown': 0, 'disable_scale_in': false, 'target_value': 50, 'scale_in_cooldown': 0}}}";

export interface SchemaOptions {
  /** the endpoint has system_schema_mcs.autoscaling and system_multiregion_info (default true) */
  regionTables?: boolean;
}

/**
 * Two keyspaces: shop (single-Region) with shop.orders (on-demand, PITR, a KEYS_ONLY CDC stream,
 * table and stream tags), and mykeyspace (multi-Region: ap-southeast-1, eu-west-1, us-east-1) with
 * mykeyspace.mytable (provisioned with auto scaling, us-east-1 reading with more capacity: AWS's
 * tables-mrr-create-provisioned example) and mykeyspace.manual (provisioned, no auto scaling).
 */
export function documentedSchema(o: SchemaOptions = {}): DoubleSchema {
  const regions = ['ap-southeast-1', 'eu-west-1', 'us-east-1'];
  const tableRow = (ks: string, name: string) => ({
    keyspace_name: ks, table_name: name, bloom_filter_fp_chance: 0.01, caching: { keys: 'ALL', rows_per_partition: 'NONE' }, cdc: null, comment: '',
    compaction: { class: 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy', max_threshold: '32', min_threshold: '4' },
    compression: { chunk_length_in_kb: '16', class: 'org.apache.cassandra.io.compress.LZ4Compressor' }, crc_check_chance: 1, dclocal_read_repair_chance: 0,
    default_time_to_live: 0, extensions: {}, flags: ['compound'], gc_grace_seconds: 7776000, id: '5bc5d6e0-0000-4000-8000-000000000001',
    max_index_interval: 2048, memtable_flush_period_in_ms: 3600000, min_index_interval: 128, read_repair_chance: 0, speculative_retry: '99PERCENTILE',
  });
  const column = (ks: string, table: string, name: string, type: string, kind: string, position: number, order = 'none') => ({
    keyspace_name: ks, table_name: table, column_name: name, clustering_order: order, column_name_bytes: Buffer.from(name), kind, position, type,
  });
  const provisioned = (read: string, write: string) => ({
    last_update_to_pay_per_request_timestamp: '1579048006000', read_capacity_units: read, throughput_mode: 'PROVISIONED', write_capacity_units: write,
  });
  const settled = { encryption_specification: { encryption_type: 'AWS_OWNED_KMS_KEY' }, point_in_time_recovery: { status: 'disabled' } };
  const tables: Record<string, DoubleTable> = {
    'system_schema.keyspaces': {
      columns: [text('keyspace_name'), { name: 'durable_writes', type: T.boolean }, { name: 'replication', ...TEXT_MAP }],
      rows: [
        { keyspace_name: 'shop', durable_writes: true, replication: { class: 'org.apache.cassandra.locator.SingleRegionStrategy' } },
        {
          keyspace_name: 'mykeyspace', durable_writes: true,
          replication: { class: 'org.apache.cassandra.locator.NetworkTopologyStrategy', ...Object.fromEntries(regions.map((r) => [r, '3'])) },
        },
        { keyspace_name: 'system_schema_mcs', durable_writes: true, replication: { class: 'org.apache.cassandra.locator.SimpleStrategy', replication_factor: '3' } },
      ],
    },
    'system_schema.tables': {
      columns: [
        text('keyspace_name'), text('table_name'), { name: 'bloom_filter_fp_chance', type: T.double }, { name: 'caching', ...TEXT_MAP },
        { name: 'cdc', type: T.boolean }, text('comment'), { name: 'compaction', ...TEXT_MAP }, { name: 'compression', ...TEXT_MAP },
        { name: 'crc_check_chance', type: T.double }, { name: 'dclocal_read_repair_chance', type: T.double }, { name: 'default_time_to_live', type: T.int },
        { name: 'extensions', type: T.map, key: T.varchar, value: T.blob }, { name: 'flags', type: T.set, sub: T.varchar },
        { name: 'gc_grace_seconds', type: T.int }, { name: 'id', type: T.uuid }, { name: 'max_index_interval', type: T.int },
        { name: 'memtable_flush_period_in_ms', type: T.int }, { name: 'min_index_interval', type: T.int }, { name: 'read_repair_chance', type: T.double },
        text('speculative_retry'),
      ],
      rows: [tableRow('shop', 'orders'), tableRow('mykeyspace', 'mytable'), tableRow('mykeyspace', 'manual')],
    },
    'system_schema.columns': {
      columns: [
        text('keyspace_name'), text('table_name'), text('column_name'), text('clustering_order'), { name: 'column_name_bytes', type: T.blob },
        text('kind'), { name: 'position', type: T.int }, text('type'),
      ],
      rows: [
        column('shop', 'orders', 'customer', 'text', 'partition_key', 0),
        column('shop', 'orders', 'placed', 'timestamp', 'clustering', 0, 'desc'),
        column('shop', 'orders', 'total', 'decimal', 'regular', -1),
        column('mykeyspace', 'mytable', 'pk', 'int', 'partition_key', 0),
        column('mykeyspace', 'mytable', 'ck', 'int', 'clustering', 0, 'asc'),
        column('mykeyspace', 'manual', 'pk', 'int', 'partition_key', 0),
      ],
    },
    // keyspace_name | table_name | cdc | custom_properties (| status), as the CDC and capacity pages show them
    'system_schema_mcs.tables': {
      columns: [text('keyspace_name'), text('table_name'), { name: 'cdc', type: T.boolean }, { name: 'custom_properties', type: T.map, key: T.varchar, value: TEXT_MAP }, text('status')],
      rows: [
        {
          keyspace_name: 'shop', table_name: 'orders', cdc: true, status: 'ACTIVE',
          custom_properties: {
            capacity_mode: { last_update_to_pay_per_request_timestamp: '1741385897045', throughput_mode: 'PAY_PER_REQUEST' },
            cdc_specification: {
              latest_stream_arn: 'arn:aws:cassandra:us-east-1:111122223333:/keyspace/shop/table/orders/stream/2025-03-07T22:20:10.454', status: 'ENABLED', view_type: 'KEYS_ONLY',
            },
            encryption_specification: { encryption_type: 'AWS_OWNED_KMS_KEY' },
            point_in_time_recovery: { earliest_restorable_timestamp: '1741385897045', status: 'enabled' },
          },
        },
        { keyspace_name: 'mykeyspace', table_name: 'mytable', cdc: false, status: 'ACTIVE', custom_properties: { capacity_mode: provisioned('5', '5'), ...settled } },
        { keyspace_name: 'mykeyspace', table_name: 'manual', cdc: false, status: 'ACTIVE', custom_properties: { capacity_mode: provisioned('7', '3'), ...settled } },
      ],
    },
    // resource_id | keyspace_name | resource_name | resource_type | tags
    'system_schema_mcs.tags': {
      columns: [text('resource_id'), text('keyspace_name'), text('resource_name'), text('resource_type'), { name: 'tags', ...TEXT_MAP }],
      rows: [
        { resource_id: 'arn:aws:cassandra:us-east-1:111122223333:/keyspace/shop/', keyspace_name: 'shop', resource_name: 'shop', resource_type: 'keyspace', tags: { owner: 'retail' } },
        { resource_id: 'arn:aws:cassandra:us-east-1:111122223333:/keyspace/shop/table/orders', keyspace_name: 'shop', resource_name: 'orders', resource_type: 'table', tags: { team: 'checkout' } },
        {
          resource_id: 'arn:aws:cassandra:us-east-1:111122223333:/keyspace/shop/table/orders/stream/2025-03-07T22:20:10.454',
          keyspace_name: 'shop', resource_name: '2025-03-07T22:20:10.454', resource_type: 'stream', tags: { stream: 'only' },
        },
      ],
    },
  };
  if (o.regionTables !== false) {
    const scaling = [text('provisioned_read_capacity_autoscaling_update'), text('provisioned_write_capacity_autoscaling_update')];
    tables['system_schema_mcs.autoscaling'] = {
      columns: [text('keyspace_name'), text('table_name'), ...scaling],
      rows: [{ keyspace_name: 'mykeyspace', table_name: 'mytable', provisioned_read_capacity_autoscaling_update: READ_70, provisioned_write_capacity_autoscaling_update: WRITE_50 }],
    };
    tables['system_multiregion_info.tables'] = {
      columns: [text('keyspace_name'), text('table_name'), text('region'), text('status')],
      rows: regions.flatMap((region) => ['mytable', 'manual'].map((table_name) => ({ keyspace_name: 'mykeyspace', table_name, region, status: 'ACTIVE' }))),
    };
    tables['system_multiregion_info.autoscaling'] = {
      columns: [text('keyspace_name'), text('table_name'), text('region'), ...scaling],
      rows: regions.map((region) => ({
        keyspace_name: 'mykeyspace', table_name: 'mytable', region,
        provisioned_read_capacity_autoscaling_update: region === 'us-east-1' ? READ_70 : READ_50, provisioned_write_capacity_autoscaling_update: WRITE_50,
      })),
    };
  }
  return { tables, requireWhere: ['system_schema_mcs.tags'] };
}
