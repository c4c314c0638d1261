// Amazon Keyspaces' additions to the schema: each table's status, custom properties and CDC flag
// (system_schema_mcs.tables), the tags of keyspaces and tables (system_schema_mcs.tags), auto scaling
// (system_schema_mcs.autoscaling) and, for multi-Region keyspaces, each Region's replica
// (system_multiregion_info.tables and .autoscaling).
//
// Only what a server answered is used: a server without system_schema_mcs (plain Cassandra) is
// asked nothing more, system_multiregion_info is asked only about tables of multi-Region keyspaces,
// auto scaling only about provisioned tables, and a table the endpoint lacks (those exist only in
// some Regions and accounts) costs one failed query, quietly ignored.
import type { CqlValue } from '../cql/types.js';
import { quoteString } from '../describe/cql-text.js';
import type { KeyspacesAutoScaling, KeyspacesReplica, KeyspacesTableModel } from '../describe/model.js';
import { autoScalingOf } from './mcs-autoscaling.js';
import { key, type Row, str, strOrNull, textMap } from './schema-rows.js';

/** Runs one query; a server error rejects. */
export type Select = (cql: string) => Promise<Row[]>;

/** The rows the Keyspaces additions are built from. */
export interface McsRows {
  tables: Row[];
  tags: Row[];
  autoscaling?: Row[];
  regionTables?: Row[];
  regionAutoscaling?: Row[];
  /** the endpoint's Region (system.local data_center) */
  region?: string;
}

/** How many per-table queries are in flight at once. */
const PARALLEL = 16;

/** Reads what Amazon Keyspaces adds; `keyspaceRows` are system_schema.keyspaces (multi-Region ones use NetworkTopologyStrategy). */
export async function loadMcs(select: Select, keyspaceRows: Row[]) {
  const quiet = (cql: string) => select(cql).catch((): Row[] => []);
  const [tables, allTags] = await Promise.all([
    quiet('SELECT * FROM system_schema_mcs.tables'),
    // Keyspaces documents a WHERE clause as required here: without one, ask per keyspace and table
    select('SELECT * FROM system_schema_mcs.tags').catch(() => undefined),
  ]);
  if (!tables.length) return mcsModel({ tables, tags: allTags ?? [] });
  const user = tables.filter((r) => !isSystem(str(r.keyspace_name)));
  const provisioned = user.filter((r) => throughputMode(r) === 'PROVISIONED');
  const multiRegion = new Set(keyspaceRows.filter(isMultiRegion).map((r) => str(r.keyspace_name)));
  const replicated = user.filter((r) => multiRegion.has(str(r.keyspace_name)));
  const where = (r: Row) => `WHERE keyspace_name = ${quoteString(str(r.keyspace_name))} AND table_name = ${quoteString(str(r.table_name))}`;
  const userKeyspaces = [...new Set([...keyspaceRows, ...user].map((r) => str(r.keyspace_name)))].filter((k) => !isSystem(k));
  const tagQueries = [
    ...userKeyspaces.map((k) => `SELECT * FROM system_schema_mcs.tags WHERE keyspace_name = ${quoteString(k)} AND resource_type = 'keyspace'`),
    ...user.map(
      (r) =>
        `SELECT * FROM system_schema_mcs.tags WHERE keyspace_name = ${quoteString(str(r.keyspace_name))} AND resource_name = ${quoteString(str(r.table_name))}`,
    ),
  ];
  const [local, tags, autoscaling, regionTables, regionAutoscaling] = await Promise.all([
    quiet('SELECT data_center FROM system.local'),
    allTags ?? each(select, tagQueries),
    each(
      select,
      provisioned.map((r) => `SELECT * FROM system_schema_mcs.autoscaling ${where(r)}`),
    ),
    each(
      select,
      replicated.map((r) => `SELECT * FROM system_multiregion_info.tables ${where(r)}`),
    ),
    each(
      select,
      replicated.filter((r) => throughputMode(r) === 'PROVISIONED').map((r) => `SELECT * FROM system_multiregion_info.autoscaling ${where(r)}`),
    ),
  ]);
  return mcsModel({ tables, tags, autoscaling, regionTables, regionAutoscaling, region: strOrNull(local[0]?.data_center) ?? undefined });
}

