// A fake session answering the schema queries of src/db/schema.ts from canned rows (tables it
// does not know fail, as a server without them would).
import type { CqlValue } from '../../src/cql/types.js';
import type { Page, Session } from '../../src/db/session.js';

export type Rows = Record<string, Record<string, CqlValue>[]>;

export function fakeSchemaSession(tables: Rows, releaseVersion = '3.11.2'): Session {
  const fake = {
    info: { clusterName: 'Amazon Keyspaces', releaseVersion, cqlVersion: '3.4.4', protocolVersion: 4, host: 'h', port: 9142 },
    async *execute(cql: string): AsyncGenerator<Page> {
      const m = /FROM\s+([\w.]+)/i.exec(cql);
      const rows = m ? tables[m[1]] : undefined;
      if (!rows) throw Object.assign(new Error(`unconfigured table ${m?.[1]}`), { code: 0x2200 });
      const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
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
