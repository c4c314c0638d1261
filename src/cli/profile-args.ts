// Flags of `tscqlsh profile add|edit NAME`: each sets one profile field. Kept free of heavy imports.
import { AUTH_KINDS, CONSISTENCIES, ENDPOINT_VARIANTS, FORMATS, PRESETS, type Profile } from '../settings/profile-schema.js';

export class ProfileUsageError extends Error {}

type Kind = 'string' | 'int' | 'number' | 'flag' | 'list';
interface Field {
  flag: string;
  kind: Kind;
  /** path in the profile: ['tls', 'ca'] */
  path: [keyof Profile] | ['tls', string];
  value?: unknown;
  choices?: readonly string[];
  help: string;
}

export const PROFILE_FLAGS: Field[] = [
  { flag: 'preset', kind: 'string', path: ['preset'], choices: PRESETS, help: 'start from a preset (keyspaces)' },
  { flag: 'host', kind: 'string', path: ['host'], help: 'contact point' },
  { flag: 'port', kind: 'int', path: ['port'], help: 'native protocol port' },
  { flag: 'local-dc', kind: 'string', path: ['localDataCenter'], help: 'local data center' },
  { flag: 'keyspace', kind: 'string', path: ['keyspace'], help: 'keyspace to USE on connect' },
  { flag: 'auth', kind: 'string', path: ['auth'], choices: AUTH_KINDS, help: 'none | password | sigv4' },
  { flag: 'username', kind: 'string', path: ['username'], help: 'user name (password auth)' },
  { flag: 'password-env', kind: 'string', path: ['passwordEnv'], help: 'environment variable holding the password' },
  { flag: 'credentials', kind: 'string', path: ['credentialsFile'], help: "cqlsh credentials file ([plain_text_auth])" },
  { flag: 'region', kind: 'string', path: ['region'], help: 'AWS region (SigV4, Keyspaces)' },
  { flag: 'aws-profile', kind: 'string', path: ['awsProfile'], help: 'AWS profile for SigV4 credentials' },
  { flag: 'endpoint', kind: 'string', path: ['endpointVariant'], choices: ENDPOINT_VARIANTS, help: 'Keyspaces endpoint: standard | fips | dualstack' },
  { flag: 'ssl', kind: 'flag', path: ['ssl'], value: true, help: 'use TLS' },
  { flag: 'no-ssl', kind: 'flag', path: ['ssl'], value: false, help: 'do not use TLS' },
  { flag: 'ca', kind: 'list', path: ['tls', 'ca'], help: 'CA file (PEM), repeatable' },
  { flag: 'ssl-system-roots', kind: 'flag', path: ['tls', 'systemRoots'], value: true, help: 'trust the system roots as well as --ca' },
  { flag: 'cert', kind: 'string', path: ['tls', 'cert'], help: 'client certificate (PEM)' },
  { flag: 'key', kind: 'string', path: ['tls', 'key'], help: 'client key (PEM)' },
  { flag: 'ssl-no-verify', kind: 'flag', path: ['tls', 'verify'], value: false, help: 'do not verify the server (insecure)' },
  { flag: 'ssl-verify', kind: 'flag', path: ['tls', 'verify'], value: true, help: 'verify the server (default)' },
  { flag: 'ssl-server-name', kind: 'string', path: ['tls', 'serverName'], help: 'SNI / certificate name' },
  { flag: 'consistency', kind: 'string', path: ['consistency'], choices: CONSISTENCIES, help: 'consistency level' },
  { flag: 'serial-consistency', kind: 'string', path: ['serialConsistency'], choices: CONSISTENCIES, help: 'serial consistency level' },
  { flag: 'connect-timeout', kind: 'number', path: ['connectTimeout'], help: 'seconds' },
  { flag: 'request-timeout', kind: 'number', path: ['requestTimeout'], help: 'seconds' },
  { flag: 'page-size', kind: 'int', path: ['pageSize'], help: 'rows per page' },
  { flag: 'format', kind: 'string', path: ['format'], choices: FORMATS, help: 'output format' },
  { flag: 'color', kind: 'flag', path: ['color'], value: true, help: 'always color' },
  { flag: 'no-color', kind: 'flag', path: ['color'], value: false, help: 'never color' },
  { flag: 'prompt', kind: 'string', path: ['prompt'], help: 'prompt text' },
  { flag: 'pager', kind: 'string', path: ['pager'], help: 'REPL pager: off, on ($PAGER) or a command' },
  { flag: 'history-size', kind: 'int', path: ['historySize'], help: 'lines of REPL history kept' },
  { flag: 'secure-connect-bundle', kind: 'string', path: ['secureConnectBundle'], help: 'Astra secure connect bundle' },
  { flag: 'skip-schema-wait', kind: 'flag', path: ['skipSchemaWait'], value: true, help: 'Keyspaces: do not wait for DDL to be ACTIVE' },
];

