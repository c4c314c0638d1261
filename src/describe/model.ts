// The schema model the client-side DESCRIBE works from: plain data, as system_schema (and, on
// Amazon Keyspaces, system_schema_mcs) holds it. src/db/schema.ts fills it; nothing here queries.

export interface SchemaModel {
  keyspaces: KeyspaceModel[];
  /** cluster facts for DESCRIBE CLUSTER */
  cluster?: ClusterModel;
}

export interface ClusterModel {
  name: string;
  partitioner: string;
  snitch?: string;
  /** each ring token and the endpoint owning it, with its data center and rack when known */
  ring?: { token: string; endpoint: string; dc?: string | null; rack?: string | null }[];
}

export interface KeyspaceModel {
  name: string;
  durableWrites: boolean;
  /** replication options as stored (`class` included, fully qualified or not) */
  replication: Record<string, string>;
  /** a virtual keyspace (system_virtual_schema): its tables are virtual */
  virtual?: boolean;
  tables: TableModel[];
  views: ViewModel[];
  types: TypeModel[];
  functions: FunctionModel[];
  aggregates: AggregateModel[];
  /** Amazon Keyspaces (system_schema_mcs.tags) */
  tags?: Record<string, string>;
}

export type ColumnKind = 'partition_key' | 'clustering' | 'static' | 'regular';

export interface ColumnModel {
  name: string;
  /** the CQL type as system_schema.columns stores it, e.g. `frozen<list<int>>` */
  type: string;
  kind: ColumnKind;
  position: number;
  /** 'asc' | 'desc' | 'none' */
  clusteringOrder: string;
}

export interface DroppedColumnModel {
  name: string;
  type: string;
  kind: ColumnKind;
  /** drop time, milliseconds since the epoch */
  droppedTime: bigint;
}

export interface IndexModel {
  name: string;
  /** KEYS | COMPOSITES | CUSTOM */
  kind: string;
  options: Record<string, string>;
}

/** Table options as system_schema.tables / views hold them (null: the server's default applies). */
export interface TableOptions {
  additionalWritePolicy: string | null;
  allowAutoSnapshot: boolean | null;
  bloomFilterFpChance: number | null;
  caching: Record<string, string>;
  cdc: boolean | null;
  comment: string | null;
  compaction: Record<string, string>;
  compression: Record<string, string>;
  memtable: string | null;
  crcCheckChance: number | null;
  defaultTimeToLive: number | null;
  extensions: Record<string, Uint8Array>;
  gcGraceSeconds: number | null;
  incrementalBackups: boolean | null;
  maxIndexInterval: number | null;
  memtableFlushPeriodInMs: number | null;
  minIndexInterval: number | null;
  readRepair: string | null;
  speculativeRetry: string | null;
  /**
   * set when the server predates Cassandra 4.0 (its schema has no additional_write_policy): the
   * options are then printed as cqlsh 5 did for 3.x, only those the server has
   */
  legacy?: { dclocalReadRepairChance: number | null; readRepairChance: number | null };
}

export interface TableModel {
  keyspace: string;
  name: string;
  id: string;
  flags: string[];
  columns: ColumnModel[];
  dropped: DroppedColumnModel[];
  indexes: IndexModel[];
  options: TableOptions;
  /** a virtual table (system_virtual_schema) */
  virtual?: boolean;
  /** Amazon Keyspaces: system_schema_mcs.tables and tags */
  keyspaces?: KeyspacesTableModel;
}

/** What Amazon Keyspaces adds to a table (system_schema_mcs, system_multiregion_info). */
export interface KeyspacesTableModel {
  /** ACTIVE | CREATING | UPDATING | DELETING | RESTORING | INACCESSIBLE_ENCRYPTION_CREDENTIALS */
  status?: string;
  /** custom_properties: capacity_mode, point_in_time_recovery, encryption_specification, ttl, client_side_timestamps, ... */
  customProperties: Record<string, Record<string, string>>;
  /** the cdc column of system_schema_mcs.tables (a CDC stream is on) */
  cdc?: boolean;
  tags: Record<string, string>;
  /** system_schema_mcs.autoscaling: the table's auto scaling */
  autoScaling?: KeyspacesAutoScaling;
  /** a multi-Region table: each Region's replica (system_multiregion_info.tables and .autoscaling) */
  replicas?: KeyspacesReplica[];
  /** the Region of the endpoint the schema was read from (system.local data_center) */
  region?: string;
}

/** Auto scaling of a table's read and write capacity (an absent direction has none). */
export interface KeyspacesAutoScaling {
  read?: AutoScalingSetting;
  write?: AutoScalingSetting;
}

/** One direction's auto scaling, as AUTOSCALING_SETTINGS writes it (target tracking). */
export interface AutoScalingSetting {
  autoscalingDisabled?: boolean;
  minimumUnits?: number;
  maximumUnits?: number;
  targetValue?: number;
  scaleInCooldown?: number;
  scaleOutCooldown?: number;
  disableScaleIn?: boolean;
}

/** A multi-Region table's replica in one Region. */
export interface KeyspacesReplica extends KeyspacesAutoScaling {
  region: string;
  status?: string;
}

export interface ViewModel {
  keyspace: string;
  name: string;
  id: string;
  baseTable: string;
  includeAllColumns: boolean;
  whereClause: string;
  columns: ColumnModel[];
  options: TableOptions;
}

export interface TypeModel {
  keyspace: string;
  name: string;
  fieldNames: string[];
  fieldTypes: string[];
}

export interface FunctionModel {
  keyspace: string;
  name: string;
  argumentNames: string[];
  argumentTypes: string[];
  body: string;
  calledOnNullInput: boolean;
  language: string;
  returnType: string;
}

export interface AggregateModel {
  keyspace: string;
  name: string;
  argumentTypes: string[];
  stateFunc: string;
  stateType: string;
  finalFunc: string | null;
  initcond: string | null;
  returnType: string;
}
