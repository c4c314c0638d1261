// The database session: connect, run one statement page by page, switch keyspace, close.
// The only place (with its siblings in db/) that talks to cassandra-driver.
import fs from 'node:fs';
import tls from 'node:tls';
import driver from 'cassandra-driver';
import type { Column, CqlValue } from '../cql/types.js';
import { describeError } from './errors.js';
import { toCqlType, type DriverType } from './types.js';
import { patchTimestampDecoding, toCqlValue } from './values.js';

export interface TlsOptions {
  /** PEM files of certificate authorities to trust (replace the system roots unless withSystemRoots) */
  caFiles?: string[];
  withSystemRoots?: boolean;
  certFile?: string;
  keyFile?: string;
  /** verify the server certificate and host name (default true) */
  verify?: boolean;
  serverName?: string;
}

export interface ConnectOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  keyspace?: string;
  localDataCenter?: string;
  tls?: TlsOptions;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  protocolVersion?: number;
  /** an already-built driver auth provider (SigV4) */
  authProvider?: unknown;
}

export type Consistency =
  | 'ANY' | 'ONE' | 'TWO' | 'THREE' | 'QUORUM' | 'ALL' | 'LOCAL_QUORUM' | 'EACH_QUORUM'
  | 'SERIAL' | 'LOCAL_SERIAL' | 'LOCAL_ONE';

export interface ExecuteOptions {
  pageSize?: number;
  consistency?: Consistency;
  serialConsistency?: Consistency;
  tracing?: boolean;
  signal?: AbortSignal;
}

export interface Page {
  /** null for statements that return no rows (DDL, plain writes) */
  columns: Column[] | null;
  rows: CqlValue[][];
  warnings: string[];
  traceId?: string;
  /** the session's keyspace after the statement (a USE changes it) */
  keyspace?: string;
  hasMore: boolean;
}

export interface ServerInfo {
  clusterName: string;
  releaseVersion: string;
  cqlVersion: string;
  protocolVersion: number;
  host: string;
  port: number;
}

export class Session {
  private constructor(
    private client: driver.Client,
    readonly info: ServerInfo,
    private options: ConnectOptions,
  ) {}

  static async connect(o: ConnectOptions): Promise<Session> {
    patchTimestampDecoding();
    const options: driver.DseClientOptions = {
      contactPoints: [`${o.host}:${o.port}`],
      localDataCenter: o.localDataCenter,
      keyspace: o.keyspace,
      socketOptions: {
        connectTimeout: o.connectTimeoutMs ?? 5000,
        readTimeout: o.requestTimeoutMs ?? 10000,
      },
      pooling: { warmup: false },
      encoding: { useBigIntAsLong: true, useBigIntAsVarint: true, map: Map },
      queryOptions: { consistency: driver.types.consistencies.one, prepare: false },
      policies: {
        loadBalancing: new driver.policies.loadBalancing.WhiteListPolicy(
          new driver.policies.loadBalancing.RoundRobinPolicy(),
          [`${o.host}:${o.port}`],
        ),
      },
      protocolOptions: { port: o.port, maxVersion: o.protocolVersion },
      isMetadataSyncEnabled: false,
    };
    if (o.authProvider) options.authProvider = o.authProvider as driver.auth.AuthProvider;
    else if (o.username !== undefined) options.authProvider = new driver.auth.PlainTextAuthProvider(o.username, o.password ?? '');
    if (o.tls) options.sslOptions = tlsOptions(o.tls, o.host);
    const client = new driver.Client(options);
    await client.connect();
    const local = await client.execute('SELECT cluster_name, release_version, cql_version FROM system.local');
    const row = local.first();
    const info: ServerInfo = {
      clusterName: row?.cluster_name ?? '',
      releaseVersion: row?.release_version ?? '',
      cqlVersion: row?.cql_version ?? '',
      protocolVersion: negotiated(client),
      host: o.host,
      port: o.port,
    };
    return new Session(client, info, o);
  }

  /** LOGIN: connects again as `username` (same server and keyspace); the old connection goes only once that worked. */
  async login(username: string, password: string): Promise<void> {
    const next = await Session.connect({ ...this.options, username, password, authProvider: undefined, keyspace: this.keyspace });
    const old = this.client;
    this.client = next.client;
    this.options = next.options;
    Object.assign(this.info, next.info);
    await old.shutdown().catch(() => {});
  }

