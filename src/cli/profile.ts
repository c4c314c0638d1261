// `tscqlsh profile ...`: manage saved connection profiles. Loads neither the driver nor Ink.
import path from 'node:path';
import { defaultCqlshrc, expandUser } from '../util/paths.js';
import { importCqlshrc } from '../settings/import-cqlshrc.js';
import { followRegion, keyspacesPreset } from '../settings/keyspaces.js';
import type { Profile } from '../settings/profile-schema.js';
import { checkProfileName, ConfigFileError, configPath, noSuchProfile, readConfig, writeConfig } from '../settings/profiles.js';
import { parseProfileArgs, profileHelp, ProfileUsageError, unsetField } from './profile-args.js';

export interface ProfileIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: ProfileIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
};

export async function runProfile(argv: string[], io: ProfileIo = defaultIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof ProfileUsageError) {
      io.err(`tscqlsh profile: error: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigFileError || (e instanceof Error && /^No cqlshrc|Config schema violation/.test(e.message))) {
      io.err(`tscqlsh profile: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function merge(base: Profile, extra: Profile): Profile {
  const out: Profile = { ...base, ...extra };
  if (base.tls || extra.tls) out.tls = { ...base.tls, ...extra.tls };
  return out;
}

/** File names are saved absolute (after ~), so the profile works from any directory. */
function absolutePaths(p: Profile, env: NodeJS.ProcessEnv): Profile {
  const abs = (f: string) => path.resolve(expandUser(f, env));
  const out: Profile = { ...p };
  if (out.credentialsFile) out.credentialsFile = abs(out.credentialsFile);
  if (out.secureConnectBundle) out.secureConnectBundle = abs(out.secureConnectBundle);
  if (out.tls) {
    out.tls = { ...out.tls };
    if (out.tls.ca) out.tls.ca = out.tls.ca.map(abs);
    if (out.tls.cert) out.tls.cert = abs(out.tls.cert);
    if (out.tls.key) out.tls.key = abs(out.tls.key);
  }
  return out;
}

function withPreset(fields: Profile): Profile {
  if (fields.preset !== 'keyspaces') return fields;
  return merge(keyspacesPreset(fields.region, fields.endpointVariant), fields);
}

async function dispatch(argv: string[], io: ProfileIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    io.out(profileHelp() + '\n');
    return verb === undefined ? 2 : 0;
  }
  const a = parseProfileArgs(rest);
  if (a.help) {
    io.out(profileHelp() + '\n');
    return 0;
  }
  a.fields = absolutePaths(a.fields, io.env);
  const name = a.positionals[0];
  const needName = () => {
    if (name === undefined) throw new ProfileUsageError(`profile ${verb} needs a NAME`);
    checkProfileName(name);
    return name;
  };
  const env = io.env;
  switch (verb) {
    case 'list': {
      const c = readConfig(env);
      const names = Object.keys(c.profiles ?? {}).sort();
      if (a.names) {
        for (const n of names) io.out(`${n}\n`);
        return 0;
      }
      if (!names.length) {
        io.out(`No profiles (config: ${configPath(env)})\n`);
        return 0;
      }
      for (const n of names) {
        const p = c.profiles![n];
        const where = `${p.host ?? '127.0.0.1'}:${p.port ?? 9042}`;
        io.out(
          `${n === c.defaultProfile ? '*' : ' '} ${n.padEnd(16)} ${where}  auth=${p.auth ?? 'none'}${p.ssl ? ' tls' : ''}${p.preset ? ` (${p.preset})` : ''}\n`,
        );
      }
      return 0;
    }
    case 'show': {
      const n = needName();
      const c = readConfig(env);
      const p = c.profiles?.[n];
      if (!p) throw new ConfigFileError(noSuchProfile(n, c, env));
      io.out(showProfile(n, p, n === c.defaultProfile, env));
      return 0;
    }
    case 'add':
    case 'edit': {
      const n = needName();
      let created = false;
      let warnings: string[] = [];
      await writeConfig((c) => {
        const profiles = (c.profiles ??= {});
        if (verb === 'add' && profiles[n]) throw new ProfileUsageError(`profile '${n}' already exists: use \`tscqlsh profile edit ${n}\``);
        if (verb === 'edit' && !profiles[n]) throw new ConfigFileError(noSuchProfile(n, c, env));
        created = !profiles[n];
        const before = profiles[n] ?? {};
        // a new region (or endpoint) carries the preset's host and data center with it
        const moved = followRegion(before, merge(before, withPreset(a.fields)), {
          host: a.fields.host !== undefined,
          localDataCenter: a.fields.localDataCenter !== undefined,
        });
        const next = moved.profile;
        warnings = moved.warnings;
        for (const u of a.unset) if (!unsetField(next, u)) throw new ProfileUsageError(`--unset ${u}: the profile has no such field set`);
        profiles[n] = next;
        if (a.makeDefault) c.defaultProfile = n;
        return c;
      }, env);
      io.out(`${created ? 'Saved' : 'Updated'} profile '${n}' in ${configPath(env)}\n`);
      for (const w of warnings) io.err(`${w}\n`);
      return 0;
    }
    case 'remove':
    case 'rm': {
      const n = needName();
      await writeConfig((c) => {
        if (!c.profiles?.[n]) throw new ConfigFileError(noSuchProfile(n, c, env));
        delete c.profiles[n];
        if (c.defaultProfile === n) delete c.defaultProfile;
        return c;
      }, env);
      io.out(`Removed profile '${n}'\n`);
      return 0;
    }
    case 'rename': {
      const n = needName();
      const to = a.positionals[1];
      if (to === undefined) throw new ProfileUsageError('profile rename needs the new NAME: tscqlsh profile rename NAME NEW_NAME');
      checkProfileName(to);
      await writeConfig((c) => {
        if (!c.profiles?.[n]) throw new ConfigFileError(noSuchProfile(n, c, env));
        if (c.profiles[to]) throw new ProfileUsageError(`profile '${to}' already exists`);
        c.profiles[to] = c.profiles[n];
        delete c.profiles[n];
        if (c.defaultProfile === n) c.defaultProfile = to;
        return c;
      }, env);
      io.out(`Renamed profile '${n}' to '${to}'\n`);
      return 0;
    }
    case 'default': {
      if (a.clear) {
        if (name !== undefined) throw new ProfileUsageError('profile default takes a NAME or --clear, not both');
        let had: string | undefined;
        await writeConfig((c) => {
          had = c.defaultProfile;
          delete c.defaultProfile;
          return c;
        }, env);
        io.out(had ? `No default profile (was '${had}')\n` : 'No default profile\n');
        return 0;
      }
      if (name === undefined) {
        const d = readConfig(env).defaultProfile;
        io.out(d ? `${d}\n` : 'No default profile\n');
        return 0;
      }
      const n = needName();
      await writeConfig((c) => {
        if (!c.profiles?.[n]) throw new ConfigFileError(noSuchProfile(n, c, env));
        c.defaultProfile = n;
        return c;
      }, env);
      io.out(`Default profile: '${n}'\n`);
      return 0;
    }
    case 'import-cqlshrc': {
      const file = name ?? defaultCqlshrc(env);
      const target = a.name ?? 'cqlshrc';
      checkProfileName(target);
      const { profile, notes } = importCqlshrc(file, env);
      await writeConfig((c) => {
        const profiles = (c.profiles ??= {});
        if (profiles[target]) throw new ProfileUsageError(`profile '${target}' already exists: pass --name NAME`);
        profiles[target] = merge(profile, withPreset(a.fields));
        if (a.makeDefault) c.defaultProfile = target;
        return c;
      }, env);
      io.out(`Imported ${file} as profile '${target}'\n`);
      for (const note of notes) io.err(`Note: ${note}\n`);
      for (const w of followRegion(profile, profile).warnings) io.err(`${w}\n`);
      return 0;
    }
    default:
      throw new ProfileUsageError(`unknown profile command '${verb}' (add, edit, list, show, remove, rename, default, import-cqlshrc)`);
  }
}

/** The profile as `key: value` lines; secrets are never printed, only where they come from. */
export function showProfile(name: string, p: Profile, isDefault: boolean, env: NodeJS.ProcessEnv): string {
  const lines = [`profile: ${name}${isDefault ? ' (default)' : ''}`];
  const put = (k: string, v: unknown) => {
    if (v !== undefined) lines.push(`${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  };
  for (const [k, v] of Object.entries(p)) {
    if (k === 'tls' || k === 'passwordEnv') continue;
    put(k, v);
  }
  for (const [k, v] of Object.entries(p.tls ?? {})) put(`tls.${k}`, v);
  if (p.auth === 'password' || p.username) {
    const from = p.passwordEnv
      ? `environment variable ${p.passwordEnv} (${env[p.passwordEnv] !== undefined ? 'set' : 'not set'})`
      : p.credentialsFile
        ? `credentials file ${p.credentialsFile}`
        : 'prompt (or the cqlsh credentials file)';
    lines.push(`password: from ${from}`);
  }
  if (p.auth === 'sigv4') lines.push(`credentials: AWS provider chain${p.awsProfile ? ` (profile ${p.awsProfile})` : ''}`);
  return lines.join('\n') + '\n';
}
