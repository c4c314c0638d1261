// The oracle for the client-side DESCRIBE: on a real Cassandra 5.0, every DESCRIBE form and object
// of a schema exercising every feature must come out of the client-side generator (system_schema)
// byte-identical to the server's own DESCRIBE.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Session } from '../../src/db/session.js';
import type { Output } from '../../src/shell/output.js';
import { Shell } from '../../src/shell/shell.js';
import { forms, KS, KS2, schema } from './describe-schema.js';

const server = inject('cassandra');
const GLOBAL = /^DESC(RIBE)? (KEYSPACES|TABLES|TYPES|FUNCTIONS|AGGREGATES|COLUMNFAMILIES|SCHEMA|FULL SCHEMA)( WITH INTERNALS)?$/;
const sessions = new Map<string, Session>();

async function sessionFor(use: string | undefined): Promise<Session> {
  const key = use ?? '';
  let s = sessions.get(key);
  if (!s) {
    s = await Session.connect({ host: server.host, port: server.port, requestTimeoutMs: 60_000 });
    if (use) for await (const _ of s.execute(`USE ${use}`));
    sessions.set(key, s);
  }
  return s;
}

async function run(use: string | undefined, statement: string, mode: 'server' | 'client'): Promise<Output[]> {
  const session = await sessionFor(use);
  const shell = new Shell(session, { keyspace: session.keyspace });
  shell.state.describe = mode;
  const out: Output[] = [];
  for await (const ev of shell.run(`${statement};`)) out.push(ev);
  return out;
}

const render = (events: Output[]) =>
  events.map((e) => (e.kind === 'text' ? e.text : e.kind === 'error' ? `ERROR: ${e.message}` : JSON.stringify(e))).join('\n');

beforeAll(async () => {
  const s = await sessionFor(undefined);
  for (const stmt of schema) for await (const _ of s.execute(stmt));
}, 240_000);

afterAll(async () => {
  for (const s of sessions.values()) await s.close();
});

describe('client-side DESCRIBE matches the server byte for byte', () => {
  for (const f of forms) {
    it(`${f.use ? `[USE ${f.use}] ` : ''}${f.statement}`, async () => {
      // forms over the whole cluster can see other tests' keyspaces come and go between the runs
      const attempts = GLOBAL.test(f.statement) ? 10 : 1;
      let ours = '';
      let theirs = '';
      for (let i = 0; i < attempts && (i === 0 || ours !== theirs); i++) {
        if (i) await new Promise((r) => setTimeout(r, 300));
        ours = render(await run(f.use, f.statement, 'client'));
        theirs = render(await run(f.use, f.statement, 'server'));
      }
      expect(ours).toBe(theirs);
      expect(theirs.startsWith('ERROR'), theirs.slice(0, 200)).toBe(f.error === true);
    });
  }

  it('describes the test keyspaces at all', async () => {
    const out = render(await run(undefined, `DESC KEYSPACE ${KS}`, 'server'));
    expect(out).toContain(`CREATE KEYSPACE ${KS}`);
    expect(render(await run(undefined, 'DESC KEYSPACES', 'server'))).toContain(`"${KS2}"`);
  });
});
