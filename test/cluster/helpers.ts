// Shared by the `cluster` project: the test cluster (test/support/cluster-setup.ts), its nodes
// taken down and brought back through the launcher with every wait bounded, and both shells run
// against one node.
import { inject } from 'vitest';
import { clusterNodes, signalNode, stopNode, waitForCluster, type ClusterNode } from '../../scripts/cassandra/cluster.mjs';
import { normalizeReference, referenceCqlsh } from '../support/reference.js';
import { run, tscqlsh, type RunOptions, type RunResult } from '../support/run.js';

/** `npm run db:<cmd> -- ...args` (scripts/db.mjs), as a user types it. */
export async function db(cmd: 'start' | 'stop' | 'status', ...args: string[]): Promise<RunResult> {
  const r = await run(process.execPath, ['scripts/db.mjs', cmd, ...args], { timeoutMs: 240_000 });
  if (r.code !== 0) throw new Error(`db:${cmd} ${args.join(' ')} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

export const cluster = () => inject('cluster');

/** The launcher's description of node `host` of the test cluster. */
export function node(host: string): ClusterNode {
  const c = cluster();
  const n = clusterNodes(c.hosts.length, c.hosts[0]).find((x) => x.host === host);
  if (!n) throw new Error(`${host} is not a node of the test cluster`);
  return n;
}

const allNodes = () => cluster().hosts.map(node);

/** Stops a node (SIGTERM: it announces its shutdown; SIGKILL: the others' failure detectors find out) and waits until the others see it down. */
export async function takeDown(host: string, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  const n = node(host);
  if (signal === 'SIGTERM') await db('stop', '--node', host);
  else await stopNode(n, { signal, quiet: true, timeoutMs: 30_000 });
  await waitForCluster(allNodes().filter((x) => x.host !== host), { down: [n], timeoutMs: 90_000 });
}

/** Starts a stopped node again and waits until every node sees every other up. */
export async function bringBack(host: string): Promise<void> {
  await db('start', '--node', host);
  await waitForCluster(allNodes(), { timeoutMs: 120_000 });
}

/** Freezes a node (SIGSTOP): it keeps its connections but answers nothing, so its peers time out on it. */
export function freeze(host: string): void {
  signalNode(node(host), 'SIGSTOP');
}

export function thaw(host: string): void {
  signalNode(node(host), 'SIGCONT');
}

export interface Both {
  ours: RunResult;
  ref: RunResult;
}

/** The same arguments (after host and port) through the reference cqlsh, then tscqlsh, against node `host`. */
export async function bothOn(host: string, args: string[], o: RunOptions & { prepare?: () => Promise<void> } = {}): Promise<Both> {
  const full = [host, String(cluster().port), ...args];
  await o.prepare?.();
  const ref = normalizeReference(await run(referenceCqlsh(), full, o));
  await o.prepare?.();
  const ours = await tscqlsh(full, o);
  return { ours, ref };
}

/** tscqlsh against node `host`; throws with its output when it fails. */
export async function ok(host: string, args: string[], o: RunOptions = {}): Promise<RunResult> {
  const r = await tscqlsh([host, String(cluster().port), ...args], o);
  if (r.code !== 0 || r.stderr) throw new Error(`tscqlsh ${args.join(' ')} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
