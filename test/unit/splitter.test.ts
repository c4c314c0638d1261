import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { CqlLexer, firstWord, tokenize, type Token } from '../../src/cql/lexer.js';
import {
  LineReader,
  StatementSplitter,
  executeText,
  splitAll,
  splitBuffer,
  syntaxErrorLines,
  type SplitEvent,
  type Statement,
  type InvalidSyntax,
} from '../../src/cql/splitter.js';
import { endsAtNewline, isShellCommand, shellCommandOf } from '../../src/cql/vocabulary.js';

const statements = (events: SplitEvent[]): Statement[] => events.filter((e): e is Statement => e.kind === 'statement');
const texts = (input: string, lineBreaks: 'lf' | 'universal' = 'lf') => statements(splitAll(input, { lineBreaks })).map((s) => s.text);
const kinds = (events: SplitEvent[]) => events.map((e) => e.kind);
/** A compact, comparable view of events. */
const view = (events: SplitEvent[]) =>
  events.map((e) =>
    e.kind === 'statement'
      ? { s: e.text, line: e.line, end: e.endLine, report: e.reportLine }
      : e.kind === 'syntax-error'
        ? { err: e.lines, report: e.reportLine }
        : { incomplete: e.reportLine },
  );
const types = (text: string) => tokenize(text).tokens.map((t) => [t.type, t.text]);

