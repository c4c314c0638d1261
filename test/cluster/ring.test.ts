// A multi-node ring seen through both shells: DESCRIBE CLUSTER (token ranges and their replicas
// per keyspace, NetworkTopologyStrategy across two data centers with racks, SimpleStrategy RF 3),
// the client-side twin of it, SHOW REPLICAS, SHOW HOST, TRACING across nodes, and a shell given
// one contact point that finds the others.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tscqlsh } from '../support/run.js';
import { bothOn, cluster, db, ok } from './helpers.js';

const KS_NTS = 'ring_nts';
const KS_NTS11 = 'ring_nts11';
const KS_SIMPLE = 'ring_simple';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-ring-'));

beforeAll(async () => {
  const [first] = cluster().hosts;
  await ok(first, [], {
    stdin: [
      `CREATE KEYSPACE IF NOT EXISTS ${KS_NTS} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1};`,
      `CREATE KEYSPACE IF NOT EXISTS ${KS_NTS11} WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 1};`,
      `CREATE KEYSPACE IF NOT EXISTS ${KS_SIMPLE} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3};`,
      `CREATE TABLE IF NOT EXISTS ${KS_NTS}.t (k int PRIMARY KEY, v text);`,
      `INSERT INTO ${KS_NTS}.t (k, v) VALUES (1, 'one');`,
      '',
    ].join('\n'),
  });
});

const expectSame = ({ ours, ref }: { ours: { stdout: string; stderr: string; code: number | null }; ref: { stdout: string; stderr: string; code: number | null } }) => {
  expect(ours.stdout).toBe(ref.stdout);
  expect(ours.stderr).toBe(ref.stderr);
  expect(ours.code).toBe(ref.code);
};

describe('DESCRIBE CLUSTER on three nodes in two data centers', () => {
  for (const ks of [KS_NTS, KS_NTS11, KS_SIMPLE, 'system_auth', undefined]) {
    it(`is cqlsh's with ${ks ?? 'no keyspace'} in use`, async () => {
      const [first] = cluster().hosts;
      const both = await bothOn(first, [...(ks ? ['-k', ks] : []), '-e', 'DESCRIBE CLUSTER']);
      expectSame(both);
      if (ks?.startsWith('ring_')) {
        // one line per ring token (4 per node), each range held by the keyspace's replicas
        const lines = both.ours.stdout.split('\n').filter((l) => /^\s+-?\d+\s+\[/.test(l));
        expect(lines).toHaveLength(12);
        const holders = (l: string) => l.slice(l.indexOf('[') + 1, l.lastIndexOf(']')).split(', ');
        expect(new Set(lines.map((l) => holders(l).length))).toEqual(new Set([ks === KS_NTS11 ? 2 : 3]));
      }
    });
  }

  it('the client-side twin (servers without DESCRIBE) prints what the server does', async () => {
    const [first, second, third] = cluster().hosts;
    for (const host of [first, third]) {
      for (const ks of [KS_NTS, KS_NTS11, KS_SIMPLE, 'system']) {
        const server = await ok(host, ['-k', ks, '-e', 'DESCRIBE CLUSTER']);
        const client = await ok(host, ['-k', ks, '-e', 'DESCRIBE CLUSTER'], { env: { TSCQLSH_DESCRIBE: 'client' } });
        expect(client.stdout, `${ks} via ${host}`).toBe(server.stdout);
      }
    }
    expect(second).toBeDefined();
  });
});

describe('SHOW on a multi-node ring', () => {
  it("SHOW REPLICAS for tokens around the ring and SHOW HOST are cqlsh's", async () => {
    const [first, , third] = cluster().hosts;
    const tokens = ['-9223372036854775808', '-8454757700450211158', '-5000000000000000000', '0', '768614336404564648', '768614336404564649', '9223372036854775807'];
    const lines = [
      'SHOW HOST;',
      ...tokens.flatMap((t) => [`SHOW REPLICAS ${t} ${KS_NTS};`, `SHOW REPLICAS ${t} ${KS_NTS11};`, `SHOW REPLICAS ${t} ${KS_SIMPLE};`]),
      `USE ${KS_NTS11};`,
      'SHOW REPLICAS 42;',
      '',
    ];
    for (const host of [first, third]) {
      const both = await bothOn(host, [], { stdin: lines.join('\n') });
      expectSame(both);
      expect(both.ours.stdout).toContain(`Connected to Test Cluster at ${host}:${cluster().port}`);
    }
  });
});

describe('TRACING across nodes', () => {
  it('shows events from the nodes a read at ALL touched, laid out as cqlsh lays them out', async () => {
    const [first] = cluster().hosts;
    const input = `TRACING ON;\nCONSISTENCY ALL;\nSELECT * FROM ${KS_NTS}.t WHERE k = 1;\n`;
    const l = (c: string[]) => c.join(' | ');
    const shape = (out: string) => {
      const lines = out.split('\n');
      const head = lines.findIndex((x) => /^ +activity +\| timestamp +\| source +\| source_elapsed +\| client$/.test(x));
      expect(head, out).toBeGreaterThan(0);
      const cells = lines.slice(head + 2).filter((x) => x.includes(' | ')).map((x) => x.split(' | ').map((c) => c.trim()));
      for (const c of cells) {
        expect(c[1], l(c)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}(\+00:00)?$/);
        expect(c[3], l(c)).toMatch(/^(\d+|--)$/);
      }
      return { before: lines.slice(0, lines.findIndex((x) => x.startsWith('Tracing session: '))).join('\n'), first: cells[0][0], last: cells.at(-1)![0], sources: new Set(cells.map((c) => c[2])) };
    };
    // the replicas write their events asynchronously: a trace read at once may lack a node's, so
    // each shell gets a few tries to show more than the coordinator's
    for (let attempt = 1; ; attempt++) {
      const { ours, ref } = await bothOn(first, [], { stdin: input });
      expect(ours.code).toBe(ref.code);
      expect(ours.stderr).toBe(ref.stderr);
      const a = shape(ours.stdout);
      const b = shape(ref.stdout);
      expect(a.before).toBe(b.before);
      expect([a.first, a.last]).toEqual(['Execute CQL3 query', 'Request complete']);
      expect([b.first, b.last]).toEqual(['Execute CQL3 query', 'Request complete']);
      for (const s of [...a.sources, ...b.sources]) expect(cluster().hosts).toContain(s);
      if (a.sources.size >= 2 && b.sources.size >= 2) break;
      if (attempt === 3) throw new Error(`a trace from one node only: ${[...a.sources]} / ${[...b.sources]}`);
    }
  });
});

