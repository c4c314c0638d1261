// Reads the schema model (src/describe/model.ts) from system_schema, system_virtual_schema and, on
// Amazon Keyspaces, system_schema_mcs. The only place that queries the schema tables.
import { CqlTimestamp } from '../cql/types.js';
import type { ClusterModel, ColumnModel, KeyspaceModel, SchemaModel, TableModel, TableOptions, ViewModel } from '../describe/model.js';
import { loadMcs } from './schema-mcs.js';
import { blobMap, boolOrNull, key, list, numOrNull, type Row, selectRows, str, strOrNull, textMap } from './schema-rows.js';
import { readRingNodes } from './ring.js';
import type { Session } from './session.js';

/** Like select, but an error (a table this server lacks) gives no rows. */
async function trySelect(session: Session, cql: string): Promise<Row[]> {
  try {
    return await selectRows(session, cql);
  } catch {
    return [];
  }
}

export function tableOptions(r: Row): TableOptions {
  return {
    additionalWritePolicy: strOrNull(r.additional_write_policy),
    allowAutoSnapshot: boolOrNull(r.allow_auto_snapshot),
    bloomFilterFpChance: numOrNull(r.bloom_filter_fp_chance),
    caching: textMap(r.caching),
    cdc: boolOrNull(r.cdc),
    comment: strOrNull(r.comment),
    compaction: textMap(r.compaction),
    compression: textMap(r.compression),
    memtable: strOrNull(r.memtable),
    crcCheckChance: numOrNull(r.crc_check_chance),
    defaultTimeToLive: numOrNull(r.default_time_to_live),
    extensions: blobMap(r.extensions),
    gcGraceSeconds: numOrNull(r.gc_grace_seconds),
    incrementalBackups: boolOrNull(r.incremental_backups),
    maxIndexInterval: numOrNull(r.max_index_interval),
    memtableFlushPeriodInMs: numOrNull(r.memtable_flush_period_in_ms),
    minIndexInterval: numOrNull(r.min_index_interval),
    readRepair: strOrNull(r.read_repair),
    speculativeRetry: strOrNull(r.speculative_retry),
    ...(r.dclocal_read_repair_chance !== undefined && !('additional_write_policy' in r)
      ? { legacy: { dclocalReadRepairChance: numOrNull(r.dclocal_read_repair_chance), readRepairChance: numOrNull(r.read_repair_chance) } }
      : {}),
  };
}

function column(r: Row): ColumnModel {
  return {
    name: str(r.column_name),
    type: str(r.type),
    kind: str(r.kind) as ColumnModel['kind'],
    position: Number(r.position ?? -1),
    clusteringOrder: str(r.clustering_order) || 'none',
  };
}

