// Amazon Keyspaces as a preset: endpoint, port, TLS against the endpoint name with the Amazon
// roots, SigV4 by default, local data center = region, LOCAL_QUORUM.
import type { Profile } from './profile-schema.js';

export const KEYSPACES_PORT = 9142;

/** The service endpoint for a region: standard, FIPS or dual-stack (IPv4 + IPv6). */
export function keyspacesEndpoint(region: string, variant: Profile['endpointVariant'] = 'standard'): string {
  switch (variant) {
    case 'fips':
      return `cassandra-fips.${region}.amazonaws.com`;
    case 'dualstack':
      return `cassandra.${region}.api.aws`;
    default:
      return `cassandra.${region}.amazonaws.com`;
  }
}

/** The fields the preset fills in (flags given alongside it win). */
export function keyspacesPreset(region: string | undefined, variant?: Profile['endpointVariant']): Profile {
  return {
    preset: 'keyspaces',
    ...(region ? { region, localDataCenter: region, host: keyspacesEndpoint(region, variant) } : {}),
    port: KEYSPACES_PORT,
    ssl: true,
    auth: 'sigv4',
    consistency: 'LOCAL_QUORUM',
    ...(variant && variant !== 'standard' ? { endpointVariant: variant } : {}),
  };
}

export function isKeyspacesHost(host: string): boolean {
  return /^cassandra(-fips)?\.[a-z0-9-]+\.(amazonaws\.com(\.cn)?|api\.aws)$/.test(host);
}
