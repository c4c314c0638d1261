// Connection faults in batch mode (piped stdin, -f, -e) through the fault proxy: the process
// always exits (within 2 s of its last statement or of the fault), recovers as soon as the server
// answers again, and says what cqlsh says. The reference cqlsh runs through the same proxy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { exitDelay, EXIT_BOUND_MS, sleep, start, STACK_TRACE, unlabelled, type Child, type Shell } from '../support/faults.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const server = inject('cassandra');
let proxy: TcpProxy;
beforeEach(async () => {
  proxy = new TcpProxy(server.host, server.port);
  await proxy.start();
});
afterEach(() => proxy.close());

const via = () => ({ host: '127.0.0.1', port: proxy.port });
const q = (i: number) => `SELECT cluster_name AS s${i} FROM system.local;`;
/** the label cqlsh gives statement `i` of piped input: one past its line */
const label = (i: number) => `<stdin>:${i + 1}:`;
const RESET = (port: number) =>
  `NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: 127.0.0.1:${port} datacenter1>: ConnectionShutdown('[Errno 104] Connection reset by peer')})`;
const CLOSED = (port: number) =>
  `NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: 127.0.0.1:${port} datacenter1>: ConnectionShutdown('Connection to 127.0.0.1:${port} was closed')})`;
const DOWN = "NoHostAvailable: ('Unable to complete the operation against any hosts', {})";

/** Sends a statement whose answer the proxy holds back: the fault that follows finds it in flight. */
async function inFlight(c: Child, text: string): Promise<void> {
  const before = proxy.bytesUp;
  proxy.hold();
  c.line(text);
  const deadline = Date.now() + 10_000;
  while (proxy.bytesUp === before) {
    if (Date.now() > deadline) throw new Error('the statement never reached the proxy');
    await sleep(10);
  }
}

/**
 * Statements 1-3 work; 4 is in flight when the proxy is cut (every connection reset, new ones
 * too); 5-6 fail; the proxy passes again, and 7-9 are sent `settle` ms later.
 */
async function cutThenRestore(shell: Shell, o: { settle?: number } = {}) {
  const c = start(shell, via(), [], { killAfterMs: 30_000 });
  for (let i = 1; i <= 3; i++) {
    c.line(q(i));
    await c.waitFor(` s${i}\n`);
  }
  await inFlight(c, q(4));
  proxy.setMode('cut');
  c.mark('cut');
  await c.waitFor(label(4));
  for (let i = 5; i <= 6; i++) {
    c.line(q(i));
    await c.waitFor(label(i));
  }
  proxy.pass();
  c.mark('restore');
  await sleep(o.settle ?? 200);
  for (let i = 7; i <= 9; i++) {
    c.line(q(i));
    await c.waitFor(new RegExp(` s${i}\\n|${label(i)}`));
  }
  c.end();
  return c.finished();
}

describe('a cut mid-script, then the server back', () => {
  it('tscqlsh fails only the statements sent while it was cut, works again as soon as the server answers, and exits', async () => {
    const f = await cutThenRestore('tscqlsh');
    expect(f.stderr.split('\n').filter(Boolean)).toEqual([`${label(4)}${RESET(proxy.port)}`, `${label(5)}${DOWN}`, `${label(6)}${DOWN}`]);
    for (const i of [1, 2, 3, 7, 8, 9]) expect(f.stdout).toContain(` s${i}\n`);
    expect(f.code).toBe(2);
    expect(exitDelay(f, 'eof')).toBeLessThan(EXIT_BOUND_MS);
  });

  it('the messages and labels are the reference cqlsh\'s', async () => {
    // cqlsh reconnects on its own schedule: it is given time before the statements after the cut
    const ref = await cutThenRestore('cqlsh', { settle: 3000 });
    const ours = await cutThenRestore('tscqlsh');
    // (for the statement in flight at the cut cqlsh's driver sometimes retries first and prints
    // the empty NoHostAvailable of a down host; tscqlsh always names the connection it lost)
    const [refFirst, ...refRest] = ref.stderr.split('\n');
    const [oursFirst, ...oursRest] = ours.stderr.split('\n');
    expect(oursFirst).toBe(`${label(4)}${RESET(proxy.port)}`);
    expect([`${label(4)}${RESET(proxy.port)}`, `${label(4)}${DOWN}`]).toContain(refFirst);
    expect(oursRest).toEqual(refRest);
    expect(ours.stdout).toBe(ref.stdout);
    expect(ours.code).toBe(ref.code);
  });

  it('a FIN from the server under a request (half-close) reads as a ConnectionShutdown, and the process exits', async () => {
    // (cqlsh words this one by timing: the same ConnectionShutdown, or an empty NoHostAvailable
    // when its driver retried first; tscqlsh always names the host and the close)
    const c = start('tscqlsh', via(), [], { killAfterMs: 30_000 });
    c.line(q(1));
    await c.waitFor(' s1\n');
    await inFlight(c, q(2));
    proxy.halfCloseAll();
    c.mark('fault');
    await c.waitFor(label(2));
    c.line(q(3));
    await c.waitFor(label(3));
    c.end();
    const f = await c.finished();
    expect(f.stderr).toBe(`${label(2)}${CLOSED(proxy.port)}\n${label(3)}${DOWN}\n`);
    expect(f.code).toBe(2);
    expect(exitDelay(f, 'eof')).toBeLessThan(EXIT_BOUND_MS);
  });
});

