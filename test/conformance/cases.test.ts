// The conformance suite: every test/conformance/cases/*.cql goes through the reference cqlsh and
// tscqlsh against the same server; stdout, stderr and exit code must be identical.
// A case file creates (and drops first) its own keyspace, so each run starts from the same state.
// The first lines may hold directives:
//   -- mode: stdin | file | execute     how the shell gets the input (default stdin)
//   -- args: --flag value ...           extra command-line arguments
//   -- env: NAME=value ...              extra environment
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runBoth } from '../support/reference.js';

const server = inject('cassandra');
const dir = path.join(import.meta.dirname, 'cases');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cql')).sort();

function directive(text: string, name: string): string | undefined {
  return new RegExp(`^-- ${name}: (.*)$`, 'm').exec(text)?.[1].trim();
}

describe('conformance cases', () => {
  it('has cases', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    it(file, async () => {
      const full = path.join(dir, file);
      const text = fs.readFileSync(full, 'utf8');
      const mode = directive(text, 'mode') ?? 'stdin';
      const args = directive(text, 'args')?.split(/\s+/) ?? [];
      const env = Object.fromEntries((directive(text, 'env')?.split(/\s+/) ?? []).map((kv) => kv.split('=', 2)));
      const input =
        mode === 'file'
          ? { args: [...args, '-f', path.relative(process.cwd(), full)], stdin: undefined }
          : mode === 'execute'
            ? { args: [...args, '-e', text], stdin: undefined }
            : { args, stdin: text };
      const { ours, ref } = await runBoth(server, input.args, { stdin: input.stdin, env });
      expect(ours.stdout).toBe(ref.stdout);
      expect(ours.stderr).toBe(ref.stderr);
      expect(ours.code).toBe(ref.code);
    });
  }
});
