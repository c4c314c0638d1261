// A TCP proxy between tscqlsh and Cassandra for connection-loss tests: `cut()` drops every
// connection and refuses new ones, `restore()` listens again on the same port, `hold()` keeps the
// server's replies back (a query that seems to run forever) until `release()`.
import net from 'node:net';

export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private held = false;
  private readonly heldBack: (() => void)[] = [];
  port = 0;

  private readonly targetHost: string;
  private readonly targetPort: number;

  constructor(targetHost: string, targetPort: number) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
  }

  async start(port = 0): Promise<number> {
    const server = net.createServer((client) => this.connect(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.sockets.add(client).add(upstream);
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      if (this.held) this.heldBack.push(() => client.write(d));
      else client.write(d);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }

  /** Drops all connections and stops listening (the server seems gone). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.heldBack.length = 0;
    this.held = false;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async restore(): Promise<void> {
    await this.start(this.port);
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

  async close(): Promise<void> {
    await this.cut();
  }
}
