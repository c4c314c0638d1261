// A CommandContext for shell command unit tests: no server, a fake Session answering `execute`
// from a handler, and a helper that runs a command and keeps what it yields.
import type { Column, CqlType, CqlValue } from '../../src/cql/types.js';
import { describeError } from '../../src/db/errors.js';
import type { Page, ServerInfo, Session } from '../../src/db/session.js';
import type { CommandContext, ShellCommand } from '../../src/shell/command.js';
import type { Output } from '../../src/shell/output.js';
import { defaultState } from '../../src/shell/state.js';

export type Answer = { columns: [string, CqlType['kind']][]; rows: CqlValue[][] } | Error | null;

export interface FakeSession {
  info: ServerInfo;
  keyspace: string | undefined;
  executed: string[];
  logins: [string, string][];
  execute(cql: string): AsyncGenerator<Page>;
  login(user: string, password: string): Promise<void>;
  loadDetails(): Promise<ServerInfo>;
  describeError(err: unknown): string;
  forgetSchema(): void;
  close(): Promise<void>;
}

export function fakeSession(answer: (cql: string) => Answer = () => null, o: { loginError?: unknown } = {}): FakeSession {
  const s: FakeSession = {
    info: { clusterName: 'Test Cluster', releaseVersion: '5.0.9', cqlVersion: '3.4.7', protocolVersion: 5, host: '127.0.0.1', port: 9042 },
    keyspace: undefined,
    executed: [],
    logins: [],
    async *execute(cql) {
      s.executed.push(cql);
      const use = /^\s*use\s+("?)(\w+)\1/i.exec(cql);
      if (use) s.keyspace = use[1] ? use[2] : use[2].toLowerCase();
      const a = answer(cql);
      if (a instanceof Error) throw a;
      const columns: Column[] | null = a ? a.columns.map(([name, kind]) => ({ name, type: { kind } as CqlType })) : null;
      yield { columns, rows: a?.rows ?? [], warnings: [], keyspace: s.keyspace, hasMore: false };
    },
    async login(user, password) {
      s.logins.push([user, password]);
      if (o.loginError) throw o.loginError;
    },
    loadDetails: async () => s.info,
    describeError: (err) => describeError(err),
    forgetSchema() {},
    async close() {},
  };
  return s;
}

export function fakeContext(o: Partial<CommandContext> & { fake?: FakeSession } = {}): CommandContext & { ran: string[] } {
  const fake = o.fake ?? fakeSession();
  const ran: string[] = [];
  return {
    session: fake as unknown as Session,
    state: defaultState(),
    keyspace: undefined,
    interactive: false,
    async *runStatement(text: string) {
      ran.push(text);
    },
    ...o,
    ran,
  };
}

/** Runs `text` through `cmd` and returns what it yielded. */
export async function collect(cmd: ShellCommand, text: string, ctx: CommandContext = fakeContext()): Promise<Output[]> {
  const out: Output[] = [];
  for await (const x of cmd.run(text, ctx)) out.push(x);
  return out;
}

/** Outputs as the batch face would show them: stdout text as is, errors as `E:` lines. */
export function lines(outs: Output[]): string[] {
  return outs.map((x) => (x.kind === 'text' ? x.text : x.kind === 'error' ? `E:${x.prefix ?? ''}${x.message}` : `<${x.kind}>`));
}

/** Runs several statements against one context and returns all their lines. */
export async function session(cmd: ShellCommand, texts: string[], ctx: CommandContext = fakeContext()): Promise<string[]> {
  const all: string[] = [];
  for (const t of texts) all.push(...lines(await collect(cmd, t, ctx)));
  return all;
}
