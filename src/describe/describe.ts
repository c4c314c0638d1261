// The client-side DESCRIBE: a schema model and a request in, the rows Cassandra 5.0's server-side
// DESCRIBE would return out (DescribeStatement's resolution rules, orders and messages).
import { quoteName, sortedByName } from './cql-text.js';
import { createAggregate, createFunction, createIndex, createKeyspace, createType, signature, typesInDependencyOrder } from './elements.js';
import type { KeyspaceModel, SchemaModel, TableModel } from './model.js';
import { replicaPlacement } from './replication.js';
import { type ClusterRow, DescribeError, type DescribeRequest, type DescribeRow } from './request.js';
import { createTable, createView } from './table.js';
import { virtualKeyspace, virtualTable } from './virtual.js';
import { SYSTEM_KEYSPACES } from '../cql/vocabulary.js';

const SYSTEM: ReadonlySet<string> = new Set(SYSTEM_KEYSPACES);

/** Keyspaces in DESCRIBE order: by name, virtual ones among the stored ones (as the server sorts). */
export function orderedKeyspaces(s: SchemaModel): KeyspaceModel[] {
  return sortedByName(s.keyspaces);
}

export function describeRows(s: SchemaModel, req: DescribeRequest, current: string | undefined): DescribeRow[] {
  const internals = req.internals;
  const find = (name: string) => s.keyspaces.find((k) => k.name === name);
  const keyspace = (name: string | undefined): KeyspaceModel => {
    const n = name ?? current;
    if (n === undefined) throw new DescribeError('No keyspace specified and no current keyspace');
    const k = find(n);
    if (!k) throw new DescribeError(`'${n}' not found in keyspaces`);
    return k;
  };
  const scope = () => (current !== undefined ? [keyspace(current)] : orderedKeyspaces(s));
  switch (req.what) {
    case 'keyspaces':
      return orderedKeyspaces(s).map((k) => row(k.name, 'keyspace', quoteName(k.name)));
    case 'tables':
      return scope().flatMap((k) => sortedByName(k.tables).map((t) => row(k.name, 'table', quoteName(t.name))));
    case 'types':
      return scope().flatMap((k) => sortedByName(k.types).map((t) => row(k.name, 'type', quoteName(t.name))));
    case 'functions':
      return scope().flatMap((k) => sortedByName(k.functions).map((f) => row(k.name, 'function', signature(f.name, f.argumentTypes))));
    case 'aggregates':
      return scope().flatMap((k) => sortedByName(k.aggregates).map((a) => row(k.name, 'aggregate', signature(a.name, a.argumentTypes))));
    case 'cluster':
      return [];
    case 'schema':
      return orderedKeyspaces(s)
        .filter((k) => req.full || !SYSTEM.has(k.name))
        .flatMap((k) => keyspaceElements(k, false, internals));
    case 'keyspace':
      return keyspaceElements(keyspace(req.name), req.only, internals);
    case 'generic': {
      if (req.keyspace === undefined && find(req.name)) return keyspaceElements(find(req.name)!, false, internals);
      const k = keyspace(req.keyspace);
      const t = k.tables.find((x) => x.name === req.name);
      if (t) return tableElements(k, t, internals);
      const it = indexedTable(k, req.name);
      if (it) return [indexRow(it, req.name)];
      const v = k.views.find((x) => x.name === req.name);
      if (v) return [row(k.name, 'materialized_view', quoteName(v.name), createView(v, { internals }))];
      throw new DescribeError(`'${req.name}' not found in keyspace '${k.name}'`);
    }
    case 'table': {
      const k = keyspace(req.keyspace);
      const t = k.tables.find((x) => x.name === req.name);
      if (!t) throw new DescribeError(`Table '${req.name}' not found in keyspace '${k.name}'`);
      return tableElements(k, t, internals);
    }
    case 'index': {
      const k = keyspace(req.keyspace);
      const t = indexedTable(k, req.name);
      if (!t) throw new DescribeError(`Table for existing index '${req.name}' not found in '${k.name}'`);
      return [indexRow(t, req.name)];
    }
    case 'view': {
      const k = keyspace(req.keyspace);
      const v = k.views.find((x) => x.name === req.name);
      if (!v) throw new DescribeError(`Materialized view '${req.name}' not found in '${k.name}'`);
      return [row(k.name, 'materialized_view', quoteName(v.name), createView(v, { internals }))];
    }
    case 'type': {
      const k = keyspace(req.keyspace);
      const t = k.types.find((x) => x.name === req.name);
      if (!t) throw new DescribeError(`User defined type '${req.name}' not found in '${k.name}'`);
      return [row(k.name, 'type', quoteName(t.name), createType(t))];
    }
    case 'function': {
      const k = keyspace(req.keyspace);
      const fs = k.functions.filter((f) => f.name === req.name);
      if (!fs.length) throw new DescribeError(`User defined function '${req.name}' not found in '${k.name}'`);
      return fs.map((f) => row(k.name, 'function', signature(f.name, f.argumentTypes), createFunction(f)));
    }
    case 'aggregate': {
      const k = keyspace(req.keyspace);
      const as = k.aggregates.filter((a) => a.name === req.name);
      if (!as.length) throw new DescribeError(`User defined aggregate '${req.name}' not found in '${k.name}'`);
      return as.map((a) => row(k.name, 'aggregate', signature(a.name, a.argumentTypes), createAggregate(a)));
    }
  }
}

