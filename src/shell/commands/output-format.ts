// OUTPUT FORMAT [table|expanded|csv|json|ndjson|box] (tscqlsh's own): how results are printed.
// Worded like cqlsh's switches: "OUTPUT FORMAT is table", "... set to json", "... is already json".
import type { ShellCommand } from '../command.js';
import { OUTPUT_FORMATS } from '../../cql/vocabulary.js';
import { commandTokens, improper, isWord, say } from './args.js';

export const outputFormat: ShellCommand = {
  name: 'output',
  async *run(text, ctx) {
    const t = commandTokens(text);
    const arg = t?.[2];
    // a format name may lex as a keyword (TABLE) or be quoted
    const format = arg ? OUTPUT_FORMATS.find((f) => f === arg.text.replace(/^'(.*)'$/, '$1').toLowerCase()) : undefined;
    if (!t || !isWord(t[1], 'FORMAT') || t.length > 3 || (arg && !format)) {
      yield improper(text);
      return;
    }
    const current = ctx.state.format;
    if (!format) yield say(`OUTPUT FORMAT is ${current}`);
    else if (format === current) yield say(`OUTPUT FORMAT is already ${current}`);
    else {
      ctx.state.format = format;
      yield say(`OUTPUT FORMAT set to ${format}`);
    }
  },
};
