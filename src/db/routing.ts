// COPY's token-aware routing (cqlsh's TokenMap and FastTokenAwarePolicy, export's replica
// sessions): a second driver client that reaches every node of the session's data center
// (Session.openDataCenterClient), the ring from the driver's hosts (their tokens, data centers and
// racks), the keyspace's replicas of each ring range placed as Cassandra places them
// (describe/replication.ts), and for each request a replica of its range in the local data center
// that is up, taking turns among them. A range without such a replica goes to any local node,
// which coordinates it (cqlsh does the same).
import type driver from 'cassandra-driver';
import { replicaPlacement } from '../describe/replication.js';
import type { TokenRing } from './ring.js';
import type { Session } from './session.js';

/** Where one request goes: the routing client, and the node it must be sent to (none: any local node). */
export interface Via {
  client: driver.Client;
  host?: driver.Host;
}

export class Routing {
  /** requests sent to a replica, per node address; and those left to a coordinator */
  readonly sent = new Map<string, number>();
  coordinated = 0;
  private turn = 0;

  private constructor(
    private readonly client: driver.Client,
    /** the ring (owner: each position's first replica, as an index into ring.hosts) */
    readonly ring: TokenRing,
    /** the ring's tokens, sorted */
    readonly tokens: bigint[],
    /** per ring position, its replicas in the local data center (Cassandra's order) */
    private readonly local: driver.Host[][],
    private readonly hosts: driver.Host[],
  ) {}

  /**
   * Routing for a keyspace's requests, or null where there is nothing to route (Amazon Keyspaces,
   * a cloud bundle, a partitioner other than Murmur3, a replication strategy placed otherwise, no
   * data center known) or the routing client cannot connect.
   */
  static async open(session: Session, keyspace: string): Promise<Routing | null> {
    if (session.isAmazonKeyspaces || session.viaCloudBundle) return null;
    const dc = session.dataCenter;
    if (!dc) return null;
    let client: driver.Client | undefined;
    try {
      const c = session.driverClient;
      const ks = (await c.execute('SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?', [keyspace], { prepare: true })).first();
      const self = (await c.execute('SELECT partitioner FROM system.local')).first();
      if (!ks || !/Murmur3Partitioner$/.test(String(self?.partitioner ?? ''))) return null;
      const replication = Object.fromEntries(ks.replication instanceof Map ? ks.replication : Object.entries(ks.replication ?? {})) as Record<string, string>;
      client = await session.openDataCenterClient(dc);
      const hosts = client.hosts.values().filter((h) => Array.isArray(h.tokens) && h.tokens.length > 0);
      const all: [bigint, number][] = [];
      hosts.forEach((h, i) => (h.tokens as string[]).forEach((t) => all.push([BigInt(t), i])));
      if (all.length === 0 || hosts.length > 65535) throw new Error('no ring');
      all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      // one object per node: placement compares nodes by identity
      const nodes = hosts.map((h, i) => ({ i, dc: h.datacenter, rack: h.rack }));
      const place = replicaPlacement(
        all.map(([, i]) => nodes[i]),
        replication,
      );
      if (!place) throw new Error('unknown strategy');
      const ring: TokenRing = {
        hi: new Int32Array(all.length),
        lo: new Uint32Array(all.length),
        owner: new Uint16Array(all.length),
        hosts: hosts.map((h) => h.address),
      };
      const local: driver.Host[][] = [];
      all.forEach(([t, o], p) => {
        ring.hi[p] = Number(BigInt.asIntN(32, t >> 32n));
        ring.lo[p] = Number(BigInt.asUintN(32, t));
        ring.owner[p] = o;
        local.push(
          place(p)
            .map((n) => hosts[n.i])
            .filter((h) => h.datacenter === dc),
        );
      });
      return new Routing(
        client,
        ring,
        all.map(([t]) => t),
        local,
        hosts,
      );
    } catch {
      await client?.shutdown().catch(() => {});
      return null;
    }
  }

  /** Runs `work` with a way to open routing; what it opened is closed when `work` ends, however it ends. */
  static async scope<T>(work: (open: (session: Session, keyspace: string) => Promise<Routing | null>) => Promise<T>): Promise<T> {
    const opened: Routing[] = [];
    try {
      return await work(async (session, keyspace) => {
        const r = await Routing.open(session, keyspace);
        if (r) opened.push(r);
        return r;
      });
    } finally {
      for (const r of opened) await r.close();
    }
  }

  /** A live local replica of ring position `pos`, the next in turn; undefined when it has none. */
  replicaOf(pos: number): driver.Host | undefined {
    const r = this.local[pos];
    if (!r || r.length === 0) return undefined;
    for (let k = 0; k < r.length; k++) {
      const h = r[(this.turn + k) % r.length];
      if (h.isUp()) {
        this.turn++;
        return h;
      }
    }
    return undefined;
  }

  /** The index (into ring.hosts) of a live local replica of `pos` (cqlsh groups small ranges by it), or -1. */
  replicaIndexOf(pos: number): number {
    const h = this.replicaOf(pos);
    return h ? this.hosts.indexOf(h) : -1;
  }

  /** Where a request for ring position `pos` goes. */
  viaPosition(pos: number): Via {
    return this.via(this.replicaOf(pos));
  }

  /** Where a request for rows grouped by replica `index` goes: that node while it is up, else any local node. */
  viaHost(index: number): Via {
    const h = index >= 0 ? this.hosts[index] : undefined;
    return this.via(h && h.isUp() ? h : undefined);
  }

  private via(host: driver.Host | undefined): Via {
    if (host) this.sent.set(host.address, (this.sent.get(host.address) ?? 0) + 1);
    else this.coordinated++;
    return { client: this.client, host };
  }

  /**
   * (lo, hi] token ranges cut at the ring's tokens, each with its ring position: every piece lies
   * in one ring range, so one replica set holds all of it.
   */
  splitAtRing(ranges: [bigint, bigint][]): { range: [bigint, bigint]; pos: number }[] {
    const out: { range: [bigint, bigint]; pos: number }[] = [];
    for (const [lo, hi] of ranges) {
      let a = lo;
      // the first ring token above lo
      let p = this.firstAtOrAbove(a + 1n);
      while (p < this.tokens.length && this.tokens[p] < hi) {
        out.push({ range: [a, this.tokens[p]], pos: p });
        a = this.tokens[p];
        p++;
      }
      out.push({ range: [a, hi], pos: p < this.tokens.length ? p : 0 });
    }
    return out;
  }

  private firstAtOrAbove(t: bigint): number {
    let a = 0;
    let b = this.tokens.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.tokens[m] < t) a = m + 1;
      else b = m;
    }
    return a;
  }

  /** What went where, for the COPY stats line. */
  describe(): string {
    const per = [...this.sent].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([h, n]) => `${h}:${n}`);
    return `routed=${[...this.sent.values()].reduce((x, y) => x + y, 0)} coordinated=${this.coordinated} hosts=${per.join(',')}`;
  }

  async close(): Promise<void> {
    await this.client.shutdown().catch(() => {});
  }
}
