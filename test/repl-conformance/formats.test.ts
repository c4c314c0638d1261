// tscqlsh's own output formats in the REPL (cqlsh has none to compare with): what the screen
// shows after each statement must be valid JSON / NDJSON / CSV holding exactly the rows, whether
// set by OUTPUT FORMAT or by --format, with zero rows too, and with paging on.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Term } from '../support/pty.js';
import { projectRoot, tscqlshBin } from '../support/run.js';
import { newHome } from '../e2e/repl-helpers.js';
import { runCql, server } from './harness.js';

const KS = 'rc_formats';
const PROMPT = /\ncqlsh:rc_formats>$/;

/** What a statement printed: the lines between its echo and the next prompt. */
function printed(screen: string, statement: string): string {
  const at = screen.lastIndexOf(`cqlsh:${KS}> ${statement}\n`);
  expect(at).toBeGreaterThanOrEqual(0);
  const rest = screen.slice(at + `cqlsh:${KS}> ${statement}\n`.length);
  return rest.slice(0, rest.lastIndexOf(`cqlsh:${KS}>`));
}

/** RFC 4180 records (no quoted line breaks in these rows). */
function parseCsv(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l) => {
      const fields: string[] = [];
      let i = 0;
      for (;;) {
        let f = '';
        if (l[i] === '"') {
          for (i++; i < l.length; i++) {
            if (l[i] === '"' && l[i + 1] === '"') f += l[i++];
            else if (l[i] === '"') break;
            else f += l[i];
          }
          i++;
        } else {
          while (i < l.length && l[i] !== ',') f += l[i++];
        }
        fields.push(f);
        if (l[i] !== ',') return fields;
        i++;
      }
    });
}

describe('output formats in the REPL (tscqlsh only)', () => {
  let term: Term;
  const start = async (args: string[] = []) => {
    const s = server();
    const home = newHome();
    term = new Term([process.execPath, tscqlshBin, s.host, String(s.port), '-k', KS, '--disable-history', ...args], {
      cwd: projectRoot,
      cols: 250,
      rows: 50,
      history: 50_000,
      env: { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', CI: 'false', TSCQLSH_PAGER: 'off' },
    });
    await term.waitFor(PROMPT, { timeoutMs: 30_000 });
  };
  /** Runs a statement and returns what it printed, once the prompt is back and the screen still. */
  const run = async (statement: string): Promise<string> => {
    const echo = `cqlsh:${KS}> ${statement}\n`;
    const before = term.all().split(echo).length;
    term.line(statement);
    let last = '';
    await term.waitFor(
      (s) => {
        const still = s === last;
        last = s;
        return still && s.split(echo).length > before && PROMPT.test(s);
      },
      { all: true },
    );
    return printed(last, statement);
  };

  beforeAll(async () => {
    await runCql([
      `DROP KEYSPACE IF EXISTS ${KS};`,
      `CREATE KEYSPACE ${KS} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};`,
      `CREATE TABLE ${KS}.t (id int PRIMARY KEY, name text, big bigint, price decimal, tags list<text>);`,
      `INSERT INTO ${KS}.t (id, name, big, price, tags) VALUES (1, 'ann', 9223372036854775807, 12.50, ['a', 'b']);`,
      `INSERT INTO ${KS}.t (id, name, big, price, tags) VALUES (2, 'say "hi", 日本', -1, 0.1, []);`,
      `INSERT INTO ${KS}.t (id, name) VALUES (3, null);`,
    ]);
  }, 120_000);
  afterEach(() => term?.close());

  it('OUTPUT FORMAT json: one array, every row, exact numbers; zero rows is []', async () => {
    await start();
    await run('OUTPUT FORMAT json');
    const rows = JSON.parse(await run('SELECT id, name, big, price, tags FROM t;')) as Record<string, unknown>[];
    expect(rows.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    // (Cassandra keeps an empty list as null)
    expect(rows.find((r) => r.id === 2)).toEqual({ id: 2, name: 'say "hi", 日本', big: -1, price: 0.1, tags: null });
    const text = await run('SELECT big FROM t WHERE id = 1;');
    expect(text).toContain('9223372036854775807');
    expect(JSON.parse(await run('SELECT id FROM t WHERE id = 99;'))).toEqual([]);
    // paging on with a small page size: still one array
    await run('PAGING 2');
    expect(JSON.parse(await run('SELECT id FROM t;'))).toHaveLength(3);
  });

  it('OUTPUT FORMAT ndjson: one object per line', async () => {
    await start();
    await run('OUTPUT FORMAT ndjson');
    const lines = (await run('SELECT id, name FROM t;')).split('\n').filter((l) => l.trim() !== '');
    expect(lines.map((l) => (JSON.parse(l) as { id: number }).id).sort()).toEqual([1, 2, 3]);
    expect((await run('SELECT id FROM t WHERE id = 99;')).trim()).toBe('');
  });

  it('--format csv: a header and one record a row, quoted where needed', async () => {
    await start(['--format', 'csv']);
    const rows = parseCsv(await run('SELECT id, name FROM t;'));
    expect(rows[0]).toEqual(['id', 'name']);
    expect(rows.slice(1).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([['1', 'ann'], ['2', 'say "hi", 日本'], ['3', '']]);
    expect(parseCsv(await run('SELECT id FROM t WHERE id = 99;'))).toEqual([['id']]);
  });

  it('OUTPUT FORMAT table again after json: cqlsh’s table', async () => {
    await start(['--format', 'json']);
    await run('OUTPUT FORMAT table');
    expect(await run('SELECT id FROM t WHERE id = 1;')).toBe('\n id\n----\n  1\n\n(1 rows)\n');
  });
});
