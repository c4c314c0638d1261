import { describe, expect, it } from 'vitest';
import { amzDate, challengeResponse, extractNonce, INITIAL_RESPONSE, signature } from '../../src/db/auth/sigv4-sign.js';

describe('SigV4 for Amazon Keyspaces', () => {
  const vector = {
    credentials: { accessKeyId: 'UserID-1', secretAccessKey: 'UserSecretKey-1' },
    region: 'us-west-2',
    nonce: '91703fdc2ef562e19fbdab0f58e42fe5',
    now: 1591742511000,
  };

  it("matches AWS's published test vector", () => {
    expect(signature(vector)).toBe('7f3691c18a81b8ce7457699effbfae5b09b4e0714ab38c1292dbdf082c9ddd87');
  });

  it('answers the challenge with signature, key and a 3-digit-ms date; the token is appended, not signed', () => {
    expect(challengeResponse(vector)).toBe(
      'signature=7f3691c18a81b8ce7457699effbfae5b09b4e0714ab38c1292dbdf082c9ddd87,access_key=UserID-1,amzdate=2020-06-09T22:41:51.000Z',
    );
    const withToken = challengeResponse({ ...vector, credentials: { ...vector.credentials, sessionToken: 'tok/en+=' } });
    expect(withToken).toMatch(/^signature=7f3691c1.*,session_token=tok\/en\+=$/);
  });

  it('opens with SigV4\\0\\0 and reads the nonce out of the challenge', () => {
    expect([...INITIAL_RESPONSE]).toEqual([83, 105, 103, 86, 52, 0, 0]);
    expect(extractNonce(Buffer.from('nonce=abc123'))).toBe('abc123');
    expect(extractNonce('nonce=abc,other=1')).toBe('abc');
    expect(() => extractNonce('hello')).toThrow(/unexpected SigV4 challenge/);
    expect(amzDate(1591742511007)).toBe('2020-06-09T22:41:51.007Z');
  });
});

describe('the SigV4 auth provider', () => {
  it('asks the credential source on every new connection (refresh on reconnect)', async () => {
    const { SigV4AuthProvider } = await import('../../src/db/auth/sigv4.js');
    let calls = 0;
    const source = async () => ({ accessKeyId: `KEY${++calls}`, secretAccessKey: 's' });
    const provider = new SigV4AuthProvider('us-east-1', source, () => 1591742511000);
    type Callback = (err: Error | null, out: Buffer) => void;
    const answer = (a: { initialResponse(cb: Callback): void; evaluateChallenge(challenge: Buffer, cb: Callback): void }) =>
      new Promise<string>((resolve, reject) => {
        a.initialResponse((err: Error | null, first: Buffer) => {
          if (err) return reject(err);
          expect(first.toString('latin1')).toBe('SigV4\0\0');
          a.evaluateChallenge(Buffer.from('nonce=abc'), (e: Error | null, t: Buffer) => (e ? reject(e) : resolve(t.toString())));
        });
      });
    expect(await answer(provider.newAuthenticator('h:9142', 'com.amazon.helenus.auth.HelenusAuthenticator'))).toContain('access_key=KEY1,');
    expect(await answer(provider.newAuthenticator('h:9142', 'com.amazon.helenus.auth.HelenusAuthenticator'))).toContain('access_key=KEY2,');
  });

  it('fails fast when the source never answers, saying where it looked', async () => {
    const { fetchCredentials } = await import('../../src/db/auth/aws.js');
    const started = Date.now();
    await expect(fetchCredentials(() => new Promise(() => {}), { deadlineMs: 200, env: {} })).rejects.toThrow(
      /No AWS credentials for SigV4 \(no answer within 200 ms\)\. Looked in: environment variables AWS_ACCESS_KEY_ID/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
