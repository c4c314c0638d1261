// Command-line flags, as cqlsh 6.2 takes them (argparse rules: `-e X`, `-eX`, `--execute X`,
// `--execute=X`, positional `[host [port]]`), plus tscqlsh's own. One deliberate difference:
// `-p` is `--profile NAME`; the password has only the long form `--password` (docs/compat.md).

export interface CliArgs {
  host?: string;
  port?: number;
  execute?: string;
  file?: string;
  keyspace?: string;
  username?: string;
  password?: string;
  profile?: string;
  color?: boolean;
  ssl?: boolean;
  tty?: boolean;
  debug?: boolean;
  version?: boolean;
  help?: boolean;
  encoding?: string;
  cqlshrc?: string;
  credentials?: string;
  cqlversion?: string;
  protocolVersion?: number;
  connectTimeout?: number;
  requestTimeout?: number;
  disableHistory?: boolean;
  format?: string;
  /** subcommand words (profile, completion) and their own arguments */
  subcommand?: string[];
  // connection flags that override the profile (src/settings/connection.ts)
  auth?: string;
  region?: string;
  awsProfile?: string;
  passwordEnv?: string;
  ca?: string;
  cert?: string;
  key?: string;
  sslNoVerify?: boolean;
  sslServerName?: string;
  sslSystemRoots?: boolean;
  consistency?: string;
  secureConnectBundle?: string;
  preset?: string;
}

interface Spec {
  short?: string;
  long: string;
  key: keyof CliArgs;
  value?: 'string' | 'int' | 'number';
  set?: unknown;
  help: string;
  metavar?: string;
}

export const SPECS: Spec[] = [
  { short: 'h', long: 'help', key: 'help', set: true, help: 'show this help message and exit' },
  { short: 'v', long: 'version', key: 'version', set: true, help: "show program's version number and exit" },
  { short: 'C', long: 'color', key: 'color', set: true, help: 'Always use color output' },
  { long: 'no-color', key: 'color', set: false, help: 'Never use color output' },
  { long: 'ssl', key: 'ssl', set: true, help: 'Use SSL' },
  { short: 'u', long: 'username', key: 'username', value: 'string', help: 'Authenticate as user.' },
  { long: 'password', key: 'password', value: 'string', help: 'Authenticate using password.' },
  { short: 'p', long: 'profile', key: 'profile', value: 'string', help: 'Use the saved connection profile NAME.', metavar: 'NAME' },
  { short: 'k', long: 'keyspace', key: 'keyspace', value: 'string', help: 'Authenticate to the given keyspace.' },
  { short: 'f', long: 'file', key: 'file', value: 'string', help: 'Execute commands from FILE, then exit' },
  { long: 'debug', key: 'debug', set: true, help: 'Show additional debugging information' },
  { long: 'encoding', key: 'encoding', value: 'string', help: 'Specify a non-default encoding for output. (Default: utf-8)' },
  { long: 'cqlshrc', key: 'cqlshrc', value: 'string', help: 'Specify an alternative cqlshrc file location.' },
  { long: 'credentials', key: 'credentials', value: 'string', help: 'Specify an alternative credentials file location.' },
  { long: 'cqlversion', key: 'cqlversion', value: 'string', help: 'Specify a particular CQL version.' },
  { long: 'protocol-version', key: 'protocolVersion', value: 'int', help: 'Specify a specific protocol version.' },
  { short: 'e', long: 'execute', key: 'execute', value: 'string', help: 'Execute the statement and quit.' },
  { long: 'connect-timeout', key: 'connectTimeout', value: 'number', help: 'Specify the connection timeout in seconds (default: 5 seconds).' },
  { long: 'request-timeout', key: 'requestTimeout', value: 'number', help: 'Specify the default request timeout in seconds (default: 10 seconds).' },
  { short: 't', long: 'tty', key: 'tty', set: true, help: 'Force tty mode (command prompt).' },
  { long: 'no-tty', key: 'tty', set: false, help: 'Never use the interactive prompt, even on a terminal.' },
  { long: 'disable-history', key: 'disableHistory', set: true, help: 'Disable saving of history' },
  { long: 'format', key: 'format', value: 'string', help: 'Output format: table, expanded, csv, json, ndjson or box.', metavar: 'FMT' },
  { long: 'host', key: 'host', value: 'string', help: 'Host to connect to (overrides the profile).' },
  { long: 'port', key: 'port', value: 'int', help: 'Port to connect to (overrides the profile).' },
  { long: 'auth', key: 'auth', value: 'string', help: 'Authentication: none, password or sigv4.', metavar: 'KIND' },
  { long: 'region', key: 'region', value: 'string', help: 'AWS region for SigV4 (Amazon Keyspaces).' },
  { long: 'aws-profile', key: 'awsProfile', value: 'string', help: 'AWS profile SigV4 credentials come from.', metavar: 'NAME' },
  { long: 'password-env', key: 'passwordEnv', value: 'string', help: 'Read the password from environment variable VAR.', metavar: 'VAR' },
  { long: 'ca', key: 'ca', value: 'string', help: 'Trust the certificate authorities in FILE (PEM); implies --ssl.', metavar: 'FILE' },
  { long: 'cert', key: 'cert', value: 'string', help: 'Client certificate (PEM) for mutual TLS.', metavar: 'FILE' },
  { long: 'key', key: 'key', value: 'string', help: 'Client private key (PEM) for mutual TLS.', metavar: 'FILE' },
  { long: 'ssl-no-verify', key: 'sslNoVerify', set: true, help: 'Do not verify the server certificate (insecure).' },
  { long: 'ssl-server-name', key: 'sslServerName', value: 'string', help: 'Server name for SNI and certificate checks.', metavar: 'NAME' },
  { long: 'ssl-system-roots', key: 'sslSystemRoots', set: true, help: 'Trust the system roots as well as --ca.' },
  { long: 'consistency', key: 'consistency', value: 'string', help: 'Initial consistency level.', metavar: 'LEVEL' },
  { long: 'preset', key: 'preset', value: 'string', help: 'Connect with a preset (keyspaces) without a saved profile.', metavar: 'NAME' },
  { long: 'secure-connect-bundle', key: 'secureConnectBundle', value: 'string', help: 'DataStax Astra secure connect bundle (zip).', metavar: 'ZIP' },
];

