// The shell's schema cache on a real server: lazy, dropped after the shell's own DDL, and after
// DDL from another client (the server's schema-change event).
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Session } from '../../src/db/session.js';
import { Shell } from '../../src/shell/shell.js';

const server = inject('cassandra');
const KS = 'it_schema_cache';
const open: Session[] = [];

afterAll(async () => {
  for (const s of open) await s.close();
});

async function connect() {
  const s = await Session.connect({ host: server.host, port: server.port, requestTimeoutMs: 60_000 });
  open.push(s);
  return s;
}

async function drain(it: AsyncIterable<unknown>) {
  for await (const _ of it);
}

async function eventually(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('SchemaCache', () => {
  it('follows the shell’s DDL and other clients’ DDL', async () => {
    const shell = new Shell(await connect());
    const other = await connect();
    await drain(other.execute(`DROP KEYSPACE IF EXISTS ${KS}`));
    expect(shell.schema.peek()).toBeUndefined();
    expect(await shell.schema.keyspaces()).not.toContain(KS);

    await drain(shell.run(`CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`));
    expect(await shell.schema.keyspaces()).toContain(KS);
    await drain(shell.run(`CREATE TABLE ${KS}.t (k int, c int, v text, PRIMARY KEY (k, c));`));
    expect(await shell.schema.columns(KS, 't')).toEqual(['k', 'c', 'v']);

    await drain(other.execute(`CREATE TABLE ${KS}.from_elsewhere (k int PRIMARY KEY)`));
    expect(await eventually(async () => (await shell.schema.tables(KS)).includes('from_elsewhere'))).toBe(true);
    await drain(other.execute(`DROP KEYSPACE ${KS}`));
    expect(await eventually(async () => !(await shell.schema.keyspaces()).includes(KS))).toBe(true);
  });
});
