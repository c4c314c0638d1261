// Peak memory of long streams (large reads, COPY): V8 doubles its young generation while a
// program allocates fast, up to 64 MB a semi-space (three of them resident: 200+ MB of RSS for a
// live heap of 20 MB). The size can only be capped by a start-up flag, but the growth factor is
// read at each growth: once a semi-space has reached SEMI_SPACE_CAP, growth stops. A streaming
// loop calls this once per page; it costs a heap-statistics read.
import { createRequire } from 'node:module';

/** bytes per semi-space at which growth stops (16 MB: ~5-10% more CPU than 64 MB, ~80 MB less RSS) */
export const SEMI_SPACE_CAP = 16 * 1024 * 1024;

let capped = false;
let v8: typeof import('node:v8') | undefined;

/**
 * Stops young-generation growth once a semi-space has reached `semiSpaceBytes` (idempotent,
 * cheap; the first cap reached holds for the rest of the process).
 */
export function capYoungGeneration(semiSpaceBytes = SEMI_SPACE_CAP): void {
  if (capped) return;
  // node:v8 loads on the first call (a short result never makes one: ~2 ms of start-up)
  v8 ??= createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
  const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  // new_space's size counts both semi-spaces
  if (young && young.space_size >= 2 * semiSpaceBytes) {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    capped = true;
  }
}
