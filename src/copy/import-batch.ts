// COPY FROM, stage "batch by token range": a chunk of CHUNKSIZE converted rows grouped by their
// ring position (or partition), then cut into unlogged batches as cqlsh's split_into_batches cuts
// them. Parse failures of the chunk are kept by message, for the report.
import type { RowValues } from './import-plan.js';

/** A converted row and the text it was read from (for the error file). */
export interface Row {
  raw: string;
  values: RowValues;
}

/** Rows to send in one request, with their texts. */
export interface Batch {
  raw: string[];
  values: RowValues[];
  /** token-aware: the ring position all its rows fall in, or the replica (routing's host index) they were grouped by */
  pos?: number;
  host?: number;
}

/** Where rows go by ring position: the replica small groups are put together by. */
export interface Placement {
  replicaOf(position: number): number;
  /** the replica is routing's host index, and batches carry it (token-aware) */
  routed: boolean;
}

export class Chunk {
  groups = new Map<string | number, Row[]>();
  /** parse failures: message → the raw records */
  errors = new Map<string, string[]>();
  size = 0;

  add(key: string | number, row: Row): void {
    const g = this.groups.get(key);
    if (g) g.push(row);
    else this.groups.set(key, [row]);
    this.size++;
  }

  fail(message: string, raw: string): void {
    const list = this.errors.get(message);
    if (list) list.push(raw);
    else this.errors.set(message, [raw]);
    this.size++;
  }
}

/**
 * cqlsh's split_into_batches: a ring position with more than MINBATCHSIZE rows goes in batches of
 * MAXBATCHSIZE; the other rows are put together by a replica (token-aware: a live one of the local
 * data center, taking turns; else the range's first replica). Without a ring (`placement` null) a
 * group is one partition.
 */
export function* splitIntoBatches(
  groups: Map<string | number, Row[]>,
  o: { maxBatchSize: number; minBatchSize: number },
  placement: Placement | null,
): Generator<Batch> {
  const max = Math.max(1, o.maxBatchSize);
  const batch = (rows: Row[], at: { pos?: number; host?: number }): Batch => ({ raw: rows.map((r) => r.raw), values: rows.map((r) => r.values), ...at });
  const byReplica = new Map<number, Row[]>();
  for (const [key, rows] of groups) {
    const pos = placement ? (key as number) : undefined;
    if (pos !== undefined && placement && rows.length <= o.minBatchSize) {
      const replica = placement.replicaOf(pos);
      const list = byReplica.get(replica);
      if (list) for (const r of rows) list.push(r);
      else byReplica.set(replica, rows);
      continue;
    }
    for (let i = 0; i < rows.length; i += max) yield batch(rows.slice(i, i + max), { pos });
  }
  for (const [replica, rows] of byReplica) {
    for (let i = 0; i < rows.length; i += max) yield batch(rows.slice(i, i + max), { host: placement?.routed ? replica : undefined });
  }
}
