// Settings: INI reading, the profile schema, precedence (flags > env > profile > cqlshrc > defaults),
// TLS options, the Keyspaces preset and region resolution.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { parseProfileArgs, ProfileUsageError } from '../../src/cli/profile-args.js';
import { followRegion, keyspacesEndpoint, keyspacesPreset } from '../../src/settings/keyspaces.js';
import { resolveRegion } from '../../src/db/auth/aws.js';
import { amazonRoots, tlsOptions } from '../../src/db/tls.js';
import { resolveSettings } from '../../src/settings/connection.js';
import { iniBool, iniGet, parseIni } from '../../src/util/ini.js';
import { validateConfig } from '../../src/settings/profile-schema.js';
import { readConfig, writeConfig } from '../../src/settings/profiles.js';

let home: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-unit-'));
  env = { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
});

const rc = (text: string) => {
  fs.mkdirSync(path.join(home, '.cassandra'), { recursive: true });
  fs.writeFileSync(path.join(home, '.cassandra', 'cqlshrc'), text);
};
const resolve = (argv: string[]) => resolveSettings(parseArgs(argv), env);

describe('INI as configparser reads it', () => {
  it('reads sections, both separators, comments, continuation lines and %%', () => {
    const ini = parseIni('[ui]\ncolor = on\n; c\n# c\ntime_format: %%Y\n  more\n[a b]\nK=v\n');
    expect(iniBool(ini, 'ui', 'color')).toBe(true);
    expect(iniGet(ini, 'ui', 'time_format')).toBe('%Y\nmore');
    expect(iniGet(ini, 'ui', 'time_format', true)).toBe('%%Y\nmore');
    expect(iniGet(ini, 'a b', 'k')).toBe('v');
    expect(() => parseIni('x = 1', 'f')).toThrow('f, line 1: File contains no section headers.');
  });
});

