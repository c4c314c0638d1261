// A fake session answering the schema queries of src/db/schema.ts from canned rows (tables it
// does not know fail, as a server without them would). `WHERE col = 'value' AND ...` filters the
// rows; tables in `requireWhere` refuse a query without one, as Keyspaces documents for
// system_schema_mcs.tags. Every query is logged in `queries`.
import type { CqlValue } from '../../src/cql/types.js';
import type { Page, Session } from '../../src/db/session.js';

export type Rows = Record<string, Record<string, CqlValue>[]>;

export interface FakeOptions {
  requireWhere?: string[];
  queries?: string[];
}

export function fakeSchemaSession(tables: Rows, releaseVersion = '3.11.2', o: FakeOptions = {}): Session {
  const fake = {
    info: { clusterName: 'Amazon Keyspaces', releaseVersion, cqlVersion: '3.4.4', protocolVersion: 4, host: 'h', port: 9142 },
    async *execute(cql: string): AsyncGenerator<Page> {
      o.queries?.push(cql);
      const m = /FROM\s+([\w.]+)(?:\s+WHERE\s+(.*))?$/is.exec(cql.trim());
      let rows = m ? tables[m[1]] : undefined;
      if (!rows) throw Object.assign(new Error(`unconfigured table ${m?.[1]}`), { code: 0x2200 });
      if (!m![2] && o.requireWhere?.includes(m![1])) throw Object.assign(new Error('WHERE clause is required'), { code: 0x2200 });
      for (const [, col, quoted] of m![2]?.matchAll(/(\w+)\s*=\s*'((?:[^']|'')*)'/g) ?? []) {
        const want = quoted.replace(/''/g, "'");
        rows = rows.filter((r) => String(r[col]) === want);
      }
      const names = [...new Set(tables[m![1]].flatMap((r) => Object.keys(r)))];
      yield {
        columns: names.map((name) => ({ name, type: { kind: 'text' } })),
        rows: rows.map((r) => names.map((n) => (n in r ? r[n] : null))),
        warnings: [],
        hasMore: false,
      };
    },
  };
  return fake as unknown as Session;
}

/** A map value as the db layer gives it. */
export const map = (o: Record<string, CqlValue>): [CqlValue, CqlValue][] => Object.entries(o);
