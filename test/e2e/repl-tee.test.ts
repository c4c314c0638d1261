// `tscqlsh | tee session.log` on a terminal: stdin is a terminal, so the shell is interactive, as
// cqlsh decides it: banner, prompts and results go to stdout (through tee to the screen and the
// log), what the user types is echoed by the terminal, colors are off (stdout is not a terminal).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Term } from '../support/pty.js';
import { projectRoot, tscqlshBin } from '../support/run.js';
import { CTRL_C, CTRL_D, newHome, server, sleep } from './repl-helpers.js';

let term: Term | undefined;
afterEach(() => term?.close());

function startTee(log: string, args: string[] = []): Term {
  const s = server();
  const home = newHome();
  const cmd = [process.execPath, tscqlshBin, s.host, String(s.port), ...args].map((a) => `'${a}'`).join(' ');
  return new Term(['sh', '-c', `${cmd} | tee '${log}'`], {
    cwd: projectRoot,
    cols: 100,
    rows: 40,
    env: { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', CI: 'false' },
  });
}

describe('REPL with stdout piped (tscqlsh | tee log)', () => {
  it('prompts on the terminal, results reach stdout, Ctrl-C never exits, Ctrl-D does', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-e2e-tee-')), 'session.log');
    term = startTee(log);
    await term.waitFor(/Use HELP for help\.\ncqlsh>$/, { timeoutMs: 30_000 });
    term.line('SELECT cluster_name FROM system.local;');
    let s = await term.waitFor(/\(1 rows\)\ncqlsh>$/);
    expect(s).toContain('cqlsh> SELECT cluster_name FROM system.local;\n\n cluster_name\n');
    // a statement over two lines gets the continuation prompt
    term.line('SELECT release_version');
    await term.waitFor(/\n {3}\.\.\.$/);
    term.line('FROM system.local;');
    await term.waitFor(/release_version\n-+\n[\s\S]*\(1 rows\)\ncqlsh>$/);
    // Ctrl-C on the prompt: a fresh prompt, never an exit
    term.type(CTRL_C);
    await sleep(300);
    term.type(CTRL_C);
    await sleep(300);
    expect(term.exitCode()).toBeNull();
    term.line('SELECT cql_version FROM system.local;');
    s = await term.waitFor(/cql_version\n-+\n[\s\S]*\(1 rows\)\ncqlsh>$/);
    term.type(CTRL_D);
    expect(await term.waitExit()).toBe(0);
    const text = fs.readFileSync(log, 'utf8');
    expect(text).toMatch(/^Connected to Test Cluster at /);
    expect(text).toContain('cqlsh> \n cluster_name\n');
    expect(text).toContain('(1 rows)\n');
    // no colors in a file, no key echo (the terminal echoed what was typed)
    expect(text).not.toContain('\x1b[');
    expect(text).not.toContain('SELECT');
  });
});
