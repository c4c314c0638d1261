// Where Cassandra places a keyspace's replicas on the token ring: SimpleStrategy (the next distinct
// nodes clockwise) and NetworkTopologyStrategy (per data center, one node per rack first, racks
// repeated only as far as the replication factor exceeds the racks), in the order Cassandra itself
// lists them (the order nodes are met walking the ring). Pure: DESCRIBE CLUSTER's client-side twin
// (describe.ts) and COPY's routing (db/ring.ts) use it. (SHOW REPLICAS follows the Python driver's
// own placement instead: shell/commands/replicas.ts.)

export interface RingNode {
  dc: string | null;
  rack: string | null;
}

/** A replication factor's replicas, full and transient: `3`, or `3/1`. */
export function replicationFactor(rf: string | undefined): number {
  const m = /^\s*(\d+)(?:\/\d+)?\s*$/.exec(rf ?? '');
  return m ? Number(m[1]) : 0;
}

/**
 * A function giving the replicas of ring position `at` (the range (tokens[at-1], tokens[at]]),
 * for ring `owners` (the node of each sorted ring token) and a keyspace's replication map; null
 * for a strategy placed some other way (LocalStrategy, EverywhereStrategy, custom ones).
 */
export function replicaPlacement<N extends RingNode>(owners: readonly N[], replication: Readonly<Record<string, string>>): ((at: number) => N[]) | null {
  const strategy = (replication.class ?? '').split('.').pop();
  if (strategy === 'SimpleStrategy') {
    const rf = replicationFactor(replication.replication_factor);
    return (at) => {
      const out: N[] = [];
      for (let j = 0; j < owners.length && out.length < rf; j++) {
        const n = owners[(at + j) % owners.length];
        if (!out.includes(n)) out.push(n);
      }
      return out;
    };
  }
  if (strategy === 'NetworkTopologyStrategy') {
    const dcRf = new Map<string, number>();
    for (const [k, v] of Object.entries(replication)) if (k !== 'class' && k !== 'replication_factor') dcRf.set(k, replicationFactor(v));
    const nodesPerDc = new Map<string, Set<N>>();
    const racksPerDc = new Map<string, Set<string | null>>();
    for (const n of owners) {
      if (n.dc === null) continue;
      if (!nodesPerDc.has(n.dc)) nodesPerDc.set(n.dc, new Set());
      nodesPerDc.get(n.dc)!.add(n);
      if (!racksPerDc.has(n.dc)) racksPerDc.set(n.dc, new Set());
      racksPerDc.get(n.dc)!.add(n.rack);
    }
    return (at) => networkTopology(owners, at, dcRf, nodesPerDc, racksPerDc);
  }
  return null;
}

function networkTopology<N extends RingNode>(
  owners: readonly N[],
  at: number,
  dcRf: Map<string, number>,
  nodesPerDc: Map<string, Set<N>>,
  racksPerDc: Map<string, Set<string | null>>,
): N[] {
  const out: N[] = [];
  // per data center still to fill: replicas left, and how many may share a rack already used
  const fill = new Map<string, { left: number; rackRepeats: number }>();
  for (const [dc, rf] of dcRf) {
    const nodes = nodesPerDc.get(dc)?.size ?? 0;
    if (rf <= 0 || nodes <= 0) continue;
    fill.set(dc, { left: Math.min(rf, nodes), rackRepeats: rf - (racksPerDc.get(dc)?.size ?? 0) });
  }
  let toFill = fill.size;
  const seenRacks = new Set<string>();
  for (let j = 0; toFill > 0 && j < owners.length; j++) {
    const n = owners[(at + j) % owners.length];
    const f = n.dc === null ? undefined : fill.get(n.dc);
    if (!f || f.left === 0 || out.includes(n)) continue;
    const rackKey = `${n.dc}\u0000${n.rack}`;
    if (!seenRacks.has(rackKey)) seenRacks.add(rackKey);
    else if (f.rackRepeats > 0) f.rackRepeats--;
    else continue;
    out.push(n);
    if (--f.left === 0) toFill--;
  }
  return out;
}
