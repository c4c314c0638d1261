// What a saved profile holds, and the JSON schema conf validates the config file with.
// Secrets are never fields: a password comes from the env var `passwordEnv` names, a credentials
// file (cqlsh's format), or a prompt.

import { CONSISTENCY_LEVELS, OUTPUT_FORMATS, type Consistency, type OutputFormat } from '../cql/vocabulary.js';

export const AUTH_KINDS = ['none', 'password', 'sigv4'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];
export const PRESETS = ['keyspaces'] as const;
export const ENDPOINT_VARIANTS = ['standard', 'fips', 'dualstack'] as const;

export interface ProfileTls {
  /** CA files (PEM) */
  ca?: string[];
  /** trust the system roots as well as `ca` */
  systemRoots?: boolean;
  cert?: string;
  key?: string;
  /** verify certificate and host name (default true) */
  verify?: boolean;
  serverName?: string;
}

export interface Profile {
  preset?: (typeof PRESETS)[number];
  host?: string;
  port?: number;
  localDataCenter?: string;
  keyspace?: string;
  auth?: AuthKind;
  username?: string;
  /** name of the environment variable holding the password */
  passwordEnv?: string;
  /** cqlsh-format credentials file ([plain_text_auth] username/password) */
  credentialsFile?: string;
  region?: string;
  /** the ~/.aws profile SigV4 credentials come from */
  awsProfile?: string;
  /** seconds to wait for a configured AWS credential provider (credential_process, SSO, roles) */
  awsTimeout?: number;
  endpointVariant?: (typeof ENDPOINT_VARIANTS)[number];
  ssl?: boolean;
  tls?: ProfileTls;
  consistency?: Consistency;
  serialConsistency?: Consistency;
  /** seconds */
  connectTimeout?: number;
  requestTimeout?: number;
  pageSize?: number;
  format?: OutputFormat;
  color?: boolean;
  prompt?: string;
  /** the REPL's pager for results wider than the terminal: on ($PAGER, else less -SRXF; the default), off, or a command (TSCQLSH_PAGER overrides) */
  pager?: string;
  /** the pager takes results taller than the terminal too (TSCQLSH_PAGER_TALL overrides) */
  pagerTall?: boolean;
  /** syntax highlighting of the input (TSCQLSH_HIGHLIGHT overrides; never without colors) */
  highlight?: boolean;
  /** suggestions from history as you type (TSCQLSH_SUGGEST overrides) */
  suggest?: boolean;
  /** ask before destructive statements (on by default for the Keyspaces preset) */
  confirmDestructive?: boolean;
  /** refuse destructive statements */
  safe?: boolean;
  /** lines of history kept (TSCQLSH_HISTORY_SIZE overrides) */
  historySize?: number;
  secureConnectBundle?: string;
  /** Keyspaces: do not poll system_schema_mcs after DDL */
  skipSchemaWait?: boolean;
}

export interface ConfigFile {
  defaultProfile?: string;
  profiles?: Record<string, Profile>;
}

const str = { type: 'string', minLength: 1 };
const enumOf = (values: readonly string[]) => ({ type: 'string', enum: [...values] });

export const PROFILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    preset: enumOf(PRESETS),
    host: str,
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    localDataCenter: str,
    keyspace: str,
    auth: enumOf(AUTH_KINDS),
    username: str,
    passwordEnv: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    credentialsFile: str,
    region: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d+$' },
    awsProfile: str,
    awsTimeout: { type: 'number', exclusiveMinimum: 0 },
    endpointVariant: enumOf(ENDPOINT_VARIANTS),
    ssl: { type: 'boolean' },
    tls: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ca: { type: 'array', items: str },
        systemRoots: { type: 'boolean' },
        cert: str,
        key: str,
        verify: { type: 'boolean' },
        serverName: str,
      },
    },
    consistency: enumOf(CONSISTENCY_LEVELS),
    serialConsistency: enumOf(CONSISTENCY_LEVELS),
    connectTimeout: { type: 'number', exclusiveMinimum: 0 },
    requestTimeout: { type: 'number', exclusiveMinimum: 0 },
    pageSize: { type: 'integer', minimum: 1 },
    format: enumOf(OUTPUT_FORMATS),
    color: { type: 'boolean' },
    prompt: { type: 'string' },
    pager: { type: 'string' },
    pagerTall: { type: 'boolean' },
    highlight: { type: 'boolean' },
    suggest: { type: 'boolean' },
    confirmDestructive: { type: 'boolean' },
    safe: { type: 'boolean' },
    historySize: { type: 'integer', minimum: 1 },
    secureConnectBundle: str,
    skipSchemaWait: { type: 'boolean' },
  },
} as const;

