// Amazon Keyspaces applies DDL asynchronously: after CREATE/ALTER/DROP the table or keyspace is
// CREATING/UPDATING/DELETING for a while. This polls system_schema_mcs until the change is done.

export interface DdlTarget {
  kind: 'table' | 'keyspace';
  keyspace: string;
  table?: string;
  drop: boolean;
}

const IDENT = String.raw`(?:"((?:[^"]|"")+)"|(\w+))`;
const name = (quoted?: string, plain?: string) => (quoted !== undefined ? quoted.replace(/""/g, '"') : plain?.toLowerCase());

/** The table or keyspace a DDL statement changes, or undefined for anything else. */
export function ddlTarget(cql: string, currentKeyspace?: string): DdlTarget | undefined {
  const re = new RegExp(
    String.raw`^\s*(create|alter|drop)\s+(table|columnfamily|keyspace|schema)\s+(?:if\s+(?:not\s+)?exists\s+)?${IDENT}(?:\s*\.\s*${IDENT})?`,
    'i',
  );
  const m = re.exec(cql);
  if (!m) return undefined;
  const verb = m[1].toLowerCase();
  const what = m[2].toLowerCase();
  const first = name(m[3], m[4])!;
  const second = name(m[5], m[6]);
  if (what === 'keyspace' || what === 'schema') return { kind: 'keyspace', keyspace: first, drop: verb === 'drop' };
  const [keyspace, table] = second !== undefined ? [first, second] : [currentKeyspace, first];
  if (!keyspace) return undefined;
  return { kind: 'table', keyspace, table, drop: verb === 'drop' };
}

/** runs a query and returns the first row's `status` (or 'PRESENT' for a row without one), undefined when no row */
export type StatusQuery = (cql: string, params: string[]) => Promise<string | undefined>;

export interface WaitOptions {
  intervalMs?: number;
  timeoutMs?: number;
  onProgress?: (text: string) => void;
}

export async function waitForDdl(t: DdlTarget, query: StatusQuery, o: WaitOptions = {}): Promise<void> {
  const interval = o.intervalMs ?? 1000;
  const deadline = Date.now() + (o.timeoutMs ?? 10 * 60_000);
  const label = t.kind === 'table' ? `table ${t.keyspace}.${t.table}` : `keyspace ${t.keyspace}`;
  const cql =
    t.kind === 'table'
      ? 'SELECT status FROM system_schema_mcs.tables WHERE keyspace_name = ? AND table_name = ?'
      : 'SELECT keyspace_name FROM system_schema_mcs.keyspaces WHERE keyspace_name = ?';
  const params = t.kind === 'table' ? [t.keyspace, t.table!] : [t.keyspace];
  const started = Date.now();
  for (let first = true; ; first = false) {
    const status = await query(cql, params);
    const done = t.drop ? status === undefined : status === 'ACTIVE' || (t.kind === 'keyspace' && status !== undefined);
    if (done) {
      if (!first) o.onProgress?.(`${label} is ${t.drop ? 'gone' : 'ACTIVE'} (${Math.round((Date.now() - started) / 1000)} s)\n`);
      return;
    }
    if (Date.now() > deadline) {
      o.onProgress?.(`Gave up waiting for ${label} (status ${status ?? 'absent'}); it may still complete.\n`);
      return;
    }
    if (first) o.onProgress?.(`Waiting for ${label} to ${t.drop ? 'be deleted' : 'become ACTIVE'} (status ${status ?? 'absent'})...\n`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
