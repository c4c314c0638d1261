// The CQL topics HELP knows, each with its anchor in the CQL reference (cqlsh opens that page in
// a browser, or prints its URL when it has none).

const ANCHORS: Record<string, string> = {
  aggregates: 'aggregates',
  alter_keyspace: 'alterKeyspaceStmt',
  alter_materialized_view: 'alterMVStmt',
  alter_table: 'alterTableStmt',
  alter_type: 'alterTypeStmt',
  alter_user: 'alterUserStmt',
  apply: 'batchStmt',
  ascii: 'constants',
  batch: 'batchStmt',
  begin: 'batchStmt',
  blob: 'constants',
  boolean: 'constants',
  counter: 'counters',
  create_aggregate: 'createAggregateStmt',
  create_columnfamily: 'createTableStmt',
  create_function: 'createFunctionStmt',
  create_index: 'createIndexStmt',
  create_keyspace: 'createKeyspaceStmt',
  create_materialized_view: 'createMVStmt',
  create_role: 'createRoleStmt',
  create_table: 'createTableStmt',
  create_trigger: 'createTriggerStmt',
  create_type: 'createTypeStmt',
  create_user: 'createUserStmt',
  date: 'usingdates',
  delete: 'deleteStmt',
  drop_aggregate: 'dropAggregateStmt',
  drop_columnfamily: 'dropTableStmt',
  drop_function: 'dropFunctionStmt',
  drop_index: 'dropIndexStmt',
  drop_keyspace: 'dropKeyspaceStmt',
  drop_materialized_view: 'dropMVStmt',
  drop_role: 'dropRoleStmt',
  drop_table: 'dropTableStmt',
  drop_trigger: 'dropTriggerStmt',
  drop_type: 'dropTypeStmt',
  drop_user: 'dropUserStmt',
  functions: 'functions',
  grant: 'grantRoleStmt',
  insert: 'insertStmt',
  insert_json: 'insertJson',
  int: 'constants',
  json: 'json',
  keywords: 'appendixA',
  list_permissions: 'listPermissionsStmt',
  list_roles: 'listRolesStmt',
  list_users: 'listUsersStmt',
  permissions: 'permissions',
  revoke: 'revokeRoleStmt',
  select: 'selectStmt',
  select_json: 'selectJson',
  text: 'constants',
  time: 'usingtime',
  timestamp: 'usingtimestamps',
  truncate: 'truncateStmt',
  types: 'types',
  update: 'updateStmt',
  use: 'useStmt',
  uuid: 'constants',
};

/** CQL help topics (lower case), sorted. */
export const CQL_TOPICS: readonly string[] = Object.keys(ANCHORS).sort();

/** The anchor of a CQL help topic (any case) in the CQL reference, or undefined. */
export function cqlTopicAnchor(topic: string): string | undefined {
  const key = topic.toLowerCase();
  return Object.hasOwn(ANCHORS, key) ? ANCHORS[key] : undefined;
}
