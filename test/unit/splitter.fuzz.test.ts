import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { tokenize, type Token } from '../../src/cql/lexer.js';
import { COMMANDS_ENDING_AT_NEWLINE } from '../../src/cql/vocabulary.js';
import { LineReader, StatementSplitter, splitAll, splitBuffer, type LineBreaks, type SplitEvent } from '../../src/cql/splitter.js';

const FRAGMENTS = [
  'SELECT',
  'select',
  ' * FROM t',
  ' ',
  '  ',
  'x',
  'ks.t',
  ';',
  ';',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\t',
  "'",
  "''",
  "'a;b'",
  '"',
  '""',
  '"Q;"',
  '$$',
  '$$ ; $$',
  '--',
  '-- c ;\n',
  '//',
  '/*',
  '*/',
  '/* ; */',
  '*',
  '/',
  '-',
  '-1.5',
  '0x1F',
  '42',
  '1.',
  'BEGIN',
  'BATCH',
  'BEGIN BATCH ',
  'BEGIN UNLOGGED BATCH ',
  'APPLY',
  'APPLY BATCH;',
  ' APPLY BATCH;\n',
  'BEGIN BATCH INSERT INTO t (a) VALUES (1);',
  'begin unlogged batch\n',
  'apply x;',
  'INSERT INTO t (a) VALUES (1);',
  'SHOW',
  'SHOW VERSION',
  'show host',
  'DESC',
  'describe tables',
  'help',
  '?',
  'exit',
  'quit',
  'TRACING ON',
  'COPY t TO STDOUT',
  'USE ks',
  'CONSISTENCY',
  'paging off',
  '(',
  ')',
  ',',
  '=',
  '<=',
  '!=',
  '{',
  ']',
  ':',
  '\f',
  '\v',
  'ı',
  'K',
];
// characters the lexer refuses (outside strings and comments), and odd line breaks
const RARE = ['@', '#', '_x', 'é', '😀', '\x1c', '\u2028', '\x85', '\\', '$'];