describe('lexer', () => {
  it('produces cqlsh token kinds', () => {
    expect(types('SELECT a, 1.5, -2.5, 42, 0xCAFE, \'it\'\'s\', "Q""n", $$d$$ FROM t WHERE b <= ? AND c != 3;')).toEqual([
      ['reserved_identifier', 'SELECT'],
      ['identifier', 'a'],
      ['op', ','],
      ['float', '1.5'],
      ['op', ','],
      ['float', '-2.5'],
      ['op', ','],
      ['wholenumber', '42'],
      ['op', ','],
      ['blobLiteral', '0xCAFE'],
      ['op', ','],
      ['quotedStringLiteral', "'it''s'"],
      ['op', ','],
      ['quotedName', '"Q""n"'],
      ['op', ','],
      ['pgStringLiteral', '$$d$$'],
      ['reserved_identifier', 'FROM'],
      ['identifier', 't'],
      ['reserved_identifier', 'WHERE'],
      ['identifier', 'b'],
      ['cmp', '<='],
      ['qmark', '?'],
      ['reserved_identifier', 'AND'],
      ['identifier', 'c'],
      ['cmp', '!='],
      ['wholenumber', '3'],
      ['endtoken', ';'],
    ]);
  });

  it('lexes uuids, brackets, colons, stars and newlines', () => {
    expect(types('[{*}]:\n12345678-abcd-ABCD-1234-123456789abcdef')).toEqual([
      ['brackets', '['],
      ['brackets', '{'],
      ['star', '*'],
      ['brackets', '}'],
      ['brackets', ']'],
      ['colon', ':'],
      ['endline', '\n'],
      ['uuid', '12345678-abcd-ABCD-1234-123456789abc'],
      ['identifier', 'def'],
    ]);
  });

  it('takes the longest-but-first match like cqlsh: 1. is a number then a dot, 0x alone is 0 then x', () => {
    expect(types('1. 0x -x 1in in1 in_')).toEqual([
      ['wholenumber', '1'],
      ['op', '.'],
      ['wholenumber', '0'],
      ['identifier', 'x'],
      ['op', '-'],
      ['identifier', 'x'],
      ['wholenumber', '1'],
      ['identifier', 'in'],
      ['identifier', 'in1'],
      ['identifier', 'in_'],
    ]);
  });

  it('accepts the four non-ASCII letters cqlsh folds onto a-z', () => {
    expect(types('ſet \u212Aeyspace ınto')).toEqual([
      ['reserved_identifier', 'ſet'],
      ['reserved_identifier', '\u212Aeyspace'],
      ['reserved_identifier', 'ınto'],
    ]);
  });

  it('drops whitespace and comments', () => {
    expect(types('a -- c ; d\nb // e\r\nc /* ; \n */ d\t\f\v\r')).toEqual([
      ['identifier', 'a'],
      ['identifier', 'b'],
      ['endline', '\n'],
      ['identifier', 'c'],
      ['identifier', 'd'],
    ]);
  });

  it('reports where it stops on characters cqlsh refuses', () => {
    for (const [text, at] of [
      ['a @', 2],
      ['_x', 0],
      ['$x', 0],
      ['a $', 2],
      ['é', 0],
      ['a#', 1],
      ['`a`', 0],
      ['x \\ y', 2],
      ['a\u00a0b', 1],
    ] as const) {
      expect(tokenize(text).errorAt, text).toBe(at);
    }
  });

  it('leaves unterminated constructs as unclosed tokens', () => {
    expect(types("a 'bc")).toEqual([
      ['identifier', 'a'],
      ['unclosedString', "'bc"],
    ]);
    expect(types('"bc\nd')).toEqual([['unclosedName', '"bc\nd']]);
    expect(types('$$ x\n$')).toEqual([['unclosedPgString', '$$ x\n$']]);
    expect(types('/* x\n*')).toEqual([['unclosedComment', '/* x\n*']]);
    expect(types('-- x')).toEqual([]);
    // an unterminated string with doubled quotes ends at the last pair, as in cqlsh
    expect(types("'a''b''c")).toEqual([
      ['quotedStringLiteral', "'a''b'"],
      ['unclosedString', "'c"],
    ]);
  });

  it('continues strings and comments across segments', () => {
    const lexer = new CqlLexer();
    const tokens: Token[] = [];
    const emit = (t: Token) => tokens.push(t);
    expect(lexer.lex("x 'a;\n", 1, emit)).toBe(-1);
    expect(lexer.openConstruct).toBe('string');
    expect(lexer.lex("b'; /* c\n", 2, emit)).toBe(-1);
    expect(lexer.openConstruct).toBe('comment');
    expect(lexer.lex('*/ y\n', 3, emit)).toBe(-1);
    expect(lexer.openConstruct).toBe(null);
    expect(tokens.map((t) => [t.type, t.text, t.start, t.line])).toEqual([
      ['identifier', 'x', 0, 1],
      ['quotedStringLiteral', "'a;\nb'", 2, 1],
      ['endtoken', ';', 8, 2],
      ['identifier', 'y', 18, 3],
      ['endline', '\n', 19, 3],
    ]);
  });

  it('finds the first word', () => {
    expect(firstWord('  -- c\n /* x */ SHOW version')).toBe('show');
    expect(firstWord('?')).toBe('?');
    expect(firstWord('   ')).toBe('');
    expect(firstWord("'str' x")).toBe("'str'");
  });
});

describe('shell commands', () => {
  it('knows which commands end at a newline', () => {
    for (const w of [
      'help',
      '?',
      'CONSISTENCY',
      'serial',
      'describe',
      'DESC',
      'show',
      'source',
      'capture',
      'login',
      'debug',
      'tracing',
      'expand',
      'paging',
      'exit',
      'quit',
      'clear',
      'cls',
      'history',
    ]) {
      expect(endsAtNewline(w), w).toBe(true);
    }
    for (const w of ['copy', 'use', 'select', 'unicode', 'begin']) expect(endsAtNewline(w), w).toBe(false);
  });

  it('maps aliases onto canonical commands', () => {
    expect(shellCommandOf('DESC')).toBe('describe');
    expect(shellCommandOf('quit')).toBe('exit');
    expect(shellCommandOf('CLS')).toBe('clear');
    expect(shellCommandOf('?')).toBe('help');
    expect(shellCommandOf('COPY')).toBe('copy');
    expect(shellCommandOf('select')).toBe(null);
    expect(shellCommandOf('use')).toBe(null);
    expect(isShellCommand('Tracing')).toBe(true);
    expect(isShellCommand('insert')).toBe(false);
  });
});

