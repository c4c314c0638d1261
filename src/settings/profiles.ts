// The profile store: $XDG_CONFIG_HOME/tscqlsh/config.json (mode 0600), written through conf with
// the JSON schema. Reads parse the file directly (fast: `profile list --names` for completion) and
// report a broken file by name and line; a broken file is never written over.
import fs from 'node:fs';
import path from 'node:path';
import { configHome } from '../util/paths.js';
import { CONFIG_SCHEMA, PROFILE_NAME, validateConfig, type ConfigFile, type Profile } from './profile-schema.js';

export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configHome(env), 'tscqlsh');
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(configDir(env), 'config.json');
}

/** 1-based line of a character offset */
function lineOf(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split('\n').length;
}

/** Where a JSON.parse error happened, as a line number. */
function parseErrorLine(text: string, e: Error): number | undefined {
  const lc = /line (\d+) column \d+/.exec(e.message);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(e.message);
  if (pos) return lineOf(text, Number(pos[1]));
  if (/Unexpected end of JSON input/.test(e.message)) return text.split('\n').length;
  return undefined;
}

/** The line where a key path (profiles → name → field) appears, found by walking the text. */
function lineOfPath(text: string, keys: string[]): number | undefined {
  let from = 0;
  for (const k of keys) {
    if (/^\d+$/.test(k)) continue;
    const at = text.indexOf(JSON.stringify(k), from);
    if (at < 0) return undefined;
    from = at;
  }
  return lineOf(text, from);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ConfigFile {
  const file = configPath(env);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigFileError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  if (text.trim() === '') return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const line = parseErrorLine(text, e as Error);
    throw new ConfigFileError(
      `${file}${line ? `, line ${line}` : ''}: not valid JSON (${(e as Error).message}). Fix or remove the file; tscqlsh will not overwrite it.`,
    );
  }
  const bad = validateConfig(data);
  if (bad) {
    const line = lineOfPath(text, bad.path);
    throw new ConfigFileError(
      `${file}${line ? `, line ${line}` : ''}: ${bad.path.join('.') || 'the file'} ${bad.message}. Fix the file; tscqlsh will not overwrite it.`,
    );
  }
  return data as ConfigFile;
}

/** The profile a plain run uses: -p NAME, else the default profile, else none (--no-profile: none). */
export function selectProfile(
  name: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  o: { noProfile?: boolean; withUsername?: boolean } = {},
): { name: string; profile: Profile } | undefined {
  if (o.noProfile && name === undefined) return undefined;
  const config = readConfig(env);
  const chosen = name ?? config.defaultProfile;
  if (chosen === undefined) return undefined;
  const profile = config.profiles?.[chosen];
  if (!profile) {
    // `-u alice -p 'S3cr3t'` is cqlsh's habit: a -p value that may be a password is never repeated
    if (name !== undefined && (o.withUsername || !PROFILE_NAME.test(name))) {
      throw new ConfigFileError(
        'No saved profile by the name given with -p (the value is not repeated here, in case it is a password). ' +
          'In tscqlsh, -p is --profile NAME; give a password with --password or --password-env VAR.',
      );
    }
    throw new ConfigFileError(noSuchProfile(chosen, config, env, name === undefined ? 'the default profile' : undefined));
  }
  return { name: chosen, profile };
}

/** "No profile named 'x'", with the closest saved name, or what to run for a missing keyspaces profile. */
export function noSuchProfile(name: string, config: ConfigFile, env: NodeJS.ProcessEnv = process.env, what?: string): string {
  const known = Object.keys(config.profiles ?? {}).sort();
  let text = `No profile named '${name}'${what ? ` (${what})` : ''} in ${configPath(env)}`;
  const near = closest(name, known);
  if (near) text += `: did you mean '${near}'?`;
  else if (known.length) text += ` (profiles: ${known.join(', ')})`;
  if (!near && name.toLowerCase() === 'keyspaces') {
    text += `. Create it with: tscqlsh profile add ${name} --preset keyspaces --region REGION`;
  }
  return text;
}

/** The known name nearest to `name` (edit distance at most 2, or a case-only difference), if any. */
function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.toLowerCase() === name.toLowerCase() ? 0 : distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.min(2, Math.max(1, Math.floor(name.length / 3))) ? best : undefined;
}

/** Edit distance with adjacent transpositions (optimal string alignment). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export function checkProfileName(name: string): void {
  if (!PROFILE_NAME.test(name)) {
    // (not repeated: what cannot be a profile name may be a password typed in the wrong place)
    throw new ConfigFileError(`Invalid profile name: use letters, digits, '.', '_' and '-' (at most 64), starting with a letter or digit`);
  }
}

/** Rewrites the store through conf (schema-checked, mode 0600) after checking the file reads cleanly. */
export async function writeConfig(update: (c: ConfigFile) => ConfigFile, env: NodeJS.ProcessEnv = process.env): Promise<ConfigFile> {
  const current = readConfig(env); // throws on a broken file: never overwrite it
  const next = update(structuredClone(current));
  const bad = validateConfig(next);
  if (bad) throw new ConfigFileError(`Invalid setting ${bad.path.join('.')}: ${bad.message}`);
  const { default: Conf } = await import('conf');
  fs.mkdirSync(configDir(env), { recursive: true, mode: 0o700 });
  const store = new Conf<ConfigFile>({
    cwd: configDir(env),
    configName: 'config',
    projectName: 'tscqlsh',
    schema: CONFIG_SCHEMA as never,
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
  const data: ConfigFile = {};
  if (next.defaultProfile !== undefined) data.defaultProfile = next.defaultProfile;
  data.profiles = next.profiles ?? {};
  store.store = data;
  fs.chmodSync(store.path, 0o600);
  return data;
}
