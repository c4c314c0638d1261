// HELP / ?: the topic list, shell command texts, CQL topics (a URL, as cqlsh prints it with no
// browser) and the grammar. Expected text is what cqlsh 6.2 printed for the same input.
import { describe, expect, it } from 'vitest';
import { columnize } from '../../src/shell/commands/columnize.js';
import { CQL_TOPICS } from '../../src/shell/commands/help-cql.js';
import { SHELL_TOPICS, shellHelp } from '../../src/shell/commands/help-docs.js';
import { help } from '../../src/shell/commands/help.js';
import { session } from './commands-fake.js';

const URL = 'https://cassandra.apache.org/doc/latest/cassandra/cql/cql_singlefile.html';

describe('HELP', () => {
  it('with no topic lists shell commands and CQL topics in columns (reference output)', async () => {
    const expected = [
      '',
      'Documented shell commands:',
      '===========================',
      'CAPTURE  CLS          COPY  DESCRIBE  EXPAND  HISTORY  PAGING  SHOW    TRACING',
      'CLEAR    CONSISTENCY  DESC  EXIT      HELP    LOGIN    SERIAL  SOURCE  UNICODE',
      '',
      'CQL help topics:',
      '================',
      'AGGREGATES               CREATE_KEYSPACE           DROP_TRIGGER      TEXT     ',
      'ALTER_KEYSPACE           CREATE_MATERIALIZED_VIEW  DROP_TYPE         TIME     ',
      'ALTER_MATERIALIZED_VIEW  CREATE_ROLE               DROP_USER         TIMESTAMP',
      'ALTER_TABLE              CREATE_TABLE              FUNCTIONS         TRUNCATE ',
      'ALTER_TYPE               CREATE_TRIGGER            GRANT             TYPES    ',
      'ALTER_USER               CREATE_TYPE               INSERT            UPDATE   ',
      'APPLY                    CREATE_USER               INSERT_JSON       USE      ',
      'ASCII                    DATE                      INT               UUID     ',
      'BATCH                    DELETE                    JSON            ',
      'BEGIN                    DROP_AGGREGATE            KEYWORDS        ',
      'BLOB                     DROP_COLUMNFAMILY         LIST_PERMISSIONS',
      'BOOLEAN                  DROP_FUNCTION             LIST_ROLES      ',
      'COUNTER                  DROP_INDEX                LIST_USERS      ',
      'CREATE_AGGREGATE         DROP_KEYSPACE             PERMISSIONS     ',
      'CREATE_COLUMNFAMILY      DROP_MATERIALIZED_VIEW    REVOKE          ',
      'CREATE_FUNCTION          DROP_ROLE                 SELECT          ',
      'CREATE_INDEX             DROP_TABLE                SELECT_JSON     ',
      '',
    ].join('\n');
    // then tscqlsh's own topics in a block of their own (not in cqlsh: docs/compat.md)
    const ours = [
      'tscqlsh commands and settings (not in cqlsh):',
      '=============================================',
      'EDIT  HIGHLIGHT  KEYS  OUTPUT  PAGER  SAVE  SUGGEST  TIMING',
      '',
    ].join('\n');
    expect(await session(help, ['HELP'])).toEqual([`${expected}\n${ours}`]);
    expect(await session(help, ['?'])).toEqual([`${expected}\n${ours}`]);
  });

  it('explains every tscqlsh command and setting', async () => {
    for (const topic of ['TIMING', 'output', 'PAGER', 'keys', 'edit', 'SAVE', 'highlight', 'suggest']) {
      const [text] = await session(help, [`HELP ${topic}`]);
      expect(text).toMatch(new RegExp(`^\\n {8}${topic.toUpperCase()} .*\\[tscqlsh only`));
    }
    expect((await session(help, ['HELP PAGER']))[0]).toContain('TSCQLSH_PAGER');
    expect((await session(help, ['HELP PAGER']))[0]).toContain('less -SRXF');
    expect((await session(help, ['HELP KEYS']))[0]).toContain('never exits the shell');
  });

  it("prints a shell command's text as cqlsh does (reference output)", async () => {
    const expected =
      '\n        EXPAND [cqlsh]\n\n          Enables or disables expanded (vertical) output.\n\n        EXPAND ON\n\n          Enables expanded (vertical) output.\n\n        EXPAND OFF\n\n          Disables expanded (vertical) output.\n\n        EXPAND\n\n          EXPAND with no arguments shows the current value of expand setting.\n        ';
    expect(await session(help, ['HELP EXPAND'])).toEqual([expected]);
    expect(await session(help, ['help expand'])).toEqual([expected]);
  });

  it('gives each of several topics in turn (reference output)', async () => {
    const out = await session(help, ['HELP select expand']);
    expect(out[0]).toBe(`E:*** No browser to display CQL help. URL for help topic select : ${URL}#selectStmt`);
    expect(out[1]).toBe(shellHelp('expand'));
  });

  it('gives the URL of CQL topics, topic as typed (reference output)', async () => {
    expect(await session(help, ['HELP CREATE_TABLE', 'HELP use'])).toEqual([
      `E:*** No browser to display CQL help. URL for help topic CREATE_TABLE : ${URL}#createTableStmt`,
      `E:*** No browser to display CQL help. URL for help topic use : ${URL}#useStmt`,
    ]);
  });

  it('has no help on QUIT, DEBUG or unknown words (reference output)', async () => {
    expect(await session(help, ['HELP quit', 'HELP debug', 'HELP create table'])).toEqual([
      'E:*** No help on quit',
      'E:*** No help on debug',
      'E:*** No help on create',
      'E:*** No help on table',
    ]);
  });

  it('refuses topics that are not plain words (reference output)', async () => {
    expect(await session(help, ['HELP abc1', 'HELP 123', 'HELP foo-bar', 'HELP "expand"', 'HELP expand, paging', '? 123'])).toEqual([
      'E:Improper HELP command.',
      'E:Improper HELP command.',
      'E:Improper HELP command.',
      'E:Improper HELP command.',
      'E:Improper HELP command.',
      'E:Improper help command.',
    ]);
  });

  it('knows the shell and CQL topics cqlsh knows', () => {
    expect(SHELL_TOPICS).toHaveLength(18);
    expect(CQL_TOPICS).toHaveLength(59);
    for (const t of SHELL_TOPICS) expect(shellHelp(t)).toMatch(/^\n {8}\S[^]*\n {8}$/);
    expect(shellHelp('unicode')).toContain('Python-style "\\uABCD"');
  });
});

describe('columnize', () => {
  it('fills columns top to bottom in as few rows as fit', () => {
    // as Python's cmd.Cmd().columnize prints them
    expect(columnize(['a', 'bb', 'c', 'dd', 'e'], 7)).toEqual(['a   dd', 'bb  e ', 'c ']);
    expect(columnize(['abc', 'de'], 80)).toEqual(['abc  de']);
    expect(columnize(['only'], 80)).toEqual(['only']);
    expect(columnize([], 80)).toEqual(['<empty>']);
    expect(columnize(['aaaa', 'bbbb', 'cccc'], 3)).toEqual(['aaaa', 'bbbb', 'cccc']);
  });
});
