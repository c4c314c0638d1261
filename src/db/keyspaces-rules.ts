// What Amazon Keyspaces accepts of the consistency vocabulary (cql/vocabulary.ts spells the levels
// and its subset): reads at ONE, LOCAL_ONE or LOCAL_QUORUM; writes only at LOCAL_QUORUM. Light: no
// driver import.
import { firstWord } from '../cql/lexer.js';
import { KEYSPACES_CONSISTENCIES } from '../cql/vocabulary.js';

export const isKeyspacesConsistency = (level: string): boolean => (KEYSPACES_CONSISTENCIES as readonly string[]).includes(level);

export function keyspacesConsistencyError(level: string): string {
  return `Amazon Keyspaces does not support consistency level ${level}: reads take ONE, LOCAL_ONE or LOCAL_QUORUM, and writes always run at LOCAL_QUORUM`;
}

/** A data write (INSERT, UPDATE, DELETE, BATCH): Keyspaces runs it at LOCAL_QUORUM whatever CONSISTENCY says. */
export function isWriteStatement(cql: string): boolean {
  return ['insert', 'update', 'delete', 'begin', 'apply'].includes(firstWord(cql));
}