describe('a cut that is never restored', () => {
  it('piped stdin: every later statement fails, and the process exits at EOF', async () => {
    const c = start('tscqlsh', via(), [], { killAfterMs: 30_000 });
    c.line(q(1));
    await c.waitFor(' s1\n');
    await inFlight(c, q(2));
    await proxy.cut(); // every connection reset, new ones too
    c.mark('cut');
    await c.waitFor(label(2));
    for (let i = 3; i <= 4; i++) c.line(q(i));
    await c.waitFor(label(4));
    c.end();
    const f = await c.finished();
    expect(unlabelled(f.stderr)).toEqual([RESET(proxy.port), DOWN, DOWN]);
    expect(f.code).toBe(2);
    expect(exitDelay(f, 'eof')).toBeLessThan(EXIT_BOUND_MS);
  });

  it('-f with 2,000 statements cut after 100: each one is accounted for, and the process exits at the end', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-'));
    const file = path.join(dir, 'many.cql');
    const n = 2000;
    fs.writeFileSync(file, Array.from({ length: n }, (_, i) => q(i + 1)).join('\n') + '\n');
    const c = start('tscqlsh', via(), ['-f', file], { killAfterMs: 120_000 });
    await c.waitFor(' s100\n', 60_000);
    proxy.setMode('cut');
    c.mark('cut');
    const f = await c.finished();
    const ok = new Set([...f.stdout.matchAll(/^ s(\d+)$/gm)].map((m) => Number(m[1])));
    const failed = new Set([...f.stderr.matchAll(/^.*many\.cql:(\d+):/gm)].map((m) => Number(m[1]) - 1));
    for (const line of unlabelled(f.stderr)) expect([RESET(proxy.port), DOWN]).toContain(line);
    expect(failed.size).toBeGreaterThan(0);
    for (let i = 1; i <= n; i++) expect(ok.has(i) !== failed.has(i), `statement ${i}`).toBe(true);
    expect(f.code).toBe(2);
    expect(exitDelay(f, 'output')).toBeLessThan(EXIT_BOUND_MS);
  });

  it('-f with a cut in the middle: the statements after it work again, and the process exits at the end', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-'));
    const file = path.join(dir, 'cut.cql');
    const n = 3000;
    fs.writeFileSync(file, Array.from({ length: n }, (_, i) => q(i + 1)).join('\n') + '\n');
    const c = start('tscqlsh', via(), ['-f', file], { killAfterMs: 120_000 });
    await c.waitFor(' s100\n', 60_000);
    proxy.setMode('cut');
    c.mark('cut');
    // failures are quick while it is cut: the proxy is restored after a few of them
    await c.waitFor((x) => (x.stderr.match(/cut\.cql:\d+:/g)?.length ?? 0) >= 20, 30_000);
    proxy.pass();
    c.mark('restore');
    const f = await c.finished();
    const ok = new Set([...f.stdout.matchAll(/^ s(\d+)$/gm)].map((m) => Number(m[1])));
    const failed = new Set([...f.stderr.matchAll(/^.*cut\.cql:(\d+):/gm)].map((m) => Number(m[1]) - 1));
    for (const line of unlabelled(f.stderr)) expect([RESET(proxy.port), DOWN]).toContain(line);
    for (let i = 1; i <= n; i++) expect(ok.has(i) !== failed.has(i), `statement ${i}`).toBe(true);
    expect(ok.has(n), 'the last statement ran after the restore').toBe(true);
    expect(f.code).toBe(2);
    expect(exitDelay(f, 'output')).toBeLessThan(EXIT_BOUND_MS);
    expect(f.stderr).not.toMatch(STACK_TRACE);
  });

  it('-e against a server that is gone: the connection error, exit 1, at once', async () => {
    await proxy.down(); // the port refuses
    const ours = start('tscqlsh', via(), ['-e', q(1)]);
    const o = await ours.finished();
    const ref = await start('cqlsh', via(), ['-e', q(1)]).finished();
    expect(o.stderr).toBe(ref.stderr);
    expect(o.stderr).toContain('ConnectionRefusedError(111');
    expect(o.code).toBe(1);
    expect(o.exitAt).toBeLessThan(EXIT_BOUND_MS + 1000);
  });
});
