// USE, SELECT, INSERT, UPDATE, DELETE, BATCH and TRUNCATE, with what cqlsh completes in them:
// only the key columns a WHERE clause may restrict next (partition key first, then clustering,
// plus indexed columns) and TOKEN(, the next key column of an INSERT's column list and then the
// regular ones not yet listed, only regular columns after SET, the value hint of the column an
// INSERT value is for, ...
import { all, hint, last } from './grammar.js';
import { columnType, keyspaceOf, quoteName, regularColumns, tableOf, unquote, userTypeName, type C, type Env, type TableInfo } from './env.js';
import {
  alt,
  cident,
  collect,
  columnFamilyName,
  defineSelector,
  fixed,
  functionName,
  identifier,
  keyspaceName,
  lazy,
  list,
  many,
  materializedViewName,
  opt,
  selectionFunctionArguments,
  seq,
  slot,
  storageType,
  stringLiteral,
  term,
  w,
  wholenumber,
  ws,
  type P,
} from './rules-common.js';

/** Suggests from the statement's table; null (no claim) when the table is not known. */
function withTable(f: (t: TableInfo, c: Parameters<C>[0], env: Env) => ReturnType<C>): C {
  return (c, r) => {
    const t = tableOf(c.b, r.env);
    return t ? f(t, c, r.env) : null;
  };
}

/** The table named after the cursor (`SELECT a, | FROM t`), for what cqlsh cannot know yet. */
function laterTable(env: Env): TableInfo | undefined {
  const l = env.laterTable;
  const ks = l?.ks ?? env.keyspace;
  return l && ks !== undefined ? env.src.table(ks, l.name) : undefined;
}

const unquoted = (c: Parameters<C>[0], name: string) => all(c.b, name).map(unquote);

export const useStatement = seq(w('USE'), keyspaceName);

// ---- SELECT

const relationLhs = withTable((t, c) => {
  const done = unquoted(c, 'rel_lhs');
  const out = new Set<string>();
  // a key column may be restricted once the one before it is
  for (const key of [t.partitionKey, t.clustering]) {
    for (let i = 0; i < key.length; i++) {
      if (i > 0 && !done.includes(key[i - 1])) break;
      out.add(key[i]);
    }
  }
  for (const target of t.indexTargets) out.add(target);
  return [...out].map(quoteName);
});
const tokenSubjects = withTable((t) => t.partitionKey);
const cmpOp = alt(w('='), w('<'), w('>'), w('<='), w('>='));
const tokenDefinition = alt(seq(slot('token', w('TOKEN'), fixed('token(')), w('('), list(term), w(')')), term);
const relation = alt(
  seq(collect('rel_lhs', cident, relationLhs), opt(seq(w('['), term, w(']'))), alt(cmpOp, seq(w('CONTAINS'), opt(w('KEY')))), term),
  seq(slot('token', w('TOKEN'), fixed('TOKEN(')), w('('), list(collect('rel_tokname', cident, tokenSubjects)), w(')'), cmpOp, tokenDefinition),
  seq(collect('rel_lhs', cident, relationLhs), w('IN'), w('('), list(term), w(')')),
);
export const whereClause = list(relation, w('AND'));

/** Column names in the select list: the FROM table's when it follows the cursor, else a hint. */
const selectColumn: C = (_c, r) => {
  const t = laterTable(r.env);
  return t ? t.columns.map((col) => quoteName(col.name)) : [hint('<colname>')];
};
const colname = collect('colname', cident, selectColumn);
const selector: P = lazy(() =>
  alt(
    seq(colname, opt(seq(w('['), alt(seq(term, opt(seq(w('..'), term, w(']')))), seq(term, w('..')))))),
    seq(identifier, w('.'), identifier),
    seq(w('WRITETIME'), w('('), colname, w(')')),
    seq(w('MAXWRITETIME'), w('('), colname, w(')')),
    seq(w('TTL'), w('('), colname, w(')')),
    seq(w('COUNT'), w('('), slot('star', alt(w('*'), w('1'))), w(')')),
    seq(w('CAST'), w('('), selector, w('AS'), storageType, w(')')),
    seq(functionName, selectionFunctionArguments),
    term,
  ),
);
defineSelector(selector);
const aliased = seq(selector, opt(seq(w('AS'), cident)));
export const selectClause = alt(seq(opt(w('DISTINCT')), aliased, many(seq(w(','), aliased))), w('*'));

