// What Amazon Keyspaces adds to a table's CREATE text, from system_schema_mcs, written the way its
// CREATE TABLE takes it: `CUSTOM_PROPERTIES = {'capacity_mode': {...}, 'point_in_time_recovery':
// {...}, 'ttl': {...}, ...}` and `TAGS = {...}` (only what those statements take, so the text
// replays); a table not ACTIVE gets a note of its status.
import { textMap } from './cql-text.js';
import type { KeyspacesTableModel, TableModel } from './model.js';

/**
 * What Keyspaces' CREATE TABLE / ALTER TABLE take in CUSTOM_PROPERTIES, property by property, with
 * the values each field may be written with (undefined: any). Everything else system_schema_mcs
 * reports is state (last_update_to_pay_per_request_timestamp, earliest_restorable_timestamp, a CDC
 * stream's ARN and label, ...) and stays out, so the output replays.
 */
const SETTABLE: Record<string, Record<string, readonly string[] | undefined>> = {
  capacity_mode: { throughput_mode: ['PAY_PER_REQUEST', 'PROVISIONED'], read_capacity_units: undefined, write_capacity_units: undefined },
  point_in_time_recovery: { status: ['enabled', 'disabled'] },
  encryption_specification: { encryption_type: ['AWS_OWNED_KMS_KEY', 'CUSTOMER_MANAGED_KMS_KEY'], kms_key_identifier: undefined },
  // TTL and client-side timestamps can be turned on, never off: only 'enabled' is written
  ttl: { status: ['enabled'] },
  client_side_timestamps: { status: ['enabled'] },
  cdc_specification: { status: ['enabled', 'disabled'], view_type: ['NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY', 'NEW_AND_OLD_IMAGES'], propagate_tags: ['TABLE', 'NONE'] },
};

/** Numeric fields, written as numbers (capacity units). */
const NUMERIC = new Set(['read_capacity_units', 'write_capacity_units']);

export function keyspacesOptions(k: KeyspacesTableModel): string[] {
  const out: string[] = [];
  const props = Object.keys(k.customProperties)
    .filter((n) => n in SETTABLE)
    .sort()
    .map((n) => [n, settable(n, k.customProperties[n])] as const)
    .filter(([, m]) => Object.keys(m).length > 0)
    .map(([n, m]) => `'${n}': ${propertyMap(m)}`);
  if (props.length) out.push(`CUSTOM_PROPERTIES = {${props.join(', ')}}`);
  if (Object.keys(k.tags).length) out.push(`TAGS = ${textMap(k.tags)}`);
  return out;
}

/** The fields of one property that CREATE TABLE takes; on-demand capacity has no units. */
function settable(name: string, m: Record<string, string>): Record<string, string> {
  const allowed = SETTABLE[name];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(m)) {
    if (!(key in allowed)) continue;
    const values = allowed[key];
    if (values && !values.includes(value)) continue;
    out[key] = value;
  }
  if (name === 'capacity_mode' && out.throughput_mode !== 'PROVISIONED') {
    delete out.read_capacity_units;
    delete out.write_capacity_units;
  }
  if (name === 'encryption_specification' && out.encryption_type !== 'CUSTOMER_MANAGED_KMS_KEY') delete out.kms_key_identifier;
  // a field without its status (or mode) is not a setting
  if (name !== 'capacity_mode' && name !== 'encryption_specification' && !('status' in out)) return {};
  if (name === 'capacity_mode' && !out.throughput_mode) return {};
  if (name === 'encryption_specification' && !out.encryption_type) return {};
  return out;
}

function propertyMap(m: Record<string, string>): string {
  const keys = Object.keys(m).sort();
  return `{${keys.map((k) => `'${k}': ${NUMERIC.has(k) && /^\d+$/.test(m[k]) ? m[k] : `'${m[k].replace(/'/g, "''")}'`}`).join(', ')}}`;
}

/** A note before a table that is not ready (status other than ACTIVE). */
export function keyspacesStatus(t: TableModel, k: KeyspacesTableModel): string {
  if (!k.status || k.status.toUpperCase() === 'ACTIVE') return '';
  return `/*\nAmazon Keyspaces: table ${t.keyspace}.${t.name} is ${k.status}\n*/\n`;
}
