// Runs a real Apache Cassandra 5.0 on this machine without Docker: the jars come from Maven
// (cassandra-all and its runtime dependencies), the JVM is Java 17, state lives under .cache/.
// Two instances ("profiles") can run side by side:
//   default  plaintext 9042, TLS 9142, no authentication
//   auth     plaintext 19042, TLS 19142, PasswordAuthenticator (cassandra/cassandra)
//   scratch  plaintext 29042, TLS 29142 (the launcher's own test)
//   restart  plaintext 39042, TLS 39142 (stopped and started again by the faults tests)
// Plain Node (no dependencies, no TypeScript) so it runs before `npm ci` and from vitest's globalSetup.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '..', '..');
export const cacheDir = process.env.TSCQLSH_CACHE_DIR ?? path.join(projectRoot, '.cache');
const libDir = path.join(cacheDir, 'cassandra', 'lib');
export const CASSANDRA_VERSION = '5.0.9';
const STORE_PASSWORD = 'tscqlsh-test';

export const PROFILES = {
  default: { name: 'default', host: '127.0.0.1', port: 9042, tlsPort: 9142, storagePort: 7000, auth: false },
  auth: { name: 'auth', host: '127.0.0.1', port: 19042, tlsPort: 19142, storagePort: 17000, auth: true },
  // used by the launcher's own test (start twice, stop), so it never touches a server in use
  scratch: { name: 'scratch', host: '127.0.0.1', port: 29042, tlsPort: 29142, storagePort: 27000, auth: false },
  // restarted mid-session by the faults tests (test/faults/restart.test.ts)
  restart: { name: 'restart', host: '127.0.0.1', port: 39042, tlsPort: 39142, storagePort: 37000, auth: false },
};

// TSCQLSH_DB_PORT_OFFSET moves every port (e.g. 1000: 10042, 10142, ...) for machines where the
// defaults are taken.
export const PORT_OFFSET = Number(process.env.TSCQLSH_DB_PORT_OFFSET ?? 0) || 0;
// TSCQLSH_DB_HEAP sets the JVM heap (default 1G), e.g. 512M where several servers share a machine.
export const HEAP = /^\d+[MG]$/i.test(process.env.TSCQLSH_DB_HEAP ?? '') ? process.env.TSCQLSH_DB_HEAP : '1G';

export function profile(name = 'default') {
  const base = PROFILES[name];
  if (!base) throw new Error(`unknown Cassandra profile "${name}" (known: ${Object.keys(PROFILES).join(', ')})`);
  const p = { ...base, port: base.port + PORT_OFFSET, tlsPort: base.tlsPort + PORT_OFFSET, storagePort: base.storagePort + PORT_OFFSET };
  const dir = path.join(cacheDir, 'cassandra', `run-${p.name}`);
  return {
    ...p,
    dir,
    pidFile: path.join(dir, 'cassandra.pid'),
    logFile: path.join(dir, 'logs', 'system.log'),
    outFile: path.join(dir, 'logs', 'stdout.log'),
    certPem: path.join(cacheDir, 'cassandra', 'tls', 'server-cert.pem'),
    keystore: path.join(cacheDir, 'cassandra', 'tls', 'keystore.p12'),
    username: p.auth ? 'cassandra' : undefined,
    password: p.auth ? 'cassandra' : undefined,
  };
}

export const log = (msg) => process.stderr.write(`[db] ${msg}\n`);

/** A Java 17 binary: JAVA17_HOME, then JAVA_HOME, then known install paths, then PATH. */
export function findJava17() {
  const candidates = [];
  for (const env of ['JAVA17_HOME', 'JAVA_HOME']) {
    if (process.env[env]) candidates.push(path.join(process.env[env], 'bin', 'java'));
  }
  try {
    for (const d of fs.readdirSync('/usr/lib/jvm')) {
      if (/17/.test(d)) candidates.push(path.join('/usr/lib/jvm', d, 'bin', 'java'));
    }
  } catch {
    /* no /usr/lib/jvm */
  }
  candidates.push('java');
  for (const java of candidates) {
    const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
    if (r.status === 0 && /version "17[."]/.test(r.stderr)) return java;
  }
  throw new Error('Java 17 not found: set JAVA17_HOME (Cassandra 5.0 is run on Java 17 here)');
}

