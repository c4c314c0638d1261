// Set-up file of the `cluster` project: before each of its test files, the test cluster named by
// test/support/cluster-setup.ts is started (nodes already up are left alone) and waited for until
// every node sees the others and the schema agrees. The first file starts it; the next finds it up.
import { beforeAll, inject } from 'vitest';
import { startCluster } from '../../scripts/cassandra/cluster.mjs';

beforeAll(async () => {
  const { hosts, port } = inject('cluster');
  const t0 = Date.now();
  let nodes;
  try {
    nodes = await startCluster(hosts.length, { first: hosts[0], quiet: true, timeoutMs: 300_000 });
  } catch (e) {
    throw new Error(`No cluster for the cluster tests: ${(e as Error).message}`);
  }
  if (nodes.some((n) => n.started)) process.stderr.write(`[cluster] Cassandra cluster at ${hosts.join(', ')} port ${port} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
}, 320_000);
