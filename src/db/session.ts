// The database session: connect, run one statement page by page, switch keyspace, close.
// The only place (with its siblings in db/) that talks to cassandra-driver.
import { createRequire } from 'node:module';
import net from 'node:net';
import driver from 'cassandra-driver';
import type { Column, CqlValue } from '../cql/types.js';
import { ConnectTimeoutError, describeError, keepServerErrorMessages } from './errors.js';
import { applySecureConnectBundle } from './cloud.js';
import { ddlTarget, waitForDdl } from './keyspaces-ddl.js';
import { KEYSPACES_CONSISTENCIES, KEYSPACES_SERIAL, KEYSPACES_WRITE_CONSISTENCY, type Consistency } from '../cql/vocabulary.js';
import { isWriteStatement, keyspacesConsistencyError } from './keyspaces-rules.js';
import { tlsOptions, type TlsOptions } from './tls.js';
import { toCqlType, type DriverType } from './types.js';
import { capYoungGeneration } from '../memory.js';
import { patchTimestampDecoding, timestampOverflows, valueConverter } from './values.js';
import { consistencyCode } from './consistency.js';
import { unlessAborted } from '../util/abort.js';

export type { TlsOptions } from './tls.js';

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
  /** Amazon Keyspaces: refuse the consistency levels it rejects, hint timeouts as throttling */
  keyspacesService?: boolean;
  /** DataStax Astra secure connect bundle (zip): replaces host, port and TLS */
  secureConnectBundle?: string;
  /** Keyspaces: after DDL, wait until system_schema_mcs says ACTIVE (default true) */
  keyspacesSchemaWait?: boolean;
  schemaPollMs?: number;
  /** progress lines (Keyspaces DDL waits) */
  onProgress?: (text: string) => void;
}