const orderColumn: C = (c, r) => {
  if (all(c.b, 'rel_lhs').length === 0) return [hint("Can't ORDER BY here: need to specify partition key in WHERE clause")];
  const t = tableOf(c.b, r.env);
  if (!t) return null;
  const done = all(c.b, 'ordercol').length;
  return done < t.clustering.length ? [quoteName(t.clustering[done])] : [hint('No more orderable columns here.')];
};
const groupColumn = withTable((t, c) => {
  const key = [...t.partitionKey, ...t.clustering];
  const done = all(c.b, 'groupcol').length;
  return done < key.length ? [quoteName(key[done])] : [hint('No more columns here.')];
});
const groupByArgument = alt(collect('groupcol', cident, groupColumn), term);
const groupByClause = alt(collect('groupcol', cident, groupColumn), seq(functionName, w('('), opt(list(groupByArgument)), w(')')));
const orderByClause = seq(collect('ordercol', cident, orderColumn), opt(alt(w('ASC'), w('DESC'))));

export const selectStatement = seq(
  w('SELECT'),
  opt(w('JSON')),
  selectClause,
  w('FROM'),
  alt(slot('cf', columnFamilyName), slot('mv', materializedViewName)),
  opt(seq(w('WHERE'), whereClause)),
  opt(seq(ws('GROUP BY'), list(groupByClause))),
  opt(seq(ws('ORDER BY'), list(orderByClause))),
  opt(seq(ws('PER PARTITION LIMIT'), wholenumber)),
  opt(seq(w('LIMIT'), wholenumber)),
  opt(ws('ALLOW FILTERING')),
);

// ---- INSERT

const usingOption = alt(seq(w('TIMESTAMP'), wholenumber), seq(w('TTL'), wholenumber));
/** USING options not given yet (`TIMESTAMP` / `TTL`), by the first word of each bound option. */
const usingOptions =
  (name: string, options: readonly string[]): C =>
  (c) => {
    const used = all(c.b, name).map((o) => o.split(/\s+/)[0].toUpperCase());
    return options.filter((o) => !used.includes(o));
  };
const usingClause = (name: string, options: readonly string[]) => seq(w('USING'), list(collect(name, usingOption, usingOptions(name, options)), w('AND')));

const insertColumn = withTable((t, c) => {
  const listed = unquoted(c, 'colname');
  // the key columns first, one at a time, then any regular column not listed yet
  const key = [...t.partitionKey, ...t.clustering].find((k) => !listed.includes(k));
  if (key !== undefined) return [quoteName(key)];
  return regularColumns(t)
    .filter((n) => !listed.includes(n))
    .map(quoteName);
});
/** A value suggestion by column type: `{` for maps and sets, `[` for lists and vectors. */
function valueFor(type: string, otherwise: string): ReturnType<C> {
  if (/^(map|set)</.test(type)) return ['{'];
  if (/^(list|vector)</.test(type)) return ['['];
  if (type === 'boolean') return ['true', 'false'];
  return [hint(otherwise)];
}
const insertValue = withTable((t, c) => {
  const cols = unquoted(c, 'colname');
  const done = all(c.b, 'newval').length;
  if (done >= cols.length) return [];
  const type = columnType(t, cols[done]);
  return type === undefined ? null : valueFor(type, `<value for ${quoteName(cols[done])} (${type})>`);
});
const valueComma: C = (c) => (all(c.b, 'colname').length > all(c.b, 'newval').length ? [','] : [')']);

export const insertStatement = seq(
  w('INSERT'),
  w('INTO'),
  slot('cf', columnFamilyName),
  alt(
    seq(
      w('('),
      list(collect('colname', cident, insertColumn)),
      w(')'),
      w('VALUES'),
      w('('),
      collect('newval', term, insertValue),
      many(seq(slot('valcomma', w(','), valueComma), collect('newval', term, insertValue))),
      slot('valcomma', w(')'), valueComma),
    ),
    seq(w('JSON'), stringLiteral),
  ),
  opt(ws('IF NOT EXISTS')),
  opt(usingClause('insertopt', ['TIMESTAMP', 'TTL'])),
);

// ---- UPDATE

const conditionOpAndRhs = alt(seq(alt(cmpOp, w('!='), seq(w('CONTAINS'), opt(w('KEY')))), term), seq(w('IN'), w('('), list(term), w(')')));

