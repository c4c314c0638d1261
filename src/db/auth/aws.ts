// AWS credentials and region for SigV4: the standard Node provider chain (env, SSO, web identity,
// ~/.aws profiles, process, container, IMDS), bounded so a machine without credentials fails fast
// with a message that says where we looked. The SDK is imported only when SigV4 is used.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AwsCredentials } from './sigv4-sign.js';

export type CredentialSource = () => Promise<AwsCredentials & { expiration?: Date }>;

export class AwsCredentialsError extends Error {
  override name = 'AwsCredentialsError';
}

/** What to say when the server rejects the signature. */
export const SIGV4_REJECTED_HINT = 'SigV4 authentication failed: check the region, the system clock and the access key and secret.';

/** How long the whole chain may take before we give up (IMDS is the slow link). */
export const CREDENTIALS_DEADLINE_MS = 1500;

function awsProfileName(env: NodeJS.ProcessEnv, profile?: string): string {
  return profile ?? env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE ?? 'default';
}

export function whereCredentialsWereLooked(env: NodeJS.ProcessEnv = process.env, profile?: string): string {
  const home = os.homedir();
  const creds = env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials');
  const config = env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config');
  return [
    'environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN)',
    `AWS profile "${awsProfileName(env, profile)}" in ${creds} and ${config} (static keys, SSO, credential_process, role assumption)`,
    'a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN)',
    'container credentials (AWS_CONTAINER_CREDENTIALS_*_URI)',
    'EC2 instance metadata (IMDS)',
  ].join('; ');
}

/** The default provider chain, memoized by the SDK (expiring credentials are refreshed when asked again). */
export async function defaultCredentialSource(o: { profile?: string } = {}): Promise<CredentialSource> {
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  const chain = fromNodeProviderChain({ profile: o.profile, timeout: 1000, maxRetries: 0 });
  return async () => {
    const c = await chain();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration };
  };
}

/** Asks the source once, within the deadline; failures name where credentials were looked for. */
export async function fetchCredentials(
  source: CredentialSource,
  o: { deadlineMs?: number; env?: NodeJS.ProcessEnv; profile?: string } = {},
): Promise<AwsCredentials> {
  const deadline = o.deadlineMs ?? CREDENTIALS_DEADLINE_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadline} ms`)), deadline);
    timer.unref();
  });
  try {
    const c = await Promise.race([source(), timeout]);
    if (!c.accessKeyId || !c.secretAccessKey) throw new Error('the credentials found have no access key or secret');
    return c;
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new AwsCredentialsError(
      `No AWS credentials for SigV4 (${why}). Looked in: ${whereCredentialsWereLooked(o.env, o.profile)}.`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Minimal INI reading for ~/.aws/config: section → key → value. */
function readIni(file: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return out;
  }
  let cur: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const sec = /^\[(.+)\]$/.exec(line);
    if (sec) {
      cur = new Map();
      out.set(sec[1].trim(), cur);
      continue;
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (kv && cur) cur.set(kv[1].toLowerCase(), kv[2]);
  }
  return out;
}

/** Region: the profile's, then AWS_REGION, AWS_DEFAULT_REGION, then the AWS config profile's. */
export function resolveRegion(fromProfile: string | undefined, env: NodeJS.ProcessEnv = process.env, awsProfile?: string): string | undefined {
  if (fromProfile) return fromProfile;
  if (env.AWS_REGION) return env.AWS_REGION;
  if (env.AWS_DEFAULT_REGION) return env.AWS_DEFAULT_REGION;
  const file = env.AWS_CONFIG_FILE ?? path.join(os.homedir(), '.aws', 'config');
  const ini = readIni(file);
  const name = awsProfileName(env, awsProfile);
  const sec = ini.get(name === 'default' ? 'default' : `profile ${name}`) ?? ini.get(name);
  return sec?.get('region') || undefined;
}
