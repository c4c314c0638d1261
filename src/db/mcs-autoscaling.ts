// Amazon Keyspaces' auto-scaling columns (system_schema_mcs.autoscaling and
// system_multiregion_info.autoscaling: provisioned_read_capacity_autoscaling_update and
// provisioned_write_capacity_autoscaling_update) read into the describe model. AWS documents their
// values as printed map literals ({'minimum_units': 5, 'maximum_units': 10, 'scaling_policy':
// {'target_tracking_scaling_policy_configuration': {'target_value': 50, ...}}}); a map value is
// taken as well.
import { isMap, type LiteralMap, type LiteralValue, parseMapLiteral } from '../cql/map-literal.js';
import type { CqlValue } from '../cql/types.js';
import type { AutoScalingSetting, KeyspacesAutoScaling } from '../describe/model.js';
import type { Row } from './schema-rows.js';

/** The read and write auto scaling of one autoscaling row. */
export function autoScalingOf(r: Row): KeyspacesAutoScaling {
  const out: KeyspacesAutoScaling = {};
  const read = setting(r.provisioned_read_capacity_autoscaling_update);
  const write = setting(r.provisioned_write_capacity_autoscaling_update);
  if (read) out.read = read;
  if (write) out.write = write;
  return out;
}

function setting(v: CqlValue | undefined): AutoScalingSetting | undefined {
  const m = literal(v);
  if (!m) return undefined;
  const policy = sub(sub(m, 'scaling_policy'), 'target_tracking_scaling_policy_configuration');
  const s: AutoScalingSetting = {
    autoscalingDisabled: bool(m.autoscaling_disabled),
    minimumUnits: num(m.minimum_units),
    maximumUnits: num(m.maximum_units),
    targetValue: num(policy?.target_value),
    scaleInCooldown: num(policy?.scale_in_cooldown),
    scaleOutCooldown: num(policy?.scale_out_cooldown),
    disableScaleIn: bool(policy?.disable_scale_in),
  };
  for (const k of Object.keys(s) as (keyof AutoScalingSetting)[]) if (s[k] === undefined) delete s[k];
  return Object.keys(s).length ? s : undefined;
}

/** A column value as a literal map: printed text, or a (nested) CQL map. */
function literal(v: CqlValue | undefined): LiteralMap | undefined {
  if (typeof v === 'string') return parseMapLiteral(v);
  if (!Array.isArray(v)) return undefined;
  const out: LiteralMap = {};
  for (const pair of v as CqlValue[]) {
    if (!Array.isArray(pair) || pair.length !== 2) return undefined;
    const [k, x] = pair as [CqlValue, CqlValue];
    out[String(k)] = Array.isArray(x) ? (literal(x) ?? null) : typeof x === 'string' && x.trim().startsWith('{') ? (parseMapLiteral(x) ?? x) : scalar(x);
  }
  return out;
}

function scalar(x: CqlValue): LiteralValue {
  if (x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
  if (typeof x === 'bigint') return Number(x);
  return String(x);
}

const sub = (m: LiteralMap | undefined, key: string): LiteralMap | undefined => (m && isMap(m[key]) ? (m[key] as LiteralMap) : undefined);

function num(v: LiteralValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

function bool(v: LiteralValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return undefined;
}
