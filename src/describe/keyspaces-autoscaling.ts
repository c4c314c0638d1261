// A provisioned Amazon Keyspaces table's auto scaling as its CREATE TABLE takes it:
// `AUTOSCALING_SETTINGS = {'provisioned_read_capacity_autoscaling_update': {...},
// 'provisioned_write_capacity_autoscaling_update': {...}, 'replica_updates': {'<region>':
// {'provisioned_read_capacity_autoscaling_update': {...}}}}` (Keyspaces' CQL reference, CREATE TABLE).
import { quoteString as quote } from './cql-text.js';
import type { AutoScalingSetting, KeyspacesAutoScaling, KeyspacesTableModel } from './model.js';

const READ = 'provisioned_read_capacity_autoscaling_update';
const WRITE = 'provisioned_write_capacity_autoscaling_update';

/** The AUTOSCALING_SETTINGS option, or undefined when the table has no auto scaling on. */
export function autoscalingSettings(k: KeyspacesTableModel): string | undefined {
  if ((k.customProperties.capacity_mode?.throughput_mode ?? '').toUpperCase() !== 'PROVISIONED') return undefined;
  const general = generalSettings(k);
  const entries: [string, string][] = [];
  if (general.read) entries.push([READ, settingText(general.read)]);
  if (general.write) entries.push([WRITE, settingText(general.write)]);
  // each Region whose read auto scaling is not the general one
  const generalRead = general.read ? settingText(general.read) : undefined;
  const updates = (k.replicas ?? [])
    .filter((r) => enabled(r.read) && settingText(r.read!) !== generalRead)
    .map((r) => `${quote(r.region)}: {${quote(READ)}: ${settingText(r.read!)}}`);
  if (updates.length) entries.push(['replica_updates', `{${updates.join(', ')}}`]);
  if (!entries.length) return undefined;
  entries.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return `AUTOSCALING_SETTINGS = {${entries.map(([name, v]) => `${quote(name)}: ${v}`).join(', ')}}`;
}

/** True when the table's read capacity scales automatically (in general or in some Region). */
export function readScales(k: KeyspacesTableModel): boolean {
  return Boolean(enabled(k.autoScaling?.read) || k.replicas?.some((r) => enabled(r.read)));
}

/**
 * The settings for every Region: a multi-Region table's are the ones most of its replicas have (the
 * endpoint's own Region's on a tie, then the first Region's), so only the others need a Region
 * entry; a single-Region table's are its own.
 */
function generalSettings(k: KeyspacesTableModel): KeyspacesAutoScaling {
  const replicas = k.replicas ?? [];
  const pick = (dir: 'read' | 'write'): AutoScalingSetting | undefined => {
    const withIt = replicas.filter((r) => enabled(r[dir]));
    if (!withIt.length) return enabled(k.autoScaling?.[dir]);
    const groups = new Map<string, { setting: AutoScalingSetting; regions: string[] }>();
    for (const r of withIt) {
      const text = settingText(r[dir]!);
      const g = groups.get(text) ?? groups.set(text, { setting: r[dir]!, regions: [] }).get(text)!;
      g.regions.push(r.region);
    }
    const ranked = [...groups.values()].sort(
      (a, b) => b.regions.length - a.regions.length || Number(b.regions.includes(k.region ?? '')) - Number(a.regions.includes(k.region ?? '')),
    );
    return ranked[0].setting;
  };
  const out: KeyspacesAutoScaling = {};
  const read = pick('read');
  const write = pick('write');
  if (read) out.read = read;
  if (write) out.write = write;
  return out;
}

/** A setting that turns auto scaling on (one reported as disabled, or with nothing set, does not). */
function enabled(s: AutoScalingSetting | undefined): AutoScalingSetting | undefined {
  if (!s || s.autoscalingDisabled) return undefined;
  return s.minimumUnits !== undefined || s.maximumUnits !== undefined || s.targetValue !== undefined ? s : undefined;
}

/** One direction's settings as a map literal, fields in name order, documented defaults left out. */
function settingText(s: AutoScalingSetting): string {
  const fields: string[] = [];
  if (s.maximumUnits !== undefined) fields.push(`${quote('maximum_units')}: ${s.maximumUnits}`);
  if (s.minimumUnits !== undefined) fields.push(`${quote('minimum_units')}: ${s.minimumUnits}`);
  const policy: string[] = [];
  // scale-in is on (false) and the cooldowns are 0 unless set
  if (s.disableScaleIn) policy.push(`${quote('disable_scale_in')}: true`);
  if (s.scaleInCooldown) policy.push(`${quote('scale_in_cooldown')}: ${s.scaleInCooldown}`);
  if (s.scaleOutCooldown) policy.push(`${quote('scale_out_cooldown')}: ${s.scaleOutCooldown}`);
  if (s.targetValue !== undefined) policy.push(`${quote('target_value')}: ${s.targetValue}`);
  if (s.targetValue !== undefined) {
    fields.push(`${quote('scaling_policy')}: {${quote('target_tracking_scaling_policy_configuration')}: {${policy.join(', ')}}}`);
  }
  return `{${fields.join(', ')}}`;
}
