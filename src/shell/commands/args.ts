// What the shell commands share: their statement's tokens (cqlsh's lexer), keyword tests, the
// "Improper X command." error and the messages commands yield.
import { tokenize, type Token } from '../../cql/lexer.js';
import type { Output } from '../output.js';

/** The statement's tokens without line ends and a trailing `;`; null when it does not lex cleanly. */
export function commandTokens(text: string): Token[] | null {
  const { tokens, errorAt } = tokenize(text);
  if (errorAt >= 0) return null;
  const out = tokens.filter((t) => t.type !== 'endline');
  if (out.length && out[out.length - 1].type === 'endtoken') out.pop();
  if (out.some((t) => t.type.startsWith('unclosed') || t.type === 'endtoken')) return null;
  return out;
}

/** True when `t` is the word `word` (any case), as a keyword of the shell's grammar matches it. */
export function isWord(t: Token | undefined, word: string): boolean {
  return t !== undefined && (t.type === 'identifier' || t.type === 'reserved_identifier') && t.text.toUpperCase() === word;
}

/** The upper-cased word `t` is, when it is one of `words`; otherwise undefined. */
export function oneOf<W extends string>(t: Token | undefined, words: readonly W[]): W | undefined {
  if (!t || (t.type !== 'identifier' && t.type !== 'reserved_identifier')) return undefined;
  const up = t.text.toUpperCase();
  return words.find((w) => w === up);
}

export const isStringLiteral = (t: Token | undefined): boolean => t !== undefined && (t.type === 'quotedStringLiteral' || t.type === 'pgStringLiteral');

/** The command word as typed (cqlsh names `?` "help"), for error messages. */
export function commandWord(text: string): string {
  const { tokens } = tokenize(text);
  const first = tokens.find((t) => t.type !== 'endline');
  if (!first) return '';
  return first.text === '?' ? 'help' : first.text;
}

/** cqlsh's answer to a shell command its grammar does not accept. */
export function improper(text: string): Output {
  return { kind: 'error', message: `Improper ${commandWord(text)} command.` };
}

export const say = (text: string): Output => ({ kind: 'text', text });
export const fail = (message: string): Output => ({ kind: 'error', message });
