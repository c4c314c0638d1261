// cqlsh's prompts: `cqlsh> ` / `cqlsh:ks> ` (with `user@` when logged in and CQLSH_PROMPT on a line
// of its own above), and the continuation prompt aligned under the statement.

export interface PromptOptions {
  keyspace?: string;
  username?: string;
  /** CQLSH_PROMPT: shown on its own line above the prompt */
  custom?: string;
  /** the prompt word, `cqlsh` unless renamed */
  word?: string;
}

export function mainPrompt(o: PromptOptions): string {
  const word = o.word ?? 'cqlsh';
  const custom = o.custom ? `${o.custom}\n` : '';
  const base = o.keyspace === undefined ? `${word}> ` : `${word}:${o.keyspace}> `;
  return custom + (o.username ? `${o.username}@` : '') + base;
}

export function continuationPrompt(o: PromptOptions): string {
  const word = o.word ?? 'cqlsh';
  const pad = ' '.repeat(Math.max(0, word.length - 2));
  return o.keyspace === undefined ? `${pad}... ` : `${pad}${' '.repeat(o.keyspace.length + 1)}... `;
}

/** cqlsh's reminder, the prompt of a line after a few empty ones in an unfinished statement. */
export const TERMINATOR_HINT = "Statements are terminated with a ';'.  You can press CTRL-C to cancel an incomplete statement.";

/**
 * The prompt of each line after the first of `text`: the continuation prompt, or the reminder on
 * the lines it was given to (`hints`: the text before each such line, so a hint goes with its
 * line and is gone once the text before it changes).
 */
export function continuationFor(text: string, continuation: string, hints: readonly string[] = []): (line: number) => string {
  if (hints.length === 0) return () => continuation;
  const at = new Set(hints.filter((h) => text.startsWith(h)).map((h) => h.split('\n').length - 1));
  return (line) => (at.has(line) ? TERMINATOR_HINT : continuation);
}

/**
 * The text as it stands in the scrollback once submitted: prompts in front of its lines.
 * `shown`: the lines as they are shown (highlighted), in place of the text's own.
 */
export function echo(text: string, o: PromptOptions, hints: readonly string[] = [], shown?: readonly string[]): string {
  const cont = continuationFor(text, continuationPrompt(o), hints);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? mainPrompt(o) : cont(i)) + (shown?.[i] ?? line))
    .join('\n');
}
