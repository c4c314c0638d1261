// Command-line flags, as cqlsh 6.2 takes them (argparse rules: `-e X`, `-eX`, `--execute X`,
// `--execute=X`, positional `[host [port]]`), plus tscqlsh's own. One deliberate difference:
// `-p` is `--profile NAME`; the password has only the long form `--password` (docs/compat.md).
// The flags themselves are rows of the option table in options.ts.
import { onOffValue, optionLines, RUN_OPTIONS, type CliArgs, type CliOption } from './options.js';

export type { CliArgs } from './options.js';

/** The run's flags, from the one option table (options.ts). */
export const SPECS = RUN_OPTIONS;
type Spec = CliOption;

export const SUBCOMMANDS = ['profile', 'completion'];

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = {};
  const positionals: string[] = [];
  const byShort = new Map(SPECS.filter((s) => s.short).map((s) => [s.short!, s]));
  const byLong = new Map(SPECS.map((s) => [s.long, s]));
  const take = (spec: Spec, raw: string | undefined, flag: string) => {
    if (spec.value === undefined) {
      (out as Record<string, unknown>)[spec.arg!] = spec.set;
      return;
    }
    if (raw === undefined) throw new UsageError(`argument ${flag}: expected one argument`);
    let v: unknown = raw;
    if (spec.value === 'onoff') {
      v = onOffValue(raw);
      if (v === undefined) throw new UsageError(`argument ${flag}: invalid choice: '${raw}' (choose from 'on', 'off')`);
    }
    if (spec.value === 'int' || spec.value === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || (spec.value === 'int' && !Number.isInteger(n))) {
        throw new UsageError(`argument ${flag}: invalid ${spec.value} value: '${raw}'`);
      }
      v = n;
    }
    (out as Record<string, unknown>)[spec.arg!] = v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (i === 0 && SUBCOMMANDS.includes(a)) {
      out.subcommand = argv.slice();
      return out;
    }
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const spec = byLong.get(name);
      // (only the flag's name: a value after '=' may be a secret typed at the wrong flag)
      if (!spec) throw new UsageError(`unrecognized arguments: ${eq < 0 ? a : `${a.slice(0, eq)}=...`}`);
      const flag = spec.short ? `-${spec.short}/--${spec.long}` : `--${spec.long}`;
      if (spec.value === undefined && eq >= 0) throw new UsageError(`argument ${flag}: ignored explicit argument '${a.slice(eq + 1)}'`);
      take(spec, eq >= 0 ? a.slice(eq + 1) : spec.value ? argv[++i] : undefined, flag);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // a cluster of short flags: -Ct, -efoo, -e foo
      for (let j = 1; j < a.length; j++) {
        const spec = byShort.get(a[j]);
        if (!spec) throw new UsageError(`unrecognized arguments: -${a[j]}`);
        const flag = `-${spec.short}/--${spec.long}`;
        if (spec.value) {
          const rest = a.slice(j + 1);
          take(spec, rest !== '' ? rest : argv[++i], flag);
          break;
        }
        take(spec, undefined, flag);
      }
      continue;
    }
    positionals.push(a);
  }
  if (positionals.length > 2) throw new UsageError(`unrecognized arguments: ${positionals.slice(2).join(' ')}`);
  if (positionals[0] !== undefined) out.host = positionals[0];
  if (positionals[1] !== undefined) {
    const port = Number(positionals[1]);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UsageError(`invalid port: '${positionals[1]}'`);
    out.port = port;
  }
  return out;
}

export const USAGE = 'tscqlsh [options] [host [port]]';

export function helpText(): string {
  const lines = [
    `usage: ${USAGE}`,
    '       tscqlsh profile add|edit|list|show|remove|rename|default|import-cqlshrc ...  (tscqlsh profile --help)',
    '       tscqlsh completion bash|zsh|fish',
    '',
    'CQL Shell for Apache Cassandra, ScyllaDB and Amazon Keyspaces',
    '',
    'options:',
    ...optionLines(RUN_OPTIONS),
    '',
    'Connects to 127.0.0.1:9042 by default. These defaults can be changed by',
    'setting $CQLSH_HOST and/or $CQLSH_PORT. When a host (and optional port number)',
    'are given on the command line, they take precedence over any defaults.',
    'A default profile (tscqlsh profile default NAME) is used unless -p NAME or --no-profile is given.',
  ];
  return lines.join('\n');
}
