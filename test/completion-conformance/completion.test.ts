// Tab completion compared with the reference cqlsh's, buffer by buffer: the same buffers typed
// into both shells' REPLs in a real terminal against the same server and schema; cqlsh's
// candidates read with readline's possible-completions (what Tab Tab lists), tscqlsh's from its
// menu or from the line when it inserted the only one. tscqlsh must offer what cqlsh offers,
// except the deliberate differences named in cases.ts (and docs/compat.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { referenceCqlsh } from '../support/reference.js';
import { Term } from '../support/pty.js';
import { tscqlsh, tscqlshBin } from '../support/run.js';
import { FILES, GROUPS, SCHEMA, type Case } from './cases.js';
import { cqlshOffer, tscqlshOffer, type Offer } from './screens.js';

const server = inject('cassandra');
const COLS = 200;
const ROWS = 50;

let cwd: string;
let home: string;

beforeAll(async () => {
  if (!fs.existsSync(tscqlshBin)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const r = await tscqlsh([server.host, String(server.port)], { stdin: SCHEMA.join('\n') + '\n', timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`schema set-up failed: ${r.stderr}`);
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-cc-cwd-'));
  for (const f of FILES) {
    fs.mkdirSync(path.dirname(path.join(cwd, f)), { recursive: true });
    fs.writeFileSync(path.join(cwd, f), '');
  }
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-cc-home-'));
  fs.mkdirSync(path.join(home, '.cassandra'));
  // readline reads no machine-wide settings
  fs.writeFileSync(path.join(home, 'inputrc'), '');
}, 180_000);

function terminal(command: string[], keyspace: string | undefined): Term {
  return new Term([...command, server.host, String(server.port), ...(keyspace ? ['-k', keyspace] : [])], {
    cwd,
    cols: COLS,
    rows: ROWS,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      INPUTRC: path.join(home, 'inputrc'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_CONFIG_HOME: path.join(home, 'config'),
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      // Ink under a PTY needs CI=false; tscqlsh shows its colors whatever CI says (the dimmed hint
      // line and notes are told from the candidates by them). No suggestion from history in the line.
      CI: 'false',
      TSCQLSH_SUGGEST: 'off',
      TSCQLSH_CACHE_DIR: process.env.TSCQLSH_CACHE_DIR,
    },
  });
}

/** A buffer typed first in each session, until it is answered: the first completion is slow. */
const WARM_UP = 'SELECT * FROM ';

/** Reads every case's offer in one session of a shell (`previous`: the buffer typed before). */
async function readAll(term: Term, cases: Case[], read: (buffer: string, previous: string) => Promise<Offer>): Promise<Offer[]> {
  try {
    await term.waitFor(/cqlsh(:\w+)?> $|cqlsh(:\w+)?>$/m, { timeoutMs: 60_000 });
    let previous = '';
    for (let i = 0; i < 5 && (await read(WARM_UP, previous)).items.length === 0; i++) previous = WARM_UP;
    previous = WARM_UP;
    const out: Offer[] = [];
    for (const c of cases) {
      out.push(await read(c.buffer, previous));
      previous = c.buffer;
    }
    return out;
  } finally {
    term.close();
  }
}

/** Candidates naming keyspaces that other test projects own come and go: left out on both sides. */
const ownKeyspaceRef = (s: string) => !/^"?[^".]+"?\.$/.test(s) || /^"?(system|qcc)/i.test(s);
const norm = (xs: readonly string[]) => [...new Set(xs.map((s) => s.trim().toLowerCase()))].sort();

function compare(c: Case, theirs: Offer, ours: Offer): void {
  const t = theirs.items.filter(ownKeyspaceRef).map((s) => (c.ours ? c.ours(s) : s));
  const o = ours.items.filter(ownKeyspaceRef);
  const detail = `buffer ${JSON.stringify(c.buffer)}\ncqlsh:   ${JSON.stringify(theirs)}\ntscqlsh: ${JSON.stringify(ours)}`;
  if (t.length === 1 && theirs.hints.length === 0 && ours.inserted !== undefined) {
    // one candidate, put in the line by tscqlsh; cqlsh may add what must follow it (`ks ;`)
    expect(norm(t)[0].startsWith(norm(o)[0]), detail).toBe(true);
    expect(o[0].length, detail).toBeGreaterThan(0);
    return;
  }
  const expected = norm(t).filter((s) => !norm(c.cqlshOnly ?? []).includes(s));
  expect(norm(o), detail).toEqual(norm([...expected, ...(c.tscqlshOnly ?? [])]));
  // where cqlsh can only say what is expected, tscqlsh says it too
  if (t.length === 0 && o.length === 0 && theirs.hints.length) expect(ours.hints.length, detail).toBeGreaterThan(0);
}

for (const group of GROUPS) {
  describe(`completion as cqlsh: ${group.name}${group.keyspace ? '' : ' (no keyspace)'}`, () => {
    let theirs: Offer[] = [];
    let ours: Offer[] = [];
    beforeAll(async () => {
      const cqlsh = terminal([referenceCqlsh()], group.keyspace);
      theirs = await readAll(cqlsh, group.cases, (b) => cqlshOffer(cqlsh, b));
      const ts = terminal([process.execPath, tscqlshBin], group.keyspace);
      ours = await readAll(ts, group.cases, (b, previous) => tscqlshOffer(ts, b, previous !== ''));
    }, 240_000);

    for (const [i, c] of group.cases.entries()) {
      it(JSON.stringify(c.buffer), () => compare(c, theirs[i], ours[i]));
    }
  });
}

it('covers at least 40 buffers across the statements the issue names', () => {
  const all = GROUPS.flatMap((g) => g.cases.map((c) => c.buffer.trimStart().split(/\s+/)[0].toUpperCase()));
  expect(all.length).toBeGreaterThanOrEqual(40);
  for (const kw of ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'ALTER', 'USE', 'DESCRIBE', 'COPY', 'CONSISTENCY', 'SOURCE']) {
    expect(all).toContain(kw);
  }
});
