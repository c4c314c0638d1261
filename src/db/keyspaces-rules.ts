// What Amazon Keyspaces accepts of the consistency vocabulary (db/session.ts spells the levels):
// reads at ONE, LOCAL_ONE or LOCAL_QUORUM; writes only at LOCAL_QUORUM. Light: no driver import.
import { firstWord } from '../cql/lexer.js';
import type { Consistency } from './session.js';

export const KEYSPACES_CONSISTENCIES = ['ONE', 'LOCAL_ONE', 'LOCAL_QUORUM'] as const satisfies readonly Consistency[];
export const KEYSPACES_SERIAL = ['LOCAL_SERIAL', 'SERIAL'] as const satisfies readonly Consistency[];
/** the one level Keyspaces takes for INSERT, UPDATE, DELETE and BATCH */
export const KEYSPACES_WRITE_CONSISTENCY: Consistency = 'LOCAL_QUORUM';

export const isKeyspacesConsistency = (level: string): boolean => (KEYSPACES_CONSISTENCIES as readonly string[]).includes(level);

export function keyspacesConsistencyError(level: string): string {
  return `Amazon Keyspaces does not support consistency level ${level}: reads take ONE, LOCAL_ONE or LOCAL_QUORUM, and writes always run at LOCAL_QUORUM`;
}

/** A data write (INSERT, UPDATE, DELETE, BATCH): Keyspaces runs it at LOCAL_QUORUM whatever CONSISTENCY says. */
export function isWriteStatement(cql: string): boolean {
  return ['insert', 'update', 'delete', 'begin', 'apply'].includes(firstWord(cql));
}
