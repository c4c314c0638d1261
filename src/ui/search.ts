// Ctrl-R incremental reverse search over the history, as readline does it: typing narrows, Ctrl-R
// again finds an older match, Backspace widens, Escape / Ctrl-G gives the original text back, any
// other key takes the match into the buffer (Enter runs it). Pure.
import type { EditBuffer } from './buffer.js';
import type { History } from './history.js';
import type { Key } from './keys.js';

export interface Search {
  query: string;
  /** history index of the match (or where the search starts) */
  index: number;
  match: string | null;
  /** the query has no match (the last one found stays shown) */
  failed: boolean;
  original: EditBuffer;
}

export type SearchStep =
  | { kind: 'search'; search: Search }
  | { kind: 'cancel'; buffer: EditBuffer }
  /** leave with the match; `key` is then handled as usual (Enter runs it) */
  | { kind: 'accept'; text: string | null; key: Key };

export function startSearch(history: History, original: EditBuffer): Search {
  return { query: '', index: history.all().length - 1, match: null, failed: false, original };
}

export function searchStep(s: Search, key: Key, h: History): SearchStep {
  const newest = h.all().length - 1;
  const find = (query: string, from: number): Search => {
    if (!query) return { ...s, query, index: newest, match: null, failed: false };
    const m = h.search(query, from);
    return m ? { ...s, query, index: m.index, match: m.text, failed: false } : { ...s, query, failed: true };
  };
  if (key.name === 'char' || key.name === 'paste') return { kind: 'search', search: find(s.query + (key.text ?? ''), s.match !== null ? s.index : newest) };
  if (key.name === 'backspace') return { kind: 'search', search: find(s.query.slice(0, -1), newest) };
  if (key.name === 'ctrl' && key.text === 'r') {
    if (!s.query) return { kind: 'search', search: s };
    const m = h.search(s.query, s.index - 1);
    return { kind: 'search', search: m ? { ...s, index: m.index, match: m.text, failed: false } : { ...s, failed: true } };
  }
  if (key.name === 'escape' || (key.name === 'ctrl' && key.text === 'g')) return { kind: 'cancel', buffer: s.original };
  return { kind: 'accept', text: s.match, key };
}
