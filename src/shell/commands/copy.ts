// COPY ks.t [(cols)] TO 'file'|STDOUT / FROM 'files'|STDIN [WITH opt = v AND ...], as cqlsh 6.2
// (src/copy/ does the work). Messages go out as the task makes them; Ctrl-C (the context's
// signal: the REPL's Ctrl-C, SIGINT in batch mode) stops it cleanly with the summary of what was done.
import type { CopyContext } from '../../copy/context.js';
import { Channel } from '../../copy/channel.js';
import { runExport } from '../../copy/export.js';
import { runImport } from '../../copy/import.js';
import { CopyUsageError, parseCopy, resolveOptions } from '../../copy/options.js';
import { TableNotFound, tableInfo } from '../../db/bulk.js';
import type { ShellCommand } from '../command.js';
import type { Output } from '../output.js';
import { fail, improper, say } from './args.js';

export const copy: ShellCommand = {
  name: 'copy',
  async *run(text, ctx) {
    const st = parseCopy(text);
    if (!st) {
      yield improper(text);
      return;
    }
    const ks = st.keyspace ?? ctx.keyspace;
    if (ks === undefined) {
      yield fail('Not in any keyspace.');
      return;
    }
    let info;
    try {
      info = await tableInfo(ctx.session, ks, st.table);
    } catch (e) {
      yield fail(e instanceof TableNotFound ? e.message : ctx.session.describeError(e));
      return;
    }
    const columns = st.columns ?? info.columns.map((c) => c.name);
    let opts;
    try {
      opts = resolveOptions(st, ks, { configFile: ctx.copy?.cqlshrc, timestampFormat: ctx.copy?.timestampFormat, preset: ctx.copy });
    } catch (e) {
      if (!(e instanceof CopyUsageError)) throw e;
      yield fail(e.message);
      return;
    }
    const chatty = st.file !== undefined || st.direction === 'from';
    if (chatty) for (const n of opts.notes) yield say(n);
    if (chatty) yield say(`Using ${opts.numProcesses} child processes`);
    if (opts.unrecognized.length) {
      yield fail(`Unrecognized COPY ${st.direction.toUpperCase()} options: ${opts.unrecognized.join(', ')}`);
      return;
    }
    if (columns.length === 0) {
      yield fail('No column specified');
      return;
    }
    const bad = columns.find((c) => !info.columns.some((x) => x.name === c));
    if (bad !== undefined) {
      yield fail(`Invalid column name ${bad}`);
      return;
    }
    const abort = new AbortController();
    const onAbort = () => abort.abort();
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    const ch = new Channel<Output>();
    const cc: CopyContext = {
      session: ctx.session,
      st,
      ks,
      info,
      columns: columns.map((c) => info.columns.find((x) => x.name === c)!),
      opts,
      consistency: (opts.consistency as CopyContext['consistency'] | undefined) ?? ctx.state.consistency,
      signal: abort.signal,
      say: (t) => ch.send(say(t)),
      err: (t) => ch.send(fail(t)),
      readLine: ctx.readLine,
      progress: ctx.progress,
    };
    const task = (st.direction === 'to' ? runExport(cc) : runImport(cc))
      .catch((e: unknown) => ch.send(fail(e instanceof Error ? e.message : String(e))))
      .finally(() => ch.close());
    try {
      for await (const o of ch) {
        ctx.progress?.(null);
        yield o;
      }
      await task;
    } finally {
      // the consumer stopped early (stdout closed): the task stops too
      abort.abort();
      ctx.signal?.removeEventListener('abort', onAbort);
    }
  },
};