const cqlish = fc
  .array(
    fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 1, arbitrary: fc.constantFrom(...RARE) },
      { weight: 1, arbitrary: fc.string() },
      { weight: 1, arbitrary: fc.string({ unit: 'binary' }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

// statement-shaped input: short runs of fragments, each ended somehow, batches among them
const statementish = fc
  .array(
    fc.oneof(
      fc
        .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 5 }), fc.constantFrom(';', ';\n', '\n', ' ', ';\r\n', ''))
        .map(([parts, end]) => parts.join(' ') + end),
      fc.constantFrom('BEGIN BATCH\n', 'begin unlogged batch ', 'BEGIN COUNTER BATCH;', 'APPLY BATCH;\n', ' apply batch;', 'SHOW HOST\n'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(
  { weight: 2, arbitrary: cqlish },
  { weight: 2, arbitrary: statementish },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);
const lineBreaks = fc.constantFrom<LineBreaks>('lf', 'universal');

/** A comparable view of events, with line numbers moved by `shift`. */
const view = (events: SplitEvent[], shift = 0) =>
  events.map((e) =>
    e.kind === 'statement'
      ? ['statement', e.text, e.raw, e.line + shift, e.endLine + shift, e.reportLine + shift]
      : e.kind === 'syntax-error'
        ? ['error', ...e.lines, e.reportLine + shift]
        : ['incomplete', e.reportLine + shift],
  );

function chunked(text: string, cuts: number[], mode: LineBreaks): SplitEvent[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const sp = new StatementSplitter({ lineBreaks: mode });
  const events: SplitEvent[] = [];
  let prev = 0;
  for (const p of [...points, text.length]) {
    events.push(...sp.push(text.slice(prev, p)));
    prev = p;
  }
  events.push(...sp.end());
  return events;
}

function lineCount(text: string, mode: LineBreaks): number {
  const r = new LineReader(mode);
  return r.push(text).length + (r.end() === null ? 0 : 1);
}

/**
 * A deliberately naive model of cqlsh's loop: after each line, tokenize the whole buffer again
 * and decide from the full token list. Quadratic, but obviously the rules.
 */
function naive(text: string, mode: LineBreaks): string[] {
  const out: string[] = [];
  const reader = new LineReader(mode);
  const lines = reader.push(text);
  const last = reader.end();
  if (last !== null) lines.push(last);
  let buffer = '';
  lines.forEach((line, i) => {
    buffer += line;
    const lineno = i + 2;
    const { tokens, errorAt } = tokenize(buffer);
    if (errorAt >= 0) {
      out.push(`error@${lineno}`);
      buffer = '';
      return;
    }
    // endlines end a statement only after a command that ends at a newline
    const kept: Token[] = [];
    let onNl = false;
    let pieceLen = 0;
    for (const t of tokens) {
      let type = t.type;
      if (type === 'endline') {
        if (!onNl) continue;
        type = 'endtoken';
      }
      kept.push({ ...t, type });
      pieceLen++;
      if (type === 'endtoken') {
        onNl = false;
        pieceLen = 0;
      } else if (pieceLen === 1) onNl = COMMANDS_ENDING_AT_NEWLINE.has(t.text.toLowerCase());
    }
    const pieces: Token[][] = [[]];
    for (const t of kept) {
      pieces[pieces.length - 1].push(t);
      if (t.type === 'endtoken') pieces.push([]);
    }
    const stmts: Token[][] = [];
    let batch = false;
    for (const p of pieces) {
      if (batch) stmts[stmts.length - 1].push(...p);
      else stmts.push(p);
      if (p.length > 2) {
        if (p[p.length - 3].text.toUpperCase() === 'APPLY') batch = false;
        else if (p[0].text.toUpperCase() === 'BEGIN') batch = true;
      }
    }
    while (stmts.length && stmts[stmts.length - 1].length === 0) stmts.pop();
    if (stmts.length === 0) {
      buffer = '';
      return;
    }
    const lastStmt = stmts[stmts.length - 1];
    if (batch || lastStmt[lastStmt.length - 1].type !== 'endtoken') return;
    for (const s of stmts) out.push(`${lineno}:${buffer.slice(s[0].start, s[s.length - 1].end)}`);
    buffer = '';
  });
  if (buffer.trim()) out.push(`incomplete@${lines.length + 1}`);
  return out;
}

const compact = (events: SplitEvent[]) =>
  events.map((e) =>
    e.kind === 'statement' ? `${e.reportLine}:${e.text}` : e.kind === 'syntax-error' ? `error@${e.reportLine}` : `incomplete@${e.reportLine}`,
  );

describe('splitter properties', () => {
  it('never throws, and every statement is well formed', () => {
    fc.assert(
      fc.property(anyText, lineBreaks, (text, mode) => {
        const events = splitAll(text, { lineBreaks: mode });
        let cursor = 0;
        for (const e of events) {
          if (e.kind !== 'statement') continue;
          expect(e.text.endsWith(e.terminator)).toBe(true);
          expect(e.terminator === ';' || e.terminator === '\n').toBe(true);
          expect(e.text.startsWith(e.tokens[0].text)).toBe(true);
          expect(e.raw.endsWith(e.text)).toBe(true);
          for (const t of e.tokens) expect(e.text.slice(t.start, t.end)).toBe(t.text);
          expect(e.line).toBeLessThanOrEqual(e.endLine);
          expect(e.endLine).toBeLessThan(e.reportLine);
          const at = text.indexOf(e.raw, cursor);
          expect(at).toBeGreaterThanOrEqual(0);
          cursor = at + e.raw.length;
        }
        const r = splitBuffer(text);
        expect(r.events.every((e) => e.kind !== 'incomplete')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result however the input is chunked', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(), { maxLength: 8 }), lineBreaks, (text, cuts, mode) => {
        expect(view(chunked(text, cuts, mode))).toEqual(view(splitAll(text, { lineBreaks: mode })));
      }),
      { numRuns: 500 },
    );
  });

  it('splits A+B as A then B when A ends at a statement boundary', () => {
    const unit = fc.constantFrom(
      'SELECT 1;\n',
      "INSERT INTO t (a) VALUES ('x;\ny');\n",
      'SHOW VERSION\n',
      '-- comment\n',
      '\n',
      'BEGIN BATCH\nINSERT INTO t (a) VALUES (1);\nAPPLY BATCH;\n',
      '@ not lexable\n',
      'a; b\n;\r\n',
      '/* c */ DESC t\n',
      '$$ x\n $$;\n',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6 }), anyText, lineBreaks, (units, b, mode) => {
        const a = units.join('');
        const sp = new StatementSplitter({ lineBreaks: mode });
        sp.push(a);
        expect(sp.isEmpty()).toBe(true);
        const expected = [...view(splitAll(a, { lineBreaks: mode })), ...view(splitAll(b, { lineBreaks: mode }), lineCount(a, mode))];
        expect(view(splitAll(a + b, { lineBreaks: mode }))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a naive re-tokenize-the-buffer-every-line model', () => {
    fc.assert(
      fc.property(anyText, lineBreaks, (text, mode) => {
        expect(compact(splitAll(text, { lineBreaks: mode }))).toEqual(naive(text, mode));
      }),
      { numRuns: 500 },
    );
  });

  it('yields tokens that lie in the text in order, without overlapping', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const whole = tokenize(text);
        let prev = 0;
        for (const t of whole.tokens) {
          expect(t.start).toBeGreaterThanOrEqual(prev);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          prev = t.end;
        }
        if (whole.errorAt >= 0) expect(whole.errorAt).toBeGreaterThanOrEqual(prev);
      }),
      { numRuns: 500 },
    );
  });
});