/** conf's `schema` option: one JSON schema per top-level key. */
export const CONFIG_SCHEMA = {
  defaultProfile: { type: 'string' },
  profiles: { type: 'object', additionalProperties: PROFILE_SCHEMA },
} as const;

export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** A small validator (the same rules as the schema) for reading without conf, with paths for messages. */
export function validateConfig(data: unknown): { path: string[]; message: string } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { path: [], message: 'must hold a JSON object' };
  const top = data as Record<string, unknown>;
  for (const k of Object.keys(top)) {
    if (k === '__internal__') continue;
    if (!(k in CONFIG_SCHEMA)) return { path: [k], message: `unknown setting "${k}"` };
  }
  if (top.defaultProfile !== undefined && typeof top.defaultProfile !== 'string') return { path: ['defaultProfile'], message: 'must be a string' };
  if (top.profiles === undefined) return undefined;
  if (typeof top.profiles !== 'object' || top.profiles === null || Array.isArray(top.profiles)) return { path: ['profiles'], message: 'must be an object' };
  for (const [name, p] of Object.entries(top.profiles as Record<string, unknown>)) {
    const bad = check(PROFILE_SCHEMA as unknown as Schema, p);
    if (bad) return { path: ['profiles', name, ...bad.path], message: bad.message };
  }
  return undefined;
}

interface Schema {
  type?: string;
  enum?: string[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
}

function check(s: Schema, v: unknown): { path: string[]; message: string } | undefined {
  const fail = (message: string) => ({ path: [], message });
  switch (s.type) {
    case 'string':
      if (typeof v !== 'string') return fail('must be a string');
      if (s.enum && !s.enum.includes(v)) return fail(`must be one of ${s.enum.join(', ')}`);
      if (s.pattern && !new RegExp(s.pattern).test(v)) return fail(`is not valid: ${JSON.stringify(v)}`);
      if (s.minLength && v.length < s.minLength) return fail('must not be empty');
      return undefined;
    case 'boolean':
      return typeof v === 'boolean' ? undefined : fail('must be true or false');
    case 'integer':
    case 'number':
      if (typeof v !== 'number' || (s.type === 'integer' && !Number.isInteger(v))) return fail(`must be ${s.type === 'integer' ? 'an integer' : 'a number'}`);
      if (s.minimum !== undefined && v < s.minimum) return fail(`must be >= ${s.minimum}`);
      if (s.maximum !== undefined && v > s.maximum) return fail(`must be <= ${s.maximum}`);
      if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return fail(`must be > ${s.exclusiveMinimum}`);
      return undefined;
    case 'array':
      if (!Array.isArray(v)) return fail('must be a list');
      for (let i = 0; i < v.length; i++) {
        const bad = check(s.items!, v[i]);
        if (bad) return { path: [String(i), ...bad.path], message: bad.message };
      }
      return undefined;
    case 'object': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('must be an object');
      for (const [k, x] of Object.entries(v)) {
        const sub = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
        if (!sub) return { path: [k], message: `unknown setting "${k}"` };
        const bad = check(sub, x);
        if (bad) return { path: [k, ...bad.path], message: bad.message };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
