// The `cluster` project's server: a local 3-node cluster (scripts/cassandra/cluster.mjs) on
// 127.0.0.11-13 (TSCQLSH_TEST_CLUSTER_FIRST moves it), native port 9042 + TSCQLSH_DB_PORT_OFFSET,
// dc1 = .11 and .12, dc2 = .13. Away from 127.0.0.1, where the single-node test server runs on
// the same port. Vitest runs every project's global setup before any test file, so this one only
// names the nodes (tests read them with `inject('cluster')`); test/support/cluster-start.ts starts
// them when the project's own files run (in a test group of their own) and stops them after the
// last of those files, so three idle JVMs never sit beside the other projects' tests. Nodes
// already running when the run began are used as they are and left running; those started by the
// run are stopped after its last cluster file, and in any case at the run's end (here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { clusterNodes, clusterStatus, stopNode } from '../../scripts/cassandra/cluster.mjs';

export interface TestCluster {
  /** the nodes' addresses, in order */
  hosts: string[];
  port: number;
  /** each node's data center and rack */
  dcs: Record<string, { dc: string; rack: string }>;
  /** nodes that ran before the run began: never stopped by it */
  keep: string[];
  /** how many test files the project has, and a folder where each notes that it is done */
  files: number;
  doneDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: TestCluster;
  }
}

export default async function setup(project: TestProject) {
  const first = process.env.TSCQLSH_TEST_CLUSTER_FIRST ?? '127.0.0.11';
  const nodes = clusterNodes(3, first);
  const running = new Set((await clusterStatus()).filter((s) => s.running).map((s) => s.host));
  const doneDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-cluster-run-'));
  project.provide('cluster', {
    hosts: nodes.map((n) => n.host),
    port: nodes[0].port,
    dcs: Object.fromEntries(nodes.map((n) => [n.host, { dc: n.dc, rack: n.rack }])),
    keep: [...running],
    files: fs.readdirSync(path.join(project.config.root, 'test', 'cluster')).filter((f) => f.endsWith('.test.ts')).length,
    doneDir,
  });
  return async () => {
    await Promise.all(nodes.filter((n) => !running.has(n.host)).map((n) => stopNode(n, { quiet: true })));
    fs.rmSync(doneDir, { recursive: true, force: true });
  };
}