describe('splitting statements', () => {
  it('ends statements at ;, keeping the ; and inner whitespace, dropping what precedes the first token', () => {
    const [a, b] = statements(splitAll('  SELECT *\n  FROM t ;  /* x */ select 1 -- c\n  ;\n'));
    expect(a.text).toBe('SELECT *\n  FROM t ;');
    expect(a.body).toBe('SELECT *\n  FROM t');
    expect(a.terminator).toBe(';');
    expect(a.raw).toBe('  SELECT *\n  FROM t ;');
    expect(a.keyword).toBe('select');
    expect(a.shellCommand).toBe(null);
    expect(b.text).toBe('select 1 -- c\n  ;');
    expect(b.body).toBe('select 1');
    expect(b.raw).toBe('  /* x */ select 1 -- c\n  ;');
  });

  it('gives tokens relative to the statement text', () => {
    const [s] = statements(splitAll('\n\n  USE ks;\n'));
    expect(s.tokens.map((t) => [t.type, t.text, s.text.slice(t.start, t.end)])).toEqual([
      ['reserved_identifier', 'USE', 'USE'],
      ['identifier', 'ks', 'ks'],
      ['endtoken', ';', ';'],
    ]);
  });

  it('puts several statements on one line', () => {
    expect(texts('a;b;c;\n')).toEqual(['a;', 'b;', 'c;']);
  });

  it('ignores ; and comment markers inside strings, names and $$ strings', () => {
    expect(texts("INSERT INTO t (a) VALUES ('x; -- /* y ''z'' ;');\nSELECT \"we;ird\"\"--\" FROM t;\n")).toEqual([
      "INSERT INTO t (a) VALUES ('x; -- /* y ''z'' ;');",
      'SELECT "we;ird""--" FROM t;',
    ]);
    expect(texts('CREATE FUNCTION f() RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$\n  return 1; // ;\n$$;\n')).toEqual([
      'CREATE FUNCTION f() RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$\n  return 1; // ;\n$$;',
    ]);
  });

  it('keeps strings that span lines intact', () => {
    expect(texts("INSERT INTO t (a) VALUES ('line 1;\nline 2\r\n;');\n")).toEqual(["INSERT INTO t (a) VALUES ('line 1;\nline 2\r\n;');"]);
  });

  it('ignores ; inside comments of every kind', () => {
    expect(texts('SELECT -- a ; b\n1 // c ; d\n/* e ;\n; f */ FROM t;\n')).toEqual(['SELECT -- a ; b\n1 // c ; d\n/* e ;\n; f */ FROM t;']);
  });

  it('produces nothing for blank or comment-only input', () => {
    expect(splitAll('')).toEqual([]);
    expect(splitAll('\n\n  \t\n')).toEqual([]);
    expect(splitAll('-- a\n// b\n/* c\n d */\n')).toEqual([]);
    expect(splitAll('-- no newline at the end')).toEqual([]);
  });

  it('passes an empty statement on, as cqlsh does (the server rejects it)', () => {
    expect(texts(';\n')).toEqual([';']);
    expect(texts('SELECT 1;;\n')).toEqual(['SELECT 1;', ';']);
    const [, empty] = statements(splitAll('SELECT 1; ;\n'));
    expect(empty.keyword).toBe(';');
    expect(empty.body).toBe('');
  });
});

