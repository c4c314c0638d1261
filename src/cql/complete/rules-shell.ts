// The shell's own commands (DESCRIBE, CONSISTENCY, COPY, SOURCE, ...) and the top rule: one CQL
// statement ending in `;`, or one shell command ending in `;` or at the end of its line.
import { CONSISTENCY_WORDS, OUTPUT_FORMATS, SERIAL_LEVELS } from '../vocabulary.js';
import { all, hint, last, pattern, type Suggestion } from './grammar.js';
import { unquote, type C, type Env } from './env.js';
import { batchStatement, deleteStatement, insertStatement, selectStatement, truncateStatement, updateStatement, useStatement } from './rules-dml.js';
import { schemaStatements } from './rules-ddl.js';
import {
  alt,
  anyFunctionName,
  cident,
  collect,
  columnFamilyName,
  identifier,
  indexName,
  integer,
  keyspaceName,
  many,
  materializedViewName,
  opt,
  seq,
  slot,
  stringLiteral,
  term,
  tok,
  userAggregateName,
  userTypeName,
  w,
  wholenumber,
  ws,
  type P,
} from './rules-common.js';

const describe = seq(
  alt(w('DESCRIBE'), w('DESC')),
  alt(
    w('FUNCTIONS'),
    seq(w('FUNCTION'), anyFunctionName),
    w('AGGREGATES'),
    seq(w('AGGREGATE'), userAggregateName),
    w('KEYSPACES'),
    seq(opt(w('ONLY')), w('KEYSPACE'), opt(keyspaceName)),
    seq(alt(w('COLUMNFAMILY'), w('TABLE')), columnFamilyName),
    seq(w('INDEX'), indexName),
    seq(ws('MATERIALIZED VIEW'), materializedViewName),
    alt(w('COLUMNFAMILIES'), w('TABLES')),
    seq(opt(w('FULL')), w('SCHEMA')),
    w('CLUSTER'),
    w('TYPES'),
    seq(w('TYPE'), userTypeName),
    alt(keyspaceName, columnFamilyName, indexName, materializedViewName),
  ),
  opt(ws('WITH INTERNALS')),
);

/**
 * File names for the word being completed. Inside a quote they continue it; outside one (cqlsh
 * offers bare names there, which SOURCE and CAPTURE refuse) each comes with its opening quote.
 */
const fileNames: C = (_c, r) => {
  const env = r.env;
  const path = env.partial;
  const slash = path.lastIndexOf('/');
  const head = slash >= 0 ? path.slice(0, slash + 1) : '';
  const tail = path.slice(head.length);
  const names = (env.src.listDir?.(head || '.') ?? []).filter((e) => e.startsWith(tail)).map((e) => head + e);
  if (env.open === 'unclosedString') return names;
  return names.map((n): Suggestion => ({ exact: `'${n}` }));
};
const copyFileName: C = (c, r) => {
  if (r.env.open === 'unclosedString') return fileNames(c, r);
  return r.env.partial === '' ? ["'"] : [];
};

const COPY_COMMON = [
  'DELIMITER',
  'QUOTE',
  'ESCAPE',
  'HEADER',
  'NULL',
  'DATETIMEFORMAT',
  'MAXATTEMPTS',
  'REPORTFREQUENCY',
  'DECIMALSEP',
  'THOUSANDSSEP',
  'BOOLSTYLE',
  'NUMPROCESSES',
  'CONFIGFILE',
  'RATEFILE',
];
const COPY_FROM = [
  'CHUNKSIZE',
  'INGESTRATE',
  'MAXBATCHSIZE',
  'MINBATCHSIZE',
  'MAXROWS',
  'SKIPROWS',
  'SKIPCOLS',
  'MAXPARSEERRORS',
  'MAXINSERTERRORS',
  'ERRFILE',
  'PREPAREDSTATEMENTS',
  'TTL',
];
const COPY_TO = ['ENCODING', 'PAGESIZE', 'PAGETIMEOUT', 'BEGINTOKEN', 'ENDTOKEN', 'MAXOUTPUTSIZE', 'MAXREQUESTS', 'FLOATPRECISION', 'DOUBLEPRECISION'];

