// AWS credentials and region for SigV4, found in the AWS CLI's documented order: environment keys
// (unless an AWS profile is named explicitly: --aws-profile), the AWS profile (role assumption, SSO,
// static keys, credential_process), web identity, container credentials, EC2 instance metadata.
// A provider that is configured gets as long as the AWS CLI would give it (--aws-timeout, default
// 60 s) and a slow one is named; with nothing configured only IMDS is asked, once, for 1 s (the
// CLI's metadata_service_timeout), so a machine without credentials fails fast and says where it
// looked. The SDK is imported only when SigV4 is used.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { AwsCredentials } from './sigv4-sign.js';
import { readIniFile } from '../../util/ini.js';

export type CredentialSource = () => Promise<AwsCredentials & { expiration?: Date }>;

export class AwsCredentialsError extends Error {
  override name = 'AwsCredentialsError';
}

/** What to say when the server rejects the signature. */
export const SIGV4_REJECTED_HINT = 'SigV4 authentication failed: check the region, the system clock and the access key and secret.';

/** How long a configured provider may take (credential_process, SSO refresh, role assumption): the CLI's 60 s socket timeouts. */
export const CONFIGURED_PROVIDER_TIMEOUT_MS = 60_000;
/** The AWS CLI's metadata_service_timeout (1 s, one attempt): IMDS is asked only when nothing else is configured. */
export const IMDS_TIMEOUT_MS = 1000;

function awsProfileName(env: NodeJS.ProcessEnv, profile?: string): string {
  return profile ?? env.AWS_PROFILE ?? env.AWS_DEFAULT_PROFILE ?? 'default';
}

function awsFiles(env: NodeJS.ProcessEnv): { credentials: string; config: string } {
  const home = env.HOME || os.homedir();
  return {
    credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials'),
    config: env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config'),
  };
}

export function whereCredentialsWereLooked(env: NodeJS.ProcessEnv = process.env, profile?: string): string {
  const { credentials, config } = awsFiles(env);
  return [
    ...(profile ? [] : ['environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN)']),
    `AWS profile "${awsProfileName(env, profile)}" in ${credentials} and ${config} (static keys, SSO, credential_process, role assumption)`,
    'a web identity token (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN)',
    'container credentials (AWS_CONTAINER_CREDENTIALS_*_URI)',
    env.AWS_EC2_METADATA_DISABLED?.toLowerCase() === 'true' ? 'EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)' : 'EC2 instance metadata (IMDS)',
  ].join('; ');
}

/** What the named AWS profile configures, in the order the CLI tries it: a description of its provider, if any. */
export function profileProvider(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const { credentials, config } = awsFiles(env);
  const fromConfig = readIni(config);
  const sections = [readIni(credentials).get(name), fromConfig.get(name === 'default' ? 'default' : `profile ${name}`) ?? fromConfig.get(name)];
  const has = (k: string | RegExp) => sections.some((sec) => sec && [...sec.keys()].some((key) => (typeof k === 'string' ? key === k : k.test(key))));
  const label = `AWS profile "${name}"`;
  if (has('role_arn')) return `role assumption of ${label}`;
  if (has(/^sso_/)) return `SSO of ${label}`;
  if (has('aws_access_key_id')) return `the keys of ${label}`;
  if (has('credential_process')) return `credential_process of ${label}`;
  if (has('web_identity_token_file')) return `web identity of ${label}`;
  return undefined;
}

function profileSetting(env: NodeJS.ProcessEnv, name: string, key: string): string | undefined {
  const { credentials, config } = awsFiles(env);
  const fromConfig = readIni(config);
  return readIni(credentials).get(name)?.get(key) ?? (fromConfig.get(name === 'default' ? 'default' : `profile ${name}`) ?? fromConfig.get(name))?.get(key);
}