describe('batches', () => {
  it('keeps BEGIN ... APPLY BATCH together', () => {
    const input = 'BEGIN BATCH\n  INSERT INTO t (a) VALUES (1);\n  UPDATE t SET b = 2 WHERE a = 1;\nAPPLY BATCH;\nSELECT 1;\n';
    expect(texts(input)).toEqual(['BEGIN BATCH\n  INSERT INTO t (a) VALUES (1);\n  UPDATE t SET b = 2 WHERE a = 1;\nAPPLY BATCH;', 'SELECT 1;']);
  });

  it('handles UNLOGGED, COUNTER, USING and lower case', () => {
    expect(texts('begin unlogged batch using timestamp 5 insert into t (a) values (1); apply batch; x;\n')).toEqual([
      'begin unlogged batch using timestamp 5 insert into t (a) values (1); apply batch;',
      'x;',
    ]);
    expect(texts('BEGIN COUNTER BATCH UPDATE c SET n = n + 1 WHERE k = 1;\nAPPLY BATCH;\n')).toEqual([
      'BEGIN COUNTER BATCH UPDATE c SET n = n + 1 WHERE k = 1;\nAPPLY BATCH;',
    ]);
  });

  it('treats a batch with nothing inside the same way', () => {
    expect(texts('BEGIN BATCH; APPLY BATCH;\n')).toEqual(['BEGIN BATCH; APPLY BATCH;']);
  });

  it('needs at least three tokens: BEGIN; is an ordinary statement', () => {
    expect(texts('BEGIN;\nSELECT 1;\n')).toEqual(['BEGIN;', 'SELECT 1;']);
  });

  it('reports a batch left open at the end of input', () => {
    const events = splitAll('BEGIN BATCH\nINSERT INTO t (a) VALUES (1);\n');
    expect(view(events)).toEqual([{ incomplete: 3 }]);
  });

  it('says so while a batch is open', () => {
    const sp = new StatementSplitter();
    sp.push('BEGIN BATCH\n');
    expect(sp.inBatch()).toBe(false);
    sp.push('INSERT INTO t (a) VALUES (1);\n');
    expect(sp.inBatch()).toBe(true);
    expect(sp.isEmpty()).toBe(false);
    expect(statements(sp.push('APPLY BATCH;\n'))).toHaveLength(1);
    expect(sp.inBatch()).toBe(false);
    expect(sp.isEmpty()).toBe(true);
  });
});

describe('shell commands ending at a newline', () => {
  it('ends them at the end of the line, newline included in the text', () => {
    const ss = statements(splitAll('SHOW VERSION\nhelp\n?\nDESC KEYSPACES\nexit\n'));
    expect(ss.map((s) => [s.text, s.body, s.keyword, s.shellCommand])).toEqual([
      ['SHOW VERSION\n', 'SHOW VERSION', 'show', 'show'],
      ['help\n', 'help', 'help', 'help'],
      ['?\n', '?', '?', 'help'],
      ['DESC KEYSPACES\n', 'DESC KEYSPACES', 'desc', 'describe'],
      ['exit\n', 'exit', 'exit', 'exit'],
    ]);
    expect(ss[0].terminator).toBe('\n');
  });

  it('still accepts a ;', () => {
    expect(texts('TRACING ON; SHOW HOST;\n')).toEqual(['TRACING ON;', 'SHOW HOST;']);
  });

  it('needs a ; for COPY, USE and CQL', () => {
    expect(view(splitAll('COPY ks.t TO STDOUT\n'))).toEqual([{ incomplete: 2 }]);
    expect(view(splitAll('USE ks\n'))).toEqual([{ incomplete: 2 }]);
    expect(texts('COPY ks.t (a,\n b) TO STDOUT;\n')).toEqual(['COPY ks.t (a,\n b) TO STDOUT;']);
  });

  it('only counts the first word of a statement', () => {
    expect(texts('SELECT show\nFROM t;\n')).toEqual(['SELECT show\nFROM t;']);
    expect(texts('SELECT 1; SHOW\nHOST;\n')).toEqual(['SELECT 1;', 'SHOW\n', 'HOST;']);
  });

  it('lets a -- comment swallow the newline, joining the next line (as cqlsh does)', () => {
    expect(texts('SHOW HOST -- hi\nSHOW VERSION\n')).toEqual(['SHOW HOST -- hi\nSHOW VERSION\n']);
    // with CRLF the comment stops at the CR and the LF still ends the command
    expect(texts('SHOW HOST -- hi\r\nSHOW VERSION\r\n')).toEqual(['SHOW HOST -- hi\r\n', 'SHOW VERSION\r\n']);
  });

  it('is incomplete at the end of input without a newline', () => {
    expect(view(splitAll('SHOW VERSION'))).toEqual([{ incomplete: 2 }]);
  });

  it('continues over a multi-line comment', () => {
    expect(texts('SHOW /* a\nb */ VERSION\n')).toEqual(['SHOW /* a\nb */ VERSION\n']);
  });
});

