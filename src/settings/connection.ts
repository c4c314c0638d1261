// Where to connect and how: flags > env > profile > cqlshrc > defaults. The profile comes from
// settings/profiles.ts, cqlsh's cqlshrc and credentials file from settings/cqlshrc.ts; secrets
// come from --password, an env var the profile names, a credentials file, or a prompt.
import type { CliArgs } from './flags.js';
import type { FormatOptions } from '../format/options.js';
import type { ConnectOptions, TlsOptions } from '../db/session.js';
import { authProviderSection, cqlshCredentials, isSigV4Provider, locateCqlshrc, type Messages } from './cqlshrc.js';
import { resolveRegion } from '../db/auth/aws.js';
import { expandUser } from '../util/paths.js';
import { iniBool, iniGet, iniInt, readIniFile, type IniSection } from '../util/ini.js';
import { followRegion, isKeyspacesHost, isKeyspacesProfile, keyspacesEndpoint, keyspacesPreset, KEYSPACES_PORT } from './keyspaces.js';
import { AUTH_KINDS, ENDPOINT_VARIANTS, type AuthKind, type Profile } from './profile-schema.js';
import { CONSISTENCY_LEVELS, KEYSPACES_CONSISTENCIES } from '../cql/vocabulary.js';
import { keyspacesConsistencyError } from '../db/keyspaces-rules.js';
import { ConfigFileError, selectProfile } from './profiles.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 9042;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

export interface SigV4Settings {
  region: string | undefined;
  awsProfile?: string;
  /** keys from a cqlsh-expansion credentials file / [auth_provider] section */
  staticCredentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** how long to wait for a configured credential provider (--aws-timeout) */
  timeoutMs?: number;
}

export interface ResolvedSettings {
  connect: ConnectOptions;
  auth: AuthKind;
  sigv4?: SigV4Settings;
  /** a username with no password found anywhere: prompt for it on a terminal */
  needsPassword?: { username: string; passwordEnv?: string };
  consistency?: string;
  serialConsistency?: string;
  pageSize?: number;
  format?: string;
  color?: boolean;
  prompt?: string;
  /** the REPL's pager setting and history size: TSCQLSH_PAGER / TSCQLSH_HISTORY_SIZE, else the profile */
  pager?: string;
  historySize?: number;
  /** the REPL's extras: flags > TSCQLSH_PAGER_TALL / TSCQLSH_HIGHLIGHT / TSCQLSH_SUGGEST > profile */
  pagerTall?: boolean;
  highlight?: boolean;
  suggest?: boolean;
  /** ask before destructive statements (REPL); on by default for Amazon Keyspaces */
  confirmDestructive: boolean;
  /** refuse destructive statements (--safe) */
  safe: boolean;
  profileName?: string;
  /** the cqlshrc file read (COPY reads its [copy] sections) */
  cqlshrc?: string;
  /** cqlshrc's [ui] section: display settings (src/settings/display.ts) */
  ui?: IniSection;
  /** display settings resolved from [ui] and TZ (set when the session opens) */
  display?: Partial<FormatOptions>;
  /** what cqlsh itself prints on the way (warnings about its files), then ours */
  messages: Messages;
}

const FALSY = /^(false|no|0|off)$/i;

