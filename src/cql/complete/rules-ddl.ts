// CREATE / ALTER / DROP of keyspaces, tables, indexes, views, types, functions, aggregates and
// triggers, and the statements on users, roles and permissions.
import { all, hint, last } from './grammar.js';
import { keyspaceOf, quoteName, tableOf, unquote, type C } from './env.js';
import { selectClause } from './rules-dml.js';
import {
  alt,
  alterableKeyspaceName,
  boolean,
  cfOrKsName,
  cident,
  collect,
  columnFamilyName,
  columnMask,
  dotAfter,
  explain,
  fixed,
  functionAggregateName,
  identifier,
  ifExists,
  ifNotExists,
  indexName,
  keyspaceName,
  list,
  many,
  mapLiteral,
  materializedViewName,
  nonSystemKeyspaceName,
  opt,
  property,
  quotedName,
  refUserFunctionName,
  seq,
  setLiteral,
  slot,
  storageType,
  stringLiteral,
  term,
  unreservedKeyword,
  userAggregateName,
  userFunctionName,
  userTypeName,
  w,
  ws,
} from './rules-common.js';

/** `KEYSPACE` alone when nothing is typed yet; the old synonym too once a word is started. */
const whatCompleter =
  (main: string, old: string): C =>
  (_c, r) =>
    r.env.partial === '' ? [main] : [main, old];

const createKeyspace = seq(
  w('CREATE'),
  slot('wat', alt(w('KEYSPACE'), w('SCHEMA')), whatCompleter('KEYSPACE', 'SCHEMA')),
  ifNotExists,
  slot('ksname', cfOrKsName),
  w('WITH'),
  list(property, w('AND')),
);

const cfamOrdering = seq(
  collect('ordercol', cident, (c) => all(c.b, 'newcolname').map(unquote)),
  alt(w('ASC'), w('DESC')),
);
const cfamProperty = alt(property, ws('COMPACT STORAGE CDC'), seq(ws('CLUSTERING ORDER BY'), w('('), list(cfamOrdering), w(')')));
const withProperties = opt(seq(w('WITH'), list(cfamProperty, w('AND'))));

const singleKeySpec = seq(collect('newcolname', cident), storageType, ws('PRIMARY KEY'), many(seq(w(','), collect('newcolname', cident), storageType)));

/** The first declared column not yet in the key (none when fewer than two are left). */
function nextKeyColumn(used: readonly string[]): C {
  return (c) => {
    let declared = all(c.b, 'newcolname').map(unquote);
    const taken = used.flatMap((n) => all(c.b, n)).map(unquote);
    while (declared.length && taken.includes(declared[0])) {
      declared = declared.slice(1);
      if (declared.length < 2) return [];
    }
    return declared.length ? [quoteName(declared[0])] : [];
  };
}
const newColumn = collect('newcolname', cident, explain('<new_column_name>'));
const pkDef = seq(
  w('('),
  collect('ptkey', cident, nextKeyColumn(['ptkey'])),
  w(','),
  collect('ptkey', cident, nextKeyColumn(['ptkey'])),
  many(seq(w(','), collect('ptkey', cident, nextKeyColumn(['ptkey'])))),
  w(')'),
);
const keyPart = collect('pkey', cident, nextKeyColumn(['ptkey', 'pkey']));
const compositeKeySpec = seq(
  newColumn,
  storageType,
  w(','),
  newColumn,
  storageType,
  opt(w('static')),
  many(seq(w(','), newColumn, storageType, opt(w('static')))),
  w(','),
  w('PRIMARY'),
  slot('k', w('KEY'), fixed('KEY (')),
  slot('p', w('('), fixed('(')),
  alt(slot('partkey', pkDef), keyPart),
  many(
    seq(
      slot('c', w(','), (c) => (all(c.b, 'pkey').length >= all(c.b, 'newcolname').length - 1 ? [] : [','])),
      keyPart,
    ),
  ),
  w(')'),
);
const createTable = seq(
  w('CREATE'),
  slot('wat', alt(w('COLUMNFAMILY'), w('TABLE')), whatCompleter('TABLE', 'COLUMNFAMILY')),
  ifNotExists,
  opt(seq(slot('ks', nonSystemKeyspaceName), slot('dot', w('.'), dotAfter('ks')))),
  slot('cf', cfOrKsName, explain('<new_table_name>')),
  w('('),
  alt(singleKeySpec, compositeKeySpec),
  w(')'),
  withProperties,
);

const indexedColumn: C = (c, r) => {
  const t = tableOf(c.b, r.env);
  if (!t) return null;
  return t.columns
    .map((col) => col.name)
    .filter((n) => !t.indexTargets.includes(n))
    .map(quoteName);
};
const idxName = alt(identifier, quotedName, unreservedKeyword);
const createIndex = seq(
  w('CREATE'),
  opt(w('CUSTOM')),
  w('INDEX'),
  ifNotExists,
  opt(slot('indexname', idxName, explain('<new_index_name>'))),
  w('ON'),
  slot('cf', columnFamilyName),
  w('('),
  alt(
    slot('col', cident, indexedColumn),
    seq(w('keys('), slot('col', cident, indexedColumn), w(')')),
    seq(w('full('), slot('col', cident, indexedColumn), w(')')),
  ),
  w(')'),
  opt(seq(w('USING'), stringLiteral, opt(seq(w('WITH'), w('OPTIONS'), w('='), mapLiteral)))),
);