/** The user-defined type's fields of the column bound to `col`. */
function udtFields(col: string): C {
  return (c, r) => {
    const t = tableOf(c.b, r.env);
    const type = t && columnType(t, unquote(last(c.b, col)));
    const udt = type && userTypeName(type);
    const ks = keyspaceOf(c.b, r.env);
    return udt && ks !== undefined ? (r.env.src.typeFields?.(ks, udt) ?? []) : [];
  };
}
function udtDot(col: string): C {
  return (c, r) => {
    const t = tableOf(c.b, r.env);
    const type = t && columnType(t, unquote(last(c.b, col)));
    return type && userTypeName(type) ? ['.'] : [];
  };
}
/** `[` after a map or list column. */
function indexBracket(col: string): C {
  return (c, r) => {
    const t = tableOf(c.b, r.env);
    const type = t && columnType(t, unquote(last(c.b, col)));
    return type && /^(map|list)</.test(type) ? ['['] : [];
  };
}
const condition = seq(
  slot('conditioncol', cident),
  opt(
    alt(
      seq(slot('indexbracket', w('['), indexBracket('conditioncol')), term, w(']')),
      seq(slot('udt_field_dot', w('.'), udtDot('conditioncol')), slot('udt_field', identifier, udtFields('conditioncol'))),
    ),
  ),
  conditionOpAndRhs,
);
const conditions = list(condition, w('AND'));

const curType = (t: TableInfo, c: Parameters<C>[0]) => columnType(t, unquote(last(c.b, 'updatecol')));
const updateColumn = withTable((t) => regularColumns(t).map(quoteName));
const updateValue = withTable((t, c) => {
  const type = curType(t, c);
  if (type === undefined) return null;
  if (type === 'counter') return [quoteName(unquote(last(c.b, 'updatecol')))];
  return valueFor(type === 'boolean' ? '' : type, `<term (${type})>`);
});
const counterOp = withTable((t, c) => (curType(t, c) === 'counter' ? ['+', '-'] : []));
const counterInc = withTable((t, c) => (curType(t, c) === 'counter' ? [hint('<wholenumber>')] : []));
const listAdder: C = (c) => (last(c.b, 'update_rhs').startsWith('[') ? ['+'] : []);
const listColumn: C = (c) => (last(c.b, 'update_rhs').startsWith('[') ? [quoteName(unquote(last(c.b, 'updatecol')))] : []);
const assignment = seq(
  slot('updatecol', cident, updateColumn),
  alt(
    seq(
      w('='),
      slot('update_rhs', alt(term, cident), updateValue),
      opt(
        alt(
          seq(slot('counterop', alt(w('+'), w('-')), counterOp), slot('inc', wholenumber, counterInc)),
          seq(slot('listadder', w('+'), listAdder), slot('listcol', cident, listColumn)),
        ),
      ),
    ),
    seq(slot('indexbracket', w('['), indexBracket('updatecol')), term, w(']'), w('='), term),
    seq(slot('udt_field_dot', w('.'), udtDot('updatecol')), slot('udt_field', identifier, udtFields('updatecol')), w('='), term),
  ),
);

export const updateStatement = seq(
  w('UPDATE'),
  slot('cf', columnFamilyName),
  opt(usingClause('updateopt', ['TIMESTAMP', 'TTL'])),
  w('SET'),
  list(assignment),
  w('WHERE'),
  whereClause,
  opt(seq(w('IF'), alt(w('EXISTS'), conditions))),
);

// ---- DELETE

/** Regular columns of the table: known only when FROM follows the cursor. */
const deleteColumn: C = (c, r) => {
  const t = tableOf(c.b, r.env) ?? laterTable(r.env);
  return t ? regularColumns(t).map(quoteName) : null;
};
const deleteSelector = seq(slot('delcol', cident, deleteColumn), opt(alt(seq(w('['), term, w(']')), seq(w('.'), identifier))));
export const deleteStatement = seq(
  w('DELETE'),
  opt(list(deleteSelector)),
  w('FROM'),
  slot('cf', columnFamilyName),
  opt(seq(w('USING'), collect('delopt', seq(w('TIMESTAMP'), wholenumber), usingOptions('delopt', ['TIMESTAMP'])))),
  w('WHERE'),
  whereClause,
  opt(seq(w('IF'), alt(w('EXISTS'), conditions))),
);

// ---- BATCH, TRUNCATE

const batchMember = alt(insertStatement, updateStatement, deleteStatement);
export const batchStatement = seq(
  w('BEGIN'),
  opt(alt(w('UNLOGGED'), w('COUNTER'))),
  w('BATCH'),
  opt(usingClause('batchopt', ['TIMESTAMP'])),
  collect('batchstmt', batchMember),
  opt(w(';')),
  many(seq(collect('batchstmt', batchMember), opt(w(';')))),
  w('APPLY'),
  w('BATCH'),
);

export const truncateStatement = seq(w('TRUNCATE'), opt(alt(w('COLUMNFAMILY'), w('TABLE'))), slot('cf', columnFamilyName));