export interface ExecuteOptions {
  /** rows per yielded page (cqlsh's page size: batch output sizes its columns page by page) */
  pageSize?: number;
  /**
   * rows per request, a multiple of pageSize: fewer round trips, each response split into pages
   * of pageSize (the server fills every page but the last, so the pages are the same)
   */
  fetchSize?: number;
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
  ) {
    this.watchHosts(client);
  }

  /** nodes that went down and no error has named yet (see describeError) */
  private readonly lostHosts = new Set<string>();
  /** nodes an error named (a connection that died under a request) since they were last up */
  private readonly namedHosts = new Set<string>();

  private watchHosts(client: driver.Client): void {
    // (the driver may mark a node down before or after the error of the request that died with it)
    client.on('hostDown', (h: driver.Host) => {
      if (!this.namedHosts.has(h.address)) this.lostHosts.add(h.address);
    });
    client.on('hostUp', (h: driver.Host) => {
      this.lostHosts.delete(h.address);
      this.namedHosts.delete(h.address);
    });
  }

  /**
   * Connects within the connect timeout: it bounds the whole connect (name lookup, socket, protocol
   * handshake, login), not each step. A connect that fails or runs out of time leaves no client
   * behind (its sockets and reconnection timers would keep the process alive).
   */
  static async connect(o: ConnectOptions): Promise<Session> {
    const timeoutMs = o.connectTimeoutMs ?? 5000;
    const made: { client?: driver.Client } = {};
    const attempt = Session.open(o, made);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ConnectTimeoutError(timeoutMs)), timeoutMs);
    });
    try {
      return await Promise.race([attempt, late]);
    } catch (e) {
      // a session that connects after all is closed at once
      attempt
        .then(
          (s) => s.close(),
          () => {},
        )
        .catch(() => {});
      void made.client?.shutdown().catch(() => {});
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private static async open(o: ConnectOptions, made: { client?: driver.Client }): Promise<Session> {
    patchTimestampDecoding();
    keepServerErrorMessages();
    // a host name is resolved here, so the contact points and the whitelist are the same addresses
    const endpoints = await whiteList(o.host, o.port);
    const options = driverOptions(
      o,
      endpoints,
      new driver.policies.loadBalancing.WhiteListPolicy(new driver.policies.loadBalancing.RoundRobinPolicy(), endpoints),
    );
    const client = new driver.Client(options);
    made.client = client;
    await client.connect();
    // the driver read the server's version while connecting; cluster name and CQL version are
    // read when first shown (loadDetails), which spares a batch run a round trip
    const control = (client as unknown as { controlConnection?: { host?: { cassandraVersion?: string; address?: string } } }).controlConnection?.host;
    const known = control?.cassandraVersion;
    const info: ServerInfo = {
      clusterName: '',
      releaseVersion: typeof known === 'string' ? known : '',
      cqlVersion: '',
      protocolVersion: negotiated(client),
      // of several contact points, the one connected to
      host: contactHosts(o.host).length > 1 && control?.address ? control.address.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1') : o.host,
      port: o.port,
    };
    const session = new Session(client, info, o);
    if (!info.releaseVersion) await session.loadDetails();
    return session;
  }

  private detailsLoaded = false;

  /** Fills in the cluster name and CQL version of `info` (SHOW VERSION/HOST, the REPL banner). */
  async loadDetails(): Promise<ServerInfo> {
    if (!this.detailsLoaded) {
      const row = (await this.client.execute('SELECT cluster_name, release_version, cql_version FROM system.local')).first();
      this.info.clusterName = row?.cluster_name ?? '';
      this.info.releaseVersion = row?.release_version ?? this.info.releaseVersion;
      this.info.cqlVersion = row?.cql_version ?? '';
      this.detailsLoaded = true;
    }
    return this.info;
  }

  /** LOGIN: connects again as `username` (same server and keyspace); the old connection goes only once that worked. */
  async login(username: string, password: string): Promise<void> {
    const next = await Session.connect({ ...this.options, username, password, authProvider: undefined, keyspace: this.keyspace });
    const old = this.client;
    this.client = next.client;
    this.watchHosts(next.client);
    this.options = next.options;
    if (this.schemaListeners.size) this.listenForSchemaChanges();
    Object.assign(this.info, await next.loadDetails());
    await old.shutdown().catch(() => {});
  }

  /** the user this session logged in as, if any */
  get username(): string | undefined {
    return this.options.authProvider ? undefined : this.options.username;
  }

  /** connected to Amazon Keyspaces (the preset, or a Keyspaces endpoint name) */
  get isAmazonKeyspaces(): boolean {
    return this.options.keyspacesService === true;
  }

  get keyspace(): string | undefined {
    return this.client.keyspace ?? undefined;
  }

  /** timestamps received so far that cqlsh cannot show as dates (shown as milliseconds) */
  get timestampOverflows(): number {
    return timestampOverflows();
  }

  /** the driver client, for db/ siblings only (db/bulk.ts: COPY) */
  get driverClient(): driver.Client {
    return this.client;
  }

  /** Runs one statement and yields its result page by page; holds one response (and asks for the next) at a time. */
  async *execute(cql: string, o: ExecuteOptions = {}): AsyncGenerator<Page> {
    let pageState: string | Buffer | undefined;
    let columns: Column[] | null | undefined;
    let convert: ((v: unknown) => CqlValue)[] = [];
    if (this.options.keyspacesService) {
      checkKeyspacesConsistency(o);
      // Keyspaces takes writes only at LOCAL_QUORUM (docs/keyspaces.md): CONSISTENCY LOCAL_ONE is for reads
      if (isWriteStatement(cql)) o = { ...o, consistency: KEYSPACES_WRITE_CONSISTENCY };
    }
    const pageSize = o.pageSize && o.pageSize > 0 ? o.pageSize : 5000;
    const fetchSize = o.fetchSize && o.fetchSize > pageSize ? Math.ceil(o.fetchSize / pageSize) * pageSize : pageSize;
    const fetch = (state: string | Buffer | undefined) =>
      this.client.execute(cql, [], {
        fetchSize,
        autoPage: false,
        pageState: state,
        consistency: o.consistency ? consistencyCode(o.consistency) : undefined,
        serialConsistency: o.serialConsistency ? consistencyCode(o.serialConsistency) : undefined,
        traceQuery: o.tracing,
        prepare: false,
      });
    await this.reviveIfDown();
    let pending: Promise<driver.types.ResultSet> | undefined = fetch(undefined);
    while (pending) {
      // a cancelled statement stops waiting at once (its request is dropped, not awaited)
      const rs: driver.types.ResultSet | undefined = await unlessAborted(pending, o.signal, undefined);
      if (!rs || o.signal?.aborted) return;
      pageState = rs.pageState ?? undefined;
      // a long stream: stop the young generation's growth (src/memory.ts); one page never needs it
      if (pageState) capYoungGeneration();
      // ask for the next page while this one is converted and printed (one page ahead, no more);
      // its failure surfaces when it is awaited
      pending = pageState ? fetch(pageState) : undefined;
      pending?.catch(() => {});
      if (columns === undefined) {
        columns = rs.columns ? rs.columns.map((c) => ({ name: c.name, type: toCqlType(c.type as unknown as DriverType) })) : null;
        convert = columns ? columns.map((c) => valueConverter(c.type)) : [];
      }
      const fetched = rs.rows ?? [];
      // Keyspaces may answer with an empty page that still has a paging state: follow it silently
      if (columns && fetched.length === 0 && pageState) continue;
      // (before the yield: the engine stops reading at a result without columns)
      if (columns === null && this.options.keyspacesService && this.options.keyspacesSchemaWait !== false) await this.waitForKeyspacesDdl(cql);
      const warnings = rs.info?.warnings ?? [];
      const traceId = rs.info?.traceId?.toString();
      let start = 0;
      do {
        const end = Math.min(start + pageSize, fetched.length);
        const rows: CqlValue[][] = new Array(columns ? end - start : 0);
        if (columns) {
          const n = columns.length;
          for (let r = start; r < end; r++) {
            // by name, not Row.values(): that one drops a repeated column and puts names like "1" first
            const row = fetched[r] as unknown as Record<string, unknown>;
            const out: CqlValue[] = new Array(n);
            for (let i = 0; i < n; i++) out[i] = convert[i](row[columns[i].name]);
            rows[r - start] = out;
          }
        }
        start = end;
        yield {
          columns,
          rows,
          warnings,
          traceId,
          keyspace: this.client.keyspace ?? undefined,
          hasMore: start < fetched.length || Boolean(pageState),
        };
        if (o.signal?.aborted) return;
      } while (start < fetched.length);
    }
  }

  private lastRevive = 0;

  /**
   * When every host is down, tries to connect now instead of at the driver's next scheduled
   * attempt, so the first statement after the server is back works (at most one attempt per
   * REVIVE_INTERVAL_MS; a server still gone fails the statement as before, `{}` as cqlsh says).
   */
  private async reviveIfDown(): Promise<void> {
    const hosts = this.client.hosts.values() as unknown as DriverHost[];
    if (hosts.length === 0 || hosts.some((h) => h.isUp())) return;
    if (Date.now() - this.lastRevive < REVIVE_INTERVAL_MS) return;
    this.lastRevive = Date.now();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.any(hosts.map(upAgain)).catch(() => {}),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.connectTimeoutMs ?? 5000))),
    ]);
    clearTimeout(timer);
    this.lastRevive = Date.now();
  }

  /** Keyspaces applies DDL asynchronously: poll system_schema_mcs until it is done (db/keyspaces-ddl.ts). */
  private async waitForKeyspacesDdl(cql: string): Promise<void> {
    const target = ddlTarget(cql, this.keyspace);
    if (!target) return;
    await waitForDdl(
      target,
      async (q, params) => {
        const row = (await this.client.execute(q, params, { prepare: false })).first();
        return row ? String(row.status ?? 'PRESENT') : undefined;
      },
      { onProgress: this.options.onProgress, intervalMs: this.options.schemaPollMs },
    );
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

  private readonly schemaListeners = new Set<() => void>();

  /** Calls `listener` on each schema change the server announces (any client's DDL); returns the unsubscribe. */
  onSchemaChange(listener: () => void): () => void {
    this.schemaListeners.add(listener);
    this.listenForSchemaChanges();
    return () => this.schemaListeners.delete(listener);
  }

  private schemaHooked: driver.Client | undefined;

  /** One 'log' listener per client: the driver reports SCHEMA_CHANGE only through its log when metadata sync is off. */
  private listenForSchemaChanges(): void {
    if (this.schemaHooked === this.client) return;
    this.schemaHooked = this.client;
    this.client.on('log', (_level: string, _from: string, message: string) => {
      if (message === 'Schema change') for (const l of this.schemaListeners) l();
    });
  }

  /** Drops cached schema facts (after DDL). */
  forgetSchema(): void {
    this.roleCache.clear();
  }

  /** The data center of the node this session's requests go to, when the driver knows it. */
  get dataCenter(): string | undefined {
    const cc = (this.client as unknown as { controlConnection?: { host?: { datacenter?: string | null } } }).controlConnection;
    return cc?.host?.datacenter ?? undefined;
  }

  /**
   * A second client to the same cluster (same credentials, TLS, timeouts) whose requests may go to
   * any node of data center `localDc`, with a connection to each open on return. The session's own
   * client sends everything to the contact point, as cqlsh does; COPY routes each request to a
   * replica through this one (db/routing.ts). The caller shuts it down. Not for Astra or Keyspaces.
   */
  async openDataCenterClient(localDc: string): Promise<driver.Client> {
    const endpoints = await whiteList(this.options.host, this.options.port);
    const options = driverOptions({ ...this.options, keyspace: undefined }, endpoints, new driver.policies.loadBalancing.DCAwareRoundRobinPolicy(localDc));
    options.localDataCenter = localDc;
    options.pooling = { warmup: true };
    const client = new driver.Client(options);
    await client.connect();
    return client;
  }

  /** true when the session reaches a cluster through a cloud bundle (Astra): no routing to nodes */
  get viaCloudBundle(): boolean {
    return this.options.secureConnectBundle !== undefined;
  }

  /** What cqlsh prints for an error this session raised. */
  describeError(err: unknown): string {
    // a node this session lost: the Python driver finds out on the next request (its connection is
    // "defunct"), and leaves a node it knows is down out of the error after that
    const lost = (address: string) => {
      this.namedHosts.add(address);
      return this.lostHosts.delete(address);
    };
    const text = describeError(err, (address) => this.client.hosts.get(address)?.datacenter, lost);
    if (this.options.keyspacesService && /^(ReadTimeout|WriteTimeout|OperationTimedOut)\b/.test(text)) {
      return `${text}\nAmazon Keyspaces: timeouts are often throttling; check the table's capacity (CloudWatch) and retry`;
    }
    return text;
  }

  async close(): Promise<void> {
    await this.client.shutdown();
  }
}

