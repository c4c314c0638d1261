// What Amazon Keyspaces adds to a table's CREATE text, from system_schema_mcs, written the way its
// CREATE TABLE takes it: `CUSTOM_PROPERTIES = {'capacity_mode': {...}, 'point_in_time_recovery':
// {...}, 'ttl': {...}, ...}` and `TAGS = {...}`; a table not ACTIVE gets a note of its status.
import { textMap } from './cql-text.js';
import type { KeyspacesTableModel, TableModel } from './model.js';

/** Fields system_schema_mcs reports that CREATE/ALTER TABLE does not take (read-only state). */
const READ_ONLY = new Set(['last_update_to_pay_per_request_timestamp']);

/** Numeric fields, written as numbers (capacity units). */
const NUMERIC = new Set(['read_capacity_units', 'write_capacity_units']);

export function keyspacesOptions(k: KeyspacesTableModel): string[] {
  const out: string[] = [];
  const names = Object.keys(k.customProperties).sort();
  const props = names
    .map((n) => [n, propertyMap(k.customProperties[n])] as const)
    .filter(([, m]) => m !== '{}')
    .map(([n, m]) => `'${n}': ${m}`);
  if (props.length) out.push(`CUSTOM_PROPERTIES = {${props.join(', ')}}`);
  if (Object.keys(k.tags).length) out.push(`TAGS = ${textMap(k.tags)}`);
  return out;
}

function propertyMap(m: Record<string, string>): string {
  const keys = Object.keys(m).filter((k) => !READ_ONLY.has(k)).sort();
  return `{${keys.map((k) => `'${k}': ${NUMERIC.has(k) && /^\d+$/.test(m[k]) ? m[k] : `'${m[k].replace(/'/g, "''")}'`}`).join(', ')}}`;
}

/** A note before a table that is not ready (status other than ACTIVE). */
export function keyspacesStatus(t: TableModel, k: KeyspacesTableModel): string {
  if (!k.status || k.status.toUpperCase() === 'ACTIVE') return '';
  return `/*\nAmazon Keyspaces: table ${t.keyspace}.${t.name} is ${k.status}\n*/\n`;
}
