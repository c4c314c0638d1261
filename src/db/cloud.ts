// DataStax Astra: a secure connect bundle replaces contact points, TLS settings and the
// load-balancing whitelist; the driver reads the proxy address and certificates from the zip.
import fs from 'node:fs';
import type driver from 'cassandra-driver';

export class BundleError extends Error {
  override name = 'BundleError';
}

export function applySecureConnectBundle(options: driver.DseClientOptions, bundle: string): void {
  if (!fs.existsSync(bundle)) throw new BundleError(`Secure connect bundle not found: '${bundle}'`);
  const o = options as unknown as Record<string, unknown>;
  delete o.contactPoints;
  delete o.sslOptions;
  const policies = { ...(options.policies ?? {}) };
  delete policies.loadBalancing;
  options.policies = policies;
  if (options.protocolOptions) delete options.protocolOptions.port;
  options.cloud = { secureConnectBundle: bundle };
}
