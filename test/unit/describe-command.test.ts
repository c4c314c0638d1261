// The DESCRIBE command without a server: which path answers (server, client, the fallback when the
// server has no DESCRIBE), how server errors print, and cqlsh's refusal of bad syntax.
import { describe, expect, it } from 'vitest';
import type { Page, Session } from '../../src/db/session.js';
import type { CommandContext } from '../../src/shell/command.js';
import { describe as describeCommand } from '../../src/shell/commands/describe.js';
import type { Output } from '../../src/shell/output.js';
import { defaultState } from '../../src/shell/state.js';
import { fakeSchemaSession, map, type Rows } from './describe-fake-schema.js';

const rows: Rows = {
  'system_schema.keyspaces': [
    { keyspace_name: 'ks', durable_writes: true, replication: map({ class: 'org.apache.cassandra.locator.SimpleStrategy', replication_factor: '1' }) },
  ],
  'system_schema.tables': [{ keyspace_name: 'ks', table_name: 't', flags: ['compound'], id: 'x', additional_write_policy: '99p', comment: '' }],
  'system_schema.columns': [
    { keyspace_name: 'ks', table_name: 't', column_name: 'k', type: 'int', kind: 'partition_key', position: 0, clustering_order: 'none' },
  ],
};

/** A session whose DESCRIBE fails with `describeError` (or answers `describeRows`). */
function session(release: string, describeError?: { code: number; message: string }, describeRows?: Page) {
  const base = fakeSchemaSession(rows, release);
  const sent: string[] = [];
  const s = {
    info: base.info,
    async *execute(cql: string, o?: unknown): AsyncGenerator<Page> {
      sent.push(cql);
      if (/^desc/i.test(cql)) {
        if (describeError) throw Object.assign(new Error(describeError.message), describeError);
        if (describeRows) yield describeRows;
        return;
      }
      yield* base.execute(cql, o as never);
    },
  };
  return { session: s as unknown as Session, sent };
}

async function run(text: string, s: Session, o: { mode?: 'auto' | 'server' | 'client'; keyspace?: string } = {}): Promise<Output[]> {
  const state = defaultState();
  state.describe = o.mode;
  const ctx: CommandContext = { session: s, state, keyspace: o.keyspace, interactive: false, runStatement: async function* () {} };
  const out: Output[] = [];
  for await (const ev of describeCommand.run(text, ctx)) out.push(ev);
  return out;
}

const TABLES = [{ kind: 'text', text: '\nt\n' }];

describe('DESCRIBE', () => {
  it('answers from the schema on a server older than 4.0, without sending DESCRIBE', async () => {
    const { session: s, sent } = session('3.11.2');
    expect(await run('DESC TABLES', s, { keyspace: 'ks' })).toEqual(TABLES);
    expect(sent.some((c) => /^desc/i.test(c))).toBe(false);
  });

  it('falls back to the schema when the server refuses DESCRIBE as a syntax error', async () => {
    const { session: s, sent } = session('4.0.0', { code: 0x2000, message: "line 1:0 no viable alternative at input 'DESC'" });
    expect(await run('DESC TABLES', s, { keyspace: 'ks' })).toEqual(TABLES);
    expect(sent[0]).toBe('DESC TABLES');
  });

  it('prints the refusal when the server path is forced', async () => {
    const { session: s } = session('4.0.0', { code: 0x2000, message: "line 1:0 no viable alternative at input 'DESC'" });
    expect(await run('DESC TABLES', s, { mode: 'server' })).toEqual([{ kind: 'error', message: "line 1:0 no viable alternative at input 'DESC'" }]);
  });

  it("prints a server error's message alone, as cqlsh does", async () => {
    const { session: s } = session('5.0.9', { code: 0x2200, message: "'nope' not found in keyspaces" });
    expect(await run('DESC KEYSPACE nope', s)).toEqual([{ kind: 'error', message: "'nope' not found in keyspaces" }]);
  });

  it('prints the server rows of an element, each between line ends, the statement bare (CAPTURE)', async () => {
    const page: Page = {
      columns: ['keyspace_name', 'type', 'name', 'create_statement'].map((name) => ({ name, type: { kind: 'text' } })),
      rows: [
        ['ks', 'table', 't', 'CREATE TABLE ks.t (...);'],
        ['ks', 'index', 'i', 'CREATE INDEX i ON ks.t (v);'],
      ],
      warnings: [],
      hasMore: false,
    };
    const { session: s } = session('5.0.9', undefined, page);
    expect(await run('DESC TABLE ks.t', s)).toEqual([
      { kind: 'text', text: '' },
      { kind: 'text', text: 'CREATE TABLE ks.t (...);', result: true, newline: false },
      { kind: 'text', text: '' },
      { kind: 'text', text: '' },
      { kind: 'text', text: 'CREATE INDEX i ON ks.t (v);', result: true, newline: false },
      { kind: 'text', text: '' },
    ]);
  });

  it('uses the client-side generator when told to, and its error texts', async () => {
    const { session: s, sent } = session('5.0.9');
    const out = await run('DESCRIBE TABLE ks.t', s, { mode: 'client' });
    expect(out[1]).toMatchObject({ kind: 'text', result: true, newline: false });
    expect((out[1] as { text: string }).text.startsWith('CREATE TABLE ks.t (\n    k int PRIMARY KEY\n) WITH additional_write_policy')).toBe(true);
    expect(sent.some((c) => /^desc/i.test(c))).toBe(false);
    expect(await run('DESC TABLE ks.nope', s, { mode: 'client' })).toEqual([{ kind: 'error', message: "Table 'nope' not found in keyspace 'ks'" }]);
    expect(await run('DESC TABLE nope', s, { mode: 'client' })).toEqual([{ kind: 'error', message: 'No keyspace specified and no current keyspace' }]);
  });

  it('refuses what the grammar refuses, on any path', async () => {
    const { session: s, sent } = session('5.0.9');
    expect(await run('DESC bogus bogus', s)).toEqual([{ kind: 'error', message: 'Improper DESC command.' }]);
    expect(await run('describe', s, { mode: 'client' })).toEqual([{ kind: 'error', message: 'Improper describe command.' }]);
    expect(sent).toEqual([]);
  });
});
