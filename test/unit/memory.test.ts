// The young-generation cap of long streams (src/memory.ts), in a fresh Node process: a loop
// that allocates like a large read grows new space to 64 MB semi-spaces without the cap, and
// stays at the cap with it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEMI_SPACE_CAP } from '../../src/memory.js';

const memory = pathToFileURL(path.resolve(__dirname, '../../src/memory.ts')).href;

function peakNewSpace(cap: boolean): number {
  const script = `
    import v8 from 'node:v8';
    import { capYoungGeneration } from ${JSON.stringify(memory)};
    let peak = 0;
    const keep = [];
    for (let page = 0; page < 1500; page++) {
      // a page of rows that lives while the next is made (as a prefetched page does)
      const rows = [];
      for (let i = 0; i < 2000; i++) rows.push({ id: i, name: 'user ' + i + page, tags: ['a' + i, 'b' + page], score: i / 7 });
      keep.push(rows);
      if (keep.length > 3) keep.shift();
      ${cap ? 'capYoungGeneration();' : ''}
      const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
      peak = Math.max(peak, young.space_size);
    }
    process.stdout.write(String(peak + keep.length * 0));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr.replace(/.*ExperimentalWarning.*\n?|.*--trace-warnings.*\n?/g, '')).toBe('');
  return Number(r.stdout);
}

describe('capYoungGeneration', () => {
  it('stops new space at the cap, where it would otherwise grow past it', () => {
    const uncapped = peakNewSpace(false);
    const capped = peakNewSpace(true);
    expect(uncapped).toBeGreaterThan(2 * SEMI_SPACE_CAP);
    expect(capped).toBeLessThanOrEqual(2 * SEMI_SPACE_CAP);
  });
});