/** Resolve cassandra-all and its runtime dependencies into .cache/cassandra/lib (once). */
export function ensureJars() {
  const marker = path.join(libDir, `.complete-${CASSANDRA_VERSION}`);
  if (fs.existsSync(marker)) return;
  log(`resolving cassandra-all ${CASSANDRA_VERSION} with Maven (first run only)...`);
  fs.mkdirSync(libDir, { recursive: true });
  const r = spawnSync(
    'mvn',
    ['-B', '-q', '-f', path.join(here, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, JAVA_HOME: path.dirname(path.dirname(findJava17Real())) } },
  );
  if (r.status !== 0) throw new Error(`mvn dependency:copy-dependencies failed (exit ${r.status})`);
  fs.writeFileSync(marker, new Date().toISOString());
}

function findJava17Real() {
  const java = findJava17();
  if (java === 'java') {
    const r = spawnSync('sh', ['-c', 'readlink -f "$(command -v java)"'], { encoding: 'utf8' });
    return r.stdout.trim();
  }
  return fs.realpathSync(java);
}

/** A self-signed PKCS12 keystore for the TLS port and its certificate as PEM for clients. */
export function ensureKeystore() {
  const p = profile();
  if (fs.existsSync(p.keystore) && fs.existsSync(p.certPem)) return;
  const tlsDir = path.dirname(p.keystore);
  fs.mkdirSync(tlsDir, { recursive: true });
  const keytool = path.join(path.dirname(findJava17Real()), 'keytool');
  fs.rmSync(p.keystore, { force: true });
  const run = (args) => {
    const r = spawnSync(keytool, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`keytool ${args[0]} failed: ${r.stderr || r.stdout}`);
  };
  run([
    '-genkeypair', '-alias', 'cassandra', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '3650',
    '-dname', 'CN=localhost, OU=tscqlsh tests, O=tscqlsh', '-ext', 'SAN=IP:127.0.0.1,DNS:localhost',
    '-storetype', 'PKCS12', '-keystore', p.keystore, '-storepass', STORE_PASSWORD, '-keypass', STORE_PASSWORD,
  ]);
  run(['-exportcert', '-rfc', '-alias', 'cassandra', '-keystore', p.keystore, '-storepass', STORE_PASSWORD, '-file', p.certPem]);
}

function cassandraYaml(p) {
  const auth = p.auth
    ? 'authenticator: PasswordAuthenticator\nauthorizer: CassandraAuthorizer\nrole_manager: CassandraRoleManager\n'
    : 'authenticator: AllowAllAuthenticator\nauthorizer: AllowAllAuthorizer\n';
  return `# written by scripts/cassandra/launcher.mjs for tests; not a production configuration
cluster_name: 'Test Cluster'
num_tokens: 16
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: SimpleSnitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:${p.storagePort}"
listen_address: 127.0.0.1
rpc_address: 127.0.0.1
storage_port: ${p.storagePort}
ssl_storage_port: ${p.storagePort + 1}
start_native_transport: true
native_transport_port: ${p.port}
native_transport_port_ssl: ${p.tlsPort}
commitlog_sync: periodic
commitlog_sync_period: 10000ms
${auth}user_defined_functions_enabled: true
materialized_views_enabled: true
sasi_indexes_enabled: true
drop_compact_storage_enabled: true
client_encryption_options:
  enabled: true
  optional: false
  keystore: ${p.keystore}
  keystore_password: ${STORE_PASSWORD}
  store_type: PKCS12
  require_client_auth: false
`;
}

const LOGBACK = `<configuration scan="false">
  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
    <file>\${cassandra.logdir}/system.log</file>
    <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
`;

