// Reading completions off the screen of a real terminal (test/support/pty.ts):
//   - cqlsh (GNU readline): the buffer is typed, then Alt-? (readline's possible-completions) lists
//     every candidate in columns without inserting any; hints (`<value for k (int)>`) are listed
//     with them, as cqlsh shows them after Tab Tab.
//   - tscqlsh: the buffer is typed, then Tab: one candidate is inserted in the line, several open
//     the menu (a dimmed hint line, rows of candidates, `(N more)`), which is paged through with
//     Page Down until every row has been seen.
import type { Term } from '../support/pty.js';

export interface Offer {
  /** the candidates shown (or the one inserted) */
  items: string[];
  hints: string[];
  /** the text a single candidate put in the line (after the buffer), when that is what happened */
  inserted?: string;
}

/** How long a shell may take to show its completions (nothing shown takes this long to tell) */
const ANSWER_MS = 10_000;
const CTRL_C = '\x03';
const CTRL_L = '\x0c';
const ESC = '\x1b';
const PAGE_DOWN = '\x1b[6~';

/** Words of a listing in columns: separated by two or more spaces. */
function cells(line: string): string[] {
  return line
    .split(/ {2,}/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** cqlsh's hints: `<...>` and its few sentences. */
function isCqlshHint(s: string): boolean {
  return /^<.+>$/.test(s) || /^(Can't ORDER BY here|No more \w+ here\.|#rows_per_partition|'fully qualified class name')/.test(s);
}

const lines = (screen: string) => screen.split('\n').map((l) => l.replace(/\s+$/, ''));

/** Types a buffer (its lines entered one by one: the shells continue the statement) and waits for its echo. */
async function typeBuffer(term: Term, buffer: string): Promise<string[]> {
  term.type(buffer.split('\n').join('\r'));
  const want = buffer.split('\n');
  const tail = want[want.length - 1].trimEnd();
  const screen = await term.waitFor((s) => {
    const l = lines(s);
    return l.length === want.length && l[l.length - 1].endsWith(tail);
  });
  return lines(screen);
}

/** A fresh prompt alone on a cleared screen. */
async function freshPrompt(term: Term, clear: string): Promise<void> {
  const bare = /(^|\n)cqlsh(:\w+)?>$/;
  if (clear) {
    // Ctrl-C drops the statement: a new, empty prompt (on a new line: the screen changes)
    const before = term.screen();
    term.type(clear);
    await term.waitFor((s) => s !== before && bare.test(s));
  }
  term.type(CTRL_L);
  await term.waitFor((s) => /^cqlsh(:\w+)?>$/.test(s));
  term.clearHistory();
}

export async function cqlshOffer(term: Term, buffer: string): Promise<Offer> {
  await freshPrompt(term, CTRL_C);
  const typed = (await typeBuffer(term, buffer)).length;
  let screen = await term.typeAndSettle(`${ESC}?`, { changeMs: ANSWER_MS });
  for (let i = 0; i < 20 && /Display all \d+ possibilities|--More--/.test(screen); i++) {
    screen = await term.typeAndSettle(/Display all/.test(screen) ? 'y' : ' ');
  }
  const all = lines(screen);
  // the listing sits between the typed lines and the redisplayed last line
  const listing = all.slice(typed, -1).filter((l) => !/Display all|--More--/.test(l));
  const words = listing.flatMap(cells);
  return { items: words.filter((w) => !isCqlshHint(w)), hints: words.filter(isCqlshHint) };
}

/** The line starts dimmed (tmux writes the attributes its own way: `[2m`, `[0;2m`, ...). */
function startsDim(line: string | undefined): boolean {
  // eslint-disable-next-line no-control-regex
  const lead = /^(?:\x1b\[[0-9;]*m)+/.exec(line ?? '')?.[0] ?? '';
  // eslint-disable-next-line no-control-regex
  return [...lead.matchAll(/\x1b\[([0-9;]*)m/g)].some((m) => m[1].split(';').includes('2'));
}
/** readline's default word breaks, and `.` (cqlsh adds it) */
const WORD_BREAKS = ' \t\n`~!@#$%^&*()-=+[{]}\\|;:\'",<>/?.';
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;
const NOTE = /^\((\d+) more\)$|^\((\d+) above, (\d+) below\)$/;
/** A menu row without the dimmed notes after its candidates (a column's type, a table's kind), as plain text. */
function withoutNotes(line: string): string {
  let dim = false;
  let out = '';
  // eslint-disable-next-line no-control-regex
  for (const m of line.matchAll(/\x1b\[([0-9;]*)m|[^\x1b]+/g)) {
    if (m[1] === undefined) {
      out += dim ? ' '.repeat(m[0].length) : m[0];
      continue;
    }
    for (const p of (m[1] || '0').split(';')) {
      if (p === '2') dim = true;
      else if (p === '0' || p === '22') dim = false;
    }
  }
  return out;
}

export async function tscqlshOffer(term: Term, buffer: string, clear: boolean): Promise<Offer> {
  await freshPrompt(term, clear ? CTRL_C : '');
  const before = await typeBuffer(term, buffer);
  const typed = before.length;
  let screen = await term.typeAndSettle('\t', { colors: true, changeMs: ANSWER_MS });
  // the first Tab of a session may wait for the schema (a status line says so)
  while (screen.includes('Reading the schema')) screen = await term.typeAndSettle('', { colors: true, changeMs: 10_000 });
  const items = new Set<string>();
  let hints: string[] = [];
  let promptLine = '';
  for (let page = 0; page < 50; page++) {
    const colored = lines(screen);
    const plain = colored.map((l) => l.replace(SGR, ''));
    promptLine = plain[typed - 1];
    let menu = colored.slice(typed);
    if (startsDim(menu[0]) && !NOTE.test(plain[typed])) {
      hints = cells(plain[typed]);
      menu = menu.slice(1);
    }
    const rows = menu.map((l) => (NOTE.test(l.replace(SGR, '')) ? l.replace(SGR, '') : withoutNotes(l)));
    const note = rows.length && NOTE.exec(rows[rows.length - 1]);
    for (const r of note ? rows.slice(0, -1) : rows) for (const c of cells(r)) items.add(c);
    const below = note ? Number(note[1] ?? note[3]) : 0;
    if (!below) break;
    screen = await term.typeAndSettle(PAGE_DOWN, { colors: true });
  }
  const was = before[typed - 1];
  if (items.size === 0 && hints.length === 0 && promptLine !== was) {
    // one candidate: it went into the line in place of the word being completed (what follows
    // the last of readline's word breaks), with the closing quote of a file or quoted name
    let start = buffer.length;
    while (start > 0 && !WORD_BREAKS.includes(buffer[start - 1])) start--;
    const word = promptLine.slice(was.length - (buffer.length - start)).trim().replace(/^(\w.*?)['"]$/, '$1');
    return { items: [word], hints: [], inserted: promptLine.slice(was.length) };
  }
  return { items: [...items], hints };
}
