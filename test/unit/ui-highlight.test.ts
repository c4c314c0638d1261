// Syntax highlighting of the buffer (from the project's lexer) and the prompt rows it colors:
// keywords, shell commands, types, strings, numbers, comments; unclosed quotes, unmatched
// brackets and unlexable characters as errors; the suggestion dimmed after the buffer.
import { describe, expect, it } from 'vitest';
import * as B from '../../src/ui/buffer.js';
import type { View } from '../../src/ui/controller.js';
import { highlight, highlightLines, paint, type Style } from '../../src/ui/highlight.js';
import { promptLayout, promptRows } from '../../src/ui/prompt-rows.js';

/** Each styled stretch as `text:style`. */
function styled(text: string): string[] {
  return highlight(text).map((s) => `${text.slice(s.start, s.end)}:${s.style}`);
}

const SGR = /\x1b\[[0-9;]*m/g;

describe('highlighting', () => {
  it('colors keywords, types, strings, numbers and constants; names stay plain', () => {
    expect(styled("SELECT name, count(*) FROM ks.users WHERE id = 42 AND ok = true AND n = 'x''y';")).toEqual([
      'SELECT:keyword',
      'count:keyword',
      'FROM:keyword',
      'WHERE:keyword',
      '42:number',
      'AND:keyword',
      'true:number',
      'AND:keyword',
      "'x''y':string",
    ]);
    expect(styled('CREATE TABLE t (k int PRIMARY KEY, m map<text, blob>, u uuid);').filter((s) => s.endsWith(':type'))).toEqual([
      'int:type',
      'map:type',
      'text:type',
      'blob:type',
      'uuid:type',
    ]);
    // a name after a dot is a name, whatever it is spelled like
    expect(styled('SELECT * FROM ks.type;')).toEqual(['SELECT:keyword', 'FROM:keyword']);
    expect(styled('INSERT INTO t (id) VALUES (5b6962dd-3f90-4c93-8f61-eabfa4a803e2, 0xcafe, 1.5, $$pg$$)')).toContain('$$pg$$:string');
  });

  it('marks comments, which the lexer skips', () => {
    expect(styled('SELECT /* all */ * FROM t; -- done')).toEqual(['SELECT:keyword', '/* all */:comment', 'FROM:keyword', '-- done:comment']);
  });

  it('colors shell commands at the start of a statement, not elsewhere', () => {
    expect(styled('DESCRIBE TABLE t; CONSISTENCY QUORUM')).toEqual(['DESCRIBE:shell', 'TABLE:keyword', 'CONSISTENCY:shell']);
    // a shell command ends at its line end
    expect(styled('PAGING OFF\nEXPAND ON')).toEqual(['PAGING:shell', 'OFF:keyword', 'EXPAND:shell', 'ON:keyword']);
    expect(styled('SELECT paging FROM t;')).toEqual(['SELECT:keyword', 'FROM:keyword']);
  });

  it('shows an unclosed quote, an unclosed comment and unmatched brackets as errors', () => {
    expect(styled("SELECT 'abc")).toEqual(['SELECT:keyword', "'abc:error"]);
    expect(styled('SELECT "Name')).toEqual(['SELECT:keyword', '"Name:error']);
    expect(styled('SELECT /* x')).toEqual(['SELECT:keyword', '/* x:error']);
    expect(styled('INSERT INTO t (a, b')).toEqual(['INSERT:keyword', 'INTO:keyword', '(:error']);
    expect(styled('SELECT f(a)) FROM t;')).toEqual(['SELECT:keyword', '):error', 'FROM:keyword']);
    expect(styled('SELECT [1, 2) FROM t;').filter((s) => s.endsWith(':error'))).toEqual(['[:error', '):error']);
    // matched ones are plain, across lines too
    expect(styled('INSERT INTO t (a,\n b) VALUES ({1: [2]}, 3);').filter((s) => s.endsWith(':error'))).toEqual([]);
    // an unclosed bracket at a statement's end stays an error after it
    expect(styled('SELECT (a FROM t; SELECT b FROM t;').filter((s) => s.endsWith(':error'))).toEqual(['(:error']);
  });

  it('marks a character no token can start with, and goes on after it', () => {
    expect(styled('SELECT a # b FROM t;')).toEqual(['SELECT:keyword', '#:error', 'FROM:keyword']);
  });

  it('paints each line on its own, with the 16 colors and bold/dim only', () => {
    const lines = highlightLines("SELECT 'a\nb' FROM t;");
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain('\x1b');
    expect(lines[0]).toBe("\x1b[1mSELECT\x1b[22m \x1b[32m'a\x1b[39m");
    expect(lines[1]).toBe("\x1b[32mb'\x1b[39m \x1b[1mFROM\x1b[22m t;");
    // no background and no 256/true colors
    const codes = lines
      .join('')
      .match(/\x1b\[([0-9;]*)m/g)!
      .flatMap((c) => c.slice(2, -1).split(';').map(Number));
    for (const n of codes) expect([1, 2, 4, 22, 24, 31, 32, 35, 36, 39]).toContain(n);
  });

  it('paints a slice of the text at an offset (a wrapped row)', () => {
    const text = "x = 'abc'";
    expect(paint(text.slice(6), highlight(text), 6)).toBe("\x1b[32mbc'\x1b[39m");
    expect(paint(text.slice(0, 6), highlight(text), 0)).toBe("x = \x1b[32m'a\x1b[39m");
  });
});

function view(text: string, o: Partial<View> = {}): View {
  return {
    mode: 'edit',
    prompt: 'cqlsh> ',
    continuation: '   ... ',
    hints: [],
    buffer: B.fromText(text),
    menu: null,
    search: null,
    input: null,
    status: '',
    highlight: true,
    suggestion: '',
    ...o,
  };
}

describe('prompt rows', () => {
  it('keep the prompt plain and color the buffer, wrapped rows included', () => {
    const v = view("SELECT 'a long string' FROM t;");
    const layout = promptLayout(v, 20);
    const rows = promptRows(v, layout);
    expect(rows.map((r) => r.replace(SGR, ''))).toEqual(layout.rows);
    expect(rows[0].startsWith('cqlsh> \x1b[1mSELECT')).toBe(true);
    // the string goes on on the second row, still green
    expect(rows[1].startsWith('\x1b[32m')).toBe(true);
  });

  it('show the suggestion dimmed after the buffer, the cursor staying in the buffer', () => {
    const v = view('SELECT * FR', { suggestion: 'OM t;\nSELECT 1;', highlight: false });
    const layout = promptLayout(v, 80);
    expect(layout.rows).toEqual(['cqlsh> SELECT * FROM t;', '   ... SELECT 1;']);
    expect(layout.cursor).toEqual({ x: 18, y: 0 });
    expect(promptRows(v, layout)).toEqual(['cqlsh> SELECT * FR\x1b[2mOM t;\x1b[22m', '   ... \x1b[2mSELECT 1;\x1b[22m']);
  });

  it('are plain without highlighting and without a suggestion', () => {
    const v = view('SELECT 1;', { highlight: false });
    expect(promptRows(v, promptLayout(v, 80))).toEqual(['cqlsh> SELECT 1;']);
  });
});

// (the styles are what the docs name)
const _styles: Style[] = ['keyword', 'shell', 'type', 'string', 'number', 'comment', 'error', 'suggestion'];
void _styles;
