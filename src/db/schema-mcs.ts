// Amazon Keyspaces' additions to the schema, from system_schema_mcs: each table's status and
// custom properties (capacity mode, point-in-time recovery, encryption, TTL, client-side
// timestamps), and the tags of keyspaces and tables (system_schema_mcs.tags).
import type { CqlValue } from '../cql/types.js';
import type { KeyspacesTableModel } from '../describe/model.js';
import { key, type Row, str, strOrNull, textMap } from './schema-rows.js';

/** Amazon Keyspaces' own schema tables (system_schema_mcs): status, custom properties, tags. */
export async function loadMcs(select: (cql: string) => Promise<Row[]>) {
  const [tables, tags] = await Promise.all([
    select('SELECT keyspace_name, table_name, status, custom_properties FROM system_schema_mcs.tables'),
    select('SELECT * FROM system_schema_mcs.tags'),
  ]);
  return mcsModel(tables, tags);
}

/** system_schema_mcs rows → the Keyspaces additions, keyed by keyspace and table. */
export function mcsModel(tableRows: Row[], tagRows: Row[]) {
  const tagsOf = new Map<string, Record<string, string>>();
  const keyspaceTags = new Map<string, Record<string, string>>();
  for (const r of tagRows) {
    const ks = str(r.keyspace_name);
    const type = str(r.resource_type).toLowerCase();
    if (type === 'keyspace') keyspaceTags.set(ks, textMap(r.tags));
    else tagsOf.set(key(ks, str(r.resource_name)), textMap(r.tags));
  }
  const tables = new Map<string, KeyspacesTableModel>();
  for (const r of tableRows) {
    const k = key(str(r.keyspace_name), str(r.table_name));
    const props: Record<string, Record<string, string>> = {};
    if (Array.isArray(r.custom_properties)) {
      for (const [name, value] of r.custom_properties as [CqlValue, CqlValue][]) props[str(name)] = textMap(value);
    }
    tables.set(k, { status: strOrNull(r.status) ?? undefined, customProperties: props, tags: tagsOf.get(k) ?? {} });
  }
  return { tables, keyspaceTags };
}