describe('contact points', () => {
  it('one contact point is enough: the shell finds the other nodes (ring, routing)', async () => {
    const [first, second, third] = cluster().hosts;
    const both = await bothOn(second, ['-k', KS_NTS11, '-e', 'SHOW HOST; DESCRIBE CLUSTER']);
    expectSame(both);
    for (const h of [first, second, third]) expect(both.ours.stdout).toContain(`/${h}:`);
    // COPY through the one contact point reaches the other node of its data center
    fs.writeFileSync(path.join(dir, 'rows.csv'), Array.from({ length: 200 }, (_, i) => `${i},v${i}\n`).join(''));
    await ok(second, ['-e', `CREATE TABLE IF NOT EXISTS ${KS_NTS11}.cp (k int PRIMARY KEY, v text); TRUNCATE ${KS_NTS11}.cp;`]);
    const copy = await tscqlsh([second, String(cluster().port), '-e', `COPY ${KS_NTS11}.cp FROM 'rows.csv' WITH MINBATCHSIZE = 1 AND MAXBATCHSIZE = 5`], { cwd: dir, env: { TSCQLSH_COPY_STATS: '1' } });
    // (the stats hook writes to stderr, which makes the exit code 2)
    expect(copy.stdout, copy.stderr).toContain('200 rows imported from 1 files');
    const stats = /\[copy stats\][^\n]*/.exec(copy.stderr)?.[0] ?? '';
    expect(stats).toMatch(new RegExp(`hosts=${first.replaceAll('.', '\\.')}:\\d+:\\d+,${second.replaceAll('.', '\\.')}:\\d+:\\d+$`));
    expect(stats).toContain('coordinated=0');
  });
});

describe('npm run db:status', () => {
  it('lists each node with its data center, rack and state', async () => {
    const { hosts, port, dcs } = cluster();
    const r = await db('status');
    for (const h of hosts) expect(r.stdout).toMatch(new RegExp(`^  ${h.replaceAll('.', '\\.')} +${dcs[h].dc} ${dcs[h].rack}  native port ${port}  up \\(pid \\d+\\)$`, 'm'));
  });
});
