// Where files are: ~ expansion (as Python's os.path.expanduser), cqlsh's is_file_secure, cqlsh's
// default cqlshrc, and where tscqlsh keeps its own state (XDG).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function expandUser(p: string, env: NodeJS.ProcessEnv = process.env): string {
  if (p !== '~' && !p.startsWith('~/')) return p;
  // as Python's os.path.expanduser: HOME without its trailing slashes, then the rest as typed
  const home = env.HOME || os.homedir();
  return home.replace(/\/+$/, '') + p.slice(1) || '/';
}

/** cqlsh's is_file_secure: owned by us (or we are root) and not readable by group or other; absent files are "secure". */
export function isFileSecure(file: string): boolean {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return true;
  }
  const uid = process.getuid?.() ?? 0;
  return (uid === 0 || st.uid === uid) && (st.mode & 0o044) === 0;
}

/** cqlsh's default cqlshrc: ~/.cassandra/cqlshrc */
export function defaultCqlshrc(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.HOME || os.homedir(), '.cassandra', 'cqlshrc');
}

export function configHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
}

export function dataHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.XDG_DATA_HOME || path.join(env.HOME || os.homedir(), '.local', 'share');
}