/** Everything a plain run needs to connect, resolved with the documented precedence. */
export function resolveSettings(args: CliArgs, env: NodeJS.ProcessEnv = process.env): ResolvedSettings {
  const messages: Messages = { stdout: [], stderr: [] };
  let selected: ReturnType<typeof selectProfile>;
  try {
    selected = selectProfile(args.profile, env, { noProfile: args.noProfile, withUsername: args.username !== undefined });
  } catch (e) {
    // a broken profile store stops only the runs that name a profile
    if (args.profile !== undefined || !(e instanceof ConfigFileError)) throw e;
    messages.stderr.push(`Warning: no profile used: ${e.message}\n`);
  }
  let p: Profile = selected?.profile ?? {};
  if (args.preset !== undefined) {
    if (args.preset !== 'keyspaces') throw new SettingsError(`Unknown preset '${args.preset}' (known: keyspaces)`);
    p = { ...p, preset: 'keyspaces' };
  }
  if (args.endpoint !== undefined) {
    if (!(ENDPOINT_VARIANTS as readonly string[]).includes(args.endpoint))
      throw new SettingsError(`--endpoint must be one of ${ENDPOINT_VARIANTS.join(', ')}, not '${args.endpoint}'`);
  }
  if (isKeyspacesProfile(p)) {
    // a preset saved without a region takes it from the flag or the AWS environment; a host and
    // data center that came from the preset follow a --region / --endpoint given now
    const region = args.region ?? p.region ?? (p.preset === 'keyspaces' ? resolveRegion(undefined, env, args.awsProfile ?? p.awsProfile) : undefined);
    const variant = (args.endpoint as Profile['endpointVariant']) ?? p.endpointVariant;
    const moved = followRegion(
      p,
      { ...p, ...(region ? { region } : {}), ...(variant ? { endpointVariant: variant } : {}) },
      {
        host: args.host !== undefined,
        localDataCenter: args.localDc !== undefined,
      },
    );
    p = p.preset === 'keyspaces' ? { ...keyspacesPreset(region, variant), ...moved.profile } : moved.profile;
    if (!p.host && !args.host) throw new SettingsError(`The keyspaces preset needs a region: give --region, or set AWS_REGION`);
    const explicit = { ...p, ...(args.host ? { host: args.host } : {}), ...(args.localDc ? { localDataCenter: args.localDc } : {}) };
    messages.stderr.push(...followRegion(explicit, explicit).warnings.map((w) => `${w}\n`));
  }

  const rcFile = locateCqlshrc(args.cqlshrc, messages, env);
  const rc = readIniFile(rcFile);
  const creds = cqlshCredentials(
    rcFile,
    rc,
    { username: args.username, password: args.password, credentials: args.credentials ?? p.credentialsFile },
    messages,
    env,
  );
  const provider = authProviderSection(rcFile, rc, creds.ini, messages);

  const host = args.host ?? env.CQLSH_HOST ?? p.host ?? iniGet(rc, 'connection', 'hostname') ?? DEFAULT_HOST;
  const portText = args.port ?? env.CQLSH_PORT ?? p.port ?? iniGet(rc, 'connection', 'port') ?? DEFAULT_PORT;
  const port = Number(portText);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new SettingsError(`'${portText}' is not a valid port number.`);

  const keyspaces = p.preset === 'keyspaces' || isKeyspacesHost(host);

  // auth
  let auth: AuthKind;
  if (args.auth !== undefined) {
    if (!(AUTH_KINDS as readonly string[]).includes(args.auth)) throw new SettingsError(`--auth must be one of ${AUTH_KINDS.join(', ')}, not '${args.auth}'`);
    auth = args.auth as AuthKind;
  } else if (args.username !== undefined || args.password !== undefined || args.passwordEnv !== undefined) auth = 'password';
  else if (p.auth) auth = p.auth;
  else if (p.username !== undefined || p.passwordEnv !== undefined) auth = 'password';
  else if (isSigV4Provider(provider)) auth = 'sigv4';
  else auth = creds.username || provider?.settings.username ? 'password' : 'none';

  // TLS
  const caFile = args.ca ?? env.SSL_CERTFILE ?? p.tls?.ca?.[0] ?? iniGet(rc, 'certfiles', host) ?? iniGet(rc, 'ssl', 'certfile');
  const caFiles = args.ca ? [args.ca] : env.SSL_CERTFILE ? [env.SSL_CERTFILE] : (p.tls?.ca ?? (caFile ? [caFile] : undefined));
  // --no-ssl wins; a CA, client certificate, server name or --ssl-no-verify means TLS (flags and profiles alike)
  const profileTls = p.tls ? Boolean(p.tls.ca?.length || p.tls.cert || p.tls.serverName || p.tls.verify === false) : false;
  const ssl =
    args.ssl === false
      ? false
      : Boolean(args.ssl || args.ca || args.cert || args.sslNoVerify || args.sslServerName) ||
        (p.ssl ?? (profileTls || undefined) ?? iniBool(rc, 'connection', 'ssl') ?? false);
  let verify: boolean;
  if (args.sslNoVerify) verify = false;
  else if (env.SSL_VALIDATE !== undefined) verify = !FALSY.test(env.SSL_VALIDATE);
  else if (p.tls?.verify !== undefined) verify = p.tls.verify;
  else {
    const v = iniGet(rc, 'ssl', 'validate');
    verify = v === undefined || v.toLowerCase() !== 'false';
  }
  let tls: TlsOptions | undefined;
  if (ssl) {
    const cert = args.cert ?? p.tls?.cert ?? iniGet(rc, 'ssl', 'usercert');
    const key = args.key ?? p.tls?.key ?? iniGet(rc, 'ssl', 'userkey');
    tls = {
      verify,
      caFiles: caFiles?.map((f) => expandUser(f, env)),
      withSystemRoots: args.sslSystemRoots || p.tls?.systemRoots || undefined,
      certFile: cert ? expandUser(cert, env) : undefined,
      keyFile: key ? expandUser(key, env) : undefined,
      serverName: args.sslServerName ?? p.tls?.serverName,
      builtinRoots: keyspaces && !caFiles ? 'amazon' : undefined,
    };
    if (env.SSL_VERSION ?? iniGet(rc, 'ssl', 'version')) {
      messages.stdout.push(
        'Warning: Explicit SSL and TLS versions in the cqlshrc file or in SSL_VERSION environment property are ignored as the protocol is auto-negotiated.\n\n',
      );
    }
    if (!verify) {
      messages.stderr.push(
        'Warning: TLS certificate verification is disabled (--ssl-no-verify / SSL_VALIDATE=false): the connection is encrypted but the server is not authenticated.\n',
      );
    }
  }

  // credentials
  let username: string | undefined;
  let password: string | undefined;
  let sigv4: SigV4Settings | undefined;
  let needsPassword: ResolvedSettings['needsPassword'];
  if (auth === 'password') {
    username = args.username ?? p.username ?? creds.username ?? provider?.settings.username;
    const passwordEnv = args.passwordEnv ?? p.passwordEnv;
    password = args.password ?? (passwordEnv ? env[passwordEnv] : undefined) ?? creds.password ?? provider?.settings.password;
    if (username === undefined) throw new SettingsError('Password authentication needs a username: give -u/--username or set one in the profile.');
    if (password === undefined) needsPassword = { username, passwordEnv };
  } else if (auth === 'sigv4') {
    const s = provider?.settings ?? {};
    const id = s.aws_access_key_id;
    const secret = s.aws_secret_access_key;
    sigv4 = {
      // cqlsh-expansion's template and the cassandra-sigv4 plugin say region_name
      region: args.region ?? p.region ?? s.region_name ?? s.aws_region ?? s.region,
      awsProfile: args.awsProfile ?? p.awsProfile ?? s.aws_profile,
      timeoutMs: secondsToMs(args.awsTimeout ?? p.awsTimeout),
      staticCredentials: id && secret ? { accessKeyId: id, secretAccessKey: secret, sessionToken: s.aws_session_token } : undefined,
    };
  }

  const consistency = (args.consistency ?? p.consistency ?? (keyspaces ? 'LOCAL_QUORUM' : undefined))?.toUpperCase();
  if (consistency !== undefined && !(CONSISTENCY_LEVELS as readonly string[]).includes(consistency)) {
    throw new SettingsError(`Unknown consistency level '${consistency}'`);
  }
  if (keyspaces && consistency && !(KEYSPACES_CONSISTENCIES as readonly string[]).includes(consistency)) {
    throw new SettingsError(keyspacesConsistencyError(consistency));
  }

  const connectTimeout = args.connectTimeout ?? p.connectTimeout ?? iniInt(rc, 'connection', 'timeout') ?? 5;
  const requestTimeout = args.requestTimeout ?? p.requestTimeout ?? iniInt(rc, 'connection', 'request_timeout') ?? 10;
  const connect: ConnectOptions = {
    host,
    port,
    username: auth === 'password' ? username : undefined,
    password: auth === 'password' ? password : undefined,
    keyspace: args.keyspace ?? p.keyspace ?? iniGet(rc, 'authentication', 'keyspace'),
    localDataCenter: args.localDc ?? p.localDataCenter ?? (keyspaces ? (sigv4?.region ?? p.region) : undefined),
    connectTimeoutMs: connectTimeout * 1000,
    requestTimeoutMs: requestTimeout * 1000,
    protocolVersion: args.protocolVersion ?? iniInt(rc, 'protocol', 'version'),
    tls,
    keyspacesService: keyspaces || undefined,
    secureConnectBundle: args.secureConnectBundle ?? p.secureConnectBundle,
    keyspacesSchemaWait: keyspaces ? !p.skipSchemaWait : undefined,
  };
  return {
    connect,
    auth,
    sigv4,
    needsPassword,
    consistency,
    serialConsistency: p.serialConsistency,
    pageSize: p.pageSize,
    format: args.format ?? p.format,
    color: args.color ?? p.color ?? iniBool(rc, 'ui', 'color'),
    ui: rc.get('ui'),
    cqlshrc: rcFile,
    prompt: p.prompt,
    pager: args.pager ?? env.TSCQLSH_PAGER ?? p.pager,
    historySize: positiveInt(env.TSCQLSH_HISTORY_SIZE) ?? p.historySize,
    pagerTall: args.pagerTall ?? envSwitch(env.TSCQLSH_PAGER_TALL) ?? p.pagerTall,
    highlight: args.highlight ?? envSwitch(env.TSCQLSH_HIGHLIGHT) ?? p.highlight,
    suggest: args.suggest ?? envSwitch(env.TSCQLSH_SUGGEST) ?? p.suggest,
    confirmDestructive: args.confirmDestructive ?? p.confirmDestructive ?? keyspaces,
    safe: args.safe ?? p.safe ?? false,
    profileName: selected?.name,
    messages,
  };
}

export { keyspacesEndpoint, KEYSPACES_PORT };

function secondsToMs(s: number | undefined): number | undefined {
  return s === undefined ? undefined : s * 1000;
}

/** An on/off environment setting: on/off (true/false, yes/no, 1/0); anything else is not set. */
function envSwitch(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  if (/^(on|true|yes|1)$/i.test(text)) return true;
  return FALSY.test(text) ? false : undefined;
}

function positiveInt(text: string | undefined): number | undefined {
  const n = Number(text);
  return text !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}
