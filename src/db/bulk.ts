// What COPY needs from the database: a table's columns and keys, the partitioner, token-range
// reads page by page, prepared writes (single rows and unlogged batches), neutral values → driver
// values, and which errors are worth a retry.
import driver from 'cassandra-driver';
import { CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, type Column, type CqlType, type CqlValue } from '../cql/types.js';
import { describeError } from './errors.js';
import type { Consistency } from '../cql/vocabulary.js';
import type { Via } from './routing.js';
import type { Session } from './session.js';
import { toCqlType, type DriverType } from './types.js';
import { valueConverter } from './values.js';
import { consistencyCode } from './consistency.js';

export interface TableInfo {
  keyspace: string;
  table: string;
  /** pk, clustering, then the others by name (cqlsh's order) */
  columns: Column[];
  partitionKey: string[];
  primaryKey: string[];
  partitioner: string;
}

export class TableNotFound extends Error {}

const quoteId = (s: string) => (/^[a-z_][a-z0-9_]*$/.test(s) ? s : `"${s.replaceAll('"', '""')}"`);
export { quoteId };

export async function tableInfo(session: Session, ks: string, table: string): Promise<TableInfo> {
  const c = session.driverClient;
  const ksRow = await c.execute('SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?', [ks], { prepare: true });
  if (ksRow.rowLength === 0) throw new TableNotFound(`Keyspace '${ks}' not found.`);
  const rs = await c.execute('SELECT column_name, kind, position FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?', [ks, table], {
    prepare: true,
  });
  if (rs.rowLength === 0) throw new TableNotFound(`Column family ${table} not found`);
  const sample = await c.execute(`SELECT * FROM ${quoteId(ks)}.${quoteId(table)} LIMIT 1`, [], { fetchSize: 1, prepare: false });
  const types = new Map((sample.columns ?? []).map((col) => [col.name, toCqlType(col.type as unknown as DriverType)]));
  const meta = rs.rows.map((r) => ({ name: String(r.column_name), kind: String(r.kind), position: Number(r.position) }));
  const byKind = (k: string) => meta.filter((m) => m.kind === k).sort((a, b) => a.position - b.position);
  const pk = byKind('partition_key');
  const ck = byKind('clustering');
  const rest = meta.filter((m) => m.kind !== 'partition_key' && m.kind !== 'clustering').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const role = (k: string): Column['role'] =>
    k === 'partition_key' ? 'partition_key' : k === 'clustering' ? 'clustering' : k === 'static' ? 'static' : 'regular';
  const columns = [...pk, ...ck, ...rest].map((m) => ({ name: m.name, type: types.get(m.name) ?? { kind: 'blob' as const }, role: role(m.kind) }));
  const local = await c.execute('SELECT partitioner FROM system.local');
  return {
    keyspace: ks,
    table,
    columns,
    partitionKey: pk.map((m) => m.name),
    primaryKey: [...pk, ...ck].map((m) => m.name),
    partitioner: String(local.first()?.partitioner ?? ''),
  };
}

export interface ReadOptions {
  pageSize: number;
  timeoutMs: number;
  consistency?: Consistency;
  signal?: AbortSignal;
  /** where to start (and, page by page, where it got to): a retry goes on from there */
  resume?: { pageState?: string | Buffer };
  /** the replica to read from (db/routing.ts); the session's node without */
  via?: Via;
}

/** Rows of one query (with bound parameters), page by page. */
export async function* readPages(session: Session, cql: string, params: unknown[], columns: Column[], o: ReadOptions): AsyncGenerator<CqlValue[][]> {
  const c = o.via?.client ?? session.driverClient;
  const convert = columns.map((col) => valueConverter(col.type));
  let pageState = o.resume?.pageState;
  do {
    if (o.signal?.aborted) return;
    const rs = await c.execute(cql, params, {
      prepare: true,
      fetchSize: o.pageSize,
      autoPage: false,
      pageState,
      readTimeout: o.timeoutMs,
      consistency: o.consistency ? consistencyCode(o.consistency) : undefined,
      host: o.via?.host,
    });
    const rows: CqlValue[][] = new Array(rs.rows.length);
    for (let r = 0; r < rs.rows.length; r++) {
      // by name (as Session.execute reads rows), each column through its converter
      const row = rs.rows[r] as unknown as Record<string, unknown>;
      const out: CqlValue[] = new Array(columns.length);
      for (let i = 0; i < columns.length; i++) out[i] = convert[i](row[columns[i].name]);
      rows[r] = out;
    }
    pageState = rs.pageState ?? undefined;
    yield rows;
    if (o.resume) o.resume.pageState = pageState;
  } while (pageState);
}

export interface WriteOptions {
  consistency?: Consistency;
  timeoutMs?: number;
  /** the replica to write through (db/routing.ts); the session's node without */
  via?: Via;
}

