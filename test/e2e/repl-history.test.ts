// History: kept across restarts, Ctrl-R reverse search, passwords never written.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Term } from '../support/pty.js';
import { authServer, CTRL_D, CTRL_R, historyFile, newHome, startRepl } from './repl-helpers.js';

let term: Term | undefined;
afterEach(() => term?.close());

describe('REPL history', () => {
  it('recalls a multi-line statement after a restart with Up', async () => {
    const home = newHome();
    ({ term } = await startRepl({ home }));
    term.line('SELECT cluster_name');
    term.line('FROM system.local;');
    await term.waitFor('(1 rows)');
    term.line('SELECT release_version FROM system.local;');
    await term.waitFor(/release_version[\s\S]*\(1 rows\)/);
    term.type(CTRL_D);
    await term.waitExit();
    term.close();

    ({ term } = await startRepl({ home }));
    term.type('\x1b[A');
    await term.waitFor(/cqlsh> SELECT release_version FROM system\.local;$/);
    term.type('\x1b[A');
    await term.waitFor(/cqlsh> SELECT cluster_name\n {3}\.\.\. FROM system\.local;$/);
    term.type('\r');
    await term.waitFor('Test Cluster');
    // the HISTORY command lists what was typed, multi-line entries whole
    term.line('HISTORY 3');
    await term.waitFor(/HISTORY 3\nSELECT cluster_name\nFROM system\.local;\nSELECT release_version FROM system\.local;\nSELECT cluster_name\nFROM system\.local;\ncqlsh>$/);
  });

  it('Ctrl-R finds an old statement', async () => {
    const home = newHome();
    fs.mkdirSync(historyFile(home).replace(/\/history$/, ''), { recursive: true });
    fs.writeFileSync(historyFile(home), ['SELECT now() FROM system.local;', 'SELECT key, bootstrapped FROM system.local;', 'SHOW VERSION'].map((e) => JSON.stringify(e) + '\n').join(''));
    ({ term } = await startRepl({ home }));
    term.type(`${CTRL_R}bootstr`);
    await term.waitFor("(reverse-i-search)'bootstr': SELECT key, bootstrapped FROM system.local;");
    term.type('\r');
    await term.waitFor(/COMPLETED[\s\S]*\(1 rows\)/);
  });

  it('--disable-history writes nothing', async () => {
    const home = newHome();
    ({ term } = await startRepl({ home, args: ['--disable-history'] }));
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
    term.type(CTRL_D);
    await term.waitExit();
    expect(fs.existsSync(historyFile(home))).toBe(false);
  });

  it('never stores the password typed in LOGIN or CREATE ROLE', async () => {
    const a = authServer();
    const home = newHome();
    ({ term } = await startRepl({ home, host: a.host, port: a.port, args: ['-u', a.username, '--password', a.password] }));
    term.line(`LOGIN ${a.username} '${a.password}'`);
    await term.waitFor(new RegExp(`^${a.username}@cqlsh>$`, 'm'));
    term.line(`LOGIN ${a.username}`);
    await term.waitFor(/Password:$/);
    term.line(a.password);
    await term.waitFor(new RegExp(`Password:\\n${a.username}@cqlsh>$`));
    term.line("ALTER ROLE nosuchrole WITH PASSWORD = 'Sekr1t-pass';");
    await term.waitFor(/nosuchrole/);
    term.type(CTRL_D);
    await term.waitExit();
    const text = fs.readFileSync(historyFile(home), 'utf8');
    expect(text).toContain(`LOGIN ${a.username}`);
    expect(text).not.toContain(`'${a.password}'`);
    expect(text).not.toContain('Sekr1t-pass');
  });
});