describe('line numbers', () => {
  it('gives the first and last line of each statement and the line cqlsh reports', () => {
    const events = splitAll('\n\nSELECT x FROM\n system.local;\nSELECT y FROM system.local;\n');
    expect(view(events)).toEqual([
      { s: 'SELECT x FROM\n system.local;', line: 3, end: 4, report: 5 },
      { s: 'SELECT y FROM system.local;', line: 5, end: 5, report: 6 },
    ]);
  });

  it('holds back statements until the buffer they are in is complete, and reports them together', () => {
    const sp = new StatementSplitter();
    expect(sp.push('SELECT 1; SELECT\n')).toEqual([]);
    expect(sp.pending()).toBe('SELECT 1; SELECT\n');
    expect(view(sp.push(' 2;\n'))).toEqual([
      { s: 'SELECT 1;', line: 1, end: 1, report: 3 },
      { s: 'SELECT\n 2;', line: 1, end: 2, report: 3 },
    ]);
  });

  it('counts lines consumed elsewhere', () => {
    const sp = new StatementSplitter();
    const reader = new LineReader();
    const [first, ...data] = reader.push('COPY t FROM STDIN;\n1,2\n\\.\nSELECT 1;\n');
    expect(view(sp.pushLine(first))).toEqual([{ s: 'COPY t FROM STDIN;', line: 1, end: 1, report: 2 }]);
    sp.skipLines(2);
    expect(sp.lineCount).toBe(3);
    expect(view(sp.pushLine(data[2]))).toEqual([{ s: 'SELECT 1;', line: 4, end: 4, report: 5 }]);
  });
});

describe('syntax errors', () => {
  it('prints cqlsh’s message, the line and a caret, relative to the buffer', () => {
    const events = splitAll('select\n@x;\nSELECT 1;\n');
    expect(events[0]).toMatchObject({ kind: 'syntax-error', line: 2, char: 1, sourceLine: '@x;', reportLine: 3 });
    expect((events[0] as InvalidSyntax).lines).toEqual(['Invalid syntax at line 2, char 1', '  @x;', '  ^']);
    expect(view(events.slice(1))).toEqual([{ s: 'SELECT 1;', line: 3, end: 3, report: 4 }]);
  });

  it('drops the whole buffer, complete statements before the error included', () => {
    const events = splitAll('SELECT 1; @\nSELECT 2;\n');
    expect(view(events)).toEqual([
      { err: ['Invalid syntax at line 1, char 11', '  SELECT 1; @', '            ^'], report: 2 },
      { s: 'SELECT 2;', line: 2, end: 2, report: 3 },
    ]);
  });

  it('drops the rest of the line, even an opening quote', () => {
    expect(view(splitAll("@ 'x\nSELECT 1;\n"))).toEqual([
      { err: ['Invalid syntax at line 1, char 1', "  @ 'x", '  ^'], report: 2 },
      { s: 'SELECT 1;', line: 2, end: 2, report: 3 },
    ]);
  });

  it('counts characters in code points and keeps the line as is', () => {
    const [e] = splitAll("SELECT '😀' \\\r\n") as InvalidSyntax[];
    expect(e.char).toBe(12);
    expect(e.sourceLine).toBe("SELECT '😀' \\\r");
    expect(e.lines[2]).toBe(' ' + ' '.repeat(12) + '^');
  });

  it('has a short form for interactive use', () => {
    const [e] = splitAll('x $\n') as InvalidSyntax[];
    expect(syntaxErrorLines(e, false)).toEqual(['Invalid syntax at char 3', '  x $', '    ^']);
    expect(syntaxErrorLines(e, true)[0]).toBe('Invalid syntax at line 1, char 3');
  });

  it('finds errors in the last line even without a newline', () => {
    expect(view(splitAll('SELECT 1;\n$'))).toEqual([
      { s: 'SELECT 1;', line: 1, end: 1, report: 2 },
      { err: ['Invalid syntax at line 1, char 1', '  $', '  ^'], report: 3 },
    ]);
  });
});

