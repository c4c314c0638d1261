// SigV4 and the Keyspaces preset against a protocol-level Keyspaces double (test/support/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SigV4AuthProvider } from '../../src/db/auth/sigv4.js';
import { Session } from '../../src/db/session.js';
import { startKeyspacesDouble, type KeyspacesDouble } from '../support/keyspaces-double.js';
import { tscqlsh } from '../support/run.js';

const KEY = 'AKIDTESTDOUBLE01';
const SECRET = 'double/Secret+Key=1';
let double: KeyspacesDouble;
let xdg: string;

beforeAll(async () => {
  double = await startKeyspacesDouble({ region: 'us-east-1', keys: { [KEY]: SECRET }, users: { alice: 'svc-pass' } });
  xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-ks-'));
});
afterAll(async () => {
  await double?.close();
});

const awsEnv = (extra: Record<string, string> = {}) => ({
  AWS_ACCESS_KEY_ID: KEY,
  AWS_SECRET_ACCESS_KEY: SECRET,
  AWS_EC2_METADATA_DISABLED: 'true',
  XDG_CONFIG_HOME: xdg,
  ...extra,
});
const target = () => ['--host', double.host, '--port', String(double.port), '--ca', double.caFile];

describe('SigV4 against the Keyspaces double', () => {
  it('connects with good credentials through the db layer and runs a query', async () => {
    const auth = new SigV4AuthProvider('us-east-1', async () => ({ accessKeyId: KEY, secretAccessKey: SECRET }));
    const s = await Session.connect({ host: double.host, port: double.port, authProvider: auth, tls: { caFiles: [double.caFile] }, keyspacesService: true });
    try {
      expect(s.info.releaseVersion).toBe('3.11.2');
      const pages = [];
      for await (const p of s.execute('SELECT * FROM demo.paged')) pages.push(p);
      // an empty page that carries a paging state is followed through
      expect(pages.map((p) => p.rows.length)).toEqual([1]);
      expect(double.queries.filter((q) => q.includes('demo.paged'))).toHaveLength(2);
      await expect(async () => {
        for await (const _ of s.execute('SELECT * FROM demo.paged', { consistency: 'QUORUM' })) void _;
      }).rejects.toThrow(/Amazon Keyspaces does not support consistency level QUORUM/);
    } finally {
      await s.close();
    }
  });

  it('runs a query from the CLI with env credentials; the session token is passed through', async () => {
    const r = await tscqlsh([...target(), '--auth', 'sigv4', '--region', 'us-east-1', '-e', 'SELECT cluster_name, release_version FROM system.local'], {
      env: awsEnv({ AWS_SESSION_TOKEN: 'token-from-sts/abc=' }),
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Amazon Keyspaces');
    expect(r.code).toBe(0);
    expect(double.sessionTokens).toContain('token-from-sts/abc=');
  });

  it.each([
    ['a wrong secret', { AWS_SECRET_ACCESS_KEY: 'not-the-secret' }, 'us-east-1'],
    ['a wrong region', {}, 'eu-west-1'],
  ])('fails with %s, naming region, clock and keys', async (_what, extra, region) => {
    const r = await tscqlsh([...target(), '--auth', 'sigv4', '--region', region, '-e', 'SELECT * FROM system.local'], { env: awsEnv(extra) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/signature we calculated does not match/);
    expect(r.stderr).toMatch(/check the region, the system clock and the access key and secret/);
  });

  it('fails fast without credentials, saying where it looked', async () => {
    const started = Date.now();
    const r = await tscqlsh([...target(), '--auth', 'sigv4', '--region', 'us-east-1', '-e', 'SELECT * FROM system.local'], {
      env: { XDG_CONFIG_HOME: xdg, AWS_EC2_METADATA_DISABLED: 'true' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^No AWS credentials for SigV4/);
    expect(r.stderr).toMatch(/AWS_ACCESS_KEY_ID/);
    expect(r.stderr).toMatch(/\.aws\/credentials/);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('`profile add keyspaces --preset keyspaces` then `-p keyspaces` with a host override connects end to end', async () => {
    const add = await tscqlsh(['profile', 'add', 'keyspaces', '--preset', 'keyspaces', '--region', 'us-east-1'], { env: awsEnv() });
    expect(add.code).toBe(0);
    const r = await tscqlsh(['-p', 'keyspaces', ...target(), '-e', 'SELECT * FROM demo.paged'], { env: awsEnv() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('after an empty page');
    expect(r.code).toBe(0);
    const refused = await tscqlsh(['-p', 'keyspaces', ...target(), '--consistency', 'ALL', '-e', 'SELECT * FROM demo.paged'], { env: awsEnv() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Amazon Keyspaces does not support consistency level ALL/);
  });

  it('hints that a read timeout may be throttling', async () => {
    const r = await tscqlsh([...target(), '--preset', 'keyspaces', '--region', 'us-east-1', '-e', 'SELECT * FROM demo.throttled'], { env: awsEnv() });
    expect(r.stderr).toMatch(/ReadTimeout: Error from server: code=1200/);
    expect(r.stderr).toMatch(/Amazon Keyspaces: timeouts are often throttling/);
  });

  it('waits after DDL until system_schema_mcs says the table is ACTIVE (or gone), with progress', async () => {
    const r = await tscqlsh([...target(), '--preset', 'keyspaces', '--region', 'us-east-1'], {
      env: awsEnv({ TSCQLSH_SCHEMA_POLL_MS: '50' }),
      stdin: 'CREATE TABLE demo.t (k int PRIMARY KEY);\nDROP TABLE demo.t;\n',
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Waiting for table demo\.t to become ACTIVE \(status CREATING\)\.\.\.\ntable demo\.t is ACTIVE \(\d+ s\)\n/);
    expect(r.stderr).toMatch(/Waiting for table demo\.t to be deleted \(status DELETING\)\.\.\.\ntable demo\.t is gone/);
    expect(double.queries.filter((q) => q.includes('system_schema_mcs.tables'))).toHaveLength(5);
  });

  it('accepts service-specific credentials (password auth) as the alternative', async () => {
    const r = await tscqlsh([...target(), '-u', 'alice', '--password-env', 'KS_PASS', '-e', 'SELECT release_version FROM system.local'], {
      env: { XDG_CONFIG_HOME: xdg, KS_PASS: 'svc-pass' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('3.11.2');
  });
});

describe('mutual TLS', () => {
  it('presents the client certificate and key; without them the server refuses', async () => {
    const { makeCert } = await import('../support/keyspaces-double.js');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-mtls-'));
    const client = makeCert(dir);
    const keyFile = path.join(dir, 'key.pem');
    const strict = await startKeyspacesDouble({ region: 'us-east-1', keys: { [KEY]: SECRET }, clientCa: client.cert });
    try {
      const base = ['--host', strict.host, '--port', String(strict.port), '--ca', strict.caFile, '--auth', 'sigv4', '--region', 'us-east-1', '-e', 'SELECT release_version FROM system.local'];
      const ok = await tscqlsh([...base, '--cert', client.certFile, '--key', keyFile], { env: awsEnv() });
      expect(ok.stderr).toBe('');
      expect(ok.stdout).toContain('3.11.2');
      const refused = await tscqlsh(base, { env: awsEnv() });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^Connection error: /);
      const half = await tscqlsh([...base, '--cert', client.certFile], { env: awsEnv() });
      expect(half.code).toBe(1);
      expect(half.stderr).toMatch(/needs its key/);
    } finally {
      await strict.close();
    }
  });

  it('--preset keyspaces works without a saved profile', async () => {
    const r = await tscqlsh(['--preset', 'keyspaces', '--region', 'us-east-1', ...target(), '-e', 'SELECT * FROM demo.paged'], { env: awsEnv() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('after an empty page');
  });
});
