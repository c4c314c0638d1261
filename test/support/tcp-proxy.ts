// A fault-injecting TCP proxy between a client (tscqlsh, the reference cqlsh) and Cassandra, on
// 127.0.0.1 only. Modes (`setMode`, or the shorthands below):
//   pass        forward both ways;
//   cut         reset every connection (RST) and every new one at once: the server seems gone;
//   blackhole   accept, never answer: nothing is forwarded either way (a dead server whose kernel
//               still accepts); connections that lived through it are reset when it ends, their
//               streams having lost bytes;
//   slow        forward every chunk after `delayMs` (order kept);
//   half-close  send FIN to the client (and to the server) on every connection and every new one,
//               then ignore what the client sends: a peer that closed its side and said nothing more.
// `hold()` / `release()` keep the server's replies back and deliver them later (a query that seems
// to run forever). `down()` stops listening (connections refused), `restore()` passes again (and
// listens again on the same port after down()). The proxy never accepts more than
// `maxConnections` connections in its life, so a client that reconnects in a loop cannot make a
// test send unbounded traffic.
import net from 'node:net';

export type ProxyMode = 'pass' | 'cut' | 'blackhole' | 'slow' | 'half-close';

interface Link {
  client: net.Socket;
  upstream: net.Socket;
  /** bytes were dropped on it (blackhole): it cannot carry the protocol any more */
  broken: boolean;
  /** the tail of the delay queue (slow mode keeps chunk order) */
  queue: Promise<void>;
}

export interface ProxyOptions {
  /** delay per chunk in slow mode (ms) */
  delayMs?: number;
  /** connections accepted over the proxy's life; later ones are reset */
  maxConnections?: number;
}

export class TcpProxy {
  private server: net.Server | undefined;
  private readonly links = new Set<Link>();
  private held = false;
  private readonly heldBack: (() => void)[] = [];
  private modeNow: ProxyMode = 'pass';
  port = 0;
  delayMs: number;
  readonly maxConnections: number;
  /** connections accepted so far */
  accepted = 0;
  /** client → server bytes forwarded (what the server was sent) */
  bytesUp = 0;
  /** sees every chunk before the mode acts on it (a test may switch the mode on what it sees) */
  tap: ((dir: 'up' | 'down', chunk: Buffer) => void) | undefined;

  private readonly targetHost: string;
  private readonly targetPort: number;

  constructor(targetHost: string, targetPort: number, o: ProxyOptions = {}) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.delayMs = o.delayMs ?? 500;
    this.maxConnections = o.maxConnections ?? 500;
  }

  get mode(): ProxyMode {
    return this.modeNow;
  }

  /** the proxy's address, `host:port` */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<number> {
    const server = net.createServer({ allowHalfOpen: true }, (client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => {});
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  private accept(client: net.Socket): void {
    client.on('error', () => {});
    if (++this.accepted > this.maxConnections || this.modeNow === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect({ port: this.targetPort, host: this.targetHost, allowHalfOpen: true });
    upstream.on('error', () => {});
    const link: Link = { client, upstream, broken: false, queue: Promise.resolve() };
    this.links.add(link);
    client.on('data', (d: Buffer) => this.forward(link, 'up', d));
    upstream.on('data', (d: Buffer) => this.forward(link, 'down', d));
    const close = () => {
      if (!this.links.delete(link)) return;
      if (!client.destroyed) client.resetAndDestroy();
      if (!upstream.destroyed) upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    // a FIN from one side is passed on (outside half-close mode, where the proxy sent its own)
    client.on('end', () => {
      if (this.modeNow !== 'half-close' && !link.broken) upstream.end();
    });
    upstream.on('end', () => {
      if (this.modeNow !== 'half-close' && !link.broken) client.end();
    });
    if (this.modeNow === 'half-close') this.halfClose(link);
  }

  private forward(link: Link, dir: 'up' | 'down', d: Buffer): void {
    this.tap?.(dir, d);
    if (link.broken) return;
    const to = dir === 'up' ? link.upstream : link.client;
    switch (this.modeNow) {
      case 'blackhole':
        link.broken = true;
        return;
      case 'half-close':
      case 'cut':
        return;
      case 'slow': {
        const delay = this.delayMs;
        link.queue = link.queue.then(() => new Promise<void>((r) => setTimeout(r, delay))).then(() => this.write(link, dir, to, d));
        return;
      }
      default:
        link.queue = link.queue.then(() => this.write(link, dir, to, d));
    }
  }

  private write(link: Link, dir: 'up' | 'down', to: net.Socket, d: Buffer): void {
    if (link.broken || to.destroyed || to.writableEnded) return;
    if (dir === 'down' && this.held) {
      this.heldBack.push(() => {
        if (!link.broken && !to.destroyed && !to.writableEnded) to.write(d);
      });
      return;
    }
    if (dir === 'up') this.bytesUp += d.length;
    to.write(d);
  }

  private halfClose(link: Link): void {
    link.broken = true;
    link.client.end();
    link.upstream.end();
  }

  /** Switches mode; `cut` and `half-close` act on the open connections at once. */
  setMode(mode: ProxyMode, o: { delayMs?: number } = {}): void {
    const previous = this.modeNow;
    this.modeNow = mode;
    if (o.delayMs !== undefined) this.delayMs = o.delayMs;
    if (mode === 'cut') this.resetAll();
    else if (mode === 'half-close') for (const l of this.links) this.halfClose(l);
    else if (mode === 'blackhole') {
      // what was already in flight is lost too
      this.heldBack.length = 0;
      this.held = false;
    } else if (previous === 'blackhole' || previous === 'half-close') {
      // streams that lost bytes cannot carry the protocol: the client sees them reset
      for (const l of [...this.links]) if (l.broken) this.resetLink(l);
    }
  }

  private resetLink(l: Link): void {
    this.links.delete(l);
    l.broken = true;
    if (!l.client.destroyed) l.client.resetAndDestroy();
    if (!l.upstream.destroyed) l.upstream.destroy();
  }

  private resetAll(): void {
    this.heldBack.length = 0;
    this.held = false;
    for (const l of [...this.links]) this.resetLink(l);
  }

  pass(): void {
    this.setMode('pass');
  }

  blackhole(): void {
    this.setMode('blackhole');
  }

  slow(delayMs?: number): void {
    this.setMode('slow', { delayMs });
  }

  halfCloseAll(): void {
    this.setMode('half-close');
  }

  /**
   * Resets every connection, and every new one until restore() (the server seems gone). The port
   * stays bound: a freed loopback port can be taken by a client's own connection attempt (TCP
   * self-connect), which would then talk to itself.
   */
  async cut(): Promise<void> {
    this.setMode('cut');
  }

  /** Stops listening (connections refused); open connections stay as they are. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port, in pass mode. */
  async restore(): Promise<void> {
    this.setMode('pass');
    if (!this.server) await this.start(this.port);
  }

  /** Holds the server's replies back. */
  hold(): void {
    this.held = true;
  }

  /** Sends what was held back and stops holding. */
  release(): void {
    this.held = false;
    for (const f of this.heldBack.splice(0)) f();
  }

  /** the open connections */
  get connections(): number {
    return this.links.size;
  }

  async close(): Promise<void> {
    this.resetAll();
    await this.down();
  }
}