export const SUBCOMMANDS = ['profile', 'completion'];

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = {};
  const positionals: string[] = [];
  const byShort = new Map(SPECS.filter((s) => s.short).map((s) => [s.short!, s]));
  const byLong = new Map(SPECS.map((s) => [s.long, s]));
  const take = (spec: Spec, raw: string | undefined, flag: string) => {
    if (spec.value === undefined) {
      (out as Record<string, unknown>)[spec.key] = spec.set;
      return;
    }
    if (raw === undefined) throw new UsageError(`argument ${flag}: expected one argument`);
    let v: unknown = raw;
    if (spec.value === 'int' || spec.value === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || (spec.value === 'int' && !Number.isInteger(n))) {
        throw new UsageError(`argument ${flag}: invalid ${spec.value} value: '${raw}'`);
      }
      v = n;
    }
    (out as Record<string, unknown>)[spec.key] = v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (i === 0 && SUBCOMMANDS.includes(a)) {
      out.subcommand = argv.slice();
      return out;
    }
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const spec = byLong.get(name);
      if (!spec) throw new UsageError(`unrecognized arguments: ${a}`);
      const flag = spec.short ? `-${spec.short}/--${spec.long}` : `--${spec.long}`;
      if (spec.value === undefined && eq >= 0) throw new UsageError(`argument ${flag}: ignored explicit argument '${a.slice(eq + 1)}'`);
      take(spec, eq >= 0 ? a.slice(eq + 1) : spec.value ? argv[++i] : undefined, flag);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // a cluster of short flags: -Ct, -efoo, -e foo
      for (let j = 1; j < a.length; j++) {
        const spec = byShort.get(a[j]);
        if (!spec) throw new UsageError(`unrecognized arguments: ${a}`);
        const flag = `-${spec.short}/--${spec.long}`;
        if (spec.value) {
          const rest = a.slice(j + 1);
          take(spec, rest !== '' ? rest : argv[++i], flag);
          break;
        }
        take(spec, undefined, flag);
      }
      continue;
    }
    positionals.push(a);
  }
  if (positionals.length > 2) throw new UsageError(`unrecognized arguments: ${positionals.slice(2).join(' ')}`);
  if (positionals[0] !== undefined) out.host = positionals[0];
  if (positionals[1] !== undefined) {
    const port = Number(positionals[1]);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`invalid port: '${positionals[1]}'`);
    out.port = port;
  }
  return out;
}

export const USAGE = 'Usage: tscqlsh [options] [host [port]]';

export function helpText(): string {
  const lines = [`usage: ${USAGE}`, '       tscqlsh profile add|edit|list|show|remove|default ...', '       tscqlsh completion bash|zsh|fish', '', 'CQL Shell for Apache Cassandra, ScyllaDB and Amazon Keyspaces', '', 'options:'];
  for (const s of SPECS) {
    const names = [s.short ? `-${s.short}` : undefined, `--${s.long}`].filter(Boolean);
    const meta = s.value ? ` ${s.metavar ?? s.long.toUpperCase().replace(/-/g, '_')}` : '';
    const left = `  ${names.map((n) => n + meta).join(', ')}`;
    lines.push(left.length < 24 ? left.padEnd(24) + s.help : `${left}\n${' '.repeat(24)}${s.help}`);
  }
  lines.push(
    '',
    'Connects to 127.0.0.1:9042 by default. These defaults can be changed by',
    'setting $CQLSH_HOST and/or $CQLSH_PORT. When a host (and optional port number)',
    'are given on the command line, they take precedence over any defaults.',
  );
  return lines.join('\n');
}
