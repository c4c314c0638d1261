// Finds or starts the Cassandra the server-backed test projects run against, in this order:
//   1. TSCQLSH_TEST_HOST[:TSCQLSH_TEST_PORT]: a server that is already running;
//   2. testcontainers `cassandra:5.0` when a Docker engine answers;
//   3. the JVM launcher (scripts/cassandra/launcher.mjs): cassandra-all from Maven on Java 17.
// If none can be had the run fails with the reason: integration tests are never skipped quietly.
// Tests read the result with `inject('cassandra')`.
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { start as startJvm, stop as stopJvm, profile as jvmProfile, portOpen } from '../../scripts/cassandra/launcher.mjs';

export interface TestServer {
  host: string;
  port: number;
  tlsPort?: number;
  caCert?: string;
  how: 'external' | 'testcontainers' | 'jvm';
  /** a server with PasswordAuthenticator (cassandra/cassandra), when the harness can provide one */
  auth?: { host: string; port: number; username: string; password: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    cassandra: TestServer;
  }
}

let teardowns: (() => Promise<unknown>)[] = [];

function dockerAnswers(): boolean {
  if (process.env.TSCQLSH_NO_DOCKER) return false;
  const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 && r.stdout.trim() !== '';
}

async function pickServer(): Promise<TestServer> {
  if (process.env.TSCQLSH_TEST_HOST) {
    const host = process.env.TSCQLSH_TEST_HOST;
    const port = Number(process.env.TSCQLSH_TEST_PORT ?? 9042);
    if (!(await portOpen(host, port, 3000))) throw new Error(`TSCQLSH_TEST_HOST=${host}:${port} does not answer`);
    return { host, port, how: 'external' };
  }
  if (dockerAnswers()) {
    const { CassandraContainer } = await import('@testcontainers/cassandra');
    const c = await new CassandraContainer('cassandra:5.0').start();
    teardowns.push(() => c.stop());
    return { host: c.getHost(), port: c.getMappedPort(9042), how: 'testcontainers' };
  }
  const [plain, auth] = await Promise.all([startJvm('default', { quiet: true }), startJvm('auth', { quiet: true })]);
  if (plain.started) teardowns.push(() => stopJvm('default', { quiet: true }));
  if (auth.started) teardowns.push(() => stopJvm('auth', { quiet: true }));
  const p = jvmProfile('default');
  return {
    host: plain.host,
    port: plain.port,
    tlsPort: plain.tlsPort,
    caCert: p.certPem,
    how: 'jvm',
    auth: { host: auth.host, port: auth.port, username: 'cassandra', password: 'cassandra' },
  };
}

export default async function setup(project: TestProject) {
  let server: TestServer;
  try {
    server = await pickServer();
  } catch (e) {
    throw new Error(`No Cassandra for the ${project.name} tests: ${(e as Error).message}`);
  }
  process.stderr.write(`[${project.name}] Cassandra at ${server.host}:${server.port} (${server.how})\n`);
  project.provide('cassandra', server);
  return async () => {
    const t = teardowns;
    teardowns = [];
    for (const fn of t.reverse()) await fn();
  };
}
