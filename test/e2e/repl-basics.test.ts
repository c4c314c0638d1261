// The REPL on a real terminal: banner, prompts, multi-line input, USE, EXPAND, ---MORE---,
// Ctrl-D, and piped stdin taking the batch path.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tscqlsh } from '../support/run.js';
import type { Term } from '../support/pty.js';
import { CTRL_D, createFixtures, KS, server, startRepl } from './repl-helpers.js';

let term: Term | undefined;
afterEach(() => term?.close());

beforeAll(createFixtures, 120_000);

describe('REPL basics', () => {
  it('shows the banner and the prompt', async () => {
    ({ term } = await startRepl());
    const s = term.screen();
    expect(s).toMatch(/^Connected to .+ at 127\.0\.0\.1:\d+$/m);
    expect(s).toMatch(/^\[cqlsh 6\.2\.\d+ \| Cassandra [\d.]+ \| CQL spec [\d.]+ \| Native protocol v\d\]$/m);
    expect(s).toContain('Use HELP for help.');
    expect(s.split('\n').pop()).toBe('cqlsh>');
  });

  it('honours CQLSH_PROMPT (a line above the prompt)', async () => {
    ({ term } = await startRepl({ env: { CQLSH_PROMPT: 'PROD-CLUSTER' } }));
    expect(term.screen()).toMatch(/Use HELP for help\.\nPROD-CLUSTER\ncqlsh>$/);
    term.line('SELECT cluster_name FROM system.local;');
    const s = await term.waitFor(/\(1 rows\)\nPROD-CLUSTER\ncqlsh>$/);
    expect(s).toContain('PROD-CLUSTER\ncqlsh> SELECT cluster_name FROM system.local;');
  });

  it('runs a statement typed over several lines, with the continuation prompt', async () => {
    ({ term } = await startRepl());
    term.line('SELECT cluster_name');
    await term.waitFor(/^ {3}\.\.\.$/m);
    term.line('FROM system.local;');
    const s = await term.waitFor('(1 rows)');
    expect(s).toContain('cqlsh> SELECT cluster_name\n   ... FROM system.local;');
    expect(s).toMatch(/ cluster_name\n-+\n/);
  });

  it('Ctrl-J and Alt-Enter insert a newline without submitting', async () => {
    ({ term } = await startRepl());
    term.type('SELECT cluster_name\x1b\r\nFROM system.local;');
    await term.waitFor(/cqlsh> SELECT cluster_name\n {3}\.\.\.\n {3}\.\.\. FROM system\.local;$/);
    term.type('\x15\x08\x15\x08\x15');
    await term.waitFor(/cqlsh>$/);
    term.type('SELECT cluster_name\nFROM system.local;');
    await term.waitFor(/   \.\.\. FROM system\.local;$/m);
    expect(term.screen()).not.toContain('(1 rows)');
    term.type('\r');
    await term.waitFor('(1 rows)');
  });

  it('runs pasted statements one by one; a paste without a final newline waits for Enter', async () => {
    ({ term } = await startRepl());
    term.paste('SELECT cluster_name\nFROM system.local; SELECT release_version FROM system.local;\n');
    let s = await term.waitFor(/release_version\n-+\n[\s\S]*\(1 rows\)\ncqlsh>$/);
    expect(s.indexOf(' cluster_name')).toBeLessThan(s.indexOf(' release_version\n'));
    term.paste('SELECT cql_version FROM system.local;');
    await term.waitFor(/cqlsh> SELECT cql_version FROM system\.local;$/);
    expect(term.screen()).not.toContain(' cql_version\n');
    term.type('\r');
    s = await term.waitFor(/ cql_version\n-+\n/);
  });

  it('USE changes the prompt and the continuation prompt', async () => {
    ({ term } = await startRepl());
    term.line(`USE ${KS};`);
    await term.waitFor(new RegExp(`^cqlsh:${KS}>$`, 'm'));
    term.line('SELECT count(*)');
    const s = await term.waitFor(/\.\.\.$/m);
    expect(s.split('\n').pop()).toBe(' '.repeat(3 + KS.length + 1) + '...');
  });

  it('EXPAND ON prints rows vertically', async () => {
    ({ term } = await startRepl());
    term.line('EXPAND ON');
    await term.waitFor(/EXPAND ON\n.*\ncqlsh>$/);
    term.line(`SELECT widget_id, widget_name FROM ${KS}.widgets WHERE widget_id = 5;`);
    const s = await term.waitFor('(1 rows)');
    expect(s).toContain('@ Row 1');
    expect(s).toMatch(/ widget_id +\| 5/);
    expect(s).toMatch(/ widget_name +\| w5/);
  });

  it('pages a result of more than 250 rows with ---MORE---; q stops', async () => {
    ({ term } = await startRepl({ rows: 50 }));
    const dataLines = () => (term!.all().match(/^ +\d+$/gm) ?? []).length;
    term.line(`SELECT widget_id FROM ${KS}.widgets;`);
    await term.waitFor(/---MORE---$/);
    expect(term.all()).not.toContain('rows)');
    expect(dataLines()).toBe(100);
    term.type(' ');
    await term.waitFor(() => dataLines() >= 200);
    for (let i = 0; i < 6 && !term.all().includes('(300 rows)'); i++) {
      await term.waitFor(/(---MORE---|cqlsh>)$/);
      if (!term.screen().endsWith('---MORE---')) break;
      const before = dataLines();
      term.type(i % 2 ? ' ' : '\r');
      await term.waitFor(() => dataLines() > before || term!.all().includes('(300 rows)'));
    }
    await term.waitFor('(300 rows)', { all: true });
    expect(dataLines()).toBe(300);
    // q at ---MORE--- stops the result and brings the prompt back
    term.line(`SELECT widget_id FROM ${KS}.widgets;`);
    await term.waitFor(/---MORE---$/);
    term.type('q');
    await term.waitFor(/cqlsh>$/);
    expect(term.all().match(/\(300 rows\)/g)).toHaveLength(1);
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
  });

  it('prints errors in red and keeps the prompt', async () => {
    ({ term } = await startRepl());
    term.line('SELECT * FROM no_such_keyspace.t;');
    await term.waitFor(/InvalidRequest[\s\S]*cqlsh>$/);
    expect(term.screenWithColors()).toMatch(/\x1b\[(0;)?(1;)?31m[^\n]*InvalidRequest/);
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor('(1 rows)');
  });

  it('edits around wide characters with the cursor where it should be', async () => {
    ({ term } = await startRepl());
    term.type('SELECT cluster_name AS "日語"');
    term.type('\x1b[D\x1b[D');
    // 'cqlsh> ' + 'SELECT cluster_name AS "' + 日 (two cells)
    await term.waitFor(() => term!.cursor().x === 7 + 24 + 2);
    term.type('本\x05 FROM system.local;\r');
    const s = await term.waitFor('(1 rows)');
    expect(s).toContain('cqlsh> SELECT cluster_name AS "日本語" FROM system.local;');
    expect(s).toMatch(/ 日本語\n-+\n Test Cluster/);
  });

  it('lays the prompt out again when the terminal is resized', async () => {
    ({ term } = await startRepl({ cols: 100 }));
    const stmt = 'SELECT cluster_name, release_version, cql_version, native_protocol_version FROM system.local';
    term.type(stmt);
    await term.waitFor((s) => s.endsWith(`cqlsh> ${stmt}`));
    term.resize(50, 40);
    // the prompt is re-laid in rows of 49 cells, and nothing of the wider frame is left above it
    await term.waitFor((s) => {
      const rows = s.split('\n');
      const after = rows.slice(rows.indexOf('Use HELP for help.') + 1);
      return after.join('') === `cqlsh> ${stmt}` && after.length === 3 && after.every((r) => r.length <= 49);
    });
    term.line(';');
    await term.waitFor('(1 rows)');
  });

  it('hands a tall result to the pager when the pager and pager-tall settings are on; short ones print as usual', async () => {
    ({ term } = await startRepl({ rows: 30, env: { TSCQLSH_PAGER: 'on', TSCQLSH_PAGER_TALL: 'on', PAGER: "sed -n '$=' | sed 's/^/paged lines: /'" } }));
    term.line('PAGING OFF');
    await term.waitFor(/PAGING OFF\n.*\ncqlsh>$/);
    term.line(`SELECT widget_id FROM ${KS}.widgets;`);
    await term.waitFor(/paged lines: 30[0-9]\n(\n)*cqlsh>$/);
    expect(term.screen()).not.toContain('---MORE---');
    term.line('SELECT cluster_name FROM system.local;');
    await term.waitFor(/Test Cluster\n\n\(1 rows\)\ncqlsh>$/);
  });

  it('Ctrl-D on an empty prompt exits with a newline', async () => {
    ({ term } = await startRepl());
    term.type(CTRL_D);
    expect(await term.waitExit()).toBe(0);
    expect(term.screen().split('\n').pop()).toBe('cqlsh>');
  });

  it('EXIT exits', async () => {
    ({ term } = await startRepl());
    term.line('EXIT');
    expect(await term.waitExit()).toBe(0);
  });

  it('piped stdin takes the batch path (no banner, no prompt)', async () => {
    const s = server();
    const r = await tscqlsh([s.host, String(s.port)], { stdin: 'SELECT cluster_name FROM system.local;\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Connected to');
    expect(r.stdout).not.toContain('cqlsh>');
    expect(r.stdout).toContain('(1 rows)');
  });
});
