// SHOW VERSION / HOST / SESSION / REPLICAS against a fake session. Expected text follows what
// cqlsh 6.2 printed against Cassandra 5.0 (SHOW SESSION: a real trace read back, in UTC).
process.env.TZ = 'UTC';
import { describe, expect, it } from 'vitest';
import { CqlTimestamp } from '../../src/cql/types.js';
import { fullCqlVersion, show } from '../../src/shell/commands/show.js';
import type { Trace } from '../../src/db/trace.js';
import { traceRows, uuidTimeMicros } from '../../src/shell/commands/trace.js';
import { VERSION } from '../../src/version.js';
import { type Answer, fakeContext, fakeSession, session } from './commands-fake.js';

describe('SHOW VERSION / HOST', () => {
  it('prints the versions line and the host line', async () => {
    expect(await session(show, ['SHOW VERSION', 'show version', 'SHOW HOST'])).toEqual([
      `[cqlsh ${VERSION.cqlsh} | Cassandra 5.0.9 | CQL spec 3.4.7 | Native protocol v5]`,
      `[cqlsh ${VERSION.cqlsh} | Cassandra 5.0.9 | CQL spec 3.4.7 | Native protocol v5]`,
      'Connected to Test Cluster at 127.0.0.1:9042',
    ]);
  });

  it('pads the CQL version to three parts', () => {
    expect(fullCqlVersion('3.4')).toBe('3.4.0');
    expect(fullCqlVersion('3')).toBe('3.0.0');
    expect(fullCqlVersion('3.4.7')).toBe('3.4.7');
  });

  it('refuses what its grammar does not take (reference output)', async () => {
    const texts = [
      'SHOW',
      'SHOW foo',
      'SHOW SESSION',
      'SHOW SESSION 123',
      'SHOW VERSION extra',
      'SHOW REPLICAS abc',
      'SHOW REPLICAS 5 system_auth extra',
      'SHOW SESSION 00000000-0000-0000-0000-00000000000',
    ];
    expect(await session(show, texts)).toEqual(texts.map(() => 'E:Improper SHOW command.'));
  });
});

const ID = 'd94d9790-e627-11f1-a51e-6fe2922b4c9b';

function traceAnswer(cql: string): Answer {
  if (cql.includes('system_traces.sessions')) {
    if (!cql.includes(ID)) return { columns: [['session_id', 'uuid']], rows: [] };
    return {
      columns: [
        ['request', 'text'],
        ['started_at', 'timestamp'],
        ['duration', 'int'],
        ['coordinator', 'inet'],
        ['client', 'inet'],
      ],
      rows: [['Execute CQL3 query', new CqlTimestamp(1795319424905n), 2624, '127.0.0.1', '127.0.0.1']],
    };
  }
  if (cql.includes('system_traces.events')) {
    return {
      columns: [
        ['event_id', 'timeuuid'],
        ['activity', 'text'],
        ['source', 'inet'],
        ['source_elapsed', 'int'],
        ['thread', 'text'],
      ],
      rows: [
        ['d94d979a-e627-11f1-a51e-6fe2922b4c9b', "Parsing SELECT key FROM system.local WHERE key = 'local';", '127.0.0.1', 419, 'Native-Transport-Requests-1'],
        ['d94dbea0-e627-11f1-a51e-6fe2922b4c9b', 'Preparing statement', '127.0.0.1', 639, 'Native-Transport-Requests-1'],
        ['d94dbeaa-e627-11f1-a51e-6fe2922b4c9b', 'Executing single-partition query on local', '127.0.0.1', 1054, 'ReadStage-16'],
      ],
    };
  }
  return null;
}

describe('SHOW SESSION', () => {
  it('prints the trace table as cqlsh does (reference output, three of its events)', async () => {
    const ctx = fakeContext({ fake: fakeSession(traceAnswer) });
    const out = await session(show, [`SHOW SESSION ${ID.toUpperCase()}`], ctx);
    expect(out).toEqual([
      [
        '',
        `Tracing session: ${ID}`,
        '',
        ' activity                                                                                | timestamp                        | source    | source_elapsed | client',
        '-----------------------------------------------------------------------------------------+----------------------------------+-----------+----------------+-----------',
        '                                                                      Execute CQL3 query |       2026-11-22 03:50:24.905000 | 127.0.0.1 |              0 | 127.0.0.1',
        " Parsing SELECT key FROM system.local WHERE key = 'local'; [Native-Transport-Requests-1] | 2026-11-22 03:50:24.905001+00:00 | 127.0.0.1 |            419 | 127.0.0.1",
        '                                       Preparing statement [Native-Transport-Requests-1] | 2026-11-22 03:50:24.906000+00:00 | 127.0.0.1 |            639 | 127.0.0.1',
        '                                Executing single-partition query on local [ReadStage-16] | 2026-11-22 03:50:24.906001+00:00 | 127.0.0.1 |           1054 | 127.0.0.1',
        '                                                                        Request complete |       2026-11-22 03:50:24.907624 | 127.0.0.1 |           2624 | 127.0.0.1',
        '',
      ].join('\n'),
    ]);
  });

  it("says when the session isn't found (reference output)", async () => {
    const { showTrace } = await import('../../src/shell/commands/trace.js');
    const fake = fakeSession(traceAnswer);
    const out = [];
    for await (const o of showTrace(fake as never, '00000000-0000-0000-0000-000000000000', { tty: false, maxWaitMs: 30 })) out.push(o);
    expect(out).toEqual([{ kind: 'error', message: "Session 00000000-0000-0000-0000-000000000000 wasn't found." }]);
  });

  it('shows `--` for zero elapsed times and drops a zero fraction of a second', () => {
    const t: Trace = {
      id: ID,
      request: 'Execute CQL3 query',
      startedAt: 1795319424000n,
      duration: 0,
      coordinator: '127.0.0.1',
      client: null,
      events: [{ activity: 'a\nb\\c', eventId: 'd94d979a-e627-11f1-a51e-6fe2922b4c9b', source: '127.0.0.1', sourceElapsed: 0, thread: 't' }],
    };
    expect(traceRows(t)).toEqual([
      ['Execute CQL3 query', '2026-11-22 03:50:24', '127.0.0.1', 0, null],
      ['a\nb\\c [t]', '2026-11-22 03:50:24.905001+00:00', '127.0.0.1', '--', null],
    ]);
  });

  it('reads event times from their time UUIDs as the Python driver does', () => {
    expect(uuidTimeMicros('d94d979a-e627-11f1-a51e-6fe2922b4c9b')).toBe(1795319424905001n);
    expect(uuidTimeMicros('d94dbea0-e627-11f1-a51e-6fe2922b4c9b')).toBe(1795319424906000n);
  });
});

