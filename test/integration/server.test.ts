// The harness's Cassandra: plaintext, TLS with the exported certificate (verified) and password
// login all work through tscqlsh's own db layer.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Session } from '../../src/db/session.js';

const server = inject('cassandra');
const open: Session[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function connect(o: Parameters<typeof Session.connect>[0]) {
  const s = await Session.connect(o);
  open.push(s);
  return s;
}

async function releaseVersion(s: Session) {
  for await (const page of s.execute('SELECT release_version FROM system.local')) return page.rows[0][0];
  return undefined;
}

describe('the test server', () => {
  it('is Cassandra 5.0 on the plaintext port', async () => {
    const s = await connect({ host: server.host, port: server.port });
    expect(s.info.releaseVersion).toMatch(/^5\.0\./);
    expect(await releaseVersion(s)).toMatch(/^5\.0\./);
    expect(s.info.protocolVersion).toBeGreaterThanOrEqual(4);
  });

  it.runIf(server.tlsPort)('speaks TLS on its TLS port, verified against the exported certificate', async () => {
    const s = await connect({ host: server.host, port: server.tlsPort!, tls: { caFiles: [server.caCert!], verify: true } });
    expect(await releaseVersion(s)).toMatch(/^5\.0\./);
  });

  it.runIf(server.tlsPort)('refuses TLS when the certificate is not trusted', async () => {
    await expect(connect({ host: server.host, port: server.tlsPort!, tls: { verify: true } })).rejects.toThrow(/certificate/i);
  });

  it.runIf(server.auth)('logs in with a password, and refuses a wrong one', async () => {
    const a = server.auth!;
    const s = await connect({ host: a.host, port: a.port, username: a.username, password: a.password });
    expect(await releaseVersion(s)).toMatch(/^5\.0\./);
    await expect(connect({ host: a.host, port: a.port, username: a.username, password: 'wrong' })).rejects.toThrow(
      /Provided username cassandra and\/or password are incorrect/,
    );
    await expect(connect({ host: a.host, port: a.port })).rejects.toThrow();
  });
});
