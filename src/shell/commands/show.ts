// SHOW VERSION | HOST | SESSION <uuid> | REPLICAS <token> [keyspace]: facts about the connection.
import { applyColor, BLUE } from '../../format/colors.js';
import { VERSION } from '../../version.js';
import type { ShellCommand } from '../command.js';
import { commandTokens, fail, improper, oneOf, say } from './args.js';
import { showReplicas } from './replicas.js';
import { showTrace } from './trace.js';

/** A CQL version with at least three parts, as cqlsh shows it (`3.4` → `3.4.0`). */
export function fullCqlVersion(v: string): string {
  let out = v;
  while ((out.match(/\./g) ?? []).length < 2) out += '.0';
  return out;
}

export const show: ShellCommand = {
  name: 'show',
  async *run(text, ctx) {
    const t = commandTokens(text) ?? [];
    const what = oneOf(t[1], ['VERSION', 'HOST', 'SESSION', 'REPLICAS'] as const);
    const info = what === 'VERSION' || what === 'HOST' ? await ctx.session.loadDetails() : ctx.session.info;
    if (what === 'VERSION' && t.length === 2) {
      yield say(
        `[cqlsh ${VERSION.cqlsh} | Cassandra ${info.releaseVersion} | CQL spec ${fullCqlVersion(info.cqlVersion)} | Native protocol v${info.protocolVersion}]`,
      );
    } else if (what === 'HOST' && t.length === 2) {
      // (the cluster name in blue on a terminal, as cqlsh shows it)
      const line = (name: string) => `Connected to ${name} at ${info.host}:${info.port}`;
      yield { ...say(line(info.clusterName)), colored: line(applyColor(info.clusterName, BLUE, true)) };
    } else if (what === 'SESSION' && t.length === 3 && t[2].type === 'uuid') {
      yield* showTrace(ctx.session, t[2].text.toLowerCase(), { tty: ctx.interactive });
    } else if (what === 'REPLICAS' && replicasForm(t)) {
      const signed = t[2].type === 'op';
      const token = text.slice(t[2].start, t[signed ? 3 : 2].end);
      const ks = t[signed ? 4 : 3];
      try {
        yield say(await showReplicas(ctx.session, token, ks ? ks.text : ctx.keyspace));
      } catch (e) {
        yield fail(e instanceof Error ? e.message : String(e));
      }
    } else {
      yield improper(text);
    }
  },
};

/** `REPLICAS ["-"] <wholenumber> [<identifier> | <quotedName>]` */
function replicasForm(t: ReturnType<typeof commandTokens> & object): boolean {
  let i = 2;
  if (t[i]?.type === 'op' && t[i].text === '-') i++;
  if (t[i]?.type !== 'wholenumber') return false;
  i++;
  if (t[i] && (t[i].type === 'identifier' || t[i].type === 'quotedName')) i++;
  return i === t.length;
}
