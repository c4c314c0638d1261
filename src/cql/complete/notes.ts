// The note the completion menu shows next to a candidate: a column's type, a table's kind (table,
// view, virtual table). Read from the slot that offered the candidate and what the statement bound
// before it. Pure.
import type { Bindings } from './grammar.js';
import { columnType, keyspaceOf, tableOf, unquote, type Env } from './env.js';

/** Slots that offer the columns of the statement's table. */
const COLUMN_SLOTS = new Set([
  'col',
  'colname',
  'colnames',
  'conditioncol',
  'delcol',
  'existcol',
  'groupcol',
  'listcol',
  'ordercol',
  'rel_lhs',
  'rel_tokname',
  'updatecol',
  'update_rhs',
]);

/** The note for `item`, offered by the slot `slot` with bindings `b`; '' when there is none. */
export function noteFor(item: string, slot: string, b: Bindings, env: Env): string {
  const name = unquote(item);
  if (slot === 'cfname' || slot === 'mvname') {
    // (a source that cannot tell the kind shows none)
    const ks = keyspaceOf(b, env);
    return (ks !== undefined && env.src.tableKind?.(ks, name)) || '';
  }
  if (!COLUMN_SLOTS.has(slot)) return '';
  // a column of the statement's table (or of the table named after the cursor)
  const later = env.laterTable;
  const laterKs = later ? (later.ks ?? env.keyspace) : undefined;
  const t = tableOf(b, env) ?? (later && laterKs !== undefined ? env.src.table(laterKs, later.name) : undefined);
  return (t && columnType(t, name)) || '';
}
