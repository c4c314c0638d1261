// Virtual keyspaces and tables (system_virtual_schema): shown for reference inside a comment.
import { clustering, createOrder, partitionKey } from './columns.js';
import { qualified, quoteName, quoteString } from './cql-text.js';
import type { KeyspaceModel, TableModel } from './model.js';

export function virtualKeyspace(k: KeyspaceModel): string {
  return (
    `/*\nWarning: Keyspace ${k.name} is a virtual keyspace and cannot be recreated with CQL.\n` +
    `Structure, for reference:\nVIRTUAL KEYSPACE ${quoteName(k.name)};\n*/`
  );
}

export function virtualTable(t: TableModel): string {
  const cols = createOrder(t.columns);
  const pk = partitionKey(cols);
  const ck = clustering(cols);
  const inline = pk.length === 1 && ck.length === 0;
  const lines = cols.map(
    (c) => `    ${quoteName(c.name)} ${c.type}${c.kind === 'static' ? ' static' : ''}${inline && c.kind === 'partition_key' ? ' PRIMARY KEY' : ''}`,
  );
  if (!inline) {
    const part = pk.length > 1 ? `(${pk.map((c) => quoteName(c.name)).join(', ')})` : quoteName(pk[0].name);
    lines.push(`    PRIMARY KEY (${[part, ...ck.map((c) => quoteName(c.name))].join(', ')})`);
  }
  const opts: string[] = [];
  if (ck.length) {
    opts.push(`CLUSTERING ORDER BY (${ck.map((c) => `${quoteName(c.name)} ${c.clusteringOrder.toLowerCase() === 'desc' ? 'DESC' : 'ASC'}`).join(', ')})`);
  }
  opts.push(`comment = ${quoteString(t.options.comment ?? '')}`);
  return (
    `/*\nWarning: Table ${t.keyspace}.${t.name} is a virtual table and cannot be recreated with CQL.\n` +
    `Structure, for reference:\nVIRTUAL TABLE ${qualified(t.keyspace, t.name)} (\n${lines.join(',\n')}\n) WITH ${opts.join('\n    AND ')};\n*/`
  );
}
