// A local multi-node Cassandra cluster from the same jars as the single-node launcher, no Docker:
// node k (1-based) listens on 127.0.0.<first + k - 1> (loopback aliases: Linux routes all of
// 127.0.0.0/8 to lo), each on the same native port (9042 + TSCQLSH_DB_PORT_OFFSET) and storage port
// (7000 + offset), with its own directory under .cache/cassandra/cluster/<address>/.
//   data centers  every third node in dc2, the others in dc1 (3 nodes: dc1 = .1 .2, dc2 = .3);
//                 racks alternate within a data center (GossipingPropertyFileSnitch)
//   tokens        4 per node, chosen up front (evenly spaced, interleaved) with auto_bootstrap off:
//                 an empty test cluster needs no streaming, so every node can start at once
//   seeds         every node, so no node waits for another to come up first
//   JMX           off (it binds 127.0.0.1 whatever the listen address, so nodes would clash on it)
// `npm run db:start -- --cluster 3` uses 127.0.0.1-3 (port 9042); the `cluster` test project uses
// 127.0.0.11-13 so that it never collides with the single-node test server on 127.0.0.1.
import fs from 'node:fs';
import path from 'node:path';
import { CASSANDRA_VERSION, cacheDir, log, PORT_OFFSET, portOpen, readPid, sleep, spawnCassandra, waitForPort } from './launcher.mjs';

export const DEFAULT_FIRST = '127.0.0.1';
const clusterDir = path.join(cacheDir, 'cassandra', 'cluster');
const TOKENS_PER_NODE = 4;
// three JVMs beside a test runner on 2 cores / 24 GiB: 512 MB each unless TSCQLSH_DB_HEAP says
const HEAP = /^\d+[MG]$/i.test(process.env.TSCQLSH_DB_HEAP ?? '') ? process.env.TSCQLSH_DB_HEAP : '512M';

function addressAt(first, k) {
  const parts = first.split('.').map(Number);
  if (parts.length !== 4 || parts[0] !== 127 || parts.some((p) => !(p >= 0 && p <= 255))) throw new Error(`cluster addresses are loopback IPv4 addresses (127.x.y.z), not "${first}"`);
  const last = parts[3] + k;
  if (last > 254) throw new Error(`no room for ${k + 1} nodes after ${first}`);
  return [...parts.slice(0, 3), last].join('.');
}

/** The data center and rack of node k (0-based) of a cluster of `size`. */
export function placement(k) {
  const dc = k % 3 === 2 ? 'dc2' : 'dc1';
  // the nodes before k in the same data center, to alternate racks
  let before = 0;
  for (let j = 0; j < k; j++) if ((j % 3 === 2) === (k % 3 === 2)) before++;
  return { dc, rack: `rack${(before % 2) + 1}` };
}

/** Node k's tokens: TOKENS_PER_NODE * size evenly spaced Murmur3 tokens, dealt in an order that varies per round. */
export function tokensOf(k, size) {
  const n = TOKENS_PER_NODE * size;
  const step = (2n ** 64n) / BigInt(n);
  const out = [];
  for (let round = 0; round < TOKENS_PER_NODE; round++) {
    // round 0 deals nodes 0,1,2..., round 1 in reverse, round 2 shifted by one, ...
    const i = round % 2 === 0 ? (k + Math.floor(round / 2)) % size : size - 1 - k;
    const pos = round * size + i;
    out.push((-(2n ** 63n) + step * BigInt(pos) + step / 2n).toString());
  }
  return out;
}

/** Everything about node k of a cluster: addresses, ports, directories, place in the ring. */
export function clusterNode(k, size, first = DEFAULT_FIRST) {
  const host = addressAt(first, k);
  const dir = path.join(clusterDir, host);
  return {
    name: `node ${host}`,
    index: k,
    size,
    first,
    host,
    port: 9042 + PORT_OFFSET,
    storagePort: 7000 + PORT_OFFSET,
    seeds: Array.from({ length: size }, (_, j) => addressAt(first, j)),
    ...placement(k),
    tokens: tokensOf(k, size),
    dir,
    pidFile: path.join(dir, 'cassandra.pid'),
    logFile: path.join(dir, 'logs', 'system.log'),
    outFile: path.join(dir, 'logs', 'stdout.log'),
  };
}

export function clusterNodes(size = 3, first = DEFAULT_FIRST) {
  if (!(Number.isInteger(size) && size >= 1 && size <= 9)) throw new Error(`--cluster takes a node count from 1 to 9, not ${size}`);
  return Array.from({ length: size }, (_, k) => clusterNode(k, size, first));
}

/** A node of a cluster started before (its node.json), by address. */
export function knownNode(host) {
  const file = path.join(clusterDir, host, 'node.json');
  let saved;
  try {
    saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`no cluster node ${host} here: start a cluster first (npm run db:start -- --cluster 3)`);
  }
  return clusterNode(saved.index, saved.size, saved.first);
}

