// EXPAND, TRACING, PAGING, CONSISTENCY, SERIAL CONSISTENCY and tscqlsh's TIMING / OUTPUT FORMAT.
// Expected lines are what cqlsh 6.2 printed for the same input (stdout as is, stderr as `E:`).
import { describe, expect, it } from 'vitest';
import { consistency, serialConsistency } from '../../src/shell/commands/consistency.js';
import { expand } from '../../src/shell/commands/expand.js';
import { outputFormat } from '../../src/shell/commands/output-format.js';
import { paging } from '../../src/shell/commands/paging.js';
import { timing } from '../../src/shell/commands/timing.js';
import { tracing } from '../../src/shell/commands/tracing.js';
import { fakeContext, session } from './commands-fake.js';

describe('EXPAND', () => {
  it('reports, sets, and refuses other arguments (reference output)', async () => {
    const ctx = fakeContext();
    const out = await session(expand, ['EXPAND', 'EXPAND ON', 'EXPAND ON', 'EXPAND', 'EXPAND OFF', 'EXPAND foo', 'EXPAND on off', 'expand   on  '], ctx);
    expect(out).toEqual([
      'EXPAND is OFF',
      'EXPAND set to ON',
      'EXPAND is already ON',
      'EXPAND is ON',
      'EXPAND set to OFF',
      'E:Improper EXPAND command.',
      'E:Improper EXPAND command.',
      'EXPAND set to ON',
    ]);
    expect(ctx.state.expand).toBe(true);
  });

  it('names the command as typed in its error, and ignores comments', async () => {
    expect(await session(expand, ['expand foo', 'Expand foo', 'EXPAND /* c */ ON'])).toEqual([
      'E:Improper expand command.',
      'E:Improper Expand command.',
      'EXPAND set to ON',
    ]);
  });
});

describe('TRACING', () => {
  it('works like EXPAND (reference output)', async () => {
    const ctx = fakeContext();
    expect(await session(tracing, ['TRACING', 'TRACING ON', 'TRACING ON', 'TRACING OFF', 'TRACING OFF', 'TRACING x', 'tracing on'], ctx)).toEqual([
      'TRACING is OFF',
      'TRACING set to ON',
      'TRACING is already ON',
      'TRACING set to OFF',
      'TRACING is already OFF',
      'E:Improper TRACING command.',
      'TRACING set to ON',
    ]);
    expect(ctx.state.tracing).toBe(true);
  });
});

describe('PAGING', () => {
  it('reports, sets a size, switches, and resets the size when off (reference output)', async () => {
    const ctx = fakeContext();
    const out = await session(
      paging,
      ['PAGING', 'PAGING 10', 'PAGING', 'PAGING OFF', 'PAGING OFF', 'PAGING ON', 'PAGING ON', 'PAGING 0', 'PAGING -1', 'PAGING foo'],
      ctx,
    );
    expect(out).toEqual([
      'PAGING is ON',
      'Page size: 100',
      'Page size: 10',
      'PAGING is ON',
      'Page size: 10',
      'PAGING set to OFF',
      'PAGING is already OFF',
      'PAGING set to ON',
      'Page size: 100',
      'PAGING is already ON',
      'Page size: 100',
      'Page size: 0',
      'E:Improper PAGING command.',
      'E:Improper PAGING command.',
    ]);
    expect(ctx.state.paging).toEqual({ enabled: true, pageSize: 0 });
  });

  it('takes leading zeros, refuses decimals and extra words (reference output)', async () => {
    expect(await session(paging, ['PAGING 007', 'PAGING 1.5', 'PAGING 10 20'])).toEqual([
      'Page size: 7',
      'E:Improper PAGING command.',
      'E:Improper PAGING command.',
    ]);
  });

  it('a number turns paging back on', async () => {
    const ctx = fakeContext();
    expect(await session(paging, ['PAGING OFF', 'PAGING 50', 'PAGING'], ctx)).toEqual(['PAGING set to OFF', 'Page size: 50', 'PAGING is ON', 'Page size: 50']);
  });
});

describe('CONSISTENCY', () => {
  it('reports and sets levels in upper case (reference output)', async () => {
    const ctx = fakeContext();
    const out = await session(
      consistency,
      [
        'CONSISTENCY',
        'CONSISTENCY QUORUM',
        'CONSISTENCY quorum',
        'CONSISTENCY foo',
        'CONSISTENCY NODE_LOCAL',
        'CONSISTENCY',
        'consistency local_one',
        'CONSISTENCY ONE extra',
      ],
      ctx,
    );
    expect(out).toEqual([
      'Current consistency level is ONE.',
      'Consistency level set to QUORUM.',
      'Consistency level set to QUORUM.',
      'E:Improper CONSISTENCY command.',
      "E:'NODE_LOCAL'",
      'Current consistency level is QUORUM.',
      'Consistency level set to LOCAL_ONE.',
      'E:Improper CONSISTENCY command.',
    ]);
    expect(ctx.state.consistency).toBe('LOCAL_ONE');
  });

  it('SERIAL CONSISTENCY takes SERIAL and LOCAL_SERIAL only (reference output)', async () => {
    const ctx = fakeContext();
    const out = await session(
      serialConsistency,
      ['SERIAL CONSISTENCY', 'SERIAL CONSISTENCY LOCAL_SERIAL', 'SERIAL CONSISTENCY ONE', 'SERIAL', 'SERIAL foo', 'SERIAL CONSISTENCY serial'],
      ctx,
    );
    expect(out).toEqual([
      'Current serial consistency level is SERIAL.',
      'Serial consistency level set to LOCAL_SERIAL.',
      'E:Improper SERIAL command.',
      'E:Improper SERIAL command.',
      'E:Improper SERIAL command.',
      'Serial consistency level set to SERIAL.',
    ]);
    expect(ctx.state.serialConsistency).toBe('SERIAL');
  });
});

describe("tscqlsh's own switches", () => {
  it('TIMING is worded like cqlsh switches', async () => {
    const ctx = fakeContext();
    expect(await session(timing, ['TIMING', 'TIMING ON', 'TIMING ON', 'TIMING off', 'TIMING maybe'], ctx)).toEqual([
      'TIMING is OFF',
      'TIMING set to ON',
      'TIMING is already ON',
      'TIMING set to OFF',
      'E:Improper TIMING command.',
    ]);
  });

  it('OUTPUT FORMAT reports and sets the format', async () => {
    const ctx = fakeContext();
    expect(
      await session(outputFormat, ['OUTPUT FORMAT', 'OUTPUT FORMAT json', 'OUTPUT FORMAT JSON', 'OUTPUT FORMAT xml', 'OUTPUT', 'OUTPUT FORMAT csv extra'], ctx),
    ).toEqual([
      'OUTPUT FORMAT is table',
      'OUTPUT FORMAT set to json',
      'OUTPUT FORMAT is already json',
      'E:Improper OUTPUT command.',
      'E:Improper OUTPUT command.',
      'E:Improper OUTPUT command.',
    ]);
    expect(ctx.state.format).toBe('json');
  });
});