/** Writes rows (already converted with toDriverValues) with one prepared statement: one row alone, more as an unlogged batch. */
export async function writeRows(session: Session, cql: string, rows: unknown[][], o: WriteOptions): Promise<void> {
  const c = o.via?.client ?? session.driverClient;
  const opts = { prepare: true, consistency: o.consistency ? consistencyCode(o.consistency) : undefined, readTimeout: o.timeoutMs, host: o.via?.host };
  if (rows.length === 1) await c.execute(cql, rows[0], opts);
  else
    await c.batch(
      rows.map((params) => ({ query: cql, params })),
      { ...opts, logged: false },
    );
}

/**
 * A bound parameter: as toDriverValue, but an empty collection goes as its encoded self (the
 * driver would send a null, which loses a frozen empty collection).
 */
export function toDriverParam(v: CqlValue, t: CqlType): unknown {
  if (Array.isArray(v) && v.length === 0 && (t.kind === 'list' || t.kind === 'set' || t.kind === 'map')) return Buffer.alloc(4);
  return toDriverValue(v, t);
}

/** Neutral value → what the driver encodes for that type. */
export function toDriverValue(v: CqlValue, t: CqlType): unknown {
  if (v === null) return null;
  switch (t.kind) {
    case 'decimal': {
      const d = v as CqlDecimal;
      const Ctor = driver.types.BigDecimal as unknown as new (unscaled: unknown, scale: number) => unknown;
      return new Ctor(driver.types.Integer.fromString(d.unscaled.toString()), d.scale);
    }
    case 'uuid':
      return driver.types.Uuid.fromString(v as string);
    case 'timeuuid':
      return driver.types.TimeUuid.fromString(v as string);
    case 'inet':
      return driver.types.InetAddress.fromString(v as string);
    case 'blob':
    case 'custom':
    case 'empty':
      return Buffer.from(v as Uint8Array);
    case 'timestamp':
      return (v as CqlTimestamp).millis;
    case 'date':
      return new (driver.types.LocalDate as unknown as new (days: number) => unknown)((v as CqlDate).days);
    case 'time':
      return new driver.types.LocalTime(driver.types.Long.fromString((v as bigint).toString()));
    case 'duration': {
      const d = v as CqlDuration;
      return new driver.types.Duration(d.months, d.days, driver.types.Long.fromString(d.nanoseconds.toString()));
    }
    case 'list':
    case 'set':
      return (v as CqlValue[]).map((x) => toDriverValue(x, t.element));
    case 'vector':
      return new driver.types.Vector((v as CqlValue[]).map((x) => toDriverValue(x, t.element)));
    case 'map':
      return new Map((v as [CqlValue, CqlValue][]).map(([k, x]) => [toDriverValue(k, t.key), toDriverValue(x, t.value)]));
    case 'tuple':
      return new driver.types.Tuple(...(v as CqlValue[]).map((x, i) => toDriverValue(x, t.elements[i])));
    case 'udt': {
      const out: Record<string, unknown> = {};
      t.fields.forEach((f, i) => (out[f.name] = toDriverValue((v as CqlValue[])[i] ?? null, f.type)));
      return out;
    }
    default:
      return v;
  }
}

const retryCodes = new Set([0x1000, 0x1001, 0x1002, 0x1100, 0x1200, 0x1300, 0x1500]);

/** Timeouts, lost connections, overload, unavailability and throttling (Keyspaces) are worth another attempt. */
export function isRetryable(e: unknown): boolean {
  if (e instanceof driver.errors.OperationTimedOutError || e instanceof driver.errors.NoHostAvailableError) return true;
  // the connection died under the request ("Socket was closed"): the server may come back
  if (e instanceof driver.errors.DriverError && (e as { isSocketError?: boolean }).isSocketError === true) return true;
  if (e instanceof driver.errors.ResponseError) return retryCodes.has(e.code) || /throttl|rate exceeded/i.test(e.message);
  return false;
}

/** cqlsh's "Name - message" form of an error. */
export function errorParts(e: unknown): [name: string, message: string] {
  const text = describeError(e);
  const k = text.indexOf(': ');
  return k < 0 ? ['Error', text] : [text.slice(0, k), text.slice(k + 2)];
}

/** Statements as text (PREPAREDSTATEMENTS=False): one alone, more as an unlogged batch of texts. */
export async function writeTexts(session: Session, statements: string[], o: WriteOptions): Promise<void> {
  const c = o.via?.client ?? session.driverClient;
  const opts = { prepare: false, consistency: o.consistency ? consistencyCode(o.consistency) : undefined, readTimeout: o.timeoutMs, host: o.via?.host };
  if (statements.length === 1) await c.execute(statements[0], [], opts);
  else await c.batch(statements, { ...opts, logged: false });
}