// From Cassandra 5.0's conf/jvm17-server.options (JPMS section).
const JVM17_MODULE_FLAGS = [
  '--add-exports', 'java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-exports', 'java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-exports', 'java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-exports', 'java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED',
  '--add-exports', 'java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports', 'java.rmi/sun.rmi.server=ALL-UNNAMED',
  '--add-exports', 'java.sql/java.sql=ALL-UNNAMED',
  '--add-exports', 'jdk.attach/sun.tools.attach=ALL-UNNAMED',
  '--add-opens', 'java.base/java.lang.module=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.loader=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.reflect=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.math=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.module=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.util.jar=ALL-UNNAMED',
  '--add-opens', 'jdk.management/com.sun.management.internal=ALL-UNNAMED',
  '--add-opens', 'java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens', 'java.base/java.io=ALL-UNNAMED',
  '--add-opens', 'java.base/java.nio=ALL-UNNAMED',
  '--add-opens', 'java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens', 'java.base/java.util=ALL-UNNAMED',
  '--add-opens', 'java.base/java.util.concurrent.atomic=ALL-UNNAMED',
  '--add-opens', 'java.base/java.lang=ALL-UNNAMED',
  '--add-opens', 'java.base/java.math=ALL-UNNAMED',
  '--add-opens', 'java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens', 'java.base/java.net=ALL-UNNAMED',
];

