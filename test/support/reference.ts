// The reference cqlsh (6.2.x from PyPI, installed by scripts/reference-cqlsh.sh) and the
// conformance helper: the same input through both shells against the same server.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot, run, tscqlsh, type RunOptions, type RunResult } from './run.js';

export function referenceCqlsh(): string {
  const fromEnv = process.env.TSCQLSH_REFERENCE_CQLSH;
  const p = fromEnv ?? path.join(process.env.TSCQLSH_CACHE_DIR ?? path.join(projectRoot, '.cache'), 'cqlsh-venv', 'bin', 'cqlsh');
  if (!fs.existsSync(p)) {
    throw new Error(`reference cqlsh not found at ${p}: run \`bash scripts/reference-cqlsh.sh\` (npm test does it)`);
  }
  return p;
}

/**
 * Lines the reference prints that tscqlsh deliberately does not (docs/compat.md):
 * cqlsh 6.2 compares the server version with the Cassandra it was packaged with.
 */
const REFERENCE_ONLY = [/^WARNING: cqlsh was built against [^\n]*\n/gm];

/**
 * Lines tscqlsh prints that the reference does not (docs/compat.md): HELP's block of tscqlsh's own
 * topics after cqlsh's lists.
 */
const OURS_ONLY = [/^tscqlsh commands and settings \(not in cqlsh\):\n=+\n(?:.+\n)*\n/gm];

export function normalizeOurs(r: RunResult): RunResult {
  let { stdout } = r;
  for (const re of OURS_ONLY) stdout = stdout.replace(re, '');
  return { ...r, stdout };
}

export function normalizeReference(r: RunResult): RunResult {
  let { stdout } = r;
  for (const re of REFERENCE_ONLY) stdout = stdout.replace(re, '');
  return { ...r, stdout };
}

export interface Both {
  ours: RunResult;
  ref: RunResult;
}

/**
 * Runs `args` (host and port are added) through the reference cqlsh, then tscqlsh. `prepare`
 * runs before each shell (e.g. to recreate a fresh keyspace) so both see the same state.
 */
export async function runBoth(
  server: { host: string; port: number },
  args: string[],
  o: RunOptions & { prepare?: () => Promise<void> } = {},
): Promise<Both> {
  const full = [server.host, String(server.port), ...args];
  await o.prepare?.();
  const ref = normalizeReference(await run(referenceCqlsh(), full, o));
  await o.prepare?.();
  const ours = normalizeOurs(await tscqlsh(full, o));
  return { ours, ref };
}
