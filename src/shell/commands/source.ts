// SOURCE 'file': run a file's statements through this engine, as cqlsh's sub-shell does. Errors in
// it carry the file's name and line (`inner.cql:5:`) and do not fail the batch; an EXIT ends only
// the file. The sub-shell starts with cqlsh's defaults for EXPAND, PAGING, CONSISTENCY and SERIAL
// CONSISTENCY and no CAPTURE (TRACING and tscqlsh's own settings carry over), and none of what it
// changes (keyspace included) outlives it.
import fs from 'node:fs';
import { StatementSplitter, syntaxErrorLines } from '../../cql/splitter.js';
import type { CommandContext, ShellCommand } from '../command.js';
import type { Output } from '../output.js';
import { defaultState } from '../state.js';
import { commandTokens, fail, improper, isStringLiteral } from './args.js';
import { dequoteValue } from '../../cql/literals.js';
import { pyStrRepr as pyRepr } from '../../format/pyvalues.js';
import { osErrorText } from '../../util/errno.js';
import { expandUser } from '../../util/paths.js';

const MAX_DEPTH = 32;
let depth = 0;

/** The file's text, decoded as cqlsh does: a byte-order mark chooses UTF-8/16/32, else UTF-8. */
export function decodeScript(bytes: Uint8Array): string {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0xef, 0xbb, 0xbf)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (starts(0xff, 0xfe)) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (starts(0xfe, 0xff)) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (starts(0x00, 0x00, 0xfe, 0xff)) {
    let s = '';
    for (let i = 4; i + 3 < bytes.length; i += 4) {
      s += String.fromCodePoint(((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0);
    }
    return s;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** Runs a script's text statement by statement; `name` prefixes its errors. */
export async function* runScript(name: string, script: string, ctx: CommandContext): AsyncGenerator<Output> {
  const run = ctx.run;
  if (!run) throw new Error('this engine cannot run statements for SOURCE');
  const splitter = new StatementSplitter({ lineBreaks: 'universal' });
  const events = splitter.push(script);
  events.push(...splitter.end());
  for (const ev of events) {
    const prefix = `${name}:${ev.reportLine}:`;
    if (ev.kind === 'syntax-error') {
      for (const line of syntaxErrorLines(ev, true)) yield { kind: 'error', message: line, prefix };
    } else if (ev.kind === 'incomplete') {
      yield { kind: 'error', message: ev.message, prefix };
    } else {
      for await (const out of run(ev.text)) {
        if (out.kind === 'exit') return;
        yield out.kind === 'error' ? { ...out, prefix: out.prefix ?? prefix } : out;
      }
    }
  }
}

/** Runs `body` with the sub-shell's settings, then puts the caller's back. */
async function* inSubshell(ctx: CommandContext, body: AsyncIterable<Output>): AsyncGenerator<Output> {
  const state = ctx.state;
  const saved = {
    expand: state.expand,
    paging: { ...state.paging },
    consistency: state.consistency,
    serialConsistency: state.serialConsistency,
    capture: state.capture,
  };
  const d = defaultState();
  Object.assign(state, { expand: d.expand, consistency: d.consistency, serialConsistency: d.serialConsistency, capture: undefined });
  Object.assign(state.paging, d.paging);
  let keyspace: { value: string | undefined } | undefined;
  try {
    for await (const out of body) {
      if (out.kind === 'keyspace') keyspace = { value: out.keyspace };
      else yield out;
    }
  } finally {
    if (state.capture && state.capture !== saved.capture) state.capture.close();
    Object.assign(state, { ...saved, paging: state.paging });
    Object.assign(state.paging, saved.paging);
  }
  if (keyspace && keyspace.value !== ctx.keyspace) yield* restoreKeyspace(ctx, keyspace.value);
}

/** Switches the session back to the caller's keyspace (when it had none, that cannot be undone). */
async function* restoreKeyspace(ctx: CommandContext, now: string | undefined): AsyncGenerator<Output> {
  const back = ctx.keyspace;
  if (back === undefined) {
    yield { kind: 'keyspace', keyspace: now };
    return;
  }
  for await (const out of ctx.runStatement(`USE "${back.replace(/"/g, '""')}"`)) {
    if (out.kind === 'keyspace') yield out;
  }
}

export const source: ShellCommand = {
  name: 'source',
  async *run(text, ctx) {
    const t = commandTokens(text);
    if (!t || t.length !== 2 || !isStringLiteral(t[1])) {
      yield improper(text);
      return;
    }
    const path = expandUser(dequoteValue(t[1].text));
    let script: string;
    try {
      script = decodeScript(fs.readFileSync(path));
    } catch (e) {
      yield fail(`Could not open ${pyRepr(path)}: ${osErrorText(e, path)}`);
      return;
    }
    if (depth >= MAX_DEPTH) {
      yield fail(`Could not open ${pyRepr(path)}: SOURCE nested more than ${MAX_DEPTH} deep`);
      return;
    }
    depth++;
    try {
      yield* inSubshell(ctx, runScript(path, script, ctx));
    } finally {
      depth--;
    }
  },
};
