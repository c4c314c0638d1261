// SHOW REPLICAS <token> [keyspace]: the addresses of the nodes holding `token` in `keyspace`, as the
// Python driver's token map finds them (the ring and the keyspace's replication read by db/ring.ts
// and db/schema.ts; SimpleStrategy and NetworkTopologyStrategy, anything else none).
import { readRingNodes, type RingNode } from '../../db/ring.js';
import { keyspaceReplication } from '../../db/schema.js';
import type { Session } from '../../db/session.js';
import { pyStrRepr as pyRepr } from '../../format/pyvalues.js';

type Host = Pick<RingNode, 'address' | 'dc' | 'rack'>;

/** The ring (db/ring.ts): sorted tokens and the node owning each. */
async function tokenRing(session: Session): Promise<{ partitioner: string; ring: bigint[]; owner: Map<bigint, Host> } | null> {
  const r = await readRingNodes(session);
  if (!r) return null;
  const owner = new Map<bigint, Host>();
  for (const n of r.nodes) for (const t of n.tokens) if (/^-?\d+$/.test(t)) owner.set(BigInt(t), n);
  const ring = [...owner.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { partitioner: r.partitioner, ring, owner };
}

/** A replication factor's full replicas: `3`, or `3/1` (3 replicas, 1 transient). */
function fullReplicas(rf: string | undefined): number {
  const m = /^(\d+)(?:\/(\d+))?$/.exec(rf ?? '');
  return m ? Number(m[1]) - Number(m[2] ?? 0) : 0;
}

function simple(ring: bigint[], owner: Map<bigint, Host>, at: number, rf: number): Host[] {
  const hosts: Host[] = [];
  for (let j = 0; hosts.length < rf && j < ring.length; j++) {
    const h = owner.get(ring[(at + j) % ring.length])!;
    if (!hosts.includes(h)) hosts.push(h);
  }
  return hosts;
}

function networkTopology(ring: bigint[], owner: Map<bigint, Host>, at: number, dcRf: Map<string, number>): Host[] {
  const offsets = new Map<string | null, number[]>();
  const racks = new Map<string, Set<string>>();
  const hostsPerDc = new Map<string, Set<Host>>();
  ring.forEach((t, i) => {
    const h = owner.get(t)!;
    if (!offsets.has(h.dc)) offsets.set(h.dc, []);
    offsets.get(h.dc)!.push(i);
    if (h.dc && h.rack) {
      if (!racks.has(h.dc)) racks.set(h.dc, new Set());
      racks.get(h.dc)!.add(h.rack);
      if (!hostsPerDc.has(h.dc)) hostsPerDc.set(h.dc, new Set());
      hostsPerDc.get(h.dc)!.add(h);
    }
  });
  const replicas: Host[] = [];
  for (const [dc, tokenOffsets] of offsets) {
    const rf = dc === null ? undefined : dcRf.get(dc);
    if (!rf) continue;
    const n = tokenOffsets.length;
    let index = tokenOffsets.findIndex((o) => o >= at);
    if (index < 0) index = n;
    let remaining = rf;
    let thisDc = 0;
    let skipped: Host[] = [];
    const placed = new Set<string | null>();
    const dcRacks = racks.get(dc!)?.size ?? 0;
    const dcHosts = hostsPerDc.get(dc!)?.size ?? 0;
    for (let k = index; k < index + n; k++) {
      const h = owner.get(ring[tokenOffsets[k >= n ? k - n : k]])!;
      if (remaining === 0 || thisDc === dcHosts) break;
      if (replicas.includes(h)) continue;
      if (placed.has(h.rack) && placed.size < dcRacks) {
        skipped.push(h);
        continue;
      }
      replicas.push(h);
      thisDc++;
      remaining--;
      placed.add(h.rack);
      if (placed.size === dcRacks) {
        for (const s of skipped) {
          if (remaining === 0) break;
          replicas.push(s);
          remaining--;
        }
        skipped = [];
      }
    }
  }
  return replicas;
}

/** What SHOW REPLICAS prints: a Python list of addresses (throws a message for a bad token). */
export async function showReplicas(session: Session, token: string, keyspace: string | undefined): Promise<string> {
  const r = await tokenRing(session);
  if (!r || r.ring.length === 0) return '[]';
  if (!/Murmur3Partitioner$|RandomPartitioner$/.test(r.partitioner)) return '[]';
  if (!/^-?\d+$/.test(token)) throw new Error(`invalid literal for int() with base 10: ${pyRepr(token)}`);
  if (keyspace === undefined) return '[]';
  const replication = await keyspaceReplication(session, keyspace);
  const t = BigInt(token);
  let at = r.ring.findIndex((x) => x >= t);
  if (at < 0) at = 0;
  const strategy = (replication.get('class') ?? '').split('.').pop();
  let hosts: Host[] = [];
  if (strategy === 'SimpleStrategy') hosts = simple(r.ring, r.owner, at, fullReplicas(replication.get('replication_factor')));
  else if (strategy === 'NetworkTopologyStrategy') {
    const dcRf = new Map<string, number>();
    for (const [k, v] of replication) if (k !== 'class' && fullReplicas(v) > 0) dcRf.set(k, fullReplicas(v));
    hosts = networkTopology(r.ring, r.owner, at, dcRf);
  }
  return `[${hosts.map((h) => pyRepr(h.address)).join(', ')}]`;
}
