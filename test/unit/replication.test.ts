// Replica placement as Cassandra does it (describe/replication.ts): the client-side DESCRIBE
// CLUSTER and COPY's routing rest on it. The cluster project checks it against a real ring.
import { describe, expect, it } from 'vitest';
import { describeCluster } from '../../src/describe/describe.js';
import type { SchemaModel } from '../../src/describe/model.js';
import { replicaPlacement, replicationFactor } from '../../src/describe/replication.js';

const node = (name: string, dc: string, rack: string) => ({ name, dc, rack });
const names = (ns: { name: string }[]) => ns.map((n) => n.name);

describe('replica placement', () => {
  const A = node('A', 'dc1', 'r1');
  const B = node('B', 'dc1', 'r1');
  const C = node('C', 'dc1', 'r2');
  const D = node('D', 'dc1', 'r2');
  const X = node('X', 'dc2', 'r1');

  it('SimpleStrategy: the next distinct nodes clockwise, wrapping, at most as many as there are', () => {
    const place = replicaPlacement([A, B, A, C], { class: 'org.apache.cassandra.locator.SimpleStrategy', replication_factor: '2' })!;
    expect([0, 1, 2, 3].map((p) => names(place(p)))).toEqual([
      ['A', 'B'],
      ['B', 'A'],
      ['A', 'C'],
      ['C', 'A'],
    ]);
    expect(names(replicaPlacement([A, B], { class: 'SimpleStrategy', replication_factor: '5' })!(1))).toEqual(['B', 'A']);
  });

  it('NetworkTopologyStrategy: per data center, in the order the ring walk meets them', () => {
    const place = replicaPlacement([A, X, C, B], { class: 'NetworkTopologyStrategy', dc1: '2', dc2: '1' })!;
    expect(names(place(0))).toEqual(['A', 'X', 'C']);
    expect(names(place(1))).toEqual(['X', 'C', 'B']);
    expect(names(place(3))).toEqual(['B', 'X', 'C']); // A shares B's rack: passed over for C
  });

  it('racks: one replica per rack first; a rack repeats only as far as the factor exceeds the racks', () => {
    // dc1: 2 racks, RF 3 -> one repeat allowed, taken as soon as it is met (Cassandra 4+)
    const three = replicaPlacement([A, B, C, D], { class: 'NetworkTopologyStrategy', dc1: '3' })!;
    expect(names(three(0))).toEqual(['A', 'B', 'C']);
    // RF 2 = racks: no repeat, B (rack r1 again) is passed over for C
    const two = replicaPlacement([A, B, C, D], { class: 'NetworkTopologyStrategy', dc1: '2' })!;
    expect(names(two(0))).toEqual(['A', 'C']);
    expect(names(two(1))).toEqual(['B', 'C']);
  });

  it('a factor above the data center size takes every node; transient replicas count; other strategies are not placed', () => {
    expect(names(replicaPlacement([A, C, X], { class: 'NetworkTopologyStrategy', dc1: '5', dc3: '2' })!(0))).toEqual(['A', 'C']);
    expect(replicationFactor('3/1')).toBe(3);
    expect(replicaPlacement([A], { class: 'org.apache.cassandra.locator.LocalStrategy' })).toBeNull();
  });
});

describe('DESCRIBE CLUSTER from the schema model', () => {
  const ring = [
    { token: '-100', endpoint: '/10.0.0.1:7000', dc: 'dc1', rack: 'r1' },
    { token: '0', endpoint: '/10.0.0.3:7000', dc: 'dc2', rack: 'r1' },
    { token: '100', endpoint: '/10.0.0.2:7000', dc: 'dc1', rack: 'r2' },
  ];
  const model = (replication: Record<string, string>): SchemaModel => ({
    keyspaces: [
      {
        name: 'ks',
        durableWrites: true,
        replication,
        tables: [],
        views: [],
        types: [],
        functions: [],
        aggregates: [],
      } as unknown as SchemaModel['keyspaces'][number],
    ],
    cluster: { name: 'C', partitioner: 'org.apache.cassandra.dht.Murmur3Partitioner', ring },
  });

  it('places each range by the keyspace strategy, across data centers', () => {
    const out = describeCluster(model({ class: 'org.apache.cassandra.locator.NetworkTopologyStrategy', dc1: '1', dc2: '1' }), 'ks');
    expect(out.range_ownership).toEqual([
      ['-100', ['/10.0.0.1:7000', '/10.0.0.3:7000']],
      ['0', ['/10.0.0.3:7000', '/10.0.0.2:7000']],
      ['100', ['/10.0.0.2:7000', '/10.0.0.3:7000']],
    ]);
  });

  it('shows no ownership for system keyspaces or without a keyspace', () => {
    expect(describeCluster(model({ class: 'SimpleStrategy', replication_factor: '1' }), 'system_auth').range_ownership).toBeUndefined();
    expect(describeCluster(model({ class: 'SimpleStrategy', replication_factor: '1' }), undefined).range_ownership).toBeUndefined();
  });
});