describe('precedence: flags > env > profile > cqlshrc > defaults', () => {
  it('defaults', () => {
    const s = resolve([]);
    expect(s.connect).toMatchObject({ host: '127.0.0.1', port: 9042, connectTimeoutMs: 5000, requestTimeoutMs: 10000 });
    expect(s.auth).toBe('none');
    expect(s.connect.tls).toBeUndefined();
  });

  it('cqlshrc < profile < env < flags', async () => {
    rc('[connection]\nhostname = rc-host\nport = 1111\ntimeout = 7\n[authentication]\nkeyspace = rc_ks\n');
    expect(resolve([]).connect).toMatchObject({ host: 'rc-host', port: 1111, keyspace: 'rc_ks', connectTimeoutMs: 7000 });
    await writeConfig(() => ({ defaultProfile: 'p', profiles: { p: { host: 'profile-host', keyspace: 'p_ks' } } }), env);
    expect(resolve([]).connect).toMatchObject({ host: 'profile-host', port: 1111, keyspace: 'p_ks' });
    env.CQLSH_HOST = 'env-host';
    env.CQLSH_PORT = '2222';
    expect(resolve([]).connect).toMatchObject({ host: 'env-host', port: 2222 });
    expect(resolve(['--host', 'flag-host', '-k', 'flag_ks']).connect).toMatchObject({ host: 'flag-host', port: 2222, keyspace: 'flag_ks' });
    expect(resolve(['pos-host', '3333']).connect).toMatchObject({ host: 'pos-host', port: 3333 });
  });

  it('TLS: SSL_CERTFILE / SSL_VALIDATE as cqlsh, [certfiles] per host, --ssl-no-verify warns', () => {
    rc('[connection]\nssl = true\n[ssl]\ncertfile = ~/ca.pem\nvalidate = true\n[certfiles]\nspecial = /special.pem\n');
    expect(resolve([]).connect.tls).toMatchObject({ verify: true, caFiles: [path.join(home, 'ca.pem')] });
    expect(resolve(['special']).connect.tls?.caFiles).toEqual(['/special.pem']);
    env.SSL_CERTFILE = '/env.pem';
    env.SSL_VALIDATE = 'false';
    const s = resolve([]);
    expect(s.connect.tls).toMatchObject({ verify: false, caFiles: ['/env.pem'] });
    expect(s.messages.stderr.join('')).toMatch(/verification is disabled/);
    expect(resolve(['--ca', '/flag.pem', '--ssl-system-roots']).connect.tls).toMatchObject({ caFiles: ['/flag.pem'], withSystemRoots: true });
  });

  it('password sources: flag, env var named, credentials file, cqlshrc; a missing one asks', () => {
    env.PW = 'from-env';
    expect(resolve(['-u', 'u', '--password-env', 'PW']).connect).toMatchObject({ username: 'u', password: 'from-env' });
    fs.mkdirSync(path.join(home, '.cassandra'), { recursive: true });
    fs.writeFileSync(path.join(home, '.cassandra', 'credentials'), '[plain_text_auth]\nusername = cu\npassword = c%p\n', { mode: 0o600 });
    expect(resolve([]).connect).toMatchObject({ username: 'cu', password: 'c%p' });
    expect(resolve(['-u', 'other']).connect).toMatchObject({ username: 'other', password: 'c%p' });
    fs.rmSync(path.join(home, '.cassandra', 'credentials'));
    expect(resolve(['-u', 'lonely']).needsPassword).toEqual({ username: 'lonely', passwordEnv: undefined });
  });

  it('cqlsh-expansion [auth_provider] means SigV4 with its region', () => {
    rc('[auth_provider]\nmodule = cassandra_sigv4.auth\nclassname = SigV4AuthProvider\naws_region = eu-west-1\n');
    const s = resolve([]);
    expect(s.auth).toBe('sigv4');
    expect(s.sigv4?.region).toBe('eu-west-1');
  });

  it('the Keyspaces preset: endpoint, 9142, TLS with Amazon roots, SigV4, LOCAL_QUORUM; bad levels refused', async () => {
    await writeConfig(() => ({ profiles: { ks: { preset: 'keyspaces', region: 'us-east-1' } } }), env);
    const s = resolve(['-p', 'ks']);
    expect(s.connect).toMatchObject({ host: 'cassandra.us-east-1.amazonaws.com', port: 9142, localDataCenter: 'us-east-1', keyspacesService: true });
    expect(s.connect.tls).toMatchObject({ verify: true, builtinRoots: 'amazon' });
    expect(s.auth).toBe('sigv4');
    expect(s.consistency).toBe('LOCAL_QUORUM');
    expect(() => resolve(['-p', 'ks', '--consistency', 'quorum'])).toThrow(/does not support consistency level QUORUM/);
    expect(keyspacesEndpoint('us-west-2', 'fips')).toBe('cassandra-fips.us-west-2.amazonaws.com');
    expect(keyspacesEndpoint('us-west-2', 'dualstack')).toBe('cassandra.us-west-2.api.aws');
  });
});