  /** the user this session logged in as, if any */
  get username(): string | undefined {
    return this.options.authProvider ? undefined : this.options.username;
  }

  get keyspace(): string | undefined {
    return this.client.keyspace ?? undefined;
  }

  /** Runs one statement and yields its result page by page; never holds more than one page. */
  async *execute(cql: string, o: ExecuteOptions = {}): AsyncGenerator<Page> {
    let pageState: string | Buffer | undefined;
    let columns: Column[] | null | undefined;
    do {
      if (o.signal?.aborted) return;
      const rs = await this.client.execute(cql, [], {
        fetchSize: o.pageSize && o.pageSize > 0 ? o.pageSize : 5000,
        autoPage: false,
        pageState,
        consistency: o.consistency ? driver.types.consistencies[camel(o.consistency)] : undefined,
        serialConsistency: o.serialConsistency ? driver.types.consistencies[camel(o.serialConsistency)] : undefined,
        traceQuery: o.tracing,
        prepare: false,
      });
      if (columns === undefined) {
        columns = rs.columns ? rs.columns.map((c) => ({ name: c.name, type: toCqlType(c.type as unknown as DriverType) })) : null;
      }
      const rows: CqlValue[][] = [];
      if (columns && rs.rows) {
        for (const r of rs.rows) {
          const values = r.values();
          const out: CqlValue[] = new Array(columns.length);
          for (let i = 0; i < columns.length; i++) out[i] = toCqlValue(values[i], columns[i].type);
          rows.push(out);
        }
      }
      pageState = rs.pageState ?? undefined;
      yield {
        columns,
        rows,
        warnings: rs.info?.warnings ?? [],
        traceId: rs.info?.traceId?.toString(),
        keyspace: this.client.keyspace ?? undefined,
        hasMore: Boolean(pageState),
      };
    } while (pageState);
  }

  private roleCache = new Map<string, Map<string, Column['role']>>();

  /** Each column's place in its table's key (cached until `forgetSchema`). */
  async columnRoles(keyspace: string, table: string): Promise<Map<string, Column['role']>> {
    const key = `${keyspace}.${table}`;
    let roles = this.roleCache.get(key);
    if (!roles) {
      roles = new Map();
      const rs = await this.client.execute(
        'SELECT column_name, kind FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?',
        [keyspace, table],
        { prepare: false },
      );
      for (const r of rs.rows) roles.set(r.column_name, r.kind as Column['role']);
      this.roleCache.set(key, roles);
    }
    return roles;
  }

  /** Drops cached schema facts (after DDL). */
  forgetSchema(): void {
    this.roleCache.clear();
  }

  /** What cqlsh prints for an error this session raised. */
  describeError(err: unknown): string {
    return describeError(err, (address) => this.client.hosts.get(address)?.datacenter);
  }

  async close(): Promise<void> {
    await this.client.shutdown();
  }
}

function camel(c: Consistency): keyof typeof driver.types.consistencies {
  return c.toLowerCase().replace(/_(\w)/g, (_, x: string) => x.toUpperCase()) as keyof typeof driver.types.consistencies;
}

function negotiated(client: driver.Client): number {
  const cc = (client as unknown as { controlConnection?: { protocolVersion?: number } }).controlConnection;
  return cc?.protocolVersion ?? 0;
}

function tlsOptions(t: TlsOptions, host: string): driver.ClientOptions['sslOptions'] {
  const verify = t.verify ?? true;
  const ca = t.caFiles?.map((f) => fs.readFileSync(f, 'utf8'));
  return {
    rejectUnauthorized: verify,
    ...(verify ? {} : { checkServerIdentity: () => undefined }),
    ...(ca ? { ca: t.withSystemRoots ? [...tls.rootCertificates, ...ca] : ca } : {}),
    ...(t.certFile ? { cert: fs.readFileSync(t.certFile) } : {}),
    ...(t.keyFile ? { key: fs.readFileSync(t.keyFile) } : {}),
    servername: t.serverName ?? (/^[\d.]+$|:/.test(host) ? undefined : host),
  };
}
