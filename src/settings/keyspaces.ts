// Amazon Keyspaces as a preset: endpoint, port, TLS against the endpoint name with the Amazon
// roots, SigV4 by default, local data center = region, LOCAL_QUORUM. The region drives the
// endpoint and the data center: when it changes (profile edit, --region on a run), a host and data
// center that came from the preset follow it; ones the user set stay, with a warning if they disagree.
import type { Profile } from './profile-schema.js';

export const KEYSPACES_PORT = 9142;

/** The service endpoint for a region: standard, FIPS or dual-stack (IPv4 + IPv6); China regions are under .amazonaws.com.cn. */
export function keyspacesEndpoint(region: string, variant: Profile['endpointVariant'] = 'standard'): string {
  const china = region.startsWith('cn-');
  switch (variant) {
    case 'fips':
      return `cassandra-fips.${region}.${china ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
    case 'dualstack':
      return china ? `cassandra.${region}.api.amazonwebservices.com.cn` : `cassandra.${region}.api.aws`;
    default:
      return `cassandra.${region}.${china ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
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

const HOST = /^cassandra(-fips)?\.([a-z0-9-]+)\.(amazonaws\.com(\.cn)?|api\.aws|api\.amazonwebservices\.com\.cn)$/;

export function isKeyspacesHost(host: string): boolean {
  return HOST.test(host);
}

/** The region in a Keyspaces endpoint name (cassandra.eu-west-1.amazonaws.com → eu-west-1). */
export function regionOfHost(host: string): string | undefined {
  return HOST.exec(host)?.[2];
}

export const isKeyspacesProfile = (p: Profile): boolean => p.preset === 'keyspaces' || (p.host !== undefined && isKeyspacesHost(p.host));

/**
 * `after` is `before` with a new region or endpoint variant. The host and data center that came
 * from the preset (absent, or what the preset makes of the old region) follow the new region,
 * unless `explicit` says the user gave them now; the ones kept are checked against the region.
 */
export function followRegion(
  before: Profile,
  after: Profile,
  explicit: { host?: boolean; localDataCenter?: boolean } = {},
): { profile: Profile; warnings: string[] } {
  const out: Profile = { ...after };
  const warnings: string[] = [];
  const region = out.region;
  if (!region || !isKeyspacesProfile(out)) return { profile: out, warnings };
  const oldEndpoint = before.region ? keyspacesEndpoint(before.region, before.endpointVariant) : undefined;
  if (!explicit.host && (before.host === undefined || before.host === oldEndpoint)) out.host = keyspacesEndpoint(region, out.endpointVariant);
  if (!explicit.localDataCenter && (before.localDataCenter === undefined || before.localDataCenter === before.region)) out.localDataCenter = region;
  const hostRegion = out.host ? regionOfHost(out.host) : undefined;
  if (hostRegion && hostRegion !== region) {
    warnings.push(
      `Warning: host ${out.host} is the Amazon Keyspaces endpoint of ${hostRegion}, but the region is ${region}: the signature will not match. The endpoint of ${region} is ${keyspacesEndpoint(region, out.endpointVariant)}.`,
    );
  }
  if (out.localDataCenter !== undefined && out.localDataCenter !== region) {
    warnings.push(`Warning: the local data center is ${out.localDataCenter}, but Amazon Keyspaces names its data center after the region (${region}).`);
  }
  return { profile: out, warnings };
}
