// The shell's own commands are named once (cql/vocabulary.ts): every name has one module in the
// engine's registry, and every first word the splitter knows reaches it.
import { describe, expect, it } from 'vitest';
import { COMMANDS_ENDING_AT_NEWLINE, shellCommandOf } from '../../src/cql/vocabulary.js';
import { commands } from '../../src/shell/commands/index.js';

describe('shell command vocabulary', () => {
  it('each command module has its own name, and USE is the only one not a shell command word', () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const words = ['describe', 'desc', 'copy', 'show', 'source', 'capture', 'tracing', 'expand', 'consistency', 'serial', 'login', 'exit', 'quit'];
    words.push('clear', 'cls', 'debug', 'help', '?', 'history', 'paging', 'unicode', 'output', 'timing');
    words.push('edit', 'save', 'pager', 'highlight', 'suggest');
    expect(new Set(words.map(shellCommandOf))).toEqual(new Set(names.filter((n) => n !== 'use')));
  });

  it('every word that ends at a newline names a command', () => {
    for (const w of COMMANDS_ENDING_AT_NEWLINE) expect(shellCommandOf(w), w).not.toBeNull();
  });
});
