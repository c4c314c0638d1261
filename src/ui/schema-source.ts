// Tab completion's view of the schema: the shell's SchemaCache (loaded in the background, marked
// stale after DDL and loaded again; Tab waits for get()), read synchronously once it is there,
// plus directory listings for file paths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CompletionSource, TableInfo } from '../cql/completion.js';
import type { KeyspaceModel, SchemaModel } from '../describe/model.js';
import { CQL_TOPICS } from '../shell/commands/help-cql.js';
import { SHELL_TOPICS } from '../shell/commands/help-docs.js';
import { TSCQLSH_TOPICS } from '../shell/commands/help-tscqlsh.js';

/** What completion needs of the schema cache (src/shell/schema-cache.ts). */
export interface SchemaProvider {
  peek(): SchemaModel | undefined;
  get(): Promise<SchemaModel>;
}

// the driver's column order: partition key, clustering, then static and regular columns by name
const RANK = { partition_key: 0, clustering: 1, static: 2, regular: 2 } as const;

export class SchemaCompletionSource implements CompletionSource {
  constructor(private readonly cache: SchemaProvider) {}

  /** Starts (or joins) a load; resolves when a schema is there. */
  refresh(): Promise<void> {
    return this.cache.get().then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * What to wait for before completing: the cache's get() answers at once with an up-to-date
   * schema and waits for the reload of one gone stale (after DDL, here or by another client).
   */
  pending(): Promise<void> | undefined {
    return this.refresh();
  }

  private ks(name: string): KeyspaceModel | undefined {
    return this.cache.peek()?.keyspaces.find((k) => k.name === name);
  }

  keyspaces(): readonly string[] {
    return this.cache.peek()?.keyspaces.map((k) => k.name) ?? [];
  }

  tables(keyspace: string): readonly string[] {
    return this.ks(keyspace)?.tables.map((t) => t.name) ?? [];
  }

  views(keyspace: string): readonly string[] {
    return this.ks(keyspace)?.views.map((v) => v.name) ?? [];
  }

  indexes(keyspace: string): readonly string[] {
    return this.ks(keyspace)?.tables.flatMap((t) => t.indexes.map((i) => i.name)) ?? [];
  }

  /** A table's (or view's) key and columns: partition key, clustering, then the rest by name. */
  table(keyspace: string, name: string): TableInfo | undefined {
    const k = this.ks(keyspace);
    const t = k?.tables.find((x) => x.name === name) ?? k?.views.find((x) => x.name === name);
    if (!t) return undefined;
    const cols = [...t.columns].sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.position - b.position || (a.name < b.name ? -1 : 1));
    const of = (kind: 'partition_key' | 'clustering') => cols.filter((c) => c.kind === kind).map((c) => c.name);
    return {
      partitionKey: of('partition_key'),
      clustering: of('clustering'),
      columns: cols.map((c) => ({ name: c.name, type: c.type })),
      indexTargets: 'indexes' in t ? t.indexes.map((i) => i.options.target).filter((x): x is string => x !== undefined) : [],
    };
  }

  tableKind(keyspace: string, name: string): string | undefined {
    const k = this.ks(keyspace);
    if (k?.views.some((v) => v.name === name)) return 'view';
    const t = k?.tables.find((x) => x.name === name);
    if (!t) return undefined;
    return t.virtual || k?.virtual ? 'virtual table' : 'table';
  }

  types(keyspace: string): readonly string[] {
    return this.ks(keyspace)?.types.map((t) => t.name) ?? [];
  }

  typeFields(keyspace: string, type: string): readonly string[] {
    return this.ks(keyspace)?.types.find((t) => t.name === type)?.fieldNames ?? [];
  }

  functions(keyspace: string): readonly string[] {
    return [...new Set(this.ks(keyspace)?.functions.map((f) => f.name) ?? [])];
  }

  aggregates(keyspace: string): readonly string[] {
    return [...new Set(this.ks(keyspace)?.aggregates.map((a) => a.name) ?? [])];
  }

  helpTopics(): readonly string[] {
    return [...SHELL_TOPICS, ...TSCQLSH_TOPICS, ...CQL_TOPICS];
  }

  listDir(dir: string): readonly string[] {
    const real = dir.startsWith('~') ? path.join(os.homedir(), dir.slice(1)) : dir;
    try {
      return fs
        .readdirSync(real, { withFileTypes: true })
        .map((e) => e.name + (e.isDirectory() ? '/' : ''))
        .sort();
    } catch {
      return [];
    }
  }
}