/** the least time between two immediate reconnection attempts of reviveIfDown */
const REVIVE_INTERVAL_MS = 100;

/** What reviveIfDown uses of the driver's Host (internal: `pool` and `checkIsUp` are not public API). */
interface DriverHost {
  isUp(): boolean;
  checkIsUp(): void;
  once(event: 'up', cb: () => void): unknown;
  off(event: 'up', cb: () => void): unknown;
  pool?: { once(event: 'open', cb: (err?: Error) => void): unknown; off(event: 'open', cb: (err?: Error) => void): unknown };
}

/** Asks the driver to reconnect to a down host now; resolves when it is up, rejects when the attempt failed. */
function upAgain(h: DriverHost): Promise<void> {
  if (typeof h.checkIsUp !== 'function' || !h.pool) return Promise.reject(new Error('cannot reconnect'));
  const pool = h.pool;
  return new Promise<void>((resolve, reject) => {
    const up = () => {
      pool.off('open', opened);
      resolve();
    };
    const opened = (err?: Error) => {
      if (!err) return;
      h.off('up', up);
      reject(err);
    };
    h.once('up', up);
    pool.once('open', opened);
    h.checkIsUp();
  });
}

/** The driver's options for a session's connection; `loadBalancing` picks which nodes serve requests. */
function driverOptions(o: ConnectOptions, endpoints: string[], loadBalancing: driver.policies.loadBalancing.LoadBalancingPolicy): driver.DseClientOptions {
  const options: driver.DseClientOptions = {
    contactPoints: endpoints,
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
      loadBalancing,
      // a lost server is tried again every second, so the next statement works soon after it is back
      reconnection: new driver.policies.reconnection.ConstantReconnectionPolicy(1000),
    },
    // v4 unless asked for another: the driver would first try DSE's own v66, which every other
    // server rejects (a second connect, ~10 ms); v4 is what it settles on with Cassandra,
    // ScyllaDB and Keyspaces, and what it would use with DSE for anything tscqlsh does
    protocolOptions: { port: o.port, maxVersion: o.protocolVersion ?? 4 },
    isMetadataSyncEnabled: false,
  };
  if (o.authProvider) options.authProvider = o.authProvider as driver.auth.AuthProvider;
  else if (o.username !== undefined) options.authProvider = new driver.auth.PlainTextAuthProvider(o.username, o.password ?? '');
  if (o.tls) options.sslOptions = tlsOptions(o.tls, contactHosts(o.host)[0]) as driver.ClientOptions['sslOptions'];
  if (o.secureConnectBundle) applySecureConnectBundle(options, o.secureConnectBundle);
  return options;
}