/**
 * Runs queries against one system table: the first alone (when it fails, the endpoint lacks the
 * table or the permission, and the others are not sent), then the rest a few at a time, each
 * failure giving no rows.
 */
async function each(select: Select, queries: string[]): Promise<Row[]> {
  if (!queries.length) return [];
  const out: Row[] = [];
  try {
    out.push(...(await select(queries[0])));
  } catch {
    return [];
  }
  for (let i = 1; i < queries.length; i += PARALLEL) {
    const batch = await Promise.all(queries.slice(i, i + PARALLEL).map((q) => select(q).catch((): Row[] => [])));
    for (const rows of batch) out.push(...rows);
  }
  return out;
}

const isSystem = (keyspace: string) => /^system(_|$)/.test(keyspace);

const isMultiRegion = (r: Row) => /NetworkTopologyStrategy$/.test(textMap(r.replication).class ?? '');

function customProperties(r: Row): Record<string, Record<string, string>> {
  const props: Record<string, Record<string, string>> = {};
  if (Array.isArray(r.custom_properties)) {
    for (const [name, value] of r.custom_properties as [CqlValue, CqlValue][]) props[str(name)] = textMap(value);
  }
  return props;
}

const throughputMode = (r: Row) => (customProperties(r).capacity_mode?.throughput_mode ?? '').toUpperCase();

/** system_schema_mcs and system_multiregion_info rows → the Keyspaces additions, keyed by keyspace and table. */
export function mcsModel(rows: McsRows) {
  const tagsOf = new Map<string, Record<string, string>>();
  const keyspaceTags = new Map<string, Record<string, string>>();
  for (const r of rows.tags) {
    const ks = str(r.keyspace_name);
    const type = str(r.resource_type).toLowerCase();
    // (streams have tags too: resource_type 'stream', named by their label)
    if (type === 'keyspace') keyspaceTags.set(ks, textMap(r.tags));
    else if (type === 'table') tagsOf.set(key(ks, str(r.resource_name)), textMap(r.tags));
  }
  const autoScaling = new Map<string, KeyspacesAutoScaling>();
  for (const r of rows.autoscaling ?? []) autoScaling.set(key(str(r.keyspace_name), str(r.table_name)), autoScalingOf(r));
  const replicas = new Map<string, Map<string, KeyspacesReplica>>();
  const replica = (r: Row) => {
    const k = key(str(r.keyspace_name), str(r.table_name));
    const region = str(r.region);
    const byRegion = replicas.get(k) ?? replicas.set(k, new Map()).get(k)!;
    return byRegion.get(region) ?? byRegion.set(region, { region }).get(region)!;
  };
  for (const r of rows.regionTables ?? []) {
    if (!str(r.region)) continue;
    const status = strOrNull(r.status);
    const rep = replica(r);
    if (status) rep.status = status;
  }
  for (const r of rows.regionAutoscaling ?? []) if (str(r.region)) Object.assign(replica(r), autoScalingOf(r));
  const tables = new Map<string, KeyspacesTableModel>();
  for (const r of rows.tables) {
    const k = key(str(r.keyspace_name), str(r.table_name));
    const t: KeyspacesTableModel = { status: strOrNull(r.status) ?? undefined, customProperties: customProperties(r), tags: tagsOf.get(k) ?? {} };
    if (typeof r.cdc === 'boolean') t.cdc = r.cdc;
    const scaling = autoScaling.get(k);
    if (scaling && (scaling.read || scaling.write)) t.autoScaling = scaling;
    const reps = replicas.get(k);
    if (reps?.size) t.replicas = [...reps.values()].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
    if (rows.region) t.region = rows.region;
    tables.set(k, t);
  }
  return { tables, keyspaceTags };
}
