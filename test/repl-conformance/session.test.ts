// TRACING and LOGIN typed into cqlsh and tscqlsh. A trace's contents (session id, times, the
// server's events) differ from run to run, so a traced statement is compared by its shape; LOGIN
// runs against the server with PasswordAuthenticator.
import { expect } from 'vitest';
import { atPrompt, line, replGroup, server, type Group } from './harness.js';

const KS = 'rc_session';

/** A trace as a person reads it: its lines from `Tracing session:` on, the session id masked. */
function trace(screen: string): string[] {
  return screen
    .slice(screen.lastIndexOf('Tracing session: '))
    .split('\n')
    .map((l) => l.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>'));
}

const cells = (row: string) => row.split('|').map((c) => c.trim());

replGroup(
  'tracing',
  { cols: 200, rows: 50, keyspace: KS, args: ['-k', KS], setup: [`CREATE TABLE ${KS}.t (k int PRIMARY KEY, v text);`, `INSERT INTO ${KS}.t (k, v) VALUES (1, 'one');`] },
  (g: Group) => {
    g.it('TRACING ON and OFF, and a traced statement', async () => {
      await g.same(line('TRACING'));
      await g.same(line('TRACING ON'));
      const seen = await g.step(line('SELECT v FROM t WHERE k = 1;'), { until: atPrompt, timeoutMs: 60_000 });
      // the result the same, then a trace table of the same form (its times and events vary)
      for (const side of ['ref', 'ours'] as const) {
        expect(seen[side]).toMatch(/SELECT v FROM t WHERE k = 1;\n\n v\n-----\n one\n\n\(1 rows\)\n\nTracing session: /);
        const t = trace(seen[side]);
        expect(t.slice(0, 2)).toEqual(['Tracing session: <uuid>', '']);
        expect(cells(t[2])).toEqual(['activity', 'timestamp', 'source', 'source_elapsed', 'client']);
        expect(t[3]).toMatch(/^-+(\+-+)+$/);
        expect(cells(t[4]).slice(0, 1)).toEqual(['Execute CQL3 query']);
        const end = t.findIndex((l) => cells(l)[0] === 'Request complete');
        expect(end).toBeGreaterThan(4);
        expect(cells(t[end])[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
        expect(t.slice(end + 1)).toEqual(['', '', 'cqlsh:rc_session>']);
      }
      await g.step(line('CLEAR'), { until: atPrompt });
      await g.same(line('TRACING OFF'));
      await g.same(line('TRACING OFF'));
      await g.same(line('SELECT v FROM t WHERE k = 1;'));
    });
  },
);

replGroup('login', { cols: 80, rows: 24, auth: true }, (g) => {
  const a = server(true);
  g.it('LOGIN with a password, a wrong one, and asked for one', async () => {
    await g.same(line(`LOGIN ${a.username} '${a.password}'`));
    await g.same(line(`LOGIN ${a.username} 'wrong-password'`));
    await g.same(line(`LOGIN ${a.username}`), { until: (s) => s.endsWith('Password:') });
    await g.same(line(a.password!), { until: atPrompt });
    await g.same(line('SELECT role FROM system_auth.roles WHERE role = \'cassandra\';'));
  });

  g.it('LOGIN as a user that does not exist', async () => {
    await g.same(line("LOGIN nobody_here 'x'"), { timeoutMs: 60_000 });
  });
});
