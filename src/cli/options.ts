// The one table of tscqlsh's options: each row is a command-line flag (cqlsh's own and tscqlsh's),
// a field `profile add/edit` sets, or both. The CLI parser (args.ts), the profile parser
// (profile-args.ts), both help texts and the completion scripts (completion.ts) are built from it,
// so a flag cannot exist in one place and be missing in another. Kept free of heavy imports.
import { AUTH_KINDS, ENDPOINT_VARIANTS, PRESETS, type Profile, type ProfileTls } from '../settings/profile-schema.js';
import { CONSISTENCY_LEVELS, OUTPUT_FORMATS } from '../cql/vocabulary.js';
import type { CliArgs } from '../settings/flags.js';

// the run's flags as settings reads them (settings/flags.ts), re-exported for the CLI's modules
export type { CliArgs };

export type ProfileField = [Exclude<keyof Profile, 'tls'>] | ['tls', keyof ProfileTls];

export interface CliOption {
  long: string;
  short?: string;
  /** the run's setting (absent: `profile add/edit` only) */
  arg?: keyof CliArgs;
  /** the kind of value it takes (absent: a switch); `onoff`: on or off, a boolean */
  value?: 'string' | 'int' | 'number' | 'onoff';
  /** what a switch sets on the run */
  set?: unknown;
  /** the profile field it sets (absent: command line only) */
  field?: ProfileField;
  /** what a switch sets in the profile, when not `set` */
  fieldValue?: unknown;
  /** profile: each use adds to a list */
  repeat?: boolean;
  choices?: readonly string[];
  /** the value is upper-cased (consistency levels) */
  upper?: boolean;
  /** the value is a file name (completion) */
  file?: boolean;
  /** giving it turns TLS on, unless --no-ssl says otherwise */
  impliesSsl?: boolean;
  metavar?: string;
  help: string;
}

/** The values of an `onoff` option. */
export const ON_OFF = ['on', 'off'] as const;

/** An `onoff` option's value as a boolean, or undefined when it is neither on nor off. */
export function onOffValue(raw: string): boolean | undefined {
  const v = raw.toLowerCase();
  return v === 'on' ? true : v === 'off' ? false : undefined;
}

