// Tab completion's view of the schema: the shell's SchemaCache (loaded in the background, marked
// stale after DDL and loaded again; Tab waits for get()), read synchronously once it is there,
// plus directory listings for file paths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CompletionSource } from '../cql/completion.js';
import type { KeyspaceModel, SchemaModel } from '../describe/model.js';

/** What completion needs of the schema cache (src/shell/schema-cache.ts). */
export interface SchemaProvider {
  peek(): SchemaModel | undefined;
  get(): Promise<SchemaModel>;
}

const RANK = { partition_key: 0, clustering: 1, static: 2, regular: 3 } as const;

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
    const k = this.ks(keyspace);
    return k ? [...k.tables.map((t) => t.name), ...k.views.map((v) => v.name)] : [];
  }

  columns(keyspace: string, table: string): readonly string[] {
    const k = this.ks(keyspace);
    const t = k?.tables.find((x) => x.name === table) ?? k?.views.find((x) => x.name === table);
    if (!t) return [];
    return [...t.columns].sort((a, b) => RANK[a.kind] - RANK[b.kind] || a.position - b.position).map((c) => c.name);
  }

  types(keyspace: string): readonly string[] {
    return this.ks(keyspace)?.types.map((t) => t.name) ?? [];
  }

  functions(keyspace: string): readonly string[] {
    const k = this.ks(keyspace);
    return k ? [...new Set([...k.functions.map((f) => f.name), ...k.aggregates.map((a) => a.name)])] : [];
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
