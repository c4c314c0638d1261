// From resolved settings to a connected Session: prints cqlsh's warnings, asks for a missing
// password on a terminal, builds the SigV4 provider (failing fast without AWS credentials), and
// explains TLS and SigV4 failures.
import type { CliArgs } from './flags.js';
import { BundleError } from '../db/cloud.js';
import { authHint, describeConnectError } from '../db/errors.js';
import { Session } from '../db/session.js';
import { tlsHint, TlsConfigError } from '../db/tls.js';
import { resolveSettings, SettingsError, type ResolvedSettings } from './connection.js';
import { ConfigFileError } from './profiles.js';
import { IniError } from '../util/ini.js';
import { displaySettings } from './display.js';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
}

const defaultIo = (): Io => ({
  stdout: process.stdout,
  stderr: process.stderr,
  // a getter: process.stdin sets up a stream when first read, which -e and -f never need
  get stdin() {
    return process.stdin;
  },
  env: process.env,
});

/** Reads a password from the terminal without echo. */
export function promptPassword(io: Io, label = 'Password: '): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = io.stdin;
    io.stderr.write(label);
    let value = '';
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err?: Error) => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.off('data', onData);
      io.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Connection aborted.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function openSession(
  args: CliArgs,
  io: Io = defaultIo(),
  /** called once the settings are resolved, before connecting (--debug prints them) */
  onSettings?: (settings: ResolvedSettings) => void,
): Promise<{ session: Session; settings: ResolvedSettings } | number> {
  let settings: ResolvedSettings;
  try {
    settings = resolveSettings(args, io.env);
  } catch (e) {
    if (e instanceof SettingsError || e instanceof ConfigFileError || e instanceof IniError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  onSettings?.(settings);
  for (const m of settings.messages.stdout) io.stdout.write(m);
  for (const m of settings.messages.stderr) io.stderr.write(m);
  // cqlsh reports a time zone it does not know after its files' warnings, before connecting
  const display = displaySettings(settings.ui, io.env);
  settings.display = display.format;
  for (const w of display.warnings) io.stderr.write(w);
  const conn = settings.connect;
  conn.onProgress ??= (text) => io.stderr.write(text);
  if (io.env.TSCQLSH_SCHEMA_POLL_MS) conn.schemaPollMs = Number(io.env.TSCQLSH_SCHEMA_POLL_MS);

  if (settings.needsPassword) {
    if (io.stdin.isTTY) {
      try {
        conn.password = await promptPassword(io);
      } catch (e) {
        io.stderr.write(`${(e as Error).message}\n`);
        return 1;
      }
    } else {
      const env = settings.needsPassword.passwordEnv;
      io.stderr.write(
        `No password for user '${settings.needsPassword.username}'${env ? `: environment variable ${env} is not set` : ''}. ` +
          'Give it with --password-env VAR, a credentials file ([plain_text_auth] password = ...), or run on a terminal to be asked.\n',
      );
      return 1;
    }
  }

  if (settings.sigv4) {
    const { resolveRegion, defaultCredentialSource, fetchCredentials, AwsCredentialsError } = await import('../db/auth/aws.js');
    const region = resolveRegion(settings.sigv4.region, io.env, settings.sigv4.awsProfile);
    if (!region) {
      io.stderr.write('SigV4 needs an AWS region: give --region, set it in the profile, or set AWS_REGION / AWS_DEFAULT_REGION, or region in ~/.aws/config.\n');
      return 1;
    }
    const fixed = settings.sigv4.staticCredentials;
    const source = fixed
      ? async () => fixed
      : await defaultCredentialSource({ profile: settings.sigv4.awsProfile, env: io.env, timeoutMs: settings.sigv4.timeoutMs });
    try {
      await fetchCredentials(source, { env: io.env, profile: settings.sigv4.awsProfile });
    } catch (e) {
      if (e instanceof AwsCredentialsError) {
        io.stderr.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    const { SigV4AuthProvider } = await import('../db/auth/sigv4.js');
    conn.authProvider = new SigV4AuthProvider(region, source);
    conn.localDataCenter ??= conn.keyspacesService ? region : undefined;
  }

  try {
    return { session: await Session.connect(conn), settings };
  } catch (e) {
    if (e instanceof TlsConfigError || e instanceof BundleError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    io.stderr.write(describeConnectError(e, conn.host, conn.port, conn.connectTimeoutMs) + '\n');
    const hint =
      tlsHint(e, Boolean(conn.tls)) ??
      authHint(e) ??
      (settings.sigv4 && /signature|sigv4|authenticat/i.test(String((e as Error)?.message) + JSON.stringify(innerMessages(e)))
        ? (await import('../db/auth/aws.js')).SIGV4_REJECTED_HINT
        : undefined);
    if (hint) io.stderr.write(`${hint}\n`);
    return 1;
  }
}

function innerMessages(e: unknown): string[] {
  const inner = (e as { innerErrors?: Record<string, Error> })?.innerErrors;
  return inner ? Object.values(inner).map((x) => String(x?.message)) : [];
}