const colList = seq(w('('), list(cident), w(')'));
const isNotNull = seq(cident, ws('IS NOT NULL'));
const createView = seq(
  w('CREATE'),
  slot('wat', w('MATERIALIZED')),
  w('VIEW'),
  ifNotExists,
  opt(slot('viewname', materializedViewName, explain('<new_view_name>'))),
  w('AS'),
  w('SELECT'),
  selectClause,
  w('FROM'),
  slot('cf', columnFamilyName),
  w('WHERE'),
  isNotNull,
  many(seq(w('AND'), isNotNull)),
  ws('PRIMARY KEY'),
  alt(colList, seq(w('('), colList, many(seq(w(','), cident)), w(')'))),
  withProperties,
);

const fieldList = seq(slot('newcol', cident), storageType, many(seq(w(','), collect('newcolname', cident), storageType)));
const createType = seq(
  w('CREATE'),
  w('TYPE'),
  ifNotExists,
  opt(seq(slot('ks', nonSystemKeyspaceName), slot('dot', w('.')))),
  slot('typename', cfOrKsName, explain('<new_type_name>')),
  w('('),
  slot('newcol', cident, explain('<new_field_name>')),
  storageType,
  many(seq(w(','), collect('newcolname', cident), storageType)),
  w(')'),
);
const orReplace = opt(ws('OR REPLACE'));
const createFunction = seq(
  w('CREATE'),
  orReplace,
  w('FUNCTION'),
  ifNotExists,
  userFunctionName,
  opt(seq(w('('), opt(fieldList), w(')'))),
  alt(ws('RETURNS NULL'), w('CALLED')),
  ws('ON NULL INPUT RETURNS'),
  storageType,
  w('LANGUAGE'),
  cident,
  w('AS'),
  stringLiteral,
);
const createAggregate = seq(
  w('CREATE'),
  orReplace,
  w('AGGREGATE'),
  ifNotExists,
  userAggregateName,
  opt(seq(w('('), opt(list(storageType)), w(')'))),
  w('SFUNC'),
  refUserFunctionName,
  w('STYPE'),
  storageType,
  opt(seq(w('FINALFUNC'), refUserFunctionName)),
  opt(seq(w('INITCOND'), term)),
);
const createTrigger = seq(
  w('CREATE'),
  w('TRIGGER'),
  ifNotExists,
  cident,
  w('ON'),
  slot('cf', columnFamilyName),
  w('USING'),
  slot('class', stringLiteral, explain("'fully qualified class name'")),
);

const dropStatements = [
  seq(w('DROP'), w('KEYSPACE'), ifExists, nonSystemKeyspaceName),
  seq(w('DROP'), alt(w('COLUMNFAMILY'), w('TABLE')), ifExists, columnFamilyName),
  seq(w('DROP'), w('INDEX'), ifExists, indexName),
  seq(w('DROP'), ws('MATERIALIZED VIEW'), ifExists, materializedViewName),
  seq(w('DROP'), w('TYPE'), ifExists, userTypeName),
  seq(w('DROP'), w('FUNCTION'), ifExists, userFunctionName),
  seq(w('DROP'), w('AGGREGATE'), ifExists, userAggregateName),
  // trigger names are not in the schema model: nothing to offer
  seq(w('DROP'), w('TRIGGER'), ifExists, slot('triggername', cident, fixed()), w('ON'), columnFamilyName),
];

const existingColumn: C = (c, r) => {
  const t = tableOf(c.b, r.env);
  return t ? t.columns.map((col) => quoteName(col.name)) : null;
};
const newName = (explanation: string) => slot('newcol', cident, explain(explanation));
const existing = slot('existcol', cident, existingColumn);
const alterInstructions = alt(
  seq(w('ADD'), ifNotExists, newName('<new_column_name>'), storageType, opt(w('static'))),
  seq(w('DROP'), ifExists, existing),
  seq(w('WITH'), list(cfamProperty, w('AND'))),
  seq(w('RENAME'), ifExists, existing, w('TO'), newName('<new_column_name>'), many(seq(w('AND'), existing, w('TO'), newName('<new_column_name>')))),
  seq(w('ALTER'), ifExists, existing, alt(columnMask, ws('DROP MASKED'))),
);
const alterTable = seq(w('ALTER'), slot('wat', alt(w('COLUMNFAMILY'), w('TABLE'))), ifExists, columnFamilyName, alterInstructions);

