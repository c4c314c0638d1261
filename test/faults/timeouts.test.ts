// A server that accepts and never answers (blackhole), a slow one, and a connection that cannot
// be used at all (a data-center mismatch): the connect timeout bounds the whole connect and its
// message names the real value, a request timeout ends a statement, and the process exits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { Child, exitDelay, EXIT_BOUND_MS, start, STACK_TRACE } from '../support/faults.js';
import { startKeyspacesDouble, type KeyspacesDouble } from '../support/keyspaces-double.js';
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
const timedOut = (port: number, seconds: number) =>
  `Connection error: ('Unable to connect to any servers', {'127.0.0.1:${port}': OperationTimedOut('errors=Timed out creating connection (${seconds} seconds), last_host=None')})\n`;

describe('blackhole at connect', () => {
  for (const [flag, seconds] of [[undefined, 5], ['2', 2], ['8', 8]] as const) {
    it(`--connect-timeout ${flag ?? '(default)'}: gives up after ${seconds} s and says so`, async () => {
      proxy.blackhole();
      const args = [...(flag ? ['--connect-timeout', flag] : []), '-e', q(1)];
      const [ours, ref] = await Promise.all([start('tscqlsh', via(), args).finished(), start('cqlsh', via(), args).finished()]);
      expect(ours.stderr).toBe(timedOut(proxy.port, seconds));
      expect(ours.stderr).toBe(ref.stderr);
      expect(ours.code).toBe(1);
      expect(ref.code).toBe(1);
      // the timeout bounds the whole connect, and the process goes at once after it
      expect(ours.exitAt).toBeGreaterThanOrEqual(seconds * 1000 - 100);
      expect(ours.exitAt).toBeLessThan(seconds * 1000 + EXIT_BOUND_MS);
    });
  }
});

describe('blackhole mid-query', () => {
  it('the statement times out as in cqlsh, and the process exits right after it', async () => {
    const run = async (shell: 'tscqlsh' | 'cqlsh') => {
      const c = start(shell, via(), ['--request-timeout', '2'], { killAfterMs: 40_000 });
      c.line(q(1));
      await c.waitFor(' s1\n');
      proxy.blackhole();
      c.mark('fault');
      c.line(q(2));
      c.end();
      const f = await c.finished();
      proxy.pass();
      return f;
    };
    const ours = await run('tscqlsh');
    const ref = await run('cqlsh');
    const message = (port: number) =>
      `<stdin>:3:OperationTimedOut: errors={'127.0.0.1:${port}': 'Client request timeout. See Session.execute[_async](timeout)'}, last_host=127.0.0.1:${port}\n`;
    expect(ours.stderr).toBe(message(proxy.port));
    expect(ref.stderr).toBe(ours.stderr);
    expect(ours.code).toBe(2);
    // the request timeout ends the statement; the exit follows within the bound
    expect(ours.lastOutputAt - ours.marks.fault).toBeGreaterThanOrEqual(1900);
    expect(exitDelay(ours, 'output')).toBeLessThan(EXIT_BOUND_MS);
  });

  it('-e with a statement that never gets an answer: exits right after the request timeout', async () => {
    // the proxy goes dark the moment the statement passes (the server never sees it)
    proxy.tap = (dir, chunk) => {
      if (dir === 'up' && chunk.includes('never_answered')) proxy.blackhole();
    };
    const c = start('tscqlsh', via(), ['--request-timeout', '2', '-e', 'SELECT cluster_name AS never_answered FROM system.local'], { killAfterMs: 40_000 });
    const f = await c.finished();
    expect(f.stderr).toBe(
      `<stdin>:1:OperationTimedOut: errors={'127.0.0.1:${proxy.port}': 'Client request timeout. See Session.execute[_async](timeout)'}, last_host=127.0.0.1:${proxy.port}\n`,
    );
    expect(f.code).toBe(2);
    expect(exitDelay(f, 'output')).toBeLessThan(EXIT_BOUND_MS);
  });
});

describe('slow server', () => {
  it('a request slower than --request-timeout fails; one within it works; the process exits at the end', async () => {
    const c = start('tscqlsh', via(), ['--request-timeout', '1'], { killAfterMs: 40_000 });
    c.line(q(1));
    await c.waitFor(' s1\n');
    proxy.slow(1500);
    c.line(q(2));
    await c.waitFor('<stdin>:3:');
    // the late answer to statement 2 still arrives (and is dropped): the next statements are slow but in time
    proxy.slow(100);
    c.line(q(3));
    await c.waitFor(' s3\n', 20_000);
    c.end();
    const f = await c.finished();
    expect(f.stderr).toBe(
      `<stdin>:3:OperationTimedOut: errors={'127.0.0.1:${proxy.port}': 'Client request timeout. See Session.execute[_async](timeout)'}, last_host=127.0.0.1:${proxy.port}\n`,
    );
    expect(f.code).toBe(2);
    expect(exitDelay(f, 'eof', 'output')).toBeLessThan(EXIT_BOUND_MS);
  });
});

describe('a data center that is not there', () => {
  let xdg: string;
  beforeAll(() => {
    xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-dc-'));
  });

  it('a profile with --local-dc dcX: the data centers found, exit 1, at once', async () => {
    const env = { XDG_CONFIG_HOME: xdg };
    const add = await new Child('tscqlsh', ['profile', 'add', 'dcx', '--host', server.host, '--port', String(server.port), '--local-dc', 'dcX'], { env }).finished();
    expect(add.code, add.stderr).toBe(0);
    for (const input of [['-e', q(1)], []]) {
      const c = new Child('tscqlsh', ['-p', 'dcx', ...input], { env, killAfterMs: 30_000 });
      if (input.length === 0) c.line(q(1)).end();
      const f = await c.finished();
      expect(f.stderr).toBe(
        `Connection error: ('Unable to connect to any servers', {'${server.host}:${server.port}': OSError("localDataCenter was configured as 'dcX', but only found hosts in data centers: [datacenter1]")})\n`,
      );
      expect(f.code).toBe(1);
      expect(f.exitAt).toBeLessThan(EXIT_BOUND_MS + 1000);
    }
  });
});

describe('a Keyspaces profile for one region against an endpoint of another', () => {
  let double: KeyspacesDouble;
  beforeAll(async () => {
    double = await startKeyspacesDouble({ region: 'us-east-1', keys: {}, users: { alice: 'svc-pass' } });
  });
  afterAll(() => double?.close());

  it('says which data centers it found and exits 1 at once', async () => {
    // service-specific credentials: the login works, the region (the local data center) does not
    const env = { AWS_EC2_METADATA_DISABLED: 'true', KS_PASSWORD: 'svc-pass' };
    const args = ['--preset', 'keyspaces', '--region', 'eu-west-1', '--ca', double.caFile, '-u', 'alice', '--password-env', 'KS_PASSWORD', '-e', 'SELECT * FROM system.local'];
    const f = await start('tscqlsh', { host: double.host, port: double.port }, args, { env, killAfterMs: 30_000 }).finished();
    expect(f.stderr).toContain("localDataCenter was configured as 'eu-west-1', but only found hosts in data centers: [us-east-1]");
    expect(f.stderr).not.toMatch(STACK_TRACE);
    expect(f.code).toBe(1);
    expect(f.exitAt).toBeLessThan(EXIT_BOUND_MS + 3000);
  });
});
