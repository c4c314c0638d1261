// The guard on destructive statements (cql/destructive.ts): with --confirm-destructive on, the
// interactive face is asked to confirm one (it shows the statement's target and the connection;
// the default answer is No); with --safe it is refused with an error (batch mode too). Batch mode
// never asks: without --safe a statement runs as typed.
import { destructive, type TableKey } from '../cql/destructive.js';
import type { SchemaModel } from '../describe/model.js';
import type { Output } from './output.js';

export interface GuardSettings {
  /** ask before a destructive statement (when the face can ask) */
  confirm: boolean;
  /** refuse destructive statements */
  safe: boolean;
  /** the connection named in the question: `127.0.0.1:9042 (profile prod)` */
  where: string;
}

/** First words of statements that may be destructive. */
const WATCHED = new Set(['DROP', 'TRUNCATE', 'ALTER', 'DELETE', 'BEGIN']);

export interface GuardContext {
  settings: GuardSettings | undefined;
  keyspace: string | undefined;
  /** the schema, for a DELETE's table key (rejects when it cannot be read) */
  schema(): Promise<SchemaModel>;
  /** asks the user a yes/no question (the interactive face): lines of explanation, the question last */
  confirm?(question: string): Promise<boolean>;
}

/** What to say instead of running the statement, or null to run it. */
export async function guard(word: string, text: string, g: GuardContext): Promise<Output | null> {
  const s = g.settings;
  if (!s || !(s.safe || (s.confirm && g.confirm)) || !WATCHED.has(word)) return null;
  let model: SchemaModel | undefined;
  if (/\bdelete\b/i.test(text)) model = await g.schema().catch(() => undefined);
  const risk = destructive(text, g.keyspace, (ks, table) => (model && ks !== undefined ? tableKey(model, ks, table) : undefined));
  if (!risk) return null;
  const what = `${risk.what} on ${s.where}${risk.why ? `: ${risk.why}` : ''}.`;
  if (s.safe) return { kind: 'error', message: `Refused (--safe): ${what}` };
  const ok = await g.confirm!(`${what}\nRun it? [y/N] `);
  return ok ? null : { kind: 'text', text: 'Not run.' };
}

function tableKey(model: SchemaModel, ks: string, name: string): TableKey | undefined {
  const k = model.keyspaces.find((x) => x.name === ks);
  const t = k?.tables.find((x) => x.name === name);
  if (!t) return undefined;
  const of = (kind: string) =>
    t.columns
      .filter((c) => c.kind === kind)
      .sort((a, b) => a.position - b.position)
      .map((c) => c.name);
  return { partitionKey: of('partition_key'), clustering: of('clustering'), statics: of('static') };
}

/** Whether an answer to the question is yes. */
export const isYes = (answer: string | null): boolean => answer !== null && /^\s*y(es)?\s*$/i.test(answer);
