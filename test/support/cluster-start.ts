// Set-up file of the `cluster` project: before each of its test files, the test cluster named by
// test/support/cluster-setup.ts is started (nodes already up are left alone) and waited for until
// every node sees the others and the schema agrees: the first file starts it, the next finds it
// up. After the project's last file (its files run one at a time), the nodes this run started are
// stopped, so they do not idle beside the test groups that run after this one.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { clusterNodes, startCluster, stopNode } from '../../scripts/cassandra/cluster.mjs';

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

afterAll(async () => {
  const { hosts, keep, files, doneDir } = inject('cluster');
  fs.writeFileSync(path.join(doneDir, randomUUID()), '');
  if (fs.readdirSync(doneDir).length < files) return;
  await Promise.all(clusterNodes(hosts.length, hosts[0]).filter((n) => !keep.includes(n.host)).map((n) => stopNode(n, { quiet: true })));
}, 60_000);
