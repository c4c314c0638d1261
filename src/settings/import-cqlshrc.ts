// `profile import-cqlshrc [path]`: a cqlshrc (plain cqlsh or cqlsh-expansion's SigV4 setup) → a
// profile. Passwords are not carried over: a credentials file is referenced, a cqlshrc password
// is reported as left behind.
import fs from 'node:fs';
import path from 'node:path';
import { authProviderSection, isSigV4Provider } from './cqlshrc.js';
import { expandUser } from '../util/paths.js';
import { iniBool, iniGet, iniInt, readIniFile, type Ini } from '../util/ini.js';
import { isKeyspacesHost, regionOfHost } from './keyspaces.js';
import { CONSISTENCY_LEVELS } from '../cql/vocabulary.js';
import type { Profile } from './profile-schema.js';

export interface Imported {
  profile: Profile;
  notes: string[];
}

const abs = (p: string, base: string, env: NodeJS.ProcessEnv) => path.resolve(base, expandUser(p, env));

export function importCqlshrc(file: string, env: NodeJS.ProcessEnv = process.env): Imported {
  if (!fs.existsSync(file)) throw new Error(`No cqlshrc at ${file}`);
  const rc: Ini = readIniFile(file);
  const base = path.dirname(file);
  const notes: string[] = [];
  const p: Profile = {};
  const host = iniGet(rc, 'connection', 'hostname');
  if (host) p.host = host;
  const port = iniInt(rc, 'connection', 'port');
  if (port) p.port = port;
  const ssl = iniBool(rc, 'connection', 'ssl');
  if (ssl !== undefined) p.ssl = ssl;
  const timeout = iniInt(rc, 'connection', 'timeout');
  if (timeout) p.connectTimeout = timeout;
  const requestTimeout = iniInt(rc, 'connection', 'request_timeout');
  if (requestTimeout) p.requestTimeout = requestTimeout;
  const keyspace = iniGet(rc, 'authentication', 'keyspace');
  if (keyspace) p.keyspace = keyspace;
  const color = iniBool(rc, 'ui', 'color');
  if (color !== undefined) p.color = color;
  const consistency = iniGet(rc, 'cql', 'consistency')?.toUpperCase();
  if (consistency && (CONSISTENCY_LEVELS as readonly string[]).includes(consistency)) p.consistency = consistency as Profile['consistency'];

  // TLS: [ssl] certfile / validate / usercert / userkey, [certfiles] per host
  const certfile = (host && iniGet(rc, 'certfiles', host)) || iniGet(rc, 'ssl', 'certfile');
  const tls: NonNullable<Profile['tls']> = {};
  const keyspaces = Boolean(host && isKeyspacesHost(host));
  if (certfile) {
    const ca = abs(certfile, base, env);
    // reported now, not at the first connect; a Keyspaces profile keeps the bundled Amazon roots
    if (fs.existsSync(ca)) tls.ca = [ca];
    else {
      notes.push(
        `[ssl] certfile ${ca} does not exist and was not imported: ` +
          (keyspaces
            ? 'the profile trusts the Amazon roots bundled with tscqlsh, which sign the Amazon Keyspaces endpoints.'
            : 'the profile trusts the system roots; give the right CA with: tscqlsh profile edit NAME --ca FILE'),
      );
    }
  }
  const validate = iniGet(rc, 'ssl', 'validate');
  if (validate !== undefined && validate.toLowerCase() === 'false') tls.verify = false;
  const usercert = iniGet(rc, 'ssl', 'usercert');
  if (usercert) tls.cert = abs(usercert, base, env);
  const userkey = iniGet(rc, 'ssl', 'userkey');
  if (userkey) tls.key = abs(userkey, base, env);
  if (Object.keys(tls).length) p.tls = tls;
  if (iniGet(rc, 'ssl', 'version')) notes.push('[ssl] version is ignored: the TLS version is negotiated.');

  // auth: [auth_provider] (cqlsh-expansion SigV4, or PlainTextAuthProvider), [authentication]
  const credFile = expandUser(iniGet(rc, 'authentication', 'credentials') ?? path.join(base, 'credentials'), env);
  const provider = authProviderSection(file, rc, new Map(), { stdout: [], stderr: [] });
  if (isSigV4Provider(provider)) {
    p.auth = 'sigv4';
    // cqlsh-expansion's template and the cassandra-sigv4 plugin say region_name
    const region = provider!.settings.region_name ?? provider!.settings.aws_region ?? provider!.settings.region;
    if (region) p.region = region;
    if (provider!.settings.aws_access_key_id || provider!.settings.aws_secret_access_key) {
      notes.push('AWS keys in [auth_provider] were not imported: SigV4 takes credentials from the AWS chain (env, ~/.aws, SSO, roles).');
    }
  } else {
    const username = provider?.settings.username ?? iniGet(rc, 'authentication', 'username');
    if (username) {
      p.auth = 'password';
      p.username = username;
    }
    if (provider?.settings.password !== undefined || iniGet(rc, 'authentication', 'password') !== undefined) {
      notes.push('The password in the cqlshrc was not imported (profiles never store passwords): use --password-env VAR or a credentials file.');
    }
    if (fs.existsSync(credFile)) {
      p.credentialsFile = credFile;
      p.auth ??= 'password';
    }
  }
  if (keyspaces && p.host) {
    p.preset = 'keyspaces';
    p.region ??= regionOfHost(p.host);
    if (p.host.startsWith('cassandra-fips.')) p.endpointVariant = 'fips';
    p.localDataCenter ??= p.region;
    p.consistency ??= 'LOCAL_QUORUM';
  }
  return { profile: p, notes };
}