export function readPid(p) {
  try {
    const pid = Number(fs.readFileSync(p.pidFile, 'utf8').trim());
    if (!pid) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export function portOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function tail(file, n = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

/**
 * Writes a node's configuration into `node.dir` (conf/, logs/, data/) and starts its JVM detached;
 * the pid goes to `node.pidFile`. `node.props` are extra -D flags (JMX port, rack/dc file, ...).
 */
export function spawnCassandra(node) {
  ensureJars();
  const java = findJava17();
  for (const d of ['conf', 'logs', 'data']) fs.mkdirSync(path.join(node.dir, d), { recursive: true });
  const yaml = path.join(node.dir, 'conf', 'cassandra.yaml');
  fs.writeFileSync(yaml, node.yaml);
  const logback = path.join(node.dir, 'conf', 'logback.xml');
  fs.writeFileSync(logback, LOGBACK);
  const jars = fs.readdirSync(libDir).filter((f) => f.endsWith('.jar'));
  const jamm = jars.find((f) => /^jamm-/.test(f));
  const args = [
    `-Xms${node.heap}`, `-Xmx${node.heap}`, '-Xss256k',
    '-XX:+UseG1GC', '-XX:+HeapDumpOnOutOfMemoryError', '-XX:HeapDumpPath=' + path.join(node.dir, 'logs'),
    '-Djdk.attach.allowAttachSelf=true', '-Dio.netty.tryReflectionSetAccessible=true',
    ...JVM17_MODULE_FLAGS,
    ...(jamm ? [`-javaagent:${path.join(libDir, jamm)}`] : []),
    `-Dcassandra.config=file://${yaml}`,
    `-Dcassandra.storagedir=${path.join(node.dir, 'data')}`,
    `-Dcassandra.logdir=${path.join(node.dir, 'logs')}`,
    `-Dlogback.configurationFile=file://${logback}`,
    '-Dcassandra-foreground=yes',
    '-Dchronicle.analytics.disable=true',
    '-Dcassandra.skip_wait_for_gossip_to_settle=0',
    '-Dcassandra.ring_delay_ms=1000',
    '-Dcassandra.superuser_setup_delay_ms=0',
    ...(node.props ?? []),
    '-cp', jars.map((f) => path.join(libDir, f)).join(':'),
    'org.apache.cassandra.service.CassandraDaemon',
  ];
  const out = fs.openSync(node.outFile, 'a');
  const child = spawn(java, args, { detached: true, stdio: ['ignore', out, out], cwd: node.dir });
  fs.closeSync(out);
  child.unref();
  fs.writeFileSync(node.pidFile, String(child.pid));
  let exited = false;
  child.once('exit', () => (exited = true));
  return { pid: child.pid, exited: () => exited };
}

/** Resolves once `node.host:node.port` accepts connections; throws (with the log's tail) if the JVM exits or time runs out. */
export async function waitForPort(node, child, timeoutMs) {
  const t0 = Date.now();
  while (!(await portOpen(node.host, node.port))) {
    if (child.exited() || !readPid(node)) throw new Error(`Cassandra on ${node.host} exited during start-up. Log tail:\n${tail(node.outFile)}\n${tail(node.logFile)}`);
    if (Date.now() - t0 > timeoutMs) throw new Error(`Cassandra on ${node.host} did not open port ${node.port} within ${timeoutMs / 1000}s. Log tail:\n${tail(node.logFile)}`);
    await sleep(500);
  }
}

/** Starts the instance unless it already runs; resolves once clients can log in. */
export async function start(name = 'default', { timeoutMs = 180_000, quiet = false } = {}) {
  const p = profile(name);
  const pid = readPid(p);
  if (pid) {
    // Running, or still starting (another caller launched it a moment ago): wait for its port.
    const t0 = Date.now();
    while (!(await portOpen(p.host, p.port))) {
      if (!readPid(p)) throw new Error(`Cassandra (${name}) exited during start-up. Log tail:\n${tail(p.logFile)}`);
      if (Date.now() - t0 > timeoutMs) throw new Error(`Cassandra (${name}, pid ${pid}) runs but its port ${p.port} never opened`);
      await sleep(500);
    }
    if (p.auth) await waitForSuperuser(p, t0, timeoutMs);
    if (!quiet) log(`Cassandra (${name}) is already running (pid ${pid})`);
    return { ...p, pid, started: false };
  }
  if (!pid && (await portOpen(p.host, p.port))) {
    throw new Error(`port ${p.port} is taken by another process; stop it or set TSCQLSH_TEST_HOST to use it`);
  }
  ensureKeystore();
  const child = spawnCassandra({
    dir: p.dir,
    pidFile: p.pidFile,
    outFile: p.outFile,
    yaml: cassandraYaml(p),
    heap: HEAP,
    props: [`-Dcassandra.jmx.local.port=${p.storagePort + 199}`],
  });
  if (!quiet) log(`starting Cassandra ${CASSANDRA_VERSION} (${name}, pid ${child.pid}); logs in ${path.relative(process.cwd(), p.dir)}/logs`);
  const t0 = Date.now();
  try {
    await waitForPort(p, child, timeoutMs);
  } catch (e) {
    if (readPid(p)) await stop(name, { quiet: true });
    throw e;
  }
  if (p.auth) await waitForSuperuser(p, t0, timeoutMs);
  if (!quiet) log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return { ...p, pid: child.pid, started: true };
}

/** With PasswordAuthenticator the default role is created a moment after the port opens. */
async function waitForSuperuser(p, t0, timeoutMs) {
  let driver;
  try {
    driver = (await import('cassandra-driver')).default;
  } catch {
    // Without the driver (before `npm ci`), fall back to the log line Cassandra writes.
    while (!/Created default superuser role/.test(tail(p.logFile, 400))) {
      if (Date.now() - t0 > timeoutMs) throw new Error('default superuser role was not created in time');
      await sleep(500);
    }
    return;
  }
  for (;;) {
    const client = new driver.Client({
      contactPoints: [`${p.host}:${p.port}`],
      localDataCenter: 'datacenter1',
      authProvider: new driver.auth.PlainTextAuthProvider(p.username, p.password),
    });
    try {
      await client.execute('SELECT release_version FROM system.local');
      return;
    } catch (e) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`could not log in as cassandra: ${e.message}`);
      await sleep(1000);
    } finally {
      await client.shutdown().catch(() => {});
    }
  }
}

export async function stop(name = 'default', { quiet = false } = {}) {
  const p = profile(name);
  const pid = readPid(p);
  if (!pid) {
    if (!quiet) log(`Cassandra (${name}) is not running`);
    fs.rmSync(p.pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 60 && readPid(p); i++) await sleep(500);
  if (readPid(p)) process.kill(pid, 'SIGKILL');
  fs.rmSync(p.pidFile, { force: true });
  if (!quiet) log(`stopped Cassandra (${name}, pid ${pid})`);
  return true;
}

export async function status(name = 'default') {
  const p = profile(name);
  const pid = readPid(p);
  return { ...p, pid, running: Boolean(pid) && (await portOpen(p.host, p.port)) };
}

export function describe(p) {
  const lines = [
    `Cassandra ${CASSANDRA_VERSION} (${p.name}) on ${p.host}`,
    `  native port ${p.port} (plaintext), ${p.tlsPort} (TLS; CA certificate: ${p.certPem})`,
  ];
  if (p.auth) lines.push(`  PasswordAuthenticator: ${p.username}/${p.password}`);
  return lines.join('\n');
}