function row(keyspace: string, type: string, name: string, create?: string): DescribeRow {
  const ks = quoteName(keyspace);
  return create === undefined ? { keyspace_name: ks, type, name } : { keyspace_name: ks, type, name, create_statement: create };
}

function indexedTable(k: KeyspaceModel, index: string): TableModel | undefined {
  return k.tables.find((t) => t.indexes.some((i) => i.name === index));
}

function indexRow(t: TableModel, index: string): DescribeRow {
  const i = t.indexes.find((x) => x.name === index)!;
  return row(t.keyspace, 'index', quoteName(i.name), createIndex(t, i));
}

function keyspaceElements(k: KeyspaceModel, only: boolean, internals: boolean): DescribeRow[] {
  if (k.virtual) {
    const out = [row(k.name, 'keyspace', quoteName(k.name), virtualKeyspace(k))];
    if (!only) for (const t of sortedByName(k.tables)) out.push(row(k.name, 'table', quoteName(t.name), virtualTable(t)));
    return out;
  }
  const out = [row(k.name, 'keyspace', quoteName(k.name), createKeyspace(k))];
  if (only) return out;
  for (const t of typesInDependencyOrder(k.types)) out.push(row(k.name, 'type', quoteName(t.name), createType(t)));
  for (const f of sortedByName(k.functions)) out.push(row(k.name, 'function', signature(f.name, f.argumentTypes), createFunction(f)));
  for (const a of sortedByName(k.aggregates)) out.push(row(k.name, 'aggregate', signature(a.name, a.argumentTypes), createAggregate(a)));
  for (const t of sortedByName(k.tables)) out.push(...tableElements(k, t, internals));
  return out;
}

function tableElements(k: KeyspaceModel, t: TableModel, internals: boolean): DescribeRow[] {
  if (t.virtual) return [row(k.name, 'table', quoteName(t.name), virtualTable(t))];
  const out = [row(k.name, 'table', quoteName(t.name), createTable(t, { internals }))];
  for (const i of sortedByName(t.indexes)) out.push(row(k.name, 'index', quoteName(i.name), createIndex(t, i)));
  const views = sortedByName(k.views.filter((v) => v.baseTable === t.name));
  for (const v of views) out.push(row(k.name, 'materialized_view', quoteName(v.name), createView(v, { internals })));
  return out;
}

/**
 * DESCRIBE CLUSTER from the model: with a keyspace in use (not a system one), each ring token and
 * the endpoints holding the range it ends, placed by the keyspace's replication strategy.
 */
export function describeCluster(s: SchemaModel, current: string | undefined): ClusterRow {
  const c = s.cluster ?? { name: '', partitioner: '' };
  const out: ClusterRow = {
    cluster: c.name,
    partitioner: c.partitioner.replace(/^org\.apache\.cassandra\.dht\./, ''),
    snitch: (c.snitch ?? 'DynamicEndpointSnitch').replace(/^org\.apache\.cassandra\.locator\./, ''),
  };
  if (current !== undefined && c.ring && !SYSTEM.has(current)) {
    const ks = s.keyspaces.find((k) => k.name === current);
    const ring = [...c.ring].sort((a, b) => (BigInt(a.token) < BigInt(b.token) ? -1 : BigInt(a.token) > BigInt(b.token) ? 1 : 0));
    // one object per endpoint, so that placement sees each node once
    const nodes = new Map<string, { endpoint: string; dc: string | null; rack: string | null }>();
    const owners = ring.map(
      (r) => nodes.get(r.endpoint) ?? nodes.set(r.endpoint, { endpoint: r.endpoint, dc: r.dc ?? null, rack: r.rack ?? null }).get(r.endpoint)!,
    );
    const place = replicaPlacement(owners, ks?.replication ?? {}) ?? replicaPlacement(owners, { class: 'SimpleStrategy', replication_factor: '1' })!;
    const owned: [string, string[]][] = ring.map((r, i) => [r.token, place(i).map((n) => n.endpoint)]);
    out.range_ownership = owned.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  return out;
}
