// SigV4 as a cassandra-driver AuthProvider. Each new connection gets a fresh authenticator that
// asks the credential source again, so expiring credentials are refreshed on reconnect.
import driver from 'cassandra-driver';
import { fetchCredentials, type CredentialSource } from './aws.js';
import { challengeResponse, extractNonce, INITIAL_RESPONSE } from './sigv4-sign.js';

type Callback = (err: Error | null, token?: Buffer | null) => void;
// The typings declare these as interfaces; at run time they are classes the driver checks with instanceof.
const { AuthProvider, Authenticator } = driver.auth as unknown as {
  AuthProvider: new () => driver.auth.AuthProvider;
  Authenticator: new () => driver.auth.Authenticator;
};

export class SigV4AuthProvider extends AuthProvider {
  constructor(
    readonly region: string,
    private readonly source: CredentialSource,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  override newAuthenticator(): driver.auth.Authenticator {
    return new SigV4Authenticator(this.region, this.source, this.now);
  }
}

class SigV4Authenticator extends Authenticator {
  constructor(
    private readonly region: string,
    private readonly source: CredentialSource,
    private readonly now: () => number,
  ) {
    super();
  }

  override onAuthenticationSuccess(): void {}

  override initialResponse(callback: Callback): void {
    callback(null, INITIAL_RESPONSE);
  }

  override evaluateChallenge(challenge: Buffer, callback: Callback): void {
    let nonce: string;
    try {
      nonce = extractNonce(challenge);
    } catch (e) {
      callback(e as Error);
      return;
    }
    fetchCredentials(this.source).then(
      (credentials) => callback(null, Buffer.from(challengeResponse({ credentials, region: this.region, nonce, now: this.now() }), 'utf8')),
      (e: Error) => callback(e),
    );
  }
}
