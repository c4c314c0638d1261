// What the shell commands share: their statement's tokens (cqlsh's lexer), keyword tests, the
// "Improper X command." error, and the Python-flavoured text cqlsh prints (repr of a string,
// OS errors, ~ expansion, dequoted literals).
import os from 'node:os';
import { tokenize, type Token } from '../../cql/lexer.js';
import type { Output } from '../output.js';
import { pyStrRepr as pyRepr } from '../../format/pyvalues.js';
import { expandUser } from '../../settings/files.js';

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

export const isStringLiteral = (t: Token | undefined): boolean =>
  t !== undefined && (t.type === 'quotedStringLiteral' || t.type === 'pgStringLiteral');

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

/** A string literal's value as cqlsh takes it: '...' unquoted ('' → '), anything else as is. */
export function dequoteValue(s: string): string {
  const v = s.trim();
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

/** Python's repr() of a str; ~ expansion as Python's os.path.expanduser (shared helpers). */
export { pyRepr, expandUser };

/** What Python's str.isprintable() refuses (space aside). */
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function escapeCodePoint(c: number): string {
  if (c < 0x100) return `\\x${c.toString(16).padStart(2, '0')}`;
  if (c < 0x10000) return `\\u${c.toString(16).padStart(4, '0')}`;
  return `\\U${c.toString(16).padStart(8, '0')}`;
}

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long'],
  EROFS: [30, 'Read-only file system'],
  ENOSPC: [28, 'No space left on device'],
  EMFILE: [24, 'Too many open files'],
  ENXIO: [6, 'No such device or address'],
  ETXTBSY: [26, 'Text file busy'],
  EPIPE: [32, 'Broken pipe'],
  EIO: [5, 'Input/output error'],
  EBADF: [9, 'Bad file descriptor'],
};

/** Python's str() of an OSError without a file name: `[Errno 32] Broken pipe`. */
export function osErrorPlain(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known = err.code ? ERRNO[err.code] : undefined;
  const [num, text] = known ?? [Math.abs(err.errno ?? 0), err.message];
  return `[Errno ${num}] ${text}`;
}

/** Python's str() of an OSError about `path`: `[Errno 2] No such file or directory: 'path'`. */
export function osErrorText(e: unknown, path: string): string {
  const err = e as NodeJS.ErrnoException;
  const known = err.code ? ERRNO[err.code] : undefined;
  const [num, text] = known ?? [Math.abs(err.errno ?? 0), err.message];
  return `[Errno ${num}] ${text}: ${pyRepr(path)}`;
}