describe('end of input', () => {
  it('reports an unfinished statement with the line after the last one read', () => {
    expect(view(splitAll('SELECT 1 FROM system.local;\n"unterminated'))).toEqual([
      { s: 'SELECT 1 FROM system.local;', line: 1, end: 1, report: 2 },
      { incomplete: 3 },
    ]);
    const events = splitAll("SELECT 'abc\n");
    expect(events).toEqual([{ kind: 'incomplete', message: 'Incomplete statement at end of file', reportLine: 2 }]);
  });

  it('treats open strings, names, $$ strings and comments as unfinished', () => {
    for (const input of ["x 'a;\n", 'x "a;\n', 'x $$a;\n', '/* a;\n', 'SELECT 1\n']) {
      expect(kinds(splitAll(input)), input).toEqual(['incomplete']);
    }
  });

  it('runs a statement finished on the last line without a newline', () => {
    expect(view(splitAll('SELECT 1;'))).toEqual([{ s: 'SELECT 1;', line: 1, end: 1, report: 2 }]);
  });

  it('leaves the splitter ready for more input after end()', () => {
    const sp = new StatementSplitter();
    sp.push('SELECT');
    expect(kinds(sp.end())).toEqual(['incomplete']);
    expect(sp.isEmpty()).toBe(true);
  });
});

describe('line endings', () => {
  it('handles CRLF: CR is whitespace, kept in the text', () => {
    expect(texts('SELECT 1\r\nFROM t;\r\nSHOW HOST\r\n')).toEqual(['SELECT 1\r\nFROM t;', 'SHOW HOST\r\n']);
    expect(texts('SELECT 1\r\nFROM t;\r\nSHOW HOST\r\n', 'universal')).toEqual(['SELECT 1\r\nFROM t;', 'SHOW HOST\r\n']);
  });

  it('counts lines at \\n only on standard input', () => {
    expect(view(splitAll('SELECT x\rFROM t;\rSELECT y;\r\nselect'))).toEqual([
      { s: 'SELECT x\rFROM t;', line: 1, end: 1, report: 2 },
      { s: 'SELECT y;', line: 1, end: 1, report: 2 },
      { incomplete: 3 },
    ]);
  });

  it('counts every kind of line break in files', () => {
    expect(view(splitAll('SELECT x\rFROM t;\rSELECT y;\r\nselect', { lineBreaks: 'universal' }))).toEqual([
      { s: 'SELECT x\rFROM t;', line: 1, end: 2, report: 3 },
      { s: 'SELECT y;', line: 3, end: 3, report: 4 },
      { incomplete: 5 },
    ]);
    expect(view(splitAll('SELECT a;\fSELECT b\vFROM t;\n', { lineBreaks: 'universal' }))).toEqual([
      { s: 'SELECT a;', line: 1, end: 1, report: 2 },
      { s: 'SELECT b\vFROM t;', line: 2, end: 3, report: 4 },
    ]);
    // \x1c ends a line in a file, but is no character the lexer accepts
    expect(view(splitAll('SELECT a;\x1cSELECT b;\n', { lineBreaks: 'universal' }))).toEqual([
      { err: ['Invalid syntax at line 1, char 10', '  SELECT a;\x1c', ' ' + ' '.repeat(10) + '^'], report: 2 },
      { s: 'SELECT b;', line: 2, end: 2, report: 3 },
    ]);
  });

  it('lets a -- comment run past a form feed line break until the next \\n', () => {
    // the statement is not finished at the form feed, so the comment goes on into the next line
    expect(texts('SELECT 1 -- c\fFROM t;\n;\n', 'universal')).toEqual(['SELECT 1 -- c\fFROM t;\n;']);
    // finished at the form feed: the buffer is run and the next line starts afresh
    expect(texts('SELECT 1; -- c\fSELECT 2;\n', 'universal')).toEqual(['SELECT 1;', 'SELECT 2;']);
  });
});

