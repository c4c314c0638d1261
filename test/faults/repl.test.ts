// The REPL (a real terminal: tmux) under faults: SIGTERM and SIGHUP end it within 2 s with the
// terminal given back (no raw mode left behind); SIGINT cancels a statement the server never
// answers and the REPL goes on; EXIT after a lost connection exits at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { server, sleep, startRepl } from '../e2e/repl-helpers.js';
import { EXIT_BOUND_MS } from '../support/faults.js';
import { Term } from '../support/pty.js';
import { projectRoot, tscqlshBin } from '../support/run.js';
import { TcpProxy } from '../support/tcp-proxy.js';

let term: Term | undefined;
let proxy: TcpProxy;
beforeEach(async () => {
  const s = server();
  proxy = new TcpProxy(s.host, s.port);
  await proxy.start();
});
afterEach(async () => {
  term?.close();
  term = undefined;
  await proxy.close();
});

/** ms until the command in the terminal has exited (its status written), polled every 20 ms */
async function timeToExit(t: Term, limitMs = 15_000): Promise<{ code: number; ms: number }> {
  const t0 = Date.now();
  for (;;) {
    const code = t.exitCode();
    if (code !== null) return { code, ms: Date.now() - t0 };
    if (Date.now() - t0 > limitMs) throw new Error(`did not exit; screen:\n${t.screen()}`);
    await sleep(20);
  }
}

describe('REPL signals', () => {
  for (const [sig, status] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${sig} during a statement the server never answers: exits within 2 s, the terminal back in cooked mode`, async () => {
      const stty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-stty-')), 'stty');
      ({ term } = await startRepl({ port: proxy.port, afterExit: `stty -a > ${stty} 2>&1` }));
      term.line('SELECT cluster_name FROM system.local;');
      await term.waitFor('(1 rows)');
      proxy.blackhole();
      term.line('SELECT release_version FROM system.local;');
      await sleep(500);
      process.kill(term.commandPid(), sig);
      const { code, ms } = await timeToExit(term);
      expect(code).toBe(status);
      expect(ms).toBeLessThan(EXIT_BOUND_MS);
      const modes = fs.readFileSync(stty, 'utf8');
      expect(modes).toMatch(/(^|\s)icanon(\s|$)/);
      expect(modes).toMatch(/(^|\s)echo(\s|$)/);
      expect(term.all()).not.toMatch(/\n\s+at .+:\d+:\d+\)|node:internal/);
    });
  }

  it('SIGINT cancels a statement the server never answers; the REPL goes on and works once the server answers', async () => {
    ({ term } = await startRepl({ port: proxy.port }));
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
    proxy.blackhole();
    term.line('SELECT release_version AS hung FROM system.local;');
    await sleep(500);
    const t0 = Date.now();
    process.kill(term.commandPid(), 'SIGINT');
    await term.waitFor(/hung FROM system\.local;[\s\S]*cqlsh>\s*$/, { timeoutMs: 10_000 });
    expect(Date.now() - t0).toBeLessThan(EXIT_BOUND_MS);
    expect(term.exitCode()).toBeNull();
    proxy.pass();
    await sleep(300);
    term.line('SELECT cluster_name AS again FROM system.local;');
    await term.waitFor(/ again\n-+\n Test Cluster/, { timeoutMs: 15_000 });
  });
});

describe('the plain-line REPL (stdin a terminal, stdout a pipe: tscqlsh | cat)', () => {
  it('SIGTERM during a statement the server never answers: exits within 2 s, the terminal back in cooked mode', async () => {
    const stty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-stty-')), 'stty');
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-faults-home-'));
    const s = server();
    const cmd = `${process.execPath} ${tscqlshBin} ${s.host} ${proxy.port} | cat`;
    term = new Term(['sh', '-c', cmd], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home, TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', CI: 'false' },
      afterExit: `stty -a > ${stty} 2>&1`,
    });
    await term.waitFor(/cqlsh>/, { timeoutMs: 30_000 });
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
    proxy.blackhole();
    term.line('SELECT release_version FROM system.local;');
    await sleep(500);
    // the shell's child is `sh -c`, whose first child is tscqlsh
    const node = Number(execFileSync('pgrep', ['-P', String(term.commandPid()), '-f', 'cli.js'], { encoding: 'utf8' }).trim().split('\n')[0]);
    process.kill(node, 'SIGTERM');
    const { ms } = await timeToExit(term);
    expect(ms).toBeLessThan(EXIT_BOUND_MS);
    const modes = fs.readFileSync(stty, 'utf8');
    expect(modes).toMatch(/(^|\s)icanon(\s|$)/);
    expect(modes).toMatch(/(^|\s)echo(\s|$)/);
  });
});

describe('REPL after a lost connection', () => {
  it('EXIT with the server gone exits at once (no reconnection keeps it alive)', async () => {
    ({ term } = await startRepl({ port: proxy.port }));
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
    await proxy.cut();
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor(/NoHostAvailable[\s\S]*cqlsh>\s*$/, { timeoutMs: 15_000 });
    term.line('EXIT');
    const { code, ms } = await timeToExit(term);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(EXIT_BOUND_MS);
  });
});
