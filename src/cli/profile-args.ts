// Flags of `tscqlsh profile add|edit NAME`: each sets one profile field. They are the rows of the
// option table (options.ts) that name a profile field, so the command line and profiles agree.
// Kept free of heavy imports.
import { onOffValue, optionLines, PROFILE_OPTIONS, switchFieldValue, type CliOption } from './options.js';
import type { Profile } from '../settings/profile-schema.js';

export class ProfileUsageError extends Error {}

/** The profile flags by their old shape (flag name, profile path), for completion and tests. */
export const PROFILE_FLAGS = PROFILE_OPTIONS.map((o) => ({ flag: o.long, path: o.field!, option: o }));

export interface ProfileArgs {
  positionals: string[];
  fields: Profile;
  /** fields to remove (edit --unset FIELD) */
  unset: string[];
  names?: boolean;
  makeDefault?: boolean;
  /** default --clear: no default profile */
  clear?: boolean;
  name?: string;
  help?: boolean;
}

const PASSWORD_HINT = 'profiles never store passwords: use --password-env VAR, a credentials file (--credentials FILE), or be asked at connect time';

export function parseProfileArgs(argv: string[]): ProfileArgs {
  const out: ProfileArgs = { positionals: [], fields: {}, unset: [] };
  const byLong = new Map(PROFILE_OPTIONS.map((o) => [o.long, o]));
  const byShort = new Map(PROFILE_OPTIONS.filter((o) => o.short).map((o) => [o.short!, o]));
  let explicitSsl = false;
  let impliesSsl = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let name: string;
    let inline: string | undefined;
    let option: CliOption | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = a.slice(2, eq < 0 ? undefined : eq);
      inline = eq < 0 ? undefined : a.slice(eq + 1);
      option = byLong.get(name);
    } else if (/^-[A-Za-z]/.test(a)) {
      // -u NAME, -uNAME, -k KS; -p is --profile in tscqlsh, never a password
      const letter = a[1];
      if (letter === 'h') {
        out.help = true;
        continue;
      }
      if (letter === 'p') throw new ProfileUsageError(`-p is --profile in tscqlsh, and ${PASSWORD_HINT}`);
      option = byShort.get(letter);
      if (!option) throw new ProfileUsageError(`unknown flag -${letter}`);
      name = option.long;
      inline = a.length > 2 ? a.slice(2) : undefined;
    } else {
      out.positionals.push(a);
      continue;
    }
    const next = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ProfileUsageError(`--${name} needs a value`);
      return v;
    };
    if (name === 'help') out.help = true;
    else if (name === 'names') out.names = true;
    else if (name === 'default') out.makeDefault = true;
    else if (name === 'clear') out.clear = true;
    else if (name === 'name') out.name = next();
    else if (name === 'unset') out.unset.push(next());
    else if (name === 'password') throw new ProfileUsageError(PASSWORD_HINT[0].toUpperCase() + PASSWORD_HINT.slice(1));
    else {
      if (!option) throw new ProfileUsageError(`unknown flag --${name} (tscqlsh profile --help lists them)`);
      let v: unknown;
      if (option.value === undefined) v = switchFieldValue(option);
      else {
        let raw = next();
        if (option.upper) raw = raw.toUpperCase();
        if (option.value === 'onoff') raw = raw.toLowerCase();
        if (option.choices && !option.choices.includes(raw)) throw new ProfileUsageError(`--${name} must be one of ${option.choices.join(', ')}, not '${raw}'`);
        if (option.value === 'int' || option.value === 'number') {
          const n = Number(raw);
          if (raw.trim() === '' || !Number.isFinite(n) || (option.value === 'int' && !Number.isInteger(n)))
            throw new ProfileUsageError(`--${name}: invalid ${option.value} value '${raw}'`);
          v = n;
        } else if (option.value === 'onoff') v = onOffValue(raw);
        else v = raw;
      }
      if (option.field![0] === 'ssl') explicitSsl = true;
      if (option.impliesSsl) impliesSsl = true;
      setField(out.fields, option, v);
    }
  }
  // as on the command line: a CA, client certificate, server name or --ssl-no-verify means TLS
  if (impliesSsl && !explicitSsl) out.fields.ssl = true;
  return out;
}

function setField(p: Profile, o: CliOption, v: unknown): void {
  const path = o.field!;
  if (path[0] === 'tls') {
    const key = path[1] as string;
    const tls = (p.tls ??= {}) as Record<string, unknown>;
    if (o.repeat) tls[key] = [...((tls[key] as string[]) ?? []), v];
    else tls[key] = v;
    return;
  }
  (p as Record<string, unknown>)[path[0]] = v;
}

/** `--unset` names: a flag name (`--unset keyspace`) or a field name (`--unset tls.ca`). */
export function unsetField(p: Profile, name: string): boolean {
  const f = PROFILE_OPTIONS.find((x) => x.long === name);
  const path: string[] = f ? f.field! : name.split('.');
  if (path[0] === 'tls' && path.length === 2) {
    if (!p.tls || !(path[1] in p.tls)) return false;
    delete (p.tls as Record<string, unknown>)[path[1]];
    if (Object.keys(p.tls).length === 0) delete p.tls;
    return true;
  }
  if (!(path[0] in p)) return false;
  delete (p as Record<string, unknown>)[path[0]];
  return true;
}

export function profileHelp(): string {
  const lines = [
    'usage: tscqlsh profile add NAME [flags]           save a new profile',
    '       tscqlsh profile edit NAME [flags] [--unset FIELD]',
    '       tscqlsh profile list [--names]',
    '       tscqlsh profile show NAME',
    '       tscqlsh profile remove NAME',
    '       tscqlsh profile rename NAME NEW_NAME',
    '       tscqlsh profile default [NAME | --clear]     show, set or clear the default profile',
    '       tscqlsh profile import-cqlshrc [PATH] [--name NAME]',
    '',
    'A run uses the default profile unless -p NAME (--profile) or --no-profile is given.',
    'Profiles never store passwords: --password-env VAR, a credentials file, or a prompt.',
    '',
    'flags:',
    ...optionLines(PROFILE_OPTIONS),
    '  --default'.padEnd(24) + 'make it the default profile',
  ];
  return lines.join('\n');
}