/** Runs a credential_process command (the AWS CLI's JSON, Version 1); stopped, with its children, when `signal` aborts. */
export function processCredentials(command: string, signal?: AbortSignal): Promise<Awaited<ReturnType<CredentialSource>>> {
  return new Promise((resolve, reject) => {
    // node:child_process loads here only: region lookup (settings/connection.ts) is on every start-up's path
    const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let err = '';
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
    };
    signal?.addEventListener('abort', stop, { once: true });
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      signal?.removeEventListener('abort', stop);
      if (code !== 0) return reject(new Error(`the command exited with status ${code}${err.trim() ? `: ${err.trim().split('\n')[0]}` : ''}`));
      try {
        const j = JSON.parse(out) as { Version?: number; AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: string };
        if (j.Version !== 1) throw new Error(`Version ${j.Version} is not 1`);
        if (!j.AccessKeyId || !j.SecretAccessKey) throw new Error('no AccessKeyId or SecretAccessKey');
        resolve({
          accessKeyId: j.AccessKeyId,
          secretAccessKey: j.SecretAccessKey,
          sessionToken: j.SessionToken,
          expiration: j.Expiration ? new Date(j.Expiration) : undefined,
        });
      } catch (e) {
        reject(new Error(`its output is not the credential_process JSON (${(e as Error).message})`));
      }
    });
  });
}

type Provider = () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>;

/** A provider whose package is imported on its first call. */
function lazyProvider<M>(load: () => Promise<M>, make: (m: M) => Provider): Provider {
  let provider: Provider | undefined;
  return async () => {
    // bundled (dist/), a CommonJS package imported this way arrives as `default`
    const loaded = (await load()) as M & { default?: M };
    provider ??= make(loaded.default ?? loaded);
    return provider();
  };
}

/** An SDK provider as a step (it cannot be stopped: it ends by its own timeouts). */
const unsignalled = (provider: Provider) => () => provider();

interface Step {
  /** who is asked, for messages */
  what: string;
  /** configured: waits up to the AWS timeout and fails loudly; otherwise a quick, silent try */
  configured: boolean;
  /** `signal` aborts when the step has had its time */
  get: (signal: AbortSignal) => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>;
}

/**
 * The AWS CLI's provider order as a credential source; the answer is kept until 5 minutes before
 * it expires. `profile` is an explicitly named AWS profile (--aws-profile): as with the CLI's
 * --profile, it takes precedence over environment keys; AWS_PROFILE does not.
 */
