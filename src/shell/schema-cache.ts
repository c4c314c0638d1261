// The schema as the shell knows it, for completion and the client-side DESCRIBE: loaded lazily
// (never at start-up), dropped after DDL statements, and reloaded when the server's schema
// version moves (a change made by another client: the schema-change event, seen when asked).
import type { SchemaModel } from '../describe/model.js';
import { unfrozen } from '../describe/cql-text.js';

export interface SchemaSource {
  /** reads the whole schema */
  load(): Promise<SchemaModel>;
  /** the server's current schema version (system.local), if it can tell */
  version?(): Promise<string | undefined>;
}

export interface SchemaCacheOptions {
  /** how long a loaded schema is trusted before the schema version is checked again (ms) */
  recheckMs?: number;
  now?: () => number;
}

/** Statements after which the cached schema is dropped. */
const DDL = /^\s*(create|alter|drop)\b/i;

export class SchemaCache {
  private model: SchemaModel | undefined;
  /** the model is out of date: get() reloads, peek() still shows it meanwhile */
  private stale = false;
  private loading: Promise<SchemaModel> | undefined;
  private version: string | undefined;
  private checkedAt = 0;
  private generation = 0;
  private readonly recheckMs: number;
  private readonly now: () => number;

  constructor(
    private readonly source: SchemaSource,
    o: SchemaCacheOptions = {},
  ) {
    this.recheckMs = o.recheckMs ?? 2000;
    this.now = o.now ?? Date.now;
  }

  /** The schema, loading it when there is none (or it went stale). */
  async get(): Promise<SchemaModel> {
    if (this.model && this.now() - this.checkedAt > this.recheckMs && this.source.version) {
      this.checkedAt = this.now();
      const v = await this.source.version().catch(() => undefined);
      if (v !== undefined && this.version !== undefined && v !== this.version) this.invalidate();
    }
    if (this.model && !this.stale) return this.model;
    return (this.loading ??= this.load());
  }

  /**
   * What is loaded now, without waiting: undefined until the first load ends, the previous schema
   * while a reload runs. Starts a load when there is none or it went stale.
   */
  peek(): SchemaModel | undefined {
    if ((!this.model || this.stale) && !this.loading) this.get().catch(() => {});
    return this.model;
  }

  /** Marks the schema out of date; the next use reloads it. */
  invalidate(): void {
    this.stale = true;
    this.loading = undefined;
    this.generation++;
  }

  /** Reloads now and waits for it. */
  async refresh(): Promise<SchemaModel> {
    this.invalidate();
    return this.get();
  }

  /** Tells the cache a statement ran: DDL drops the schema. */
  noteStatement(cql: string): void {
    if (DDL.test(cql)) this.invalidate();
  }

  async keyspaces(): Promise<string[]> {
    return (await this.get()).keyspaces.map((k) => k.name);
  }

  async tables(ks: string): Promise<string[]> {
    return (await this.keyspace(ks))?.tables.map((t) => t.name) ?? [];
  }

  async views(ks: string): Promise<string[]> {
    return (await this.keyspace(ks))?.views.map((v) => v.name) ?? [];
  }

  /** A table's (or view's) columns in CREATE order: key columns first. */
  async columns(ks: string, table: string): Promise<string[]> {
    const k = await this.keyspace(ks);
    const t = k?.tables.find((x) => x.name === table) ?? k?.views.find((x) => x.name === table);
    if (!t) return [];
    const rank = { partition_key: 0, clustering: 1, static: 2, regular: 3 } as const;
    return [...t.columns].sort((a, b) => rank[a.kind] - rank[b.kind] || a.position - b.position).map((c) => c.name);
  }

  async types(ks: string): Promise<string[]> {
    return (await this.keyspace(ks))?.types.map((t) => t.name) ?? [];
  }

  /** Function names, one per overload set. */
  async functions(ks: string): Promise<string[]> {
    return [...new Set((await this.keyspace(ks))?.functions.map((f) => f.name) ?? [])];
  }

  /** `name(type, ...)` of every function overload. */
  async functionSignatures(ks: string): Promise<string[]> {
    return (await this.keyspace(ks))?.functions.map((f) => `${f.name}(${f.argumentTypes.map(unfrozen).join(', ')})`) ?? [];
  }

  async aggregates(ks: string): Promise<string[]> {
    return [...new Set((await this.keyspace(ks))?.aggregates.map((a) => a.name) ?? [])];
  }

  async indexes(ks: string): Promise<string[]> {
    return (await this.keyspace(ks))?.tables.flatMap((t) => t.indexes.map((i) => i.name)) ?? [];
  }

  private async keyspace(ks: string) {
    return (await this.get()).keyspaces.find((k) => k.name === ks);
  }

  private async load(): Promise<SchemaModel> {
    const generation = this.generation;
    try {
      const version = this.source.version ? await this.source.version().catch(() => undefined) : undefined;
      const model = await this.source.load();
      if (generation === this.generation) {
        this.model = model;
        this.stale = false;
        this.version = version;
        this.checkedAt = this.now();
      }
      return model;
    } finally {
      if (generation === this.generation) this.loading = undefined;
    }
  }
}