export interface ProfileArgs {
  positionals: string[];
  fields: Profile;
  /** fields to remove (edit --unset FIELD) */
  unset: string[];
  names?: boolean;
  makeDefault?: boolean;
  name?: string;
}

const UPPER = new Set(['consistency', 'serial-consistency']);

export function parseProfileArgs(argv: string[]): ProfileArgs {
  const out: ProfileArgs = { positionals: [], fields: {}, unset: [] };
  const byFlag = new Map(PROFILE_FLAGS.map((f) => [f.flag, f]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : a.slice(eq + 1);
    const next = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ProfileUsageError(`--${name} needs a value`);
      return v;
    };
    if (name === 'names') out.names = true;
    else if (name === 'default') out.makeDefault = true;
    else if (name === 'name') out.name = next();
    else if (name === 'unset') out.unset.push(next());
    else if (name === 'password') {
      throw new ProfileUsageError('Profiles never store passwords: use --password-env VAR, a credentials file (--credentials FILE), or be asked at connect time');
    } else {
      const f = byFlag.get(name);
      if (!f) throw new ProfileUsageError(`unknown flag --${name}`);
      let v: unknown;
      if (f.kind === 'flag') v = f.value;
      else {
        let raw = next();
        if (UPPER.has(f.flag)) raw = raw.toUpperCase();
        if (f.choices && !f.choices.includes(raw)) throw new ProfileUsageError(`--${name} must be one of ${f.choices.join(', ')}, not '${raw}'`);
        if (f.kind === 'int' || f.kind === 'number') {
          const n = Number(raw);
          if (raw.trim() === '' || !Number.isFinite(n) || (f.kind === 'int' && !Number.isInteger(n))) throw new ProfileUsageError(`--${name}: invalid ${f.kind} value '${raw}'`);
          v = n;
        } else v = raw;
      }
      setField(out.fields, f, v);
    }
  }
  return out;
}

function setField(p: Profile, f: Field, v: unknown): void {
  if (f.path[0] === 'tls') {
    const key = f.path[1] as string;
    const tls = (p.tls ??= {}) as Record<string, unknown>;
    if (f.kind === 'list') tls[key] = [...((tls[key] as string[]) ?? []), v];
    else tls[key] = v;
    return;
  }
  (p as Record<string, unknown>)[f.path[0]] = v;
}

/** `--unset` names: a flag name (`--unset keyspace`) or a field name (`--unset tls.ca`). */
export function unsetField(p: Profile, name: string): boolean {
  const f = PROFILE_FLAGS.find((x) => x.flag === name);
  const path = f ? f.path : name.split('.');
  if (path[0] === 'tls' && path.length === 2) {
    if (!p.tls || !(path[1] in p.tls)) return false;
    delete (p.tls as Record<string, unknown>)[path[1]];
    if (Object.keys(p.tls).length === 0) delete p.tls;
    return true;
  }
  if (!(path[0] in p)) return false;
  delete (p as Record<string, unknown>)[path[0]];
  return true;
}

export function profileHelp(): string {
  const lines = [
    'usage: tscqlsh profile add NAME [flags]      save a new profile',
    '       tscqlsh profile edit NAME [flags] [--unset FIELD]',
    '       tscqlsh profile list [--names]',
    '       tscqlsh profile show NAME',
    '       tscqlsh profile remove NAME',
    '       tscqlsh profile default [NAME]',
    '       tscqlsh profile import-cqlshrc [PATH] [--name NAME]',
    '',
    'flags:',
  ];
  for (const f of PROFILE_FLAGS) lines.push(`  --${f.flag}${f.kind === 'flag' ? '' : ' VALUE'}`.padEnd(32) + f.help);
  lines.push('  --default'.padEnd(32) + 'make it the default profile');
  return lines.join('\n');
}