function negotiated(client: driver.Client): number {
  const cc = (client as unknown as { controlConnection?: { protocolVersion?: number } }).controlConnection;
  return cc?.protocolVersion ?? 0;
}

/** Only the contact points' own addresses serve queries (peers, e.g. Keyspaces' 127.0.0.1 rows, are ignored). */
async function whiteList(host: string, port: number): Promise<string[]> {
  // (an address: IPv6 has colons; net.isIPv6 would compile its large regular expression, ~4 ms)
  const fmt = (a: string) => (a.includes(':') ? `[${a}]:${port}` : `${a}:${port}`);
  const out: string[] = [];
  for (const h of contactHosts(host)) {
    if (net.isIP(h)) out.push(fmt(h));
    else {
      // a name that does not resolve fails here, with the resolver's error (getaddrinfo ENOTFOUND ...);
      // node:dns loads only for a name
      dns ??= createRequire(import.meta.url)('node:dns/promises') as typeof import('node:dns/promises');
      out.push(...(await dns.lookup(h, { all: true })).map((a) => fmt(a.address)));
    }
  }
  return [...new Set(out)];
}

let dns: typeof import('node:dns/promises') | undefined;

/** The hosts of a `host` setting: one, or several separated by commas (a profile's contact points). */
export function contactHosts(host: string): string[] {
  const hosts = host
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hosts.length ? hosts : [host];
}

function checkKeyspacesConsistency(o: ExecuteOptions): void {
  if (o.consistency && !(KEYSPACES_CONSISTENCIES as readonly string[]).includes(o.consistency)) {
    throw new Error(keyspacesConsistencyError(o.consistency));
  }
  if (o.serialConsistency && !(KEYSPACES_SERIAL as readonly string[]).includes(o.serialConsistency)) {
    throw new Error(`Amazon Keyspaces does not support serial consistency level ${o.serialConsistency}`);
  }
}
