// What a DESCRIBE statement asks for, once parsed (names already resolved: unquoted names
// lower-cased, quoted names unescaped).

export type DescribeListing = 'keyspaces' | 'tables' | 'types' | 'functions' | 'aggregates';
export type DescribeElement = 'table' | 'index' | 'view' | 'type' | 'function' | 'aggregate' | 'generic';

export type DescribeRequest = { internals: boolean } & DescribeTarget;

export type DescribeTarget =
  | { what: DescribeListing }
  | { what: 'cluster' }
  | { what: 'schema'; full: boolean }
  | { what: 'keyspace'; name?: string; only: boolean }
  | { what: DescribeElement; keyspace?: string; name: string };

/** One row of a DESCRIBE result, as the server returns it. */
export interface DescribeRow {
  keyspace_name: string;
  type: string;
  name: string;
  create_statement?: string;
}

/** The answer to DESCRIBE CLUSTER. */
export interface ClusterRow {
  cluster: string;
  partitioner: string;
  snitch: string;
  /** present when a keyspace is in use: range end token → endpoints */
  range_ownership?: [string, string[]][];
}

/** A DESCRIBE the schema cannot answer, with the server's message. */
export class DescribeError extends Error {}