/** Every node of the clusters this checkout has started (whatever their state). */
export function knownNodes() {
  let names = [];
  try {
    names = fs.readdirSync(clusterDir);
  } catch {
    return [];
  }
  const out = [];
  for (const n of names) {
    try {
      out.push(knownNode(n));
    } catch {
      /* not a node directory */
    }
  }
  return out.sort((a, b) => a.host.localeCompare(b.host, 'en', { numeric: true }));
}

function nodeYaml(n) {
  return `# written by scripts/cassandra/cluster.mjs for a local test cluster; not a production configuration
cluster_name: 'Test Cluster'
num_tokens: ${n.tokens.length}
initial_token: ${n.tokens.join(',')}
auto_bootstrap: false
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: GossipingPropertyFileSnitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "${n.seeds.map((s) => `${s}:${n.storagePort}`).join(',')}"
listen_address: ${n.host}
rpc_address: ${n.host}
storage_port: ${n.storagePort}
start_native_transport: true
native_transport_port: ${n.port}
commitlog_sync: periodic
commitlog_sync_period: 10000ms
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
user_defined_functions_enabled: true
materialized_views_enabled: true
concurrent_compactors: 1
hinted_handoff_enabled: true
max_hint_window: 1h
`;
}

function startNodeJvm(n) {
  fs.mkdirSync(path.join(n.dir, 'conf'), { recursive: true });
  fs.writeFileSync(path.join(n.dir, 'node.json'), JSON.stringify({ index: n.index, size: n.size, first: n.first, host: n.host, dc: n.dc, rack: n.rack }, null, 2) + '\n');
  const rackdc = path.join(n.dir, 'conf', 'cassandra-rackdc.properties');
  fs.writeFileSync(rackdc, `dc=${n.dc}\nrack=${n.rack}\nprefer_local=true\n`);
  return spawnCassandra({
    dir: n.dir,
    pidFile: n.pidFile,
    outFile: n.outFile,
    yaml: nodeYaml(n),
    heap: HEAP,
    props: [
      `-Dcassandra-rackdc.properties=file://${rackdc}`,
      // an empty test cluster: no schema or ring waits at start-up
      '-Dcassandra.skip_schema_check=true',
      '-Dcassandra.migration_task_wait_in_seconds=1',
    ],
  });
}

/** Starts one node unless it runs; resolves when its native port answers. */
export async function startNode(n, { timeoutMs = 240_000, quiet = false } = {}) {
  const pid = readPid(n);
  if (pid) {
    await waitForPort(n, { exited: () => false }, timeoutMs);
    if (!quiet) log(`${n.name} is already running (pid ${pid})`);
    return { ...n, pid, started: false };
  }
  if (await portOpen(n.host, n.port)) throw new Error(`${n.host}:${n.port} is taken by another process`);
  const child = startNodeJvm(n);
  if (!quiet) log(`starting ${n.name} (${n.dc}, ${n.rack}, pid ${child.pid}); logs in ${path.relative(process.cwd(), n.dir)}/logs`);
  try {
    await waitForPort(n, child, timeoutMs);
  } catch (e) {
    if (readPid(n)) await stopNode(n, { quiet: true, signal: 'SIGKILL' });
    throw e;
  }
  return { ...n, pid: child.pid, started: true };
}

/**
 * Starts every node of the cluster (those already running are left alone) at once, then waits
 * until each node's native port answers and each sees all the others (clusterReady).
 */
