#!/usr/bin/env node
// npm run db:start [-- --auth|--all|--cluster N|--node ADDRESS]
// npm run db:stop [-- --auth|--all|--node ADDRESS [--kill]] | npm run db:status
//   (no flag)      the single-node server `default`; db:stop and db:status also cover cluster nodes
//   --cluster N    a cluster of N nodes on 127.0.0.1..N (scripts/cassandra/cluster.mjs)
//   --node ADDR    one node of a cluster started before
import { clusterNodes, clusterStatus, describeCluster, describeNode, knownNode, knownNodes, startCluster, startNode, stopNode, waitForCluster } from './cassandra/cluster.mjs';
import { describe, start, status, stop } from './cassandra/launcher.mjs';

const [cmd, ...rest] = process.argv.slice(2);
const value = (flag) => {
  const i = rest.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i < 0) return undefined;
  return rest[i].includes('=') ? rest[i].slice(flag.length + 1) : rest[i + 1];
};
const named = value('--profile');
const clusterSize = value('--cluster');
const node = value('--node');
const first = value('--first');
const names = named ? [named] : rest.includes('--all') ? ['default', 'auth'] : rest.includes('--auth') ? ['auth'] : ['default'];
const usage = () => {
  console.error('usage: node scripts/db.mjs start|stop|status [--auth|--all|--cluster N|--node ADDRESS]');
  process.exit(2);
};

async function printCluster() {
  const nodes = await clusterStatus();
  if (!nodes.length) return;
  console.log(describeCluster(nodes));
  for (const n of nodes) console.log(describeNode(n));
}

try {
  if (cmd === 'start' && clusterSize !== undefined) {
    if (!/^\d+$/.test(clusterSize)) usage();
    await startCluster(Number(clusterSize), { first });
    await printCluster();
  } else if (cmd === 'start' && node) {
    const n = knownNode(node);
    await startNode(n);
    const all = clusterNodes(n.size, n.first);
    const running = (await clusterStatus()).filter((s) => s.answering && all.some((a) => a.host === s.host));
    await waitForCluster(all.filter((a) => running.some((r) => r.host === a.host)));
    await printCluster();
  } else if (cmd === 'stop' && node) {
    await stopNode(knownNode(node), { signal: rest.includes('--kill') ? 'SIGKILL' : 'SIGTERM' });
  } else if (cmd === 'start' || cmd === 'stop' || cmd === 'status') {
    for (const name of names) {
      if (cmd === 'start') {
        const p = await start(name);
        console.log(describe(p));
      } else if (cmd === 'stop') {
        await stop(name);
      } else {
        const s = await status(name);
        console.log(s.running ? `${describe(s)}\n  running (pid ${s.pid})` : `Cassandra (${name}) is not running`);
      }
    }
    // without a profile flag, stop and status cover the cluster's nodes too
    if (!named && !rest.includes('--auth')) {
      if (cmd === 'stop') await Promise.all(knownNodes().map((n) => stopNode(n, { quiet: true }).then((stopped) => stopped && console.error(`[db] stopped ${n.name}`))));
      if (cmd === 'status') await printCluster();
    }
  } else usage();
} catch (e) {
  console.error(`[db] ${e.message}`);
  process.exit(1);
}
