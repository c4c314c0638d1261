// Profiles and the command line agree (one option table), help and profile commands, wrong-protocol
// hints, and a password typed after cqlsh's `-p` never echoed; against the local Cassandra (TLS and
// password-auth ports).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { tscqlsh, type RunResult } from '../support/run.js';

const server = inject('cassandra');
const Q = 'SELECT release_version FROM system.local';
const SECRET = 'S3cr3t+Pass/word=';
let xdg: string;
let env: Record<string, string>;
const profileOf = (name: string) => JSON.parse(fs.readFileSync(path.join(xdg, 'tscqlsh', 'config.json'), 'utf8')).profiles[name];

beforeEach(() => {
  xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-opts-'));
  env = { XDG_CONFIG_HOME: xdg };
});

describe('profiles and the command line agree', () => {
  it.runIf(server.tlsPort)('`profile add --ca FILE` turns TLS on; -u is kept; --no-ssl and --debug tell the truth', async () => {
    const add = await tscqlsh(['profile', 'add', 'tls', '--host', server.host, '--port', String(server.tlsPort), '--ca', server.caCert!, '-u', 'alice'], { env });
    expect(add.stderr).toBe('');
    expect(profileOf('tls')).toMatchObject({ ssl: true, username: 'alice', tls: { ca: [server.caCert] } });
    await tscqlsh(['profile', 'edit', 'tls', '--unset', 'username'], { env });
    const r = await tscqlsh(['-p', 'tls', '--debug', '-e', Q], { env });
    expect(r.stderr).toMatch(/^Using CQL driver: cassandra-driver \S+\nUsing connect timeout: 5 seconds\nUsing 'utf-8' encoding\nUsing ssl: True\n$/);
    expect(r.stdout).toMatch(/5\.0\.\d+/);
    const plain = await tscqlsh(['-p', 'tls', '--no-ssl', '--port', String(server.port), '--debug', '-e', Q], { env });
    expect(plain.stderr).toMatch(/Using ssl: False\n$/);
    expect(plain.stdout).toMatch(/5\.0\.\d+/);
  });

  it('`profile add --help` is help; every run flag that names a profile field is a profile flag too', async () => {
    const help = await tscqlsh(['profile', 'add', '--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: tscqlsh profile add NAME/);
    for (const flag of ['--no-ssl', '--local-dc', '--endpoint', '-u USERNAME, --username USERNAME', '--ca', '--aws-timeout']) expect(help.stdout).toContain(flag);
    const main = await tscqlsh(['--help']);
    for (const flag of ['--no-ssl', '--local-dc DC', '--endpoint KIND', '--no-profile', '--aws-timeout SECONDS']) expect(main.stdout).toContain(flag);
  });

  it('--local-dc and --endpoint are command-line flags', async () => {
    const r = await tscqlsh([server.host, String(server.port), '--local-dc', 'datacenter1', '-e', Q], { env });
    expect(r.stderr).toBe('');
    const bad = await tscqlsh(['--preset', 'keyspaces', '--region', 'us-east-1', '--endpoint', 'warp', '-e', Q], { env });
    expect(bad.stderr).toBe("--endpoint must be one of standard, fips, dualstack, not 'warp'\n");
  });
});

describe.runIf(server.tlsPort)('a wrong protocol gets one line saying what is likely wrong', () => {
  it('plaintext to the TLS port', async () => {
    const r = await tscqlsh([server.host, String(server.tlsPort), '-e', Q], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Connection error: .*\nThe server reset the connection: the port may expect TLS\. Connect with --ssl/);
  });

  it('TLS to the plaintext port', async () => {
    const r = await tscqlsh([server.host, String(server.port), '--ca', server.caCert!, '-e', Q], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/wrong version number.*\nTLS: the server did not answer in TLS \(wrong version number\): the port is likely plaintext/s);
  });
});

describe('help and profile commands', () => {
  it('main help starts with the usage line and names every profile command', async () => {
    const r = await tscqlsh(['--help']);
    expect(r.stdout).toMatch(/^usage: tscqlsh \[options\] \[host \[port\]\]\n {7}tscqlsh profile add\|edit\|list\|show\|remove\|rename\|default\|import-cqlshrc/);
  });

  it('rename, clear the default, skip it for one run, did-you-mean, and the keyspaces suggestion', async () => {
    await tscqlsh(['profile', 'add', 'local', '--host', server.host, '--port', String(server.port)], { env });
    await tscqlsh(['profile', 'add', 'broken', '--host', server.host, '--port', '1'], { env });
    expect((await tscqlsh(['profile', 'rename', 'local', 'dev'], { env })).stdout).toBe("Renamed profile 'local' to 'dev'\n");
    expect((await tscqlsh(['profile', 'default', 'broken'], { env })).code).toBe(0);
    // the default profile points at a dead port: --no-profile skips it for one run
    const skipped = await tscqlsh([server.host, String(server.port), '--no-profile', '-e', Q], { env });
    expect(skipped.stderr).toBe('');
    expect((await tscqlsh(['profile', 'default', '--clear'], { env })).stdout).toBe("No default profile (was 'broken')\n");
    expect((await tscqlsh(['profile', 'default'], { env })).stdout).toBe('No default profile\n');

    const typo = await tscqlsh(['-p', 'dve', '-e', Q], { env });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/^No profile named 'dve' in .*: did you mean 'dev'\?\n$/);
    const show = await tscqlsh(['profile', 'show', 'brokn'], { env });
    expect(show.stderr).toMatch(/did you mean 'broken'\?/);
    const ks = await tscqlsh(['-p', 'keyspaces', '-e', Q], { env });
    expect(ks.stderr).toMatch(/No profile named 'keyspaces'.*Create it with: tscqlsh profile add keyspaces --preset keyspaces --region REGION\n$/);
  });
});

describe('a password typed where cqlsh takes it is never echoed', () => {
  const failing: [string, () => Promise<RunResult>][] = [
    ['-u NAME -p PASSWORD (cqlsh and AWS docs habit)', () => tscqlsh([server.host, String(server.tlsPort ?? 9142), '-u', 'alice', '-p', SECRET, '--ssl'], { env })],
    ['-p PASSWORD alone', () => tscqlsh(['-p', SECRET, '-e', Q], { env })],
    ['-pPASSWORD', () => tscqlsh(['-u', 'alice', `-p${SECRET}`, '-e', Q], { env })],
    ['a mistyped --password=', () => tscqlsh([`--passwd=${SECRET}`, '-e', Q], { env })],
    ['an unknown short flag with the password glued on', () => tscqlsh([`-P${SECRET}`, '-e', Q], { env })],
    ['profile add -p PASSWORD', () => tscqlsh(['profile', 'add', 'x', '-u', 'alice', '-p', SECRET], { env })],
    ['profile show PASSWORD', () => tscqlsh(['profile', 'show', SECRET], { env })],
    ['a wrong password against the auth server', () =>
      tscqlsh([server.auth?.host ?? server.host, String(server.auth?.port ?? server.port), '-u', 'cassandra', '--password', SECRET, '-e', Q], { env })],
  ];

  it.each(failing)('%s', async (_what, run) => {
    const r = await run();
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).not.toContain('S3cr3t');
  });

  it('says that -p is --profile and the password flag is --password', async () => {
    const r = await tscqlsh([server.host, '9142', '-u', 'alice', '-p', SECRET, '--ssl'], { env });
    expect(r.stderr).toBe(
      'No saved profile by the name given with -p (the value is not repeated here, in case it is a password). ' +
        'In tscqlsh, -p is --profile NAME; give a password with --password or --password-env VAR.\n',
    );
  });
});