export const OPTIONS: CliOption[] = [
  { short: 'h', long: 'help', arg: 'help', set: true, help: 'show this help message and exit' },
  { short: 'v', long: 'version', arg: 'version', set: true, help: "show program's version number and exit" },
  { short: 'C', long: 'color', arg: 'color', set: true, field: ['color'], help: 'Always use color output' },
  { long: 'no-color', arg: 'color', set: false, field: ['color'], help: 'Never use color output' },
  { long: 'ssl', arg: 'ssl', set: true, field: ['ssl'], help: 'Use SSL' },
  { long: 'no-ssl', arg: 'ssl', set: false, field: ['ssl'], help: 'Do not use TLS (overrides the profile).' },
  { short: 'u', long: 'username', arg: 'username', value: 'string', field: ['username'], help: 'Authenticate as user.' },
  { long: 'password', arg: 'password', value: 'string', help: 'Authenticate using password.' },
  { short: 'p', long: 'profile', arg: 'profile', value: 'string', metavar: 'NAME', help: 'Use the saved connection profile NAME.' },
  { long: 'no-profile', arg: 'noProfile', set: true, help: 'Use no saved profile, not even the default one.' },
  { short: 'k', long: 'keyspace', arg: 'keyspace', value: 'string', field: ['keyspace'], help: 'Authenticate to the given keyspace.' },
  { short: 'f', long: 'file', arg: 'file', value: 'string', file: true, help: 'Execute commands from FILE, then exit' },
  { long: 'debug', arg: 'debug', set: true, help: 'Show additional debugging information' },
  { long: 'encoding', arg: 'encoding', value: 'string', help: 'Specify a non-default encoding for output. (Default: utf-8)' },
  { long: 'cqlshrc', arg: 'cqlshrc', value: 'string', file: true, help: 'Specify an alternative cqlshrc file location.' },
  {
    long: 'credentials',
    arg: 'credentials',
    value: 'string',
    file: true,
    field: ['credentialsFile'],
    help: 'Specify an alternative credentials file location.',
  },
  { long: 'cqlversion', arg: 'cqlversion', value: 'string', help: 'Specify a particular CQL version.' },
  { long: 'protocol-version', arg: 'protocolVersion', value: 'int', help: 'Specify a specific protocol version.' },
  { short: 'e', long: 'execute', arg: 'execute', value: 'string', help: 'Execute the statement and quit.' },
  {
    long: 'connect-timeout',
    arg: 'connectTimeout',
    value: 'number',
    field: ['connectTimeout'],
    help: 'Specify the connection timeout in seconds (default: 5 seconds).',
  },
  {
    long: 'request-timeout',
    arg: 'requestTimeout',
    value: 'number',
    field: ['requestTimeout'],
    help: 'Specify the default request timeout in seconds (default: 10 seconds).',
  },
  { short: 't', long: 'tty', arg: 'tty', set: true, help: 'Force tty mode (command prompt).' },
  { long: 'no-tty', arg: 'tty', set: false, help: 'Never use the interactive prompt, even on a terminal.' },
  { long: 'disable-history', arg: 'disableHistory', set: true, help: 'Disable saving of history' },
  {
    long: 'format',
    arg: 'format',
    value: 'string',
    field: ['format'],
    choices: OUTPUT_FORMATS,
    metavar: 'FMT',
    help: 'Output format: table, expanded, csv, json, ndjson or box.',
  },
  { long: 'host', arg: 'host', value: 'string', field: ['host'], help: 'Host to connect to (overrides the profile).' },
  { long: 'port', arg: 'port', value: 'int', field: ['port'], help: 'Port to connect to (overrides the profile).' },
  { long: 'local-dc', arg: 'localDc', value: 'string', field: ['localDataCenter'], metavar: 'DC', help: 'Local data center (Amazon Keyspaces: the region).' },
  { long: 'auth', arg: 'auth', value: 'string', field: ['auth'], choices: AUTH_KINDS, metavar: 'KIND', help: 'Authentication: none, password or sigv4.' },
  { long: 'region', arg: 'region', value: 'string', field: ['region'], help: 'AWS region for SigV4 (Amazon Keyspaces).' },
  {
    long: 'endpoint',
    arg: 'endpoint',
    value: 'string',
    field: ['endpointVariant'],
    choices: ENDPOINT_VARIANTS,
    metavar: 'KIND',
    help: 'Amazon Keyspaces endpoint: standard, fips or dualstack.',
  },
  { long: 'aws-profile', arg: 'awsProfile', value: 'string', field: ['awsProfile'], metavar: 'NAME', help: 'AWS profile SigV4 credentials come from.' },
  {
    long: 'aws-timeout',
    arg: 'awsTimeout',
    value: 'number',
    field: ['awsTimeout'],
    metavar: 'SECONDS',
    help: 'Wait this long for a configured AWS credential provider (default 60).',
  },
  {
    long: 'password-env',
    arg: 'passwordEnv',
    value: 'string',
    field: ['passwordEnv'],
    metavar: 'VAR',
    help: 'Read the password from environment variable VAR.',
  },
  {
    long: 'ca',
    arg: 'ca',
    value: 'string',
    field: ['tls', 'ca'],
    repeat: true,
    file: true,
    impliesSsl: true,
    metavar: 'FILE',
    help: 'Trust the certificate authorities in FILE (PEM); implies --ssl.',
  },
  {
    long: 'cert',
    arg: 'cert',
    value: 'string',
    field: ['tls', 'cert'],
    file: true,
    impliesSsl: true,
    metavar: 'FILE',
    help: 'Client certificate (PEM) for mutual TLS.',
  },
  { long: 'key', arg: 'key', value: 'string', field: ['tls', 'key'], file: true, metavar: 'FILE', help: 'Client private key (PEM) for mutual TLS.' },
  {
    long: 'ssl-no-verify',
    arg: 'sslNoVerify',
    set: true,
    field: ['tls', 'verify'],
    fieldValue: false,
    impliesSsl: true,
    help: 'Do not verify the server certificate (insecure).',
  },
  { long: 'ssl-verify', field: ['tls', 'verify'], fieldValue: true, help: 'Verify the server certificate (the default).' },
  {
    long: 'ssl-server-name',
    arg: 'sslServerName',
    value: 'string',
    field: ['tls', 'serverName'],
    impliesSsl: true,
    metavar: 'NAME',
    help: 'Server name for SNI and certificate checks.',
  },
  { long: 'ssl-system-roots', arg: 'sslSystemRoots', set: true, field: ['tls', 'systemRoots'], help: 'Trust the system roots as well as --ca.' },
  {
    long: 'consistency',
    arg: 'consistency',
    value: 'string',
    field: ['consistency'],
    choices: CONSISTENCY_LEVELS,
    upper: true,
    metavar: 'LEVEL',
    help: 'Initial consistency level.',
  },
  {
    long: 'serial-consistency',
    value: 'string',
    field: ['serialConsistency'],
    choices: CONSISTENCY_LEVELS,
    upper: true,
    metavar: 'LEVEL',
    help: 'Initial serial consistency level.',
  },
  { long: 'page-size', value: 'int', field: ['pageSize'], metavar: 'ROWS', help: 'Rows per page.' },
  { long: 'prompt', value: 'string', field: ['prompt'], metavar: 'TEXT', help: 'Prompt text.' },
  {
    long: 'pager',
    arg: 'pager',
    value: 'string',
    field: ['pager'],
    metavar: 'PAGER',
    help: 'Pager for results wider than the terminal: on ($PAGER, else less -SRXF; the default), off, or a command.',
  },
  {
    long: 'pager-tall',
    arg: 'pagerTall',
    value: 'onoff',
    choices: ON_OFF,
    field: ['pagerTall'],
    metavar: 'on|off',
    help: 'Also page results taller than the terminal (instead of ---MORE---).',
  },
  {
    long: 'highlight',
    arg: 'highlight',
    value: 'onoff',
    choices: ON_OFF,
    field: ['highlight'],
    metavar: 'on|off',
    help: 'Syntax highlighting of the statement being typed (default on; off without colors).',
  },
  {
    long: 'suggest',
    arg: 'suggest',
    value: 'onoff',
    choices: ON_OFF,
    field: ['suggest'],
    metavar: 'on|off',
    help: 'Suggest the rest of a statement from history as you type (default on).',
  },
  {
    long: 'confirm-destructive',
    arg: 'confirmDestructive',
    value: 'onoff',
    choices: ON_OFF,
    field: ['confirmDestructive'],
    metavar: 'on|off',
    help: 'Ask before DROP, TRUNCATE, DELETE without a full key, ALTER ... DROP (default: on for Amazon Keyspaces, else off).',
  },
  { long: 'safe', arg: 'safe', set: true, field: ['safe'], help: 'Refuse those destructive statements (batch mode too), with an error.' },
  { long: 'history-size', value: 'int', field: ['historySize'], metavar: 'LINES', help: 'Lines of REPL history kept.' },
  {
    long: 'preset',
    arg: 'preset',
    value: 'string',
    field: ['preset'],
    choices: PRESETS,
    metavar: 'NAME',
    help: 'Start from a preset (keyspaces); on the command line, without a saved profile.',
  },
  {
    long: 'secure-connect-bundle',
    arg: 'secureConnectBundle',
    value: 'string',
    field: ['secureConnectBundle'],
    file: true,
    metavar: 'ZIP',
    help: 'DataStax Astra secure connect bundle (zip).',
  },
  { long: 'skip-schema-wait', field: ['skipSchemaWait'], fieldValue: true, help: 'Amazon Keyspaces: do not wait for DDL to be ACTIVE.' },
];

/** The flags of a plain run (cqlsh's and tscqlsh's). */
export const RUN_OPTIONS = OPTIONS.filter((o) => o.arg !== undefined);
/** The flags of `profile add/edit/import-cqlshrc`: each sets one profile field. */
export const PROFILE_OPTIONS = OPTIONS.filter((o) => o.field !== undefined);

/** The value a switch gives its profile field. */
export const switchFieldValue = (o: CliOption): unknown => (o.fieldValue !== undefined ? o.fieldValue : o.set);

/** `-u, --username USERNAME` as help shows it. */
export function optionNames(o: CliOption, withShort = true): string {
  const meta = o.value ? ` ${o.metavar ?? o.long.toUpperCase().replace(/-/g, '_')}` : '';
  return [withShort && o.short ? `-${o.short}` : undefined, `--${o.long}`]
    .filter(Boolean)
    .map((n) => n + meta)
    .join(', ');
}

/** Help lines for a list of options, argparse-style (the description at column 24). */
export function optionLines(opts: CliOption[], withShort = true): string[] {
  return opts.map((o) => {
    const left = `  ${optionNames(o, withShort)}`;
    return left.length < 24 ? left.padEnd(24) + o.help : `${left}\n${' '.repeat(24)}${o.help}`;
  });
}
