// DESCRIBE | DESC: checked against cqlsh's grammar, then answered by the server (Cassandra >= 4.0)
// or, when the server has no DESCRIBE (older releases, Amazon Keyspaces) or the setting asks for
// it (TSCQLSH_DESCRIBE=client, state.describe), by the client-side generator from system_schema.
import type { CqlValue } from '../../cql/types.js';
import { loadSchema } from '../../db/schema.js';
import type { Session } from '../../db/session.js';
import { describeCluster, describeRows } from '../../describe/describe.js';
import { hasServerDescribe } from '../../describe/version.js';
import { type ClusterRow, DescribeError, type DescribeRequest, type DescribeRow } from '../../describe/request.js';
import type { CommandContext, ShellCommand } from '../command.js';
import type { Output } from '../output.js';
import { commandTokens, improper } from './args.js';
import { parseDescribe } from './describe-parse.js';
import { layoutOf, printCluster, printElements, printKeyspaces, printList, type DescribeLayout } from './describe-print.js';

export type DescribeMode = 'auto' | 'server' | 'client';

/** Which path answers DESCRIBE: the state's setting (the face reads TSCQLSH_DESCRIBE into it), else auto. */
export function describeMode(ctx: CommandContext): DescribeMode {
  const s = ctx.state.describe ?? 'auto';
  return s === 'client' || s === 'server' ? s : 'auto';
}

/** True when the server has DESCRIBE (Cassandra 4.0 and later). */
export function serverDescribes(session: Session): boolean {
  return hasServerDescribe(session.info.releaseVersion);
}

export const describe: ShellCommand = {
  name: 'describe',
  async *run(text, ctx) {
    const t = commandTokens(text);
    const req = t ? parseDescribe(t) : undefined;
    if (!t || !req) {
      yield improper(text);
      return;
    }
    const layout = layoutOf(t[1].text);
    const mode = describeMode(ctx);
    if (mode === 'server' || (mode === 'auto' && serverDescribes(ctx.session))) {
      const answered = yield* serverSide(text, layout, ctx, mode === 'auto');
      if (answered) return;
    }
    yield* clientSide(req, layout, ctx);
  },
};

/**
 * The server's answer, statements streamed page by page (names, being few, are laid out at the
 * end). Returns false, having yielded nothing, when the server has no DESCRIBE and `fallback`
 * allows the client-side one.
 */
async function* serverSide(text: string, layout: DescribeLayout, ctx: CommandContext, fallback: boolean): AsyncGenerator<Output, boolean> {
  const rows: Record<string, CqlValue>[] = [];
  let warnings: string[] = [];
  let first = true;
  try {
    const pageSize = ctx.state.paging.enabled ? ctx.state.paging.pageSize : undefined;
    for await (const page of ctx.session.execute(text, { consistency: 'LOCAL_ONE', pageSize })) {
      first = false;
      if (page.warnings.length) warnings = page.warnings;
      if (!page.columns) break;
      const cols = page.columns;
      const objects = page.rows.map((r) => Object.fromEntries(cols.map((c, i) => [c.name, r[i]])));
      if (layout === 'element') yield* printElements(objects.map(toDescribeRow));
      else rows.push(...objects);
    }
  } catch (e) {
    const err = e as { code?: number; message?: string };
    // a server without DESCRIBE answers with a syntax error (0x2000)
    if (first && fallback && err.code === 0x2000 && /desc/i.test(err.message ?? '')) return false;
    // cqlsh prints what follows `message=` in the driver's error text, quotes stripped: a server
    // error's own message, nothing for errors of the client (timeouts, lost connections)
    yield { kind: 'error', message: typeof err.code === 'number' ? (err.message ?? '').replace(/^"+|"+$/g, '') : '' };
    return true;
  }
  if (layout !== 'element') yield* print(layout, rows.map(toDescribeRow), rows.map(toClusterRow), ctx.keyspace);
  if (warnings.length) yield { kind: 'warnings', warnings };
  return true;
}

async function* clientSide(req: DescribeRequest, layout: DescribeLayout, ctx: CommandContext): AsyncGenerator<Output> {
  try {
    const schema = ctx.schema ? await ctx.schema.refresh() : await loadSchema(ctx.session, { keyspaces: !serverDescribes(ctx.session) });
    const rows = req.what === 'cluster' ? [] : describeRows(schema, req, ctx.keyspace);
    const cluster = req.what === 'cluster' ? [describeCluster(schema, ctx.keyspace)] : [];
    yield* print(layout, rows, cluster, ctx.keyspace);
  } catch (e) {
    if (e instanceof DescribeError) yield { kind: 'error', message: e.message };
    else throw e;
  }
}

function print(layout: DescribeLayout, rows: DescribeRow[], cluster: ClusterRow[], current: string | undefined): Output[] {
  switch (layout) {
    case 'list':
      return printList(rows, current);
    case 'keyspaces':
      return printKeyspaces(rows);
    case 'cluster':
      return printCluster(cluster);
    case 'element':
      return printElements(rows);
  }
}

const s = (v: CqlValue | undefined): string => (v === null || v === undefined ? '' : String(v));

function toDescribeRow(r: Record<string, CqlValue>): DescribeRow {
  return { keyspace_name: s(r.keyspace_name), type: s(r.type), name: s(r.name), create_statement: s(r.create_statement) };
}

function toClusterRow(r: Record<string, CqlValue>): ClusterRow {
  const out: ClusterRow = { cluster: s(r.cluster), partitioner: s(r.partitioner), snitch: s(r.snitch) };
  if ('range_ownership' in r && Array.isArray(r.range_ownership)) {
    out.range_ownership = (r.range_ownership as [CqlValue, CqlValue][]).map(([k, v]) => [s(k), Array.isArray(v) ? (v as CqlValue[]).map(s) : []]);
  }
  return out;
}
