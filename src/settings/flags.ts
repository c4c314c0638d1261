// What the command line says for one run, as the CLI parser (cli/args.ts, from the option table
// cli/options.ts) fills it in and the settings read it (flags > env > profile > cqlshrc > defaults).
// Declared here so that settings/ never imports cli/.

export interface CliArgs {
  host?: string;
  port?: number;
  execute?: string;
  file?: string;
  keyspace?: string;
  username?: string;
  password?: string;
  profile?: string;
  /** --no-profile: no saved profile, not even the default */
  noProfile?: boolean;
  color?: boolean;
  /** --ssl (true) / --no-ssl (false) */
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
  localDc?: string;
  endpoint?: string;
  awsProfile?: string;
  /** seconds to wait for a configured AWS credential provider */
  awsTimeout?: number;
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
  // the interactive shell's extras (on|off flags)
  highlight?: boolean;
  suggest?: boolean;
  pager?: string;
  pagerTall?: boolean;
  confirmDestructive?: boolean;
  safe?: boolean;
}
