// Profiles through the built CLI with an isolated XDG_CONFIG_HOME: add/show/edit/list/remove/default
// round trip, -p against the real server, precedence, a broken config file, cqlshrc import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { tscqlsh } from '../support/run.js';

const server = inject('cassandra');
let xdg: string;
let env: Record<string, string>;
const config = () => path.join(xdg, 'tscqlsh', 'config.json');
const Q = 'SELECT release_version FROM system.local';

beforeEach(() => {
  xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-xdg-'));
  env = { XDG_CONFIG_HOME: xdg };
});

describe('profile add / show / edit / list / remove', () => {
  it('round-trips, keeps the file at mode 0600, and never prints secrets', async () => {
    const add = await tscqlsh(['profile', 'add', 'dev', '--host', server.host, '--port', String(server.port), '--keyspace', 'system', '--auth', 'password', '--username', 'app', '--password-env', 'DEV_PW'], { env });
    expect(add.stderr).toBe('');
    expect(add.stdout).toBe(`Saved profile 'dev' in ${config()}\n`);
    expect(fs.statSync(config()).mode & 0o777).toBe(0o600);

    const show = await tscqlsh(['profile', 'show', 'dev'], { env: { ...env, DEV_PW: 'hunter2-secret' } });
    expect(show.stdout).toContain('username: app');
    expect(show.stdout).toContain('password: from environment variable DEV_PW (set)');
    expect(show.stdout).not.toContain('hunter2-secret');

    const edit = await tscqlsh(['profile', 'edit', 'dev', '--port', '9999', '--unset', 'keyspace', '--consistency', 'local_quorum'], { env });
    expect(edit.stdout).toBe(`Updated profile 'dev' in ${config()}\n`);
    const saved = JSON.parse(fs.readFileSync(config(), 'utf8'));
    expect(saved.profiles.dev).toEqual({ host: server.host, port: 9999, auth: 'password', username: 'app', passwordEnv: 'DEV_PW', consistency: 'LOCAL_QUORUM' });
    expect(JSON.stringify(saved)).not.toMatch(/hunter2/);

    await tscqlsh(['profile', 'add', 'other', '--host', 'db.example'], { env });
    expect((await tscqlsh(['profile', 'default', 'other'], { env })).code).toBe(0);
    expect((await tscqlsh(['profile', 'list', '--names'], { env })).stdout).toBe('dev\nother\n');
    expect((await tscqlsh(['profile', 'list'], { env })).stdout).toMatch(/^\* other/m);

    const rm = await tscqlsh(['profile', 'remove', 'other'], { env });
    expect(rm.stdout).toBe("Removed profile 'other'\n");
    expect((await tscqlsh(['profile', 'list', '--names'], { env })).stdout).toBe('dev\n');
    expect((await tscqlsh(['profile', 'default'], { env })).stdout).toBe('No default profile\n');
    const again = await tscqlsh(['profile', 'remove', 'other'], { env });
    expect(again.code).toBe(1);
  });

  it('refuses to store a password, and a bad value', async () => {
    const pw = await tscqlsh(['profile', 'add', 'x', '--password', 'secret'], { env });
    expect(pw.code).toBe(2);
    expect(pw.stderr).toMatch(/never store passwords/);
    const bad = await tscqlsh(['profile', 'add', 'x', '--auth', 'kerberos'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--auth must be one of none, password, sigv4/);
    expect(fs.existsSync(config())).toBe(false);
  });

  it('names the file and line of a broken config, and never overwrites it', async () => {
    fs.mkdirSync(path.dirname(config()), { recursive: true });
    const broken = '{\n  "profiles": {\n    "dev": { "host": "a", }\n  }\n}\n';
    fs.writeFileSync(config(), broken);
    for (const args of [['profile', 'list'], ['profile', 'add', 'new', '--host', 'b'], ['-p', 'dev', '-e', Q]]) {
      const r = await tscqlsh(args, { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${config()}, line 3`);
    }
    expect(fs.readFileSync(config(), 'utf8')).toBe(broken);
    fs.writeFileSync(config(), '{\n  "profiles": {\n    "dev": {\n      "port": "nine"\n    }\n  }\n}\n');
    const schema = await tscqlsh(['profile', 'show', 'dev'], { env });
    expect(schema.code).toBe(1);
    expect(schema.stderr).toContain(`${config()}, line 4: profiles.dev.port must be an integer`);
  });
});

describe('-p NAME on a run', () => {
  it('connects with the profile; flags override it', async () => {
    await tscqlsh(['profile', 'add', 'local', '--host', server.host, '--port', '1', '--keyspace', 'system_schema'], { env });
    const r = await tscqlsh(['-p', 'local', '--port', String(server.port), '-e', 'SELECT keyspace_name FROM keyspaces LIMIT 1'], { env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('keyspace_name');
    const noSuch = await tscqlsh(['-p', 'nope', '-e', Q], { env });
    expect(noSuch.code).toBe(1);
    expect(noSuch.stderr).toMatch(/No profile named 'nope'.*\(profiles: local\)/);
  });

  it.runIf(server.auth)('logs in with the password from the env var the profile names', async () => {
    const a = server.auth!;
    await tscqlsh(['profile', 'add', 'auth', '--host', a.host, '--port', String(a.port), '--username', a.username, '--password-env', 'AUTH_PW', '--default'], { env });
    const r = await tscqlsh(['-e', Q], { env: { ...env, AUTH_PW: a.password } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/5\.0\./);
  });

  it.runIf(server.tlsPort)('uses TLS settings from the profile', async () => {
    await tscqlsh(['profile', 'add', 'tls', '--host', server.host, '--port', String(server.tlsPort), '--ssl', '--ca', server.caCert!], { env });
    const r = await tscqlsh(['-p', 'tls', '-e', Q], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('profile import-cqlshrc', () => {
  it('imports a cqlsh-expansion SigV4 setup for Amazon Keyspaces', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-rc-'));
    fs.writeFileSync(path.join(dir, 'sf-class2-root.crt'), 'placeholder');
    const rc = path.join(dir, 'cqlshrc');
    fs.writeFileSync(rc, [
      '[connection]', 'hostname = cassandra.us-west-2.amazonaws.com', 'port = 9142', 'ssl = true', 'timeout = 30', '',
      '[ssl]', `certfile = ${path.join(dir, 'sf-class2-root.crt')}`, 'validate = true', '',
      '[auth_provider]', 'module = cassandra_sigv4.auth', 'classname = SigV4AuthProvider', 'aws_region = us-west-2', '',
      '[ui]', 'color = true', '',
    ].join('\n'));
    const r = await tscqlsh(['profile', 'import-cqlshrc', rc, '--name', 'ks'], { env });
    expect(r.stdout).toBe(`Imported ${rc} as profile 'ks'\n`);
    const p = JSON.parse(fs.readFileSync(config(), 'utf8')).profiles.ks;
    expect(p).toEqual({
      host: 'cassandra.us-west-2.amazonaws.com', port: 9142, ssl: true, connectTimeout: 30, color: true,
      tls: { ca: [path.join(dir, 'sf-class2-root.crt')] }, auth: 'sigv4', region: 'us-west-2',
      preset: 'keyspaces', localDataCenter: 'us-west-2', consistency: 'LOCAL_QUORUM',
    });
  });

  it.runIf(server.auth)('imports a plain cqlshrc with a credentials file, and the profile connects', async () => {
    const a = server.auth!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-rc-'));
    const creds = path.join(dir, 'credentials');
    fs.writeFileSync(creds, `[plain_text_auth]\nusername = ${a.username}\npassword = ${a.password}\n`, { mode: 0o600 });
    const rc = path.join(dir, 'cqlshrc');
    fs.writeFileSync(rc, `[connection]\nhostname = ${a.host}\nport = ${a.port}\n\n[authentication]\nusername = ${a.username}\npassword = ${a.password}\n`);
    const r = await tscqlsh(['profile', 'import-cqlshrc', rc, '--name', 'imported'], { env });
    expect(r.stderr).toMatch(/password in the cqlshrc was not imported/);
    const saved = fs.readFileSync(config(), 'utf8');
    expect(saved).not.toMatch(/"password"\s*:/);
    const run = await tscqlsh(['-p', 'imported', '-e', Q], { env });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/5\.0\./);
  });
});