describe('the profile file', () => {
  it('validates like the schema, with paths', () => {
    expect(validateConfig({ profiles: { a: { port: 70000 } } })).toEqual({ path: ['profiles', 'a', 'port'], message: 'must be <= 65535' });
    expect(validateConfig({ profiles: { a: { password: 'x' } } })).toEqual({ path: ['profiles', 'a', 'password'], message: 'unknown setting "password"' });
    expect(validateConfig({ profiles: { a: { tls: { ca: ['x'], verify: false } } } })).toBeUndefined();
  });

  it('reports JSON errors by line and keeps the file', async () => {
    const file = path.join(home, '.config', 'tscqlsh', 'config.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{\n"profiles": {\n  "a": {"host": "x"\n}\n');
    expect(() => readConfig(env)).toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}, line \\d+: not valid JSON`));
    await expect(writeConfig((c) => c, env)).rejects.toThrow(/not valid JSON/);
    expect(fs.readFileSync(file, 'utf8')).toBe('{\n"profiles": {\n  "a": {"host": "x"\n}\n');
  });

  it('a broken store stops only a run that names a profile; others warn once and go on', () => {
    const file = path.join(home, '.config', 'tscqlsh', 'config.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ "profiles": ');
    const plain = resolve(['db.example', '9043']);
    expect(plain.connect.host).toBe('db.example');
    expect(plain.messages.stderr).toHaveLength(1);
    expect(plain.messages.stderr[0]).toMatch(/^Warning: no profile used: .*config\.json, line 1: not valid JSON/);
    expect(() => resolve(['-p', 'a'])).toThrow(/not valid JSON/);
    fs.writeFileSync(file, '[]');
    expect(() => readConfig(env)).toThrow(`${file}, line 1: the file must hold a JSON object. Fix the file; tscqlsh will not overwrite it.`);
  });

  it('profile flags', () => {
    const a = parseProfileArgs(['n', '--ca', 'a.pem', '--ca=b.pem', '--ssl-no-verify', '--consistency', 'local_one', '--port', '9142']);
    // a CA (or --ssl-no-verify) turns TLS on, as on the command line, unless --no-ssl says otherwise
    expect(a.fields).toEqual({ tls: { ca: ['a.pem', 'b.pem'], verify: false }, consistency: 'LOCAL_ONE', port: 9142, ssl: true });
    expect(parseProfileArgs(['n', '--ca', 'a.pem', '--no-ssl']).fields).toEqual({ tls: { ca: ['a.pem'] }, ssl: false });
    expect(parseProfileArgs(['n', '-u', 'alice', '-kshop']).fields).toEqual({ username: 'alice', keyspace: 'shop' });
    expect(parseProfileArgs(['n', '--help']).help).toBe(true);
    expect(() => parseProfileArgs(['n', '-p', 'S3cr3t'])).toThrow(/^-p is --profile in tscqlsh, and profiles never store passwords/);
    expect(() => parseProfileArgs(['--port', 'x'])).toThrow(ProfileUsageError);
  });

  it('the region carries the preset host and data center; China regions are under .amazonaws.com.cn', () => {
    expect(keyspacesEndpoint('cn-northwest-1')).toBe('cassandra.cn-northwest-1.amazonaws.com.cn');
    expect(keyspacesEndpoint('eu-west-1', 'fips')).toBe('cassandra-fips.eu-west-1.amazonaws.com');
    const before = keyspacesPreset('us-east-1');
    expect(followRegion(before, { ...before, region: 'eu-west-1' }).profile).toMatchObject({
      host: 'cassandra.eu-west-1.amazonaws.com',
      localDataCenter: 'eu-west-1',
    });
    const pinned = { ...before, host: 'ks.internal.example', localDataCenter: 'mine' };
    const moved = followRegion(pinned, { ...pinned, region: 'eu-west-1' });
    expect(moved.profile).toMatchObject({ host: 'ks.internal.example', localDataCenter: 'mine' });
    expect(moved.warnings).toEqual([expect.stringMatching(/^Warning: the local data center is mine/)]);
    const env2 = { ...env };
    const r = resolveSettings({ preset: 'keyspaces', region: 'eu-west-1', endpoint: 'fips' }, env2);
    expect(r.connect).toMatchObject({ host: 'cassandra-fips.eu-west-1.amazonaws.com', localDataCenter: 'eu-west-1' });
  });

  it('the REPL pager and history size: profile fields, TSCQLSH_PAGER / TSCQLSH_HISTORY_SIZE above them', async () => {
    const a = parseProfileArgs(['n', '--pager', 'less -S', '--history-size', '500']);
    expect(a.fields).toEqual({ pager: 'less -S', historySize: 500 });
    expect(validateConfig({ profiles: { a: { historySize: 0 } } })).toEqual({ path: ['profiles', 'a', 'historySize'], message: 'must be >= 1' });
    expect(resolve([])).toMatchObject({ pager: undefined, historySize: undefined });
    await writeConfig(() => ({ defaultProfile: 'p', profiles: { p: { pager: 'on', historySize: 50 } } }), env);
    expect(resolve([])).toMatchObject({ pager: 'on', historySize: 50 });
    env.TSCQLSH_PAGER = 'off';
    env.TSCQLSH_HISTORY_SIZE = '7';
    expect(resolve([])).toMatchObject({ pager: 'off', historySize: 7 });
    env.TSCQLSH_HISTORY_SIZE = 'lots';
    expect(resolve([]).historySize).toBe(50);
  });
});

describe('TLS options', () => {
  it('verifies by default, sends SNI for names only, and keeps the system roots when asked', () => {
    const ca = path.join(home, 'ca.pem');
    fs.writeFileSync(ca, 'PEM');
    expect(tlsOptions({}, '10.0.0.1')).toEqual({ rejectUnauthorized: true });
    expect(tlsOptions({}, 'db.example')).toMatchObject({ servername: 'db.example' });
    expect(tlsOptions({ serverName: 'x.example' }, '10.0.0.1')).toMatchObject({ servername: 'x.example' });
    const both = tlsOptions({ caFiles: [ca], withSystemRoots: true }, 'h').ca as string[];
    expect(both.length).toBeGreaterThan(10);
    expect(both.at(-1)).toBe('PEM');
    expect(tlsOptions({ caFiles: [ca] }, 'h').ca).toEqual(['PEM']);
    const off = tlsOptions({ verify: false }, 'h');
    expect(off.rejectUnauthorized).toBe(false);
    expect(() => tlsOptions({ certFile: ca }, 'h')).toThrow(/needs its key/);
    expect(amazonRoots().length).toBeGreaterThanOrEqual(4);
  });
});

describe('AWS region resolution', () => {
  it('profile, then AWS_REGION, AWS_DEFAULT_REGION, then the AWS config profile', () => {
    const cfg = path.join(home, 'aws-config');
    fs.writeFileSync(cfg, '[default]\nregion = ap-south-1\n[profile work]\nregion = eu-north-1\n');
    const e: NodeJS.ProcessEnv = { AWS_CONFIG_FILE: cfg };
    expect(resolveRegion(undefined, e)).toBe('ap-south-1');
    expect(resolveRegion(undefined, { ...e, AWS_PROFILE: 'work' })).toBe('eu-north-1');
    expect(resolveRegion(undefined, { ...e, AWS_DEFAULT_REGION: 'us-east-2' })).toBe('us-east-2');
    expect(resolveRegion(undefined, { ...e, AWS_DEFAULT_REGION: 'us-east-2', AWS_REGION: 'us-west-1' })).toBe('us-west-1');
    expect(resolveRegion('ca-central-1', { ...e, AWS_REGION: 'us-west-1' })).toBe('ca-central-1');
  });
});

describe('Astra secure connect bundle', () => {
  it('replaces contact points, TLS and the whitelist; a missing bundle is named', async () => {
    const { applySecureConnectBundle } = await import('../../src/db/cloud.js');
    const zip = path.join(home, 'bundle.zip');
    fs.writeFileSync(zip, 'PK');
    const o = { contactPoints: ['h:1'], sslOptions: {}, policies: { loadBalancing: {} }, protocolOptions: { port: 1 } } as never as Parameters<
      typeof applySecureConnectBundle
    >[0];
    applySecureConnectBundle(o, zip);
    expect(o).toEqual({ policies: {}, protocolOptions: {}, cloud: { secureConnectBundle: zip } });
    expect(() => applySecureConnectBundle(o, path.join(home, 'none.zip'))).toThrow(/Secure connect bundle not found: '.*none\.zip'/);
    expect(resolve(['--secure-connect-bundle', zip]).connect.secureConnectBundle).toBe(zip);
  });
});

describe('Keyspaces DDL targets', () => {
  it('finds the table or keyspace a statement changes', async () => {
    const { ddlTarget } = await import('../../src/db/keyspaces-ddl.js');
    expect(ddlTarget('CREATE TABLE IF NOT EXISTS ks.T (k int primary key)')).toEqual({ kind: 'table', keyspace: 'ks', table: 't', drop: false });
    expect(ddlTarget('drop table "Tb"', 'cur')).toEqual({ kind: 'table', keyspace: 'cur', table: 'Tb', drop: true });
    expect(ddlTarget('CREATE KEYSPACE k WITH replication = {}')).toEqual({ kind: 'keyspace', keyspace: 'k', drop: false });
    expect(ddlTarget('SELECT * FROM t')).toBeUndefined();
    expect(ddlTarget('alter table t add x int')).toBeUndefined();
  });
});