export async function startCluster(size = 3, { first = DEFAULT_FIRST, timeoutMs = 300_000, quiet = false } = {}) {
  const nodes = clusterNodes(size, first);
  const t0 = Date.now();
  const results = await Promise.allSettled(nodes.map((n) => startNode(n, { timeoutMs, quiet })));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  await waitForCluster(nodes, { timeoutMs: Math.max(30_000, timeoutMs - (Date.now() - t0)) });
  if (!quiet) log(`cluster of ${size} ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return results.map((r) => r.value);
}

/**
 * Resolves when every node in `up` answers CQL, sees every other node of `up` alive (gossip) and
 * agrees on the schema; nodes in `down` must be seen as down by the others. Needs cassandra-driver
 * (after `npm ci`); without it only the ports are checked.
 */
export async function waitForCluster(up, { down = [], timeoutMs = 120_000 } = {}) {
  let driver;
  try {
    driver = (await import('cassandra-driver')).default;
  } catch {
    for (const n of up) await waitForPort(n, { exited: () => false }, timeoutMs);
    return;
  }
  const t0 = Date.now();
  let last = '';
  for (;;) {
    last = await clusterViewProblem(driver, up, down);
    if (!last) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`the cluster did not settle within ${timeoutMs / 1000}s: ${last}`);
    await sleep(1000);
  }
}

/** What is not yet as wanted (empty when all is): each live node's view of the others. */
async function clusterViewProblem(driver, up, down) {
  const views = await Promise.all(up.map((n) => nodeView(driver, n)));
  for (let i = 0; i < up.length; i++) if (typeof views[i] === 'string') return `${up[i].host}: ${views[i]}`;
  const schemas = new Set(views.map((v) => v.schema));
  if (schemas.size > 1) return `schema versions differ: ${[...schemas].join(', ')}`;
  for (let i = 0; i < up.length; i++) {
    const v = views[i];
    const missing = up.filter((o) => o !== up[i] && !v.peers.has(o.host));
    if (missing.length) return `${up[i].host} has not met ${missing.map((o) => o.host).join(', ')} yet`;
    if (v.alive === undefined) continue;
    const want = Math.min(3, up.length + down.length) - down.length;
    if (v.alive !== want) return `${up[i].host} finds ${v.alive} replicas of system_distributed alive, not ${want}`;
  }
  return '';
}

/**
 * One node's view: its schema version, its peers, and how many replicas of system_distributed
 * (replication factor 3) its failure detector has alive: a read at ALL succeeds when all are, and
 * says how many are when it fails (Unavailable). Only the system tables and that read: the
 * gossip_info virtual table would resolve every peer's host name, which then shows in the
 * server's DESCRIBE CLUSTER (`name/address:port`).
 */
async function nodeView(driver, n) {
  const client = new driver.Client({
    contactPoints: [`${n.host}:${n.port}`],
    localDataCenter: n.dc,
    policies: { loadBalancing: new driver.policies.loadBalancing.WhiteListPolicy(new driver.policies.loadBalancing.RoundRobinPolicy(), [`${n.host}:${n.port}`]) },
    socketOptions: { connectTimeout: 3000, readTimeout: 8000 },
    isMetadataSyncEnabled: false,
    pooling: { warmup: false },
  });
  try {
    const schema = String((await client.execute('SELECT schema_version FROM system.local')).first().schema_version);
    const peers = new Set((await client.execute('SELECT peer FROM system.peers_v2')).rows.map((r) => String(r.peer)));
    let alive;
    if (n.size >= 3) {
      try {
        await client.execute('SELECT * FROM system_distributed.repair_history LIMIT 1', [], { consistency: driver.types.consistencies.all });
        alive = 3;
      } catch (e) {
        const inner = e instanceof driver.errors.NoHostAvailableError ? Object.values(e.innerErrors)[0] : e;
        if (!(inner instanceof driver.errors.ResponseError) || typeof inner.alive !== 'number') throw e;
        alive = inner.alive;
      }
    }
    return { schema, peers, alive };
  } catch (e) {
    return e.message;
  } finally {
    await client.shutdown().catch(() => {});
  }
}

/** Stops a node by pid: SIGTERM (Cassandra announces its shutdown to the others) or SIGKILL; waits until it is gone. */
export async function stopNode(n, { signal = 'SIGTERM', quiet = false, timeoutMs = 30_000 } = {}) {
  const pid = readPid(n);
  if (!pid) {
    if (!quiet) log(`${n.name} is not running`);
    fs.rmSync(n.pidFile, { force: true });
    return false;
  }
  process.kill(pid, signal);
  const t0 = Date.now();
  while (readPid(n) && Date.now() - t0 < timeoutMs) await sleep(200);
  if (readPid(n)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && readPid(n); i++) await sleep(100);
  fs.rmSync(n.pidFile, { force: true });
  if (!quiet) log(`stopped ${n.name} (pid ${pid}${signal === 'SIGTERM' ? '' : `, ${signal}`})`);
  return true;
}

/** Sends a signal to a running node (SIGSTOP freezes it: its peers time out on it; SIGCONT thaws it). */
export function signalNode(n, signal) {
  const pid = readPid(n);
  if (!pid) throw new Error(`${n.name} is not running`);
  process.kill(pid, signal);
}

/** Each known node: where it is and whether its process runs and its native port answers. */
export async function clusterStatus() {
  return Promise.all(
    knownNodes().map(async (n) => {
      const pid = readPid(n);
      return { ...n, pid, running: Boolean(pid), answering: Boolean(pid) && (await portOpen(n.host, n.port)) };
    }),
  );
}

export function describeNode(s) {
  const state = s.answering ? `up (pid ${s.pid})` : s.running ? `starting (pid ${s.pid})` : 'down';
  return `  ${s.host.padEnd(15)} ${s.dc} ${s.rack}  native port ${s.port}  ${state}`;
}

export function describeCluster(nodes) {
  return `Cassandra ${CASSANDRA_VERSION} cluster of ${nodes[0]?.size ?? 0} node(s), GossipingPropertyFileSnitch`;
}
