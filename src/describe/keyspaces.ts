// What Amazon Keyspaces adds to a table's CREATE text, written the way its CREATE TABLE takes it
// (the CQL reference's CREATE TABLE / ALTER TABLE): `cdc = true`, `CUSTOM_PROPERTIES =
// {'capacity_mode': {...}, 'point_in_time_recovery': {...}, ...}`, `AUTOSCALING_SETTINGS = {...}`
// and `TAGS = {...}`, only what those statements take, so the text replays. A note before the
// statement says what it cannot carry: a table (or a Region's replica) not ACTIVE, and the read
// capacity of each Region's replica, which CQL does not show.
import { quoteString, textMap } from './cql-text.js';
import { autoscalingSettings, readScales } from './keyspaces-autoscaling.js';
import type { KeyspacesTableModel, TableModel } from './model.js';

/**
 * What CREATE TABLE / ALTER TABLE take in CUSTOM_PROPERTIES, property by property, with the values
 * each field may be written with (undefined: any). Everything else system_schema_mcs reports is
 * state (last_update_to_pay_per_request_timestamp, earliest_restorable_timestamp, a CDC stream's
 * status and ARN, warm throughput's status, ...) and stays out, so the output replays.
 * cdc_specification is written by cdcOptions (with `cdc = true`), replica_updates cannot be read.
 */
const SETTABLE: Record<string, Record<string, readonly string[] | undefined>> = {
  capacity_mode: { throughput_mode: ['PAY_PER_REQUEST', 'PROVISIONED'], read_capacity_units: undefined, write_capacity_units: undefined },
  point_in_time_recovery: { status: ['enabled', 'disabled'] },
  encryption_specification: { encryption_type: ['AWS_OWNED_KMS_KEY', 'CUSTOMER_MANAGED_KMS_KEY'], kms_key_identifier: undefined },
  // TTL and client-side timestamps can be turned on, never off: only 'enabled' is written
  ttl: { status: ['enabled'] },
  client_side_timestamps: { status: ['enabled'] },
  // pre-warming: the throughput the table is ready for at once
  warm_throughput: { read_units_per_second: undefined, write_units_per_second: undefined },
};

/** What a property needs to be a setting at all. */
const REQUIRED: Record<string, string> = {
  capacity_mode: 'throughput_mode',
  point_in_time_recovery: 'status',
  encryption_specification: 'encryption_type',
  ttl: 'status',
  client_side_timestamps: 'status',
};

/** Numeric fields, written as numbers. */
const NUMERIC = new Set(['read_capacity_units', 'write_capacity_units', 'read_units_per_second', 'write_units_per_second']);

const VIEW_TYPES = ['NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY', 'NEW_AND_OLD_IMAGES'];

/** The Keyspaces options of a table, in the order of the CQL reference's table_options. */
export function keyspacesOptions(k: KeyspacesTableModel): string[] {
  const out: string[] = [];
  const cdc = cdcOptions(k);
  if (cdc) out.push('cdc = true');
  const props = Object.keys(k.customProperties)
    .filter((n) => n in SETTABLE)
    .map((n) => [n, settable(n, k.customProperties[n])] as const)
    .filter(([, m]) => Object.keys(m).length > 0)
    .map(([n, m]) => [n, propertyMap(m)] as [string, string]);
  // (without a view type, Keyspaces' default NEW_AND_OLD_IMAGES)
  if (cdc && Object.keys(cdc).length) props.push(['cdc_specification', propertyMap(cdc)]);
  props.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  if (props.length) out.push(`CUSTOM_PROPERTIES = {${props.map(([n, m]) => `${quoteString(n)}: ${m}`).join(', ')}}`);
  const scaling = autoscalingSettings(k);
  if (scaling) out.push(scaling);
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
    if (NUMERIC.has(key) && !/^\d+$/.test(value)) continue;
    out[key] = value;
  }
  if (name === 'capacity_mode' && out.throughput_mode !== 'PROVISIONED') {
    delete out.read_capacity_units;
    delete out.write_capacity_units;
  }
  if (name === 'encryption_specification' && out.encryption_type !== 'CUSTOMER_MANAGED_KMS_KEY') delete out.kms_key_identifier;
  // a field without its status (or mode) is not a setting
  if (REQUIRED[name] && !(REQUIRED[name] in out)) return {};
  return out;
}

/**
 * A CDC stream that is on: the table option `cdc = true` plus cdc_specification's view type (and
 * tag propagation, when reported). system_schema_mcs reports the stream with its status
 * ('ENABLED'), ARN and label, which CREATE TABLE does not take.
 */
function cdcOptions(k: KeyspacesTableModel): Record<string, string> | undefined {
  const spec = k.customProperties.cdc_specification ?? {};
  const on = k.cdc ?? (spec.status ?? '').toUpperCase() === 'ENABLED';
  if (!on) return undefined;
  const out: Record<string, string> = {};
  const view = (spec.view_type ?? '').toUpperCase();
  if (VIEW_TYPES.includes(view)) out.view_type = view;
  const propagate = (spec.propagate_tags ?? '').toUpperCase();
  if (propagate === 'TABLE' || propagate === 'NONE') out.propagate_tags = propagate;
  return out;
}

function propertyMap(m: Record<string, string>): string {
  const keys = Object.keys(m).sort();
  return `{${keys.map((k) => `${quoteString(k)}: ${NUMERIC.has(k) ? m[k] : quoteString(m[k])}`).join(', ')}}`;
}

/**
 * A note before the table's statement, or '': the table (or a Region's replica) is not ACTIVE; a
 * provisioned multi-Region table without read auto scaling has a read capacity per Region that CQL
 * does not show, so the statement carries the one this endpoint reports.
 */
export function keyspacesStatus(t: TableModel, k: KeyspacesTableModel): string {
  const name = `${t.keyspace}.${t.name}`;
  const lines: string[] = [];
  if (k.status && k.status.toUpperCase() !== 'ACTIVE') lines.push(`Amazon Keyspaces: table ${name} is ${k.status}`);
  for (const r of k.replicas ?? []) {
    if (r.status && r.status.toUpperCase() !== 'ACTIVE') lines.push(`Amazon Keyspaces: table ${name} is ${r.status} in ${r.region}`);
  }
  const regions = (k.replicas ?? []).map((r) => r.region);
  const provisioned = (k.customProperties.capacity_mode?.throughput_mode ?? '').toUpperCase() === 'PROVISIONED';
  if (regions.length > 1 && provisioned && !readScales(k)) {
    const from = k.region ? `${k.region} reports` : 'this endpoint reports';
    lines.push(
      `Amazon Keyspaces: CQL does not show the read capacity of each Region's replica of ${name} (${regions.join(', ')});`,
      `read_capacity_units below is what ${from}. To give a Region another one, add`,
      `'replica_updates': {'REGION': {'read_capacity_units': UNITS}} to its CUSTOM_PROPERTIES.`,
    );
  }
  return lines.length ? `/*\n${lines.join('\n')}\n*/\n` : '';
}