describe('LineReader', () => {
  it('splits chunks into lines', () => {
    const r = new LineReader();
    expect(r.push('a\nb')).toEqual(['a\n']);
    expect(r.push('c\n\nd')).toEqual(['bc\n', '\n']);
    expect(r.end()).toBe('d');
    expect(r.end()).toBe(null);
  });

  it('joins a CR and LF that arrive in different chunks', () => {
    const r = new LineReader('universal');
    expect(r.push('a\r')).toEqual([]);
    expect(r.push('')).toEqual([]);
    expect(r.push('\nb\r')).toEqual(['a\r\n']);
    expect(r.push('c')).toEqual(['b\r']);
    expect(r.push('\u2028\x85')).toEqual(['c\u2028', '\x85']);
    expect(r.end()).toBe(null);
    expect(new LineReader('universal').push('x\r\r\n')).toEqual(['x\r', '\r\n']);
  });

  it("reads as Python's universal newlines mode (COPY FROM): \\r and \\r\\n become \\n, however the text is cut", () => {
    // the model: the whole text at once, "\r\n" and "\r" as "\n", the last line without one as is
    const model = (text: string) => {
      const parts = text.replace(/\r\n?/g, '\n').split('\n');
      const rest = parts.pop()!;
      return [...parts.map((l) => l + '\n'), ...(rest ? [rest] : [])];
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'bc', '\r', '\n', '\r\n', '\u2028', '\f', ''), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (pieces, cuts) => {
          const text = pieces.join('');
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
          const r = new LineReader('newlines');
          const out: string[] = [];
          let from = 0;
          for (const c of [...at, text.length]) {
            out.push(...r.push(text.slice(from, c)));
            from = c;
          }
          const last = r.end();
          if (last !== null) out.push(last);
          expect(out).toEqual(model(text));
        },
      ),
    );
  });
});

describe('chunk boundaries', () => {
  const samples = [
    'SELECT \'a;b\'\'c\' FROM t; -- x ; y\nBEGIN BATCH\nINSERT INTO t (a) VALUES ($$p;\nq$$);\nAPPLY BATCH;\nSHOW VERSION\n/* c ;\n*/ select "n;""" from t;\n',
    'SELECT 1;\r\nSHOW HOST -- c\r\nhelp\r\n\r\n x @ y;\nSELECT "unterminated;\n',
    "DESC t\rq;\f-- c\x0bSELECT 1;\u2028SELECT '\r\n';\r",
  ];
  for (const lineBreaks of ['lf', 'universal'] as const) {
    it(`gives the same result wherever the input is cut (${lineBreaks})`, () => {
      for (const sample of samples) {
        const whole = view(splitAll(sample, { lineBreaks }));
        for (let i = 0; i <= sample.length; i++) {
          const sp = new StatementSplitter({ lineBreaks });
          const events = [...sp.push(sample.slice(0, i)), ...sp.push(sample.slice(i)), ...sp.end()];
          expect(view(events), `cut at ${i}`).toEqual(whole);
        }
      }
    });
  }

  it('gives the same result fed one character at a time', () => {
    for (const sample of samples) {
      const sp = new StatementSplitter();
      const events: SplitEvent[] = [];
      for (const ch of sample) events.push(...sp.push(ch));
      events.push(...sp.end());
      expect(view(events)).toEqual(view(splitAll(sample)));
    }
  });
});

