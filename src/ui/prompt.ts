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

/** The text as it stands in the scrollback once submitted: prompts in front of its lines. */
export function echo(text: string, o: PromptOptions): string {
  const cont = continuationPrompt(o);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? mainPrompt(o) : cont) + line)
    .join('\n');
}
