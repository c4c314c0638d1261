// The batch face's fault paths without a server: a stdout whose reader went away (EPIPE), a
// closed stderr, a run stopped by its signal, and CLEAR into something that is not a terminal.
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch.js';
import type { Session } from '../../src/db/session.js';
import { Printer } from '../../src/output/printer.js';
import { defaultState } from '../../src/shell/state.js';
import { Shell } from '../../src/shell/shell.js';
import { fakeSession } from './commands-fake.js';

/** A stream that fails as a pipe does once its reader has gone: the write after `okWrites` errors (asynchronously). */
class Pipe extends EventEmitter {
  text = '';
  writes = 0;
  failed = false;
  constructor(
    private readonly okWrites: number,
    readonly isTTY = false,
  ) {
    super();
  }
  write(chunk: string): boolean {
    this.writes++;
    if (this.failed) return false;
    if (this.writes > this.okWrites) {
      this.failed = true;
      process.nextTick(() => this.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32 })));
      return false;
    }
    this.text += chunk;
    return true;
  }
}

const shellOver = (answer: Parameters<typeof fakeSession>[0]) => {
  const fake = fakeSession(answer);
  return { fake, shell: new Shell(fake as unknown as Session) };
};
const rows = (cql: string) => (/nope/.test(cql) ? new Error('no such table') : { columns: [['a', 'int']] as [string, 'int'][], rows: [[1]] });

describe('a stdout closed by its reader', () => {
  it('fails each statement that writes after it with [Errno 32] Broken pipe; the others run', async () => {
    const { fake, shell } = shellOver(rows);
    const out = new Pipe(0);
    const err = new Pipe(100);
    const input = 'SELECT a FROM t;\nSELECT a FROM nope;\nSELECT a FROM t;\nSELECT a FROM t;\n';
    const code = await runBatch(shell, { kind: 'stream', name: '<stdin>', stream: Readable.from([input]) }, { out, err, color: false });
    expect(err.text).toBe(
      '<stdin>:2:[Errno 32] Broken pipe\n<stdin>:3:Error: no such table\n<stdin>:4:[Errno 32] Broken pipe\n<stdin>:5:[Errno 32] Broken pipe\n',
    );
    expect(code).toBe(2);
    expect(fake.executed).toHaveLength(4);
  });
});

describe('a stderr closed by its reader', () => {
  it('stops the run at the first error it cannot report, exit 1', async () => {
    const { fake, shell } = shellOver(rows);
    const out = new Pipe(100);
    const err = new Pipe(0);
    const input = 'SELECT a FROM nope;\nSELECT a FROM nope;\nSELECT a FROM t;\n';
    const code = await runBatch(shell, { kind: 'stream', name: '<stdin>', stream: Readable.from([input]) }, { out, err, color: false });
    expect(code).toBe(1);
    expect(fake.executed.length).toBeLessThan(3);
    expect(out.text).toBe('');
  });
});

describe('a run stopped by its signal (SIGINT)', () => {
  it('drops a statement that does not finish within the grace, and runs nothing after it', async () => {
    const fake = fakeSession(() => null);
    const executed: string[] = [];
    fake.execute = async function* (cql: string) {
      executed.push(cql);
      if (/hang/.test(cql)) await new Promise(() => {});
      yield { columns: null, rows: [], warnings: [], keyspace: undefined, hasMore: false };
    };
    const shell = new Shell(fake as unknown as Session);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const t0 = Date.now();
    const code = await runBatch(
      shell,
      { kind: 'file', name: 'f.cql', text: 'INSERT INTO t (a) VALUES (1) IF NOT EXISTS;\nSELECT hang FROM t;\nSELECT after FROM t;\n' },
      {
        out: new Pipe(100),
        err: new Pipe(100),
        color: false,
        signal: stop.signal,
      },
    );
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(executed.some((c) => /after/.test(c))).toBe(false);
    expect(code).toBe(0);
  });
});

describe('CLEAR', () => {
  it('writes no escape code to a stdout that is not a terminal, and clears a terminal', async () => {
    for (const isTTY of [false, true]) {
      const out = new Pipe(100, isTTY);
      const printer = new Printer({ out, err: new Pipe(100), color: false, tty: false, errorPrefix: () => '', state: defaultState() });
      await printer.print({ kind: 'clear' });
      expect(out.text).toBe(isTTY ? '\x1b[H\x1b[2J\x1b[3J' : '');
    }
  });
});