/** Groups rows by `keyspace_name` + `field`. */
function groupBy(rows: Row[], field: string): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${str(r.keyspace_name)}\u0000${str(r[field])}`;
    const g = m.get(key);
    if (g) g.push(r);
    else m.set(key, [r]);
  }
  return m;
}

/** Reads the whole schema. `keyspaces`: also read system_schema_mcs (Amazon Keyspaces). */
export async function loadSchema(session: Session, o: { keyspaces?: boolean } = {}): Promise<SchemaModel> {
  const q = (t: string) => selectRows(session, `SELECT * FROM system_schema.${t}`);
  // what a server may lack (Amazon Keyspaces has no views, functions, ...) reads as empty
  const optional = (t: string) => trySelect(session, `SELECT * FROM system_schema.${t}`);
  const [ksRows, tableRows, columnRows, droppedRows, indexRows, viewRows, typeRows, fnRows, aggRows] = await Promise.all([
    q('keyspaces'),
    q('tables'),
    q('columns'),
    optional('dropped_columns'),
    optional('indexes'),
    optional('views'),
    optional('types'),
    optional('functions'),
    optional('aggregates'),
  ]);
  const [vKs, vTables, vColumns] = await Promise.all([
    trySelect(session, 'SELECT * FROM system_virtual_schema.keyspaces'),
    trySelect(session, 'SELECT * FROM system_virtual_schema.tables'),
    trySelect(session, 'SELECT * FROM system_virtual_schema.columns'),
  ]);
  const mcs = o.keyspaces ? await loadMcs((cql) => selectRows(session, cql), ksRows) : undefined;
  const columns = groupBy(columnRows, 'table_name');
  const dropped = groupBy(droppedRows, 'table_name');
  const indexes = groupBy(indexRows, 'table_name');
  const keyspaces: KeyspaceModel[] = ksRows.map((r) => {
    const name = str(r.keyspace_name);
    const of = (rows: Row[]) => rows.filter((x) => str(x.keyspace_name) === name);
    const tables: TableModel[] = of(tableRows).map((t) => {
      const tn = str(t.table_name);
      const table: TableModel = {
        keyspace: name,
        name: tn,
        id: str(t.id),
        // Amazon Keyspaces has no COMPACT STORAGE: a missing or empty flags set there means a CQL table
        flags: !('flags' in t) || (o.keyspaces && !list(t.flags).length) ? ['compound'] : list(t.flags),
        columns: (columns.get(key(name, tn)) ?? []).map(column),
        dropped: (dropped.get(key(name, tn)) ?? []).map((d) => ({
          name: str(d.column_name),
          type: str(d.type),
          kind: str(d.kind) as ColumnModel['kind'],
          droppedTime: d.dropped_time instanceof CqlTimestamp ? d.dropped_time.millis : 0n,
        })),
        indexes: (indexes.get(key(name, tn)) ?? []).map((i) => ({ name: str(i.index_name), kind: str(i.kind), options: textMap(i.options) })),
        options: tableOptions(t),
      };
      const extra = mcs?.tables.get(key(name, tn));
      if (extra) table.keyspaces = extra;
      return table;
    });
    const views: ViewModel[] = of(viewRows).map((v) => ({
      keyspace: name,
      name: str(v.view_name),
      id: str(v.id),
      baseTable: str(v.base_table_name),
      includeAllColumns: v.include_all_columns === true,
      whereClause: str(v.where_clause),
      columns: (columns.get(key(name, str(v.view_name))) ?? []).map(column),
      options: tableOptions(v),
    }));
    const k: KeyspaceModel = {
      name,
      durableWrites: r.durable_writes !== false,
      replication: textMap(r.replication),
      tables,
      views,
      types: of(typeRows).map((t) => ({ keyspace: name, name: str(t.type_name), fieldNames: list(t.field_names), fieldTypes: list(t.field_types) })),
      functions: of(fnRows).map((f) => ({
        keyspace: name,
        name: str(f.function_name),
        argumentNames: list(f.argument_names),
        argumentTypes: list(f.argument_types),
        body: str(f.body),
        calledOnNullInput: f.called_on_null_input === true,
        language: str(f.language),
        returnType: str(f.return_type),
      })),
      aggregates: of(aggRows).map((a) => ({
        keyspace: name,
        name: str(a.aggregate_name),
        argumentTypes: list(a.argument_types),
        stateFunc: str(a.state_func),
        stateType: str(a.state_type),
        finalFunc: strOrNull(a.final_func),
        initcond: strOrNull(a.initcond),
        returnType: str(a.return_type),
      })),
    };
    const tags = mcs?.keyspaceTags.get(name);
    if (tags) k.tags = tags;
    return k;
  });
  const vColumnsBy = groupBy(vColumns, 'table_name');
  for (const r of vKs) {
    const name = str(r.keyspace_name);
    keyspaces.push({
      name,
      durableWrites: true,
      replication: {},
      virtual: true,
      tables: vTables
        .filter((t) => str(t.keyspace_name) === name)
        .map((t) => ({
          keyspace: name,
          name: str(t.table_name),
          id: '',
          flags: ['compound'],
          columns: (vColumnsBy.get(key(name, str(t.table_name))) ?? []).map(column),
          dropped: [],
          indexes: [],
          options: { ...tableOptions({}), comment: str(t.comment) },
          virtual: true,
        })),
      views: [],
      types: [],
      functions: [],
      aggregates: [],
    });
  }
  return { keyspaces, cluster: await loadCluster(session) };
}

async function loadCluster(session: Session): Promise<ClusterModel> {
  const r = await readRingNodes(session).catch(() => null);
  if (!r) return { name: '', partitioner: '', ring: [] };
  const ring = r.nodes.flatMap((n) => n.tokens.map((token) => ({ token, endpoint: n.endpoint, dc: n.dc, rack: n.rack })));
  return { name: r.clusterName, partitioner: r.partitioner, ring };
}

/** A keyspace's replication options as stored (`class` and its factors); empty when there is no such keyspace. */
export async function keyspaceReplication(session: Session, keyspace: string): Promise<Map<string, string>> {
  const [ks] = await selectRows(session, `SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = '${keyspace.replace(/'/g, "''")}'`);
  return new Map(Object.entries(textMap(ks?.replication)));
}

/** The server's schema version (system.local), for noticing schema changes. */
export async function schemaVersion(session: Session): Promise<string | undefined> {
  const rows = await trySelect(session, 'SELECT schema_version FROM system.local');
  const v = rows[0]?.schema_version;
  return v === null || v === undefined ? undefined : String(v);
}

/** A schema source for the shell's cache, over a session (Amazon Keyspaces: system_schema_mcs too). */
export function sessionSchemaSource(session: () => Session, o: { keyspaces?: () => boolean } = {}) {
  return {
    load: () => loadSchema(session(), { keyspaces: o.keyspaces?.() }),
    version: () => schemaVersion(session()),
  };
}
