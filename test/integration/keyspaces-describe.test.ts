// DESCRIBE on Amazon Keyspaces, end to end: the built tscqlsh against the Keyspaces double serving
// system_schema, system_schema_mcs and system_multiregion_info in the shapes AWS documents. The
// statements carry what Keyspaces' CREATE TABLE takes (CUSTOM_PROPERTIES, AUTOSCALING_SETTINGS with
// per-Region replica_updates, cdc, TAGS) and no state; an endpoint without the auto-scaling and
// multi-Region tables costs one failed query each, and DESCRIBE still answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKeyspacesDouble, type KeyspacesDouble } from '../support/keyspaces-double.js';
import { documentedSchema } from '../support/keyspaces-double-schema.js';
import { tscqlsh } from '../support/run.js';

const KEY = 'AKIDDESCRIBEDOUBLE';
const SECRET = 'describe/Secret+Key=1';
let full: KeyspacesDouble;
let bare: KeyspacesDouble;

beforeAll(async () => {
  [full, bare] = await Promise.all([
    startKeyspacesDouble({ region: 'us-east-1', keys: { [KEY]: SECRET }, schema: documentedSchema() }),
    startKeyspacesDouble({ region: 'us-east-1', keys: { [KEY]: SECRET }, schema: documentedSchema({ regionTables: false }) }),
  ]);
});
afterAll(async () => {
  await Promise.all([full?.close(), bare?.close()]);
});

const describeOn = (d: KeyspacesDouble, statements: string) =>
  tscqlsh(['--host', d.host, '--port', String(d.port), '--ca', d.caFile, '--auth', 'sigv4', '--region', 'us-east-1', '-e', statements], {
    env: { AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: SECRET, AWS_EC2_METADATA_DISABLED: 'true' },
  });

const CASSANDRA_OPTIONS = [
  "    AND bloom_filter_fp_chance = 0.01",
  "    AND caching = {'keys': 'ALL', 'rows_per_partition': 'NONE'}",
  "    AND comment = ''",
  "    AND compaction = {'class': 'org.apache.cassandra.db.compaction.SizeTieredCompactionStrategy', 'max_threshold': '32', 'min_threshold': '4'}",
  "    AND compression = {'chunk_length_in_kb': '16', 'class': 'org.apache.cassandra.io.compress.LZ4Compressor'}",
  '    AND crc_check_chance = 1.0',
  '    AND dclocal_read_repair_chance = 0.0',
  '    AND default_time_to_live = 0',
  '    AND gc_grace_seconds = 7776000',
  '    AND max_index_interval = 2048',
  '    AND memtable_flush_period_in_ms = 3600000',
  '    AND min_index_interval = 128',
  '    AND read_repair_chance = 0.0',
  "    AND speculative_retry = '99PERCENTILE'",
];
const SCALING = (max: number, target: number, cooldowns: boolean) =>
  `{'maximum_units': ${max}, 'minimum_units': 5, 'scaling_policy': {'target_tracking_scaling_policy_configuration': {${cooldowns ? "'scale_in_cooldown': 60, 'scale_out_cooldown': 60, " : ''}'target_value': ${target}}}}`;

describe('DESCRIBE on the Keyspaces double', () => {
  it('a multi-Region provisioned table: capacity, auto scaling and the other Region\'s read auto scaling', async () => {
    const r = await describeOn(full, 'DESCRIBE TABLE mykeyspace.mytable');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(
      [
        'CREATE TABLE mykeyspace.mytable (',
        '    pk int,',
        '    ck int,',
        '    PRIMARY KEY (pk, ck)',
        ') WITH CLUSTERING ORDER BY (ck ASC)',
        ...CASSANDRA_OPTIONS,
        "    AND CUSTOM_PROPERTIES = {'capacity_mode': {'read_capacity_units': 5, 'throughput_mode': 'PROVISIONED', 'write_capacity_units': 5}, " +
          "'encryption_specification': {'encryption_type': 'AWS_OWNED_KMS_KEY'}, 'point_in_time_recovery': {'status': 'disabled'}}",
        `    AND AUTOSCALING_SETTINGS = {'provisioned_read_capacity_autoscaling_update': ${SCALING(10, 50, true)}, ` +
          `'provisioned_write_capacity_autoscaling_update': ${SCALING(10, 50, false)}, ` +
          `'replica_updates': {'us-east-1': {'provisioned_read_capacity_autoscaling_update': ${SCALING(20, 70, true)}}}};`,
      ].join('\n'),
    );
    // each system table asked in the documented form, per table
    expect(full.queries).toContain("SELECT * FROM system_multiregion_info.autoscaling WHERE keyspace_name = 'mykeyspace' AND table_name = 'mytable'");
    expect(full.queries).toContain("SELECT * FROM system_multiregion_info.tables WHERE keyspace_name = 'mykeyspace' AND table_name = 'manual'");
  });

  it('a single-Region keyspace: CDC as `cdc = true` with its view type, tags asked per resource, no state', async () => {
    const r = await describeOn(full, 'DESCRIBE KEYSPACE shop');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain("CREATE KEYSPACE shop WITH replication = {'class': 'SingleRegionStrategy'}  AND durable_writes = true AND TAGS = {'owner': 'retail'};");
    expect(r.stdout).toContain(
      [
        '    AND cdc = true',
        "    AND CUSTOM_PROPERTIES = {'capacity_mode': {'throughput_mode': 'PAY_PER_REQUEST'}, 'cdc_specification': {'view_type': 'KEYS_ONLY'}, " +
          "'encryption_specification': {'encryption_type': 'AWS_OWNED_KMS_KEY'}, 'point_in_time_recovery': {'status': 'enabled'}}",
        "    AND TAGS = {'team': 'checkout'};",
      ].join('\n'),
    );
    for (const state of ['latest_stream_arn', 'ENABLED', 'earliest_restorable', 'last_update', "'stream'"]) expect(r.stdout).not.toContain(state);
    // the endpoint refuses system_schema_mcs.tags without a WHERE clause: asked per keyspace and table
    expect(full.queries).toContain("SELECT * FROM system_schema_mcs.tags WHERE keyspace_name = 'shop' AND resource_name = 'orders'");
  });

  it('a provisioned multi-Region table without auto scaling: a note that CQL does not show each Region\'s read capacity', async () => {
    const r = await describeOn(full, 'DESCRIBE TABLE mykeyspace.manual');
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toMatch(/^\/\*\nAmazon Keyspaces: CQL does not show the read capacity of each Region's replica of mykeyspace.manual \(ap-southeast-1, eu-west-1, us-east-1\);\nread_capacity_units below is what us-east-1 reports\./);
  });

  it('an endpoint without system_schema_mcs.autoscaling and system_multiregion_info: one failed query each, DESCRIBE still answers', async () => {
    const before = bare.queries.length;
    const r = await describeOn(bare, 'DESCRIBE TABLE mykeyspace.mytable');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("AND CUSTOM_PROPERTIES = {'capacity_mode': {'read_capacity_units': 5, 'throughput_mode': 'PROVISIONED', 'write_capacity_units': 5}");
    expect(r.stdout).not.toContain('AUTOSCALING_SETTINGS');
    const asked = bare.queries.slice(before);
    for (const table of ['system_schema_mcs.autoscaling', 'system_multiregion_info.tables', 'system_multiregion_info.autoscaling']) {
      expect(asked.filter((q) => q.includes(table))).toHaveLength(1);
    }
  });
});
