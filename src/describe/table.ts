// CREATE TABLE and CREATE MATERIALIZED VIEW text, as Cassandra 5.0's DESCRIBE prints them.
import { clustering, createOrder, partitionKey, selectOrder } from './columns.js';
import { qualified, quoteName } from './cql-text.js';
import type { ColumnModel, TableModel, ViewModel } from './model.js';
import { keyspacesOptions, keyspacesStatus } from './keyspaces.js';
import { optionLines, withClause } from './options.js';

export interface TableTextOptions {
  /** WITH INTERNALS: the table id and dropped columns */
  internals?: boolean;
}

/** True for a table made with COMPACT STORAGE (or through Thrift). */
export function isCompact(t: TableModel): boolean {
  return t.flags.includes('super') || t.flags.includes('dense') || !t.flags.includes('compound');
}

/** A compact table without clustering columns of its own: its columns are stored as static ones. */
const isStaticCompact = (t: TableModel): boolean => !t.flags.includes('super') && !t.flags.includes('dense') && !t.flags.includes('compound');

function primaryKey(cols: readonly ColumnModel[]): string {
  const pk = partitionKey(cols).map((c) => quoteName(c.name));
  const ck = clustering(cols).map((c) => quoteName(c.name));
  const part = pk.length > 1 ? `(${pk.join(', ')})` : pk[0];
  return `PRIMARY KEY (${[part, ...ck].join(', ')})`;
}

function clusteringOrder(cols: readonly ColumnModel[]): string {
  const ck = clustering(cols);
  return `CLUSTERING ORDER BY (${ck.map((c) => `${quoteName(c.name)} ${c.clusteringOrder.toLowerCase() === 'desc' ? 'DESC' : 'ASC'}`).join(', ')})`;
}

/** The CREATE TABLE statement (with its trailing `;`, and ALTER ... DROP lines WITH INTERNALS). */
export function createTable(t: TableModel, o: TableTextOptions = {}): string {
  const compact = isCompact(t);
  const staticCompact = isStaticCompact(t);
  const visible = t.columns.filter((c) => !(compact && c.type === 'empty') && !(staticCompact && (c.kind === 'clustering' || c.kind === 'regular')));
  const cols = createOrder(visible);
  const pk = partitionKey(cols);
  const ck = clustering(t.columns);
  const inlinePk = pk.length === 1 && ck.length === 0;
  const dropped = o.internals ? [...t.dropped].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name))) : [];
  const droppedNames = new Set(dropped.map((d) => d.name));
  const column = (name: string, type: string, isStatic: boolean, key = false) =>
    `    ${quoteName(name)} ${type}${isStatic && !compact ? ' static' : ''}${key ? ' PRIMARY KEY' : ''}`;
  const lines = cols
    .filter((c) => !droppedNames.has(c.name) || c.kind === 'partition_key' || c.kind === 'clustering')
    .map((c) => column(c.name, c.type, c.kind === 'static', inlinePk && c.kind === 'partition_key'));
  for (const d of dropped) lines.push(column(d.name, d.type, d.kind === 'static'));
  if (!inlinePk) lines.push(`    ${primaryKey(cols)}`);
  const allCols = createOrder(t.columns);
  const opts: string[] = [];
  if (compact) opts.push('COMPACT STORAGE');
  if (o.internals) opts.push(`ID = ${t.id}`);
  if (ck.length) opts.push(clusteringOrder(allCols));
  // on Keyspaces, CDC is written with its stream's settings (keyspacesOptions)
  opts.push(...optionLines(t.options, false).filter((l) => !(t.keyspaces && l.startsWith('cdc = '))));
  if (t.keyspaces) opts.push(...keyspacesOptions(t.keyspaces));
  let text = `CREATE TABLE ${qualified(t.keyspace, t.name)} (\n${lines.join(',\n')}\n)${withClause(opts)};`;
  for (const d of dropped) {
    text += `\nALTER TABLE ${qualified(t.keyspace, t.name)} DROP ${quoteName(d.name)} USING TIMESTAMP ${d.droppedTime * 1000n};`;
    const back = t.columns.find((c) => c.name === d.name);
    if (back) text += `\nALTER TABLE ${qualified(t.keyspace, t.name)} ADD ${quoteName(back.name)} ${back.type}${back.kind === 'static' ? ' static' : ''};`;
  }
  if (t.keyspaces) text = keyspacesStatus(t, t.keyspaces) + text;
  if (compact) {
    text =
      `/*\nWarning: Table ${t.keyspace}.${t.name} omitted because it has constructs not compatible with CQL (was created via legacy API).\n` +
      `Approximate structure, for reference:\n(this should not be used to reproduce this schema)\n\n${text}\n*/`;
  }
  return text;
}

/** The CREATE MATERIALIZED VIEW statement. */
export function createView(v: ViewModel, o: TableTextOptions = {}): string {
  const cols = v.columns;
  const select = v.includeAllColumns
    ? '*'
    : selectOrder(cols)
        .map((c) => quoteName(c.name))
        .join(', ');
  const opts: string[] = [];
  if (o.internals) opts.push(`ID = ${v.id}`);
  if (clustering(cols).length) opts.push(clusteringOrder(cols));
  opts.push(...optionLines(v.options, true));
  return (
    `CREATE MATERIALIZED VIEW ${qualified(v.keyspace, v.name)} AS\n` +
    `    SELECT ${select}\n` +
    `    FROM ${qualified(v.keyspace, v.baseTable)}\n` +
    `    WHERE ${v.whereClause}\n` +
    `    ${primaryKey(cols)}\n` +
    withClause(opts) +
    ';'
  );
}