const typeField = slot('existcol', cident, (c, r) => {
  const ks = keyspaceOf(c.b, r.env);
  const ut = unquote(last(c.b, 'utname'));
  return ks === undefined ? null : (r.env.src.typeFields?.(ks, ut) ?? []).map(quoteName);
});
const alterType = seq(
  w('ALTER'),
  w('TYPE'),
  ifExists,
  userTypeName,
  alt(
    seq(w('ADD'), ifNotExists, newName('<new_field_name>'), storageType),
    seq(w('RENAME'), ifExists, typeField, w('TO'), newName('<new_field_name>'), many(seq(w('AND'), typeField, w('TO'), newName('<new_field_name>')))),
  ),
);
const alterKeyspace = seq(
  w('ALTER'),
  slot('wat', alt(w('KEYSPACE'), w('SCHEMA'))),
  ifExists,
  slot('ks', alterableKeyspaceName),
  w('WITH'),
  list(property, w('AND')),
);

// ---- users, roles, permissions (role and user names are not read from the server: a hint)

const username = slot('name', alt(identifier, stringLiteral), fixed(hint('<username>')));
const rolename = slot('role', alt(identifier, quotedName, unreservedKeyword), fixed(hint('<rolename>')));
const superuser = opt(alt(w('SUPERUSER'), w('NOSUPERUSER')));
const roleProperty = alt(
  seq(opt(w('HASHED')), w('PASSWORD'), w('='), stringLiteral),
  seq(w('OPTIONS'), w('='), mapLiteral),
  seq(w('SUPERUSER'), w('='), boolean),
  seq(w('LOGIN'), w('='), boolean),
  seq(ws('ACCESS TO DATACENTERS'), setLiteral),
  ws('ACCESS TO ALL DATACENTERS'),
  seq(ws('ACCESS FROM CIDRS'), setLiteral),
  ws('ACCESS FROM ALL CIDRS'),
);
const PERMISSIONS = ['AUTHORIZE', 'CREATE', 'ALTER', 'DROP', 'SELECT', 'MODIFY', 'DESCRIBE', 'EXECUTE', 'UNMASK', 'SELECT_MASKED'];
const permission = alt(...PERMISSIONS.map((p) => w(p)));
const newPermission = collect('newpermission', permission, (c) => {
  const given = all(c.b, 'newpermission').map((p) => p.toUpperCase());
  const left = PERMISSIONS.filter((p) => !given.includes(p));
  return left.length ? left : [hint('No more permissions here.')];
});
const permissionExpr = alt(
  seq(newPermission, opt(w('PERMISSION')), many(seq(w(','), newPermission, opt(w('PERMISSION'))))),
  seq(w('ALL'), opt(w('PERMISSIONS'))),
);
const resource = alt(
  ws('ALL KEYSPACES'),
  seq(w('KEYSPACE'), keyspaceName),
  seq(ws('ALL TABLES IN KEYSPACE'), keyspaceName),
  seq(opt(w('TABLE')), columnFamilyName),
  ws('ALL ROLES'),
  seq(w('ROLE'), rolename),
  seq(ws('ALL FUNCTIONS'), opt(seq(w('IN KEYSPACE'), keyspaceName))),
  seq(w('FUNCTION'), functionAggregateName, seq(w('('), opt(fieldList), w(')'))),
  ws('ALL MBEANS'),
  seq(alt(w('MBEAN'), w('MBEANS')), stringLiteral),
);
const authStatements = [
  seq(w('CREATE'), w('USER'), ifNotExists, username, opt(seq(w('WITH'), opt(w('HASHED')), w('PASSWORD'), stringLiteral)), superuser),
  seq(w('ALTER'), w('USER'), ifExists, username, opt(seq(w('WITH'), w('PASSWORD'), stringLiteral)), superuser),
  seq(w('DROP'), w('USER'), ifExists, username),
  ws('LIST USERS'),
  seq(w('CREATE'), w('ROLE'), ifNotExists, rolename, opt(seq(w('WITH'), list(roleProperty, w('AND'))))),
  seq(w('ALTER'), w('ROLE'), ifExists, rolename, w('WITH'), list(roleProperty, w('AND'))),
  seq(w('DROP'), w('ROLE'), ifExists, rolename),
  seq(ws('LIST ROLES'), opt(seq(w('OF'), rolename)), opt(w('NORECURSIVE'))),
  seq(w('GRANT'), permissionExpr, w('ON'), resource, w('TO'), rolename),
  seq(w('GRANT'), rolename, w('TO'), rolename),
  seq(w('REVOKE'), permissionExpr, w('ON'), resource, w('FROM'), rolename),
  seq(w('REVOKE'), rolename, w('FROM'), rolename),
  seq(w('LIST'), permissionExpr, opt(seq(w('ON'), resource)), opt(seq(w('OF'), rolename)), opt(w('NORECURSIVE'))),
];

export const schemaStatements = [
  createKeyspace,
  createTable,
  createIndex,
  createView,
  createType,
  createFunction,
  createAggregate,
  createTrigger,
  ...dropStatements,
  alterTable,
  alterKeyspace,
  alterType,
  ...authStatements,
];
