// Consistency levels between tscqlsh's names (cql/vocabulary.ts: LOCAL_QUORUM) and the driver's
// codes (driver.types.consistencies.localQuorum): the one converter, both ways.
import driver from 'cassandra-driver';
import type { Consistency } from '../cql/vocabulary.js';

type DriverKey = keyof typeof driver.types.consistencies;

/** The driver's code for a level. */
export function consistencyCode(c: Consistency): number {
  return driver.types.consistencies[c.toLowerCase().replace(/_(\w)/g, (_, x: string) => x.toUpperCase()) as DriverKey];
}

const NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(driver.types.consistencies).map(([k, v]) => [v, k.replace(/[A-Z]/g, (x) => `_${x}`).toUpperCase()]),
);

/** A level's name from the driver's code (as errors carry it); undefined for anything else. */
export const consistencyName = (c: unknown): string | undefined => (typeof c === 'number' ? NAMES[c] : undefined);
