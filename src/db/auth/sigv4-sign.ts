// The SigV4 exchange Amazon Keyspaces speaks over the CQL native protocol (what AWS's own
// plugins do): the client opens with `SigV4\0\0`, the server challenges with `nonce=<nonce>`,
// the client answers with a signature over a fixed canonical request. Pure: node:crypto only.
import crypto from 'node:crypto';

export const INITIAL_RESPONSE = Buffer.from('SigV4\0\0', 'latin1');
const ALGORITHM = 'AWS4-HMAC-SHA256';
const SERVICE = 'cassandra';
const EXPIRES_SECONDS = 900;

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const sha256hex = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => crypto.createHmac('sha256', key).update(s, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `nonce=<nonce>` (possibly followed by `,other=...`) → the nonce */
export function extractNonce(challenge: Buffer | string): string {
  const text = typeof challenge === 'string' ? challenge : challenge.toString('utf8');
  const m = /(?:^|,)\s*nonce=([^,]*)/.exec(text);
  if (!m) throw new Error(`Amazon Keyspaces sent an unexpected SigV4 challenge: ${JSON.stringify(text)}`);
  return m[1];
}

/** ISO-8601 with exactly three millisecond digits and a Z, as the server expects. */
export function amzDate(ms: number): string {
  return new Date(ms).toISOString();
}

export interface SignInput {
  credentials: AwsCredentials;
  region: string;
  nonce: string;
  /** epoch milliseconds */
  now: number;
}

export function canonicalRequest(accessKeyId: string, scope: string, date: string, nonce: string): string {
  const query = [
    `X-Amz-Algorithm=${ALGORITHM}`,
    `X-Amz-Credential=${uriEncode(`${accessKeyId}/${scope}`)}`,
    `X-Amz-Date=${uriEncode(date)}`,
    `X-Amz-Expires=${EXPIRES_SECONDS}`,
  ]
    .sort()
    .join('&');
  return `PUT\n/authenticate\n${query}\nhost:${SERVICE}\n\nhost\n${sha256hex(nonce)}`;
}

export function signature(i: SignInput): string {
  const date = amzDate(i.now);
  const day = date.slice(0, 10).replace(/-/g, '');
  const scope = `${day}/${i.region}/${SERVICE}/aws4_request`;
  const canonical = canonicalRequest(i.credentials.accessKeyId, scope, date, i.nonce);
  const toSign = `${ALGORITHM}\n${date}\n${scope}\n${sha256hex(canonical)}`;
  let key = hmac(`AWS4${i.credentials.secretAccessKey}`, day);
  key = hmac(key, i.region);
  key = hmac(key, SERVICE);
  key = hmac(key, 'aws4_request');
  return crypto.createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

/** The client's answer to the nonce challenge; the session token is sent, not signed. */
export function challengeResponse(i: SignInput): string {
  let out = `signature=${signature(i)},access_key=${i.credentials.accessKeyId},amzdate=${amzDate(i.now)}`;
  if (i.credentials.sessionToken) out += `,session_token=${i.credentials.sessionToken}`;
  return out;
}
