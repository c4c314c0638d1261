// TLS (verified with the harness certificate, a wrong CA, the escape hatch) and password auth
// (flags, credentials file, env var, cqlshrc) through the built CLI; cqlsh's own warnings are
// compared with the reference cqlsh's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runBoth } from '../support/reference.js';
import { tscqlsh } from '../support/run.js';

const server = inject('cassandra');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-tls-'));
const Q = 'SELECT release_version FROM system.local';

function otherCa(): string {
  const file = path.join(tmp, 'other-ca.pem');
  if (!fs.existsSync(file)) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(tmp, 'other-key.pem'), '-out', file, '-days', '1', '-subj', '/CN=not-the-server'], { stdio: 'ignore' });
  }
  return file;
}

function writeFile(name: string, text: string, mode = 0o600): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text, { mode });
  fs.chmodSync(file, mode);
  return file;
}

describe.runIf(server.tlsPort)('TLS', () => {
  const tlsTarget = () => [server.host, String(server.tlsPort)];

  it('connects with the harness certificate, verified (--ca, and SSL_CERTFILE as cqlsh)', async () => {
    const a = await tscqlsh([...tlsTarget(), '--ssl', '--ca', server.caCert!, '-e', Q]);
    expect(a.stderr).toBe('');
    expect(a.stdout).toMatch(/5\.0\.\d+/);
    const b = await tscqlsh([...tlsTarget(), '--ssl', '-e', Q], { env: { SSL_CERTFILE: server.caCert! } });
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
  });

  it('prints what cqlsh prints with SSL_CERTFILE and SSL_VERSION', async () => {
    const { ours, ref } = await runBoth({ host: server.host, port: server.tlsPort! }, ['--ssl', '-e', Q], {
      env: { SSL_CERTFILE: server.caCert!, SSL_VERSION: 'TLSv1_2' },
    });
    expect(ref.code).toBe(0);
    expect(ours.stdout).toBe(ref.stdout);
    expect(ours.stderr).toBe(ref.stderr);
    expect(ours.code).toBe(0);
  });

  it('fails clearly with a wrong CA, and with no CA at all', async () => {
    const r = await tscqlsh([...tlsTarget(), '--ssl', '--ca', otherCa(), '-e', Q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Connection error: /);
    expect(r.stderr).toMatch(/TLS: the server certificate could not be verified/);
    const none = await tscqlsh([...tlsTarget(), '--ssl', '-e', Q]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/--ca FILE/);
  });

  it('checks the host name: a wrong --ssl-server-name fails, the right one passes', async () => {
    const bad = await tscqlsh([...tlsTarget(), '--ca', server.caCert!, '--ssl-server-name', 'not-this-host.example', '-e', Q]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/does not match the host name/);
    const good = await tscqlsh([...tlsTarget(), '--ca', server.caCert!, '--ssl-server-name', 'localhost', '-e', Q]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
  });

  it('--ssl-no-verify and SSL_VALIDATE=false connect with a warning', async () => {
    const a = await tscqlsh([...tlsTarget(), '--ssl-no-verify', '-e', Q]);
    expect(a.code).toBe(0);
    expect(a.stderr).toMatch(/verification is disabled/);
    const b = await tscqlsh([...tlsTarget(), '--ssl', '-e', Q], { env: { SSL_VALIDATE: 'false' } });
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/verification is disabled/);
  });

  it('reports a missing CA file by name', async () => {
    const r = await tscqlsh([...tlsTarget(), '--ca', path.join(tmp, 'nope.pem'), '-e', Q]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot read the CA certificate file '.*nope\.pem': No such file or directory/);
  });
});

describe.runIf(server.auth)('password authentication', () => {
  const a = server.auth!;
  const target = { host: a.host, port: a.port };

  it('logs in with --password, printing the same warning as cqlsh', async () => {
    const { ours, ref } = await runBoth(target, ['-u', a.username, `--password=${a.password}`, '-e', Q]);
    expect(ours.code).toBe(0);
    expect(ours.stdout).toBe(ref.stdout);
    expect(ours.stderr).toBe(ref.stderr);
  });

  it('refuses a wrong password with exit 1', async () => {
    const { ours, ref } = await runBoth(target, ['-u', a.username, '--password=wrong', '-e', Q]);
    expect(ours.code).toBe(1);
    expect(ref.code).toBe(1);
    expect(ours.stderr).toMatch(/Provided username cassandra and\/or password are incorrect/);
  });

  it('reads a credentials file as cqlsh does, and ignores an insecure one with its warning', async () => {
    const good = writeFile('creds', `[plain_text_auth]\nusername = ${a.username}\npassword = ${a.password}\n`);
    const r = await runBoth(target, ['--credentials', good, '-e', Q]);
    expect(r.ours.code).toBe(0);
    expect(r.ours.stderr).toBe(r.ref.stderr);
    expect(r.ours.stdout).toBe(r.ref.stdout);
    const loose = writeFile('creds-loose', `[plain_text_auth]\nusername = ${a.username}\npassword = ${a.password}\n`, 0o644);
    const l = await runBoth(target, ['--credentials', loose, '-e', Q]);
    expect(l.ours.code).toBe(1);
    expect(l.ours.stderr.split('\n').slice(0, 9)).toEqual(l.ref.stderr.split('\n').slice(0, 9));
  });

  it('reads an [auth_provider] PlainTextAuthProvider section with the same warnings as cqlsh', async () => {
    const rc = writeFile('cqlshrc-provider', `[auth_provider]\nmodule = cassandra.auth\nclassname = PlainTextAuthProvider\nusername = ${a.username}\npassword = ${a.password}\n`, 0o644);
    const r = await runBoth(target, ['--cqlshrc', rc, '-e', Q]);
    expect(r.ref.code).toBe(0);
    expect(r.ours.code).toBe(0);
    expect(r.ours.stdout).toBe(r.ref.stdout);
    expect(r.ours.stderr).toBe(r.ref.stderr);
  });

  it('takes the password from the env var --password-env names', async () => {
    const r = await tscqlsh([a.host, String(a.port), '-u', a.username, '--password-env', 'CQL_PW', '-e', Q], { env: { CQL_PW: a.password } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const unset = await tscqlsh([a.host, String(a.port), '-u', a.username, '--password-env', 'CQL_PW_UNSET', '-e', Q]);
    expect(unset.code).toBe(1);
    expect(unset.stderr).toMatch(/environment variable CQL_PW_UNSET is not set/);
  });

  it('reads [authentication] from --cqlshrc with the same notice as cqlsh; a missing --cqlshrc warns the same', async () => {
    const rc = writeFile('cqlshrc', `[authentication]\nusername = ${a.username}\npassword = ${a.password}\n`);
    const r = await runBoth(target, ['--cqlshrc', rc, '-e', Q]);
    expect(r.ours.code).toBe(0);
    expect(r.ours.stderr).toBe(r.ref.stderr);
    const missing = await runBoth(target, ['--cqlshrc', path.join(tmp, 'absent-rc'), '-u', a.username, `--password=${a.password}`, '-e', Q]);
    expect(missing.ours.stdout).toBe(missing.ref.stdout);
    expect(missing.ours.stderr).toBe(missing.ref.stderr);
  });
});
