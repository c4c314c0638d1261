// The oracle for the client-side DESCRIBE: on a real Cassandra 5.0, every DESCRIBE form and object
// of a schema exercising every feature must come out of the client-side generator (system_schema)
// byte-identical to the server's own DESCRIBE.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Session } from '../../src/db/session.js';
import type { Output } from '../../src/shell/output.js';
import { Shell } from '../../src/shell/shell.js';
import { DROP_AT, forms, KS, KS2, KS_OTHER, schema } from './describe-schema.js';

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

/** Keyspaces a form over the whole cluster is compared on: this test's own and the system ones. */
const own = (ks: string) => ks === KS || ks === KS2 || ks.startsWith('system');
const unquote = (name: string) => (name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name);
const NAME = String.raw`("(?:[^"]|"")+"|\w+)`;
const CREATED = new RegExp(
  String.raw`^(?:\/\*[\s\S]*?\*\/\s*)?CREATE (?:KEYSPACE|TABLE|TYPE|FUNCTION|AGGREGATE|MATERIALIZED VIEW|(?:CUSTOM )?INDEX(?: IF NOT EXISTS)? ${NAME} ON)(?: IF NOT EXISTS)? ${NAME}`,
);

/**
 * A form over the whole cluster, cut down to this test's keyspaces (and the system ones): other
 * test projects create and drop keyspaces meanwhile, some with columns dropped at microsecond
 * times that client-side DESCRIBE cannot show (docs/describe.md). Statements are kept by the
 * keyspace they create into; `Keyspace X` sections of a listing by X.
 */
function scoped(events: Output[]): Output[] {
  const out: Output[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.kind === 'text' && e.result && e.newline === false) {
      const m = CREATED.exec(e.text);
      if (m && !own(unquote(m[2]))) {
        // the statement with the blank lines printed around it
        out.pop();
        i++;
        continue;
      }
    } else if (e.kind === 'text' && /^\nKeyspace /.test(e.text)) {
      const sections = e.text.split(/(?=\nKeyspace )/);
      const kept = sections.filter((sec) => {
        const m = /^\nKeyspace (.*)\n/.exec(sec);
        return !m || own(m[1]);
      });
      out.push({ ...e, text: kept.join('') });
      continue;
    }
    out.push(e);
  }
  return out;
}

beforeAll(async () => {
  const s = await sessionFor(undefined);
  for (const stmt of schema) for await (const _ of s.execute(stmt));
}, 240_000);

afterAll(async () => {
  const s = await sessionFor(undefined);
  for await (const _ of s.execute(`DROP KEYSPACE IF EXISTS ${KS_OTHER}`));
  for (const x of sessions.values()) await x.close();
});

describe('client-side DESCRIBE matches the server byte for byte', () => {
  for (const f of forms) {
    it(`${f.use ? `[USE ${f.use}] ` : ''}${f.statement}`, async () => {
      // forms over the whole cluster are compared on this test's keyspaces (scoped); their keyspace
      // listings can still see other tests' keyspaces come and go between the runs
      const attempts = GLOBAL.test(f.statement) ? 10 : 1;
      let ours = '';
      let theirs = '';
      for (let i = 0; i < attempts && (i === 0 || ours !== theirs); i++) {
        if (i) await new Promise((r) => setTimeout(r, 300));
        const scope = GLOBAL.test(f.statement) ? scoped : (e: Output[]) => e;
        ours = render(scope(await run(f.use, f.statement, 'client')));
        theirs = render(scope(await run(f.use, f.statement, 'server')));
      }
      expect(ours).toBe(theirs);
      expect(theirs.startsWith('ERROR'), theirs.slice(0, 200)).toBe(f.error === true);
    });
  }

  it('the limit of client-side DESCRIBE: a column dropped at a microsecond time shows at its millisecond', async () => {
    const statement = `DESC TABLE ${KS_OTHER}.micro WITH INTERNALS`;
    const server = render(await run(undefined, statement, 'server'));
    const client = render(await run(undefined, statement, 'client'));
    expect(server).toContain(`DROP n USING TIMESTAMP ${DROP_AT + 5};`);
    expect(client).toContain(`DROP n USING TIMESTAMP ${DROP_AT};`);
    expect(client.replace(`${DROP_AT};`, `${DROP_AT + 5};`)).toBe(server);
    // the forms over the whole cluster leave this keyspace out
    expect(render(scoped(await run(undefined, 'DESC SCHEMA WITH INTERNALS', 'client')))).not.toContain(KS_OTHER);
  });

  it('describes the test keyspaces at all', async () => {
    const out = render(await run(undefined, `DESC KEYSPACE ${KS}`, 'server'));
    expect(out).toContain(`CREATE KEYSPACE ${KS}`);
    expect(render(await run(undefined, 'DESC KEYSPACES', 'server'))).toContain(`"${KS2}"`);
  });
});
