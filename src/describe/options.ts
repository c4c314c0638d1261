// Table and view options (the `WITH ... AND ...` part), in Cassandra 5.0's order and format.
import { hexBlob, javaDouble, quoteString, textMap } from './cql-text.js';
import type { TableOptions } from './model.js';

const num = (n: number | null, dflt: number): string => String(n ?? dflt);
const dbl = (n: number | null, dflt: number): string => javaDouble(n ?? dflt);

/** The option lines (without `AND `), in the server's order; views have no default_time_to_live. */
export function optionLines(o: TableOptions, isView: boolean): string[] {
  if (o.legacy) return legacyOptionLines(o);
  const ext = Object.keys(o.extensions).sort();
  const lines = [
    `additional_write_policy = ${quoteString(o.additionalWritePolicy ?? '99p')}`,
    `allow_auto_snapshot = ${o.allowAutoSnapshot ?? true}`,
    `bloom_filter_fp_chance = ${dbl(o.bloomFilterFpChance, 0.01)}`,
    `caching = ${textMap(o.caching)}`,
    `cdc = ${o.cdc ?? false}`,
    `comment = ${quoteString(o.comment ?? '')}`,
    `compaction = ${textMap(o.compaction)}`,
    `compression = ${textMap(o.compression)}`,
    `memtable = ${quoteString(o.memtable ?? 'default')}`,
    `crc_check_chance = ${dbl(o.crcCheckChance, 1)}`,
  ];
  if (!isView) lines.push(`default_time_to_live = ${num(o.defaultTimeToLive, 0)}`);
  lines.push(
    `extensions = {${ext.map((k) => `${quoteString(k)}: ${hexBlob(o.extensions[k])}`).join(', ')}}`,
    `gc_grace_seconds = ${num(o.gcGraceSeconds, 864000)}`,
    `incremental_backups = ${o.incrementalBackups ?? true}`,
    `max_index_interval = ${num(o.maxIndexInterval, 2048)}`,
    `memtable_flush_period_in_ms = ${num(o.memtableFlushPeriodInMs, 0)}`,
    `min_index_interval = ${num(o.minIndexInterval, 128)}`,
    `read_repair = ${quoteString(o.readRepair ?? 'BLOCKING')}`,
    `speculative_retry = ${quoteString(o.speculativeRetry ?? '99p')}`,
  );
  return lines;
}

/** ` WITH a\n    AND b ...` from option lines. */
export function withClause(lines: readonly string[], lead = ' WITH '): string {
  return lines.length ? lead + lines.join('\n    AND ') : '';
}

/** A 3.x server's options, in the order cqlsh 5 printed them; options the server lacks are left out. */
function legacyOptionLines(o: TableOptions): string[] {
  const l = o.legacy!;
  const out: string[] = [];
  const add = (name: string, v: string | null) => v !== null && out.push(`${name} = ${v}`);
  const map = (m: Record<string, string>) => (Object.keys(m).length ? textMap(m) : null);
  add('bloom_filter_fp_chance', o.bloomFilterFpChance === null ? null : javaDouble(o.bloomFilterFpChance));
  add('caching', map(o.caching));
  add('comment', o.comment === null ? null : quoteString(o.comment));
  add('compaction', map(o.compaction));
  add('compression', map(o.compression));
  add('crc_check_chance', o.crcCheckChance === null ? null : javaDouble(o.crcCheckChance));
  add('dclocal_read_repair_chance', l.dclocalReadRepairChance === null ? null : javaDouble(l.dclocalReadRepairChance));
  add('default_time_to_live', o.defaultTimeToLive === null ? null : String(o.defaultTimeToLive));
  add('gc_grace_seconds', o.gcGraceSeconds === null ? null : String(o.gcGraceSeconds));
  add('max_index_interval', o.maxIndexInterval === null ? null : String(o.maxIndexInterval));
  add('memtable_flush_period_in_ms', o.memtableFlushPeriodInMs === null ? null : String(o.memtableFlushPeriodInMs));
  add('min_index_interval', o.minIndexInterval === null ? null : String(o.minIndexInterval));
  add('read_repair_chance', l.readRepairChance === null ? null : javaDouble(l.readRepairChance));
  add('speculative_retry', o.speculativeRetry === null ? null : quoteString(o.speculativeRetry));
  return out;
}