/** A ring of `hosts` ([address, dc, rack, tokens]) and keyspaces with their replication. */
function ringAnswer(hosts: [string, string, string, string[]][], keyspaces: Record<string, [string, string][]>) {
  return (cql: string): Answer => {
    const [local, ...peers] = hosts;
    if (cql.includes('system.local')) {
      return {
        columns: [
          ['partitioner', 'text'],
          ['data_center', 'text'],
          ['rack', 'text'],
          ['tokens', 'set'],
        ],
        rows: [['org.apache.cassandra.dht.Murmur3Partitioner', local[1], local[2], local[3]]],
      };
    }
    if (cql.includes('system.peers_v2')) {
      return {
        columns: [
          ['peer', 'inet'],
          ['native_address', 'inet'],
          ['data_center', 'text'],
          ['rack', 'text'],
          ['tokens', 'set'],
        ],
        rows: peers.map(([a, dc, rack, tokens]) => [a, a, dc, rack, tokens]),
      };
    }
    const ks = /keyspace_name = '(.*)'/.exec(cql)?.[1] ?? '';
    if (cql.includes('system_schema.keyspaces')) {
      return { columns: [['replication', 'map']], rows: keyspaces[ks] ? [[keyspaces[ks]]] : [] };
    }
    return null;
  };
}

describe('SHOW REPLICAS', () => {
  const one = ringAnswer([['127.0.0.1', 'datacenter1', 'rack1', ['-100', '0', '100']]], {
    system_auth: [
      ['class', 'org.apache.cassandra.locator.SimpleStrategy'],
      ['replication_factor', '1'],
    ],
    system: [['class', 'org.apache.cassandra.locator.LocalStrategy']],
  });

  it('lists replica addresses as a Python list (reference output on one node)', async () => {
    const ctx = fakeContext({ fake: fakeSession(one) });
    expect(await session(show, ['SHOW REPLICAS 0', 'SHOW REPLICAS 0 system', 'SHOW REPLICAS 0 system_auth', 'SHOW REPLICAS -5 system_auth'], ctx)).toEqual([
      '[]',
      '[]',
      "['127.0.0.1']",
      "['127.0.0.1']",
    ]);
    expect(await session(show, ['SHOW REPLICAS 99999999999999999999999 system_auth', 'SHOW REPLICAS 0 "system_auth"', 'SHOW REPLICAS 5 key'], ctx)).toEqual([
      "['127.0.0.1']",
      '[]',
      '[]',
    ]);
  });

  it('uses the current keyspace, and fails like int() on a spaced sign (reference output)', async () => {
    const ctx = fakeContext({ fake: fakeSession(one), keyspace: 'system_auth' });
    expect(await session(show, ['SHOW REPLICAS 5', 'SHOW REPLICAS - 5 system_auth'], ctx)).toEqual([
      "['127.0.0.1']",
      "E:invalid literal for int() with base 10: '- 5'",
    ]);
  });

  // expectations computed with the Python driver's own SimpleStrategy / NetworkTopologyStrategy
  it('walks the ring for SimpleStrategy and NetworkTopologyStrategy', async () => {
    const ring = ringAnswer(
      [
        ['10.0.0.1', 'dc1', 'r1', ['0']],
        ['10.0.0.2', 'dc1', 'r1', ['100']],
        ['10.0.0.3', 'dc1', 'r2', ['200']],
        ['10.1.0.1', 'dc2', 'r1', ['50']],
      ],
      {
        simple: [
          ['class', 'SimpleStrategy'],
          ['replication_factor', '2'],
        ],
        nts: [
          ['class', 'NetworkTopologyStrategy'],
          ['dc1', '2'],
          ['dc2', '1'],
        ],
        transient: [
          ['class', 'NetworkTopologyStrategy'],
          ['dc1', '3/1'],
        ],
      },
    );
    const fake = fakeSession(ring);
    fake.info.host = '10.0.0.1';
    const ctx = fakeContext({ fake });
    expect(await session(show, ['SHOW REPLICAS 10 simple', 'SHOW REPLICAS 250 simple', 'SHOW REPLICAS 60 nts', 'SHOW REPLICAS 60 transient'], ctx)).toEqual([
      "['10.1.0.1', '10.0.0.2']",
      "['10.0.0.1', '10.1.0.1']",
      // dc1 from token 100: 10.0.0.2 (r1), then r2 before a second r1 host; dc2: its only node
      "['10.0.0.2', '10.0.0.3', '10.1.0.1']",
      "['10.0.0.2', '10.0.0.3']",
    ]);
  });
});