export async function defaultCredentialSource(o: { profile?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CredentialSource> {
  // each provider's package loads when its step is asked (environment keys need none of the SSO
  // and STS clients that profiles may)
  const sdk = {
    fromEnv: lazyProvider(
      () => import('@aws-sdk/credential-provider-env'),
      (m) => m.fromEnv(),
    ),
    fromIni: (init: { profile: string }) =>
      lazyProvider(
        () => import('@aws-sdk/credential-provider-ini'),
        (m) => m.fromIni(init),
      ),
    fromTokenFile: lazyProvider(
      () => import('@aws-sdk/credential-provider-web-identity'),
      (m) => m.fromTokenFile(),
    ),
    fromContainerMetadata: (init: { timeout: number; maxRetries: number }) =>
      lazyProvider(
        () => import('@smithy/credential-provider-imds'),
        (m) => m.fromContainerMetadata(init),
      ),
    fromInstanceMetadata: (init: { timeout: number; maxRetries: number }) =>
      lazyProvider(
        () => import('@smithy/credential-provider-imds'),
        (m) => m.fromInstanceMetadata(init),
      ),
  };
  const env = o.env ?? process.env;
  const timeoutMs = o.timeoutMs ?? CONFIGURED_PROVIDER_TIMEOUT_MS;
  const name = awsProfileName(env, o.profile);
  const fromProfile = profileProvider(env, name);
  const steps: Step[] = [];
  if (!o.profile && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    steps.push({ what: 'environment variables AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY', configured: true, get: unsignalled(sdk.fromEnv) });
  }
  // credential_process runs here (not in the SDK), so a process that outlives the timeout is stopped
  const command = fromProfile?.startsWith('credential_process') ? profileSetting(env, name, 'credential_process') : undefined;
  const profileStep: Step | undefined = fromProfile
    ? { what: fromProfile, configured: true, get: command ? (signal) => processCredentials(command, signal) : unsignalled(sdk.fromIni({ profile: name })) }
    : undefined;
  if (profileStep && fromProfile!.startsWith('role assumption')) steps.push(profileStep);
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) {
    steps.push({ what: 'web identity (AWS_WEB_IDENTITY_TOKEN_FILE)', configured: true, get: unsignalled(sdk.fromTokenFile) });
  }
  if (profileStep && !fromProfile!.startsWith('role assumption')) steps.push(profileStep);
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    steps.push({ what: 'container credentials', configured: true, get: unsignalled(sdk.fromContainerMetadata({ timeout: timeoutMs, maxRetries: 0 })) });
  }
  if (env.AWS_EC2_METADATA_DISABLED?.toLowerCase() !== 'true') {
    steps.push({ what: 'EC2 instance metadata', configured: false, get: unsignalled(sdk.fromInstanceMetadata({ timeout: IMDS_TIMEOUT_MS, maxRetries: 0 })) });
  }
  let cached: Awaited<ReturnType<CredentialSource>> | undefined;
  return async () => {
    if (cached && (!cached.expiration || cached.expiration.getTime() - Date.now() > 5 * 60_000)) return cached;
    for (const step of steps) {
      const limit = step.configured ? timeoutMs : IMDS_TIMEOUT_MS;
      let c;
      const stop = new AbortController();
      try {
        c = await within(
          step.get(stop.signal),
          limit,
          () =>
            new AwsCredentialsError(
              `AWS credentials from ${step.what} gave no answer within ${seconds(limit)}` +
                (step.configured ? ' (give it longer with --aws-timeout SECONDS, or in the profile: tscqlsh profile edit NAME --aws-timeout SECONDS)' : ''),
            ),
        );
      } catch (e) {
        stop.abort();
        if (!step.configured) continue;
        if (e instanceof AwsCredentialsError) throw e;
        throw new AwsCredentialsError(`AWS credentials from ${step.what} failed: ${firstLine(e)}`);
      }
      cached = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken, expiration: c.expiration };
      return cached;
    }
    throw new AwsCredentialsError(`No AWS credentials for SigV4 (nothing is configured). Looked in: ${whereCredentialsWereLooked(env, o.profile)}.`);
  };
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;
const firstLine = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e));

function within<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Asks the source once (within `deadlineMs` when given); failures name the provider, or where credentials were looked for. */
export async function fetchCredentials(
  source: CredentialSource,
  o: { deadlineMs?: number; env?: NodeJS.ProcessEnv; profile?: string } = {},
): Promise<AwsCredentials> {
  try {
    const asked = source();
    const c = o.deadlineMs === undefined ? await asked : await within(asked, o.deadlineMs, () => new Error(`no answer within ${o.deadlineMs} ms`));
    if (!c.accessKeyId || !c.secretAccessKey) throw new Error('the credentials found have no access key or secret');
    return c;
  } catch (e) {
    if (e instanceof AwsCredentialsError) throw e;
    throw new AwsCredentialsError(`No AWS credentials for SigV4 (${firstLine(e)}). Looked in: ${whereCredentialsWereLooked(o.env, o.profile)}.`);
  }
}

/** ~/.aws/config or credentials: section → key → value (what does not parse is skipped). */
const readIni = (file: string) => readIniFile(file, { lenient: true });

/** Region: the profile's, then AWS_REGION, AWS_DEFAULT_REGION, then the AWS config profile's. */
export function resolveRegion(fromProfile: string | undefined, env: NodeJS.ProcessEnv = process.env, awsProfile?: string): string | undefined {
  if (fromProfile) return fromProfile;
  if (env.AWS_REGION) return env.AWS_REGION;
  if (env.AWS_DEFAULT_REGION) return env.AWS_DEFAULT_REGION;
  const ini = readIni(awsFiles(env).config);
  const name = awsProfileName(env, awsProfile);
  const sec = ini.get(name === 'default' ? 'default' : `profile ${name}`) ?? ini.get(name);
  return sec?.get('region') || undefined;
}
