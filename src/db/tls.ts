// TLS for the driver: verification on by default (the driver's own default is off), CA files with
// or without the system roots, client certificate + key (mutual TLS), SNI / server-name override.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import type tlsModule from 'node:tls';

// node:tls and node:crypto load on first use (~15 ms of each start-up otherwise): tlsHint and the
// error classes here are on every connect's path, TLS itself only on some
const load = createRequire(import.meta.url);
const tlsApi = (): typeof tlsModule => load('node:tls') as typeof tlsModule;
import { strerror } from '../util/errno.js';

export interface TlsOptions {
  /** PEM files of certificate authorities to trust (replace the system roots unless withSystemRoots) */
  caFiles?: string[];
  /** also trust the system's roots when caFiles are given */
  withSystemRoots?: boolean;
  certFile?: string;
  keyFile?: string;
  /** verify the server certificate and host name (default true) */
  verify?: boolean;
  /** the name sent as SNI and checked against the certificate (default: the host, when a name) */
  serverName?: string;
  /** trust only these of Node's bundled roots (Amazon Keyspaces: the Amazon and Starfield roots), plus caFiles */
  builtinRoots?: 'amazon';
}

/** Node's bundled Amazon Root CA 1-4 and Starfield G2 roots, the chain Amazon Keyspaces endpoints present. */
export function amazonRoots(): string[] {
  const { X509Certificate } = load('node:crypto') as typeof import('node:crypto');
  return tlsApi().rootCertificates.filter((pem) => /\b(O=Amazon|O=Starfield Technologies)/.test(new X509Certificate(pem).subject));
}

export class TlsConfigError extends Error {
  override name = 'TlsConfigError';
}

function readPem(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new TlsConfigError(`Cannot read the ${what} file '${file}': ${strerror(e)}`);
  }
}

export function tlsOptions(t: TlsOptions, host: string): tlsModule.ConnectionOptions {
  const verify = t.verify ?? true;
  const ca = t.caFiles?.map((f) => readPem(f, 'CA certificate').toString('utf8'));
  if (Boolean(t.certFile) !== Boolean(t.keyFile)) {
    throw new TlsConfigError('A client certificate needs its key, and a key its certificate: give both (--cert and --key)');
  }
  const roots = t.withSystemRoots ? [...tlsApi().rootCertificates] : t.builtinRoots === 'amazon' ? amazonRoots() : undefined;
  const trusted = ca || roots ? [...(roots ?? []), ...(ca ?? [])] : undefined;
  const serverName = t.serverName ?? (net.isIP(host) ? undefined : host);
  return {
    rejectUnauthorized: verify,
    ...(verify ? {} : { checkServerIdentity: () => undefined }),
    ...(trusted ? { ca: trusted } : {}),
    ...(t.certFile ? { cert: readPem(t.certFile, 'client certificate') } : {}),
    ...(t.keyFile ? { key: readPem(t.keyFile, 'client key') } : {}),
    ...(serverName ? { servername: serverName } : {}),
  };
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

/** What plaintext to a TLS port, and TLS to a plaintext port, look like. */
const PLAIN_TO_TLS = (e: { code?: string; message?: string }) =>
  e.code === 'ECONNRESET' || /\bECONNRESET\b|Connection reset by peer|socket hang up/.test(e.message ?? '');
const TLS_TO_PLAIN = (e: { code?: string; message?: string }) =>
  e.code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long|unknown protocol/.test(e.message ?? '');

export const PLAIN_TO_TLS_HINT =
  'The server reset the connection: the port may expect TLS. Connect with --ssl (and --ca FILE for a private CA), or choose the plaintext port.';
export const TLS_TO_PLAIN_HINT =
  'TLS: the server did not answer in TLS (wrong version number): the port is likely plaintext. Connect without --ssl (--no-ssl overrides a profile), or choose the TLS port.';

/**
 * A second line for a connection error: certificate verification, or the likely wrong protocol
 * (plaintext to a TLS port, TLS to a plaintext port). `usingTls`: whether this connection used TLS.
 */
export function tlsHint(err: unknown, usingTls?: boolean): string | undefined {
  const seen = new Set<unknown>();
  const stack: unknown[] = [err];
  while (stack.length) {
    const e = stack.pop() as (Error & { code?: string; innerErrors?: Record<string, unknown>; innerError?: unknown }) | undefined;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (e.code && TLS_CODES.has(e.code)) {
      return e.code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? `TLS: the server certificate does not match the host name (${e.message}). Connect by the name in the certificate, or set the expected name with --ssl-server-name.`
        : `TLS: the server certificate could not be verified (${e.message}). Give the CA that signed it with --ca FILE (or SSL_CERTFILE); --ssl-no-verify skips verification (insecure).`;
    }
    if (usingTls !== false && TLS_TO_PLAIN(e)) return TLS_TO_PLAIN_HINT;
    if (usingTls === false && PLAIN_TO_TLS(e)) return PLAIN_TO_TLS_HINT;
    if (e.innerErrors) stack.push(...Object.values(e.innerErrors));
    if (e.innerError) stack.push(e.innerError);
    if ((e as { cause?: unknown }).cause) stack.push((e as { cause?: unknown }).cause);
  }
  return undefined;
}