describe('the interactive shell', () => {
  it('tells whether a statement is pending and what it is inside of', () => {
    const sp = new StatementSplitter();
    expect(sp.isEmpty()).toBe(true);
    expect(sp.push('-- just a comment\n')).toEqual([]);
    expect(sp.isEmpty()).toBe(true);
    sp.push("INSERT INTO t (a) VALUES ('abc\n");
    expect(sp.isEmpty()).toBe(false);
    expect(sp.openConstruct()).toBe('string');
    sp.push("def') /* note\n");
    expect(sp.openConstruct()).toBe('comment');
    sp.push('*/ \n');
    expect(sp.openConstruct()).toBe(null);
    expect(sp.pending()).toBe("INSERT INTO t (a) VALUES ('abc\ndef') /* note\n*/ \n");
    const [s] = statements(sp.push(';\n'));
    expect(s.text).toBe("INSERT INTO t (a) VALUES ('abc\ndef') /* note\n*/ \n;");
    expect(sp.isEmpty()).toBe(true);
  });

  it('forgets the pending statement on reset (Ctrl-C)', () => {
    const sp = new StatementSplitter();
    sp.push("SELECT 'abc\n");
    sp.reset();
    expect(sp.isEmpty()).toBe(true);
    expect(sp.openConstruct()).toBe(null);
    expect(view(sp.push('SELECT 1;\n'))).toEqual([{ s: 'SELECT 1;', line: 2, end: 2, report: 3 }]);
  });
});

describe('cqlsh -e', () => {
  it('appends the ; cqlsh adds', () => {
    expect(executeText('SELECT 1')).toBe('SELECT 1;');
    expect(executeText('SELECT 1;')).toBe('SELECT 1;');
  });

  it('splits the whole text as one buffer with line number 1', () => {
    const r = splitBuffer('SELECT x FROM t;\nSELECT y FROM\nt;');
    expect(r.incomplete).toBe(false);
    expect(view(r.events)).toEqual([
      { s: 'SELECT x FROM t;', line: 1, end: 1, report: 1 },
      { s: 'SELECT y FROM\nt;', line: 2, end: 3, report: 1 },
    ]);
  });

  it('runs nothing when any of it cannot be lexed', () => {
    const r = splitBuffer(executeText('SELECT x FROM t; @'));
    expect(view(r.events)).toEqual([{ err: ['Invalid syntax at line 1, char 18', '  SELECT x FROM t; @;', ' ' + ' '.repeat(18) + '^'], report: 1 }]);
  });

  it('says when the text is unfinished (cqlsh then does nothing)', () => {
    expect(splitBuffer(executeText("SELECT 'abc"))).toEqual({ events: [], incomplete: true });
    const r = splitBuffer(executeText('-- nothing\n'));
    expect(view(r.events)).toEqual([{ s: ';', line: 2, end: 2, report: 1 }]);
  });
});

describe('scaling', () => {
  const make = (n: number) => {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(`INSERT INTO ks.t (a, b) VALUES (${i}, 'it''s; -- ${i}'); /* ; */\n`);
    return parts.join('');
  };
  const time = (text: string) => {
    const t0 = performance.now();
    const sp = new StatementSplitter();
    let n = 0;
    for (let p = 0; p < text.length; p += 65536) n += sp.push(text.slice(p, p + 65536)).length;
    n += sp.end().length;
    return { n, ms: performance.now() - t0 };
  };

  it('splits 200k statements in roughly ten times the time of 20k', () => {
    const small = make(20_000);
    const big = make(200_000);
    time(small); // warm up
    const a = time(small);
    const b = time(big);
    expect(a.n).toBe(20_000);
    expect(b.n).toBe(200_000);
    // linear would be 10x; a quadratic splitter would be ~100x
    expect(b.ms / Math.max(a.ms, 1)).toBeLessThan(40);
  });

  it('handles a statement spanning a very large number of lines in one pass', () => {
    const text = "INSERT INTO t (a) VALUES ('" + 'x\n'.repeat(300_000) + "');\n";
    const sp = new StatementSplitter();
    const events: SplitEvent[] = [];
    for (let p = 0; p < text.length; p += 1000) events.push(...sp.push(text.slice(p, p + 1000)));
    expect(statements(events)).toHaveLength(1);
    expect(statements(events)[0].text.length).toBe(text.length - 1);
  });
});