const copyOptionNames: C = (c) => {
  const given = all(c.b, 'optnames').map((o) => o.toUpperCase());
  const dir = last(c.b, 'dir').toUpperCase();
  return [...COPY_COMMON, ...(dir === 'FROM' ? COPY_FROM : COPY_TO)].filter((o) => !given.includes(o));
};
const copyOptionValues: C = (c) => (last(c.b, 'optnames').toLowerCase() === 'header' ? ['true', 'false'] : [hint('<single_character_string>')]);
/** The columns to copy: the first column first, then any other not listed yet. */
const copyColumns: C = (c, r) => {
  const ksName = last(c.b, 'ksname');
  const ks = ksName ? unquote(ksName) : r.env.keyspace;
  const t = ks === undefined ? undefined : r.env.src.table(ks, unquote(last(c.b, 'cfname')));
  if (!t) return null;
  const names = t.columns.map((col) => col.name);
  const listed = all(c.b, 'colnames').map(unquote);
  return listed.length === 0 ? names.slice(0, 1) : names.slice(1).filter((n) => !listed.includes(n));
};
const optionWord = alt(identifier, tok('reserved_identifier'));
const copyOption = seq(collect('optnames', optionWord, copyOptionNames), w('='), collect('optvals', alt(optionWord, term), copyOptionValues));
const copyColumn = collect('colnames', cident, copyColumns);
const copy = seq(
  w('COPY'),
  slot('cf', columnFamilyName),
  opt(seq(w('('), copyColumn, many(seq(w(','), copyColumn)), w(')'))),
  alt(
    seq(slot('dir', w('FROM')), alt(slot('fname', stringLiteral, copyFileName), w('STDIN'))),
    seq(slot('dir', w('TO')), alt(slot('fname', stringLiteral, copyFileName), w('STDOUT'))),
  ),
  opt(seq(w('WITH'), copyOption, many(seq(w('AND'), copyOption)))),
);

const onOff = opt(slot('switch', alt(w('ON'), w('OFF'))));
const helpTopics: C = (_c, r) => (r.env.src.helpTopics?.() ?? []).map((t) => t.toUpperCase());

const specialCommand = alt(
  describe,
  seq(w('CONSISTENCY'), opt(slot('level', alt(...CONSISTENCY_WORDS.map((l) => w(l)))))),
  seq(ws('SERIAL CONSISTENCY'), opt(slot('level', alt(...SERIAL_LEVELS.map((l) => w(l)))))),
  seq(w('SHOW'), alt(w('VERSION'), w('HOST'), seq(w('SESSION'), tok('uuid')), seq(w('REPLICAS'), integer, opt(keyspaceName)))),
  seq(w('SOURCE'), slot('fname', stringLiteral, fileNames)),
  seq(w('CAPTURE'), opt(alt(slot('fname', stringLiteral, fileNames), w('OFF')))),
  copy,
  seq(w('LOGIN'), slot('username', alt(identifier, stringLiteral)), opt(stringLiteral)),
  seq(w('DEBUG'), opt(w('THINGS'))),
  seq(alt(w('HELP'), w('?')), many(collect('topic', pattern<Env>(/^[a-z_]*$/i, 'helpCommand'), helpTopics))),
  seq(w('TRACING'), onOff),
  seq(w('EXPAND'), onOff),
  alt(w('exit'), w('quit')),
  seq(w('PAGING'), opt(slot('switch', alt(w('ON'), w('OFF'), wholenumber)))),
  alt(w('CLEAR'), w('CLS')),
  seq(w('history'), opt(wholenumber)),
  // tscqlsh's own
  seq(w('TIMING'), onOff),
  seq(w('OUTPUT'), opt(seq(w('FORMAT'), opt(alt(...OUTPUT_FORMATS.map((f) => w(f))))))),
  w('EDIT'),
  seq(w('SAVE'), slot('fname', stringLiteral, fileNames), opt(w('OVERWRITE'))),
  seq(w('PAGER'), onOff),
  seq(w('HIGHLIGHT'), onOff),
  seq(w('SUGGEST'), onOff),
);

const statementBody = alt(
  useStatement,
  selectStatement,
  insertStatement,
  updateStatement,
  deleteStatement,
  truncateStatement,
  batchStatement,
  ...schemaStatements,
);

/** One statement or shell command, up to its end. */
export const command: P = alt(seq(collect('statements', statementBody), w(';')), seq(specialCommand, alt(w(';'), w('\n'))));
