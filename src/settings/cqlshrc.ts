// cqlsh's own files, read as cqlsh 6.2 reads them: the cqlshrc (`--cqlshrc`, default
// ~/.cassandra/cqlshrc) and the credentials file (`--credentials`, [authentication] credentials,
// default next to the cqlshrc), with cqlsh's warnings word for word.
import fs from 'node:fs';
import path from 'node:path';
import { defaultCqlshrc, expandUser, isFileSecure } from '../util/paths.js';
import { iniGet, readIniFile, type Ini } from '../util/ini.js';

export interface Messages {
  stdout: string[];
  stderr: string[];
}

/** The cqlshrc cqlsh would read, with its warning when --cqlshrc names a missing file. */
export function locateCqlshrc(explicit: string | undefined, msgs: Messages, env: NodeJS.ProcessEnv = process.env): string {
  const fallback = defaultCqlshrc(env);
  if (explicit === undefined) return fallback;
  const file = expandUser(explicit, env);
  if (!fs.existsSync(file)) {
    msgs.stdout.push(`\nWarning: Specified cqlshrc location \`${file}\` does not exist.  Using \`${fallback}\` instead.\n\n`);
    return fallback;
  }
  return file;
}

export interface CqlshCredentials {
  username?: string;
  password?: string;
  /** the credentials file that was read (after the security check), if any */
  file?: string;
  /** the whole credentials file, for [<AuthProviderClass>] sections */
  ini: Ini;
}

/**
 * Username and password as cqlsh's read_options finds them: the command line, then the
 * credentials file's [plain_text_auth], then the cqlshrc's [authentication] (with its notice).
 */
export function cqlshCredentials(
  rcFile: string,
  rc: Ini,
  cli: { username?: string; password?: string; credentials?: string },
  msgs: Messages,
  env: NodeJS.ProcessEnv = process.env,
): CqlshCredentials {
  const rcUser = iniGet(rc, 'authentication', 'username');
  const rcPassword = iniGet(rc, 'authentication', 'password', true);
  if (rcUser || rcPassword) {
    let text = '';
    if (rcPassword && !isFileSecure(rcFile)) {
      text += '\nWarning: Password is found in an insecure cqlshrc file. The file is owned or readable by other users on the system.';
    }
    text +=
      '\nNotice: Credentials in the cqlshrc file is deprecated and will be ignored in the future.\nPlease use a credentials file to specify the username and password.\n\n';
    msgs.stderr.push(text);
  }
  let credFile: string | undefined = expandUser(
    cli.credentials ?? iniGet(rc, 'authentication', 'credentials') ?? path.join(path.dirname(rcFile), 'credentials'),
    env,
  );
  if (!isFileSecure(credFile)) {
    msgs.stderr.push(
      `\nWarning: Credentials file '${credFile}' exists but is not used, because:` +
        '\n  a. the file owner is not the current user; or' +
        '\n  b. the file is readable by group or other.' +
        '\nPlease ensure the file is owned by the current user and is not readable by group or other.' +
        '\nOn a Linux or UNIX-like system, you often can do this by using the `chown` and `chmod` commands:' +
        '\n  chown YOUR_USERNAME credentials' +
        '\n  chmod 600 credentials\n\n',
    );
    credFile = undefined;
  }
  const ini = readIniFile(credFile);
  const out: CqlshCredentials = { ini, file: credFile && fs.existsSync(credFile) ? credFile : undefined };
  out.username = cli.username || (iniGet(ini, 'plain_text_auth', 'username') ?? rcUser);
  if (!cli.password) {
    out.password = iniGet(ini, 'plain_text_auth', 'password', true) ?? rcPassword;
  } else {
    out.password = cli.password;
    msgs.stderr.push(
      '\nWarning: Using a password on the command line interface can be insecure.' +
        '\nRecommendation: use the credentials file to securely provide the password.\n\n',
    );
  }
  return out;
}

export interface AuthProviderSection {
  module?: string;
  classname?: string;
  settings: Record<string, string>;
}

/** [auth_provider] merged with the credentials file's [<classname>] section, as load_auth_provider does. */
export function authProviderSection(rcFile: string, rc: Ini, creds: Ini, msgs: Messages): AuthProviderSection | undefined {
  const sec = rc.get('auth_provider');
  if (!sec) return undefined;
  const settings: Record<string, string> = {};
  for (const [k, v] of sec) settings[k] = v.replace(/%%/g, '%');
  const module = settings.module;
  const classname = settings.classname;
  delete settings.module;
  delete settings.classname;
  const isPlain = (module ?? 'cassandra.auth') === 'cassandra.auth' && (classname ?? 'PlainTextAuthProvider') === 'PlainTextAuthProvider';
  if (isPlain && 'password' in settings) {
    let text = '';
    if (!isFileSecure(rcFile)) {
      text += '\nWarning: Password is found in an insecure cqlshrc file.\n                    The file is owned or readable by other users on the system.';
    }
    text +=
      '\nNotice: Credentials in the cqlshrc file is deprecated and\n        will be ignored in the future.\n\n        Please use a credentials file to\n        specify the username and password.\n\n';
    msgs.stderr.push(text);
  }
  const fromCreds = creds.get(classname ?? 'PlainTextAuthProvider');
  if (fromCreds) for (const [k, v] of fromCreds) settings[k] = v;
  return { module, classname, settings };
}

/** cqlsh-expansion / cassandra-sigv4 setups: `classname = SigV4AuthProvider`. */
export function isSigV4Provider(p: AuthProviderSection | undefined): boolean {
  return Boolean(p && /sigv4/i.test(`${p.module ?? ''} ${p.classname ?? ''}`));
}
