// Shell completion driven for real: bash (COMP_WORDS/COMP_CWORD, then the function `complete -p`
// names, reading COMPREPLY) and fish (`complete -C`), with the script `tscqlsh completion SHELL`
// prints, a `tscqlsh` on PATH that runs this build, and profile names from an isolated
// XDG_CONFIG_HOME holding a profile file, and zsh (an interactive zsh in a zpty, compinit, Tab; the
// matches captured by wrapping compadd).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, tscqlshBin } from '../support/run.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-complete-'));
const binDir = path.join(dir, 'bin');
const configHome = path.join(dir, 'config');
const scripts: Record<string, string> = {};

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(XDG_|TSCQLSH_|CQLSH_|BASH_ENV|ENV$)/.test(k)) e[k] = v;
  return { ...e, HOME: dir, XDG_CONFIG_HOME: configHome, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, LC_ALL: 'C.UTF-8' };
}

beforeAll(() => {
  fs.mkdirSync(binDir, { recursive: true });
  // `tscqlsh` as installed: an executable on PATH
  fs.writeFileSync(path.join(binDir, 'tscqlsh'), `#!/bin/sh\nexec '${process.execPath}' '${tscqlshBin}' "$@"\n`, { mode: 0o755 });
  // the profile file, as `tscqlsh profile add` writes it
  fs.mkdirSync(path.join(configHome, 'tscqlsh'), { recursive: true });
  fs.writeFileSync(
    path.join(configHome, 'tscqlsh', 'config.json'),
    JSON.stringify({ profiles: { prod: { host: '10.0.0.1' }, dev: { host: '127.0.0.1' }, 'keyspaces-us': { preset: 'keyspaces', region: 'us-east-1' } }, defaultProfile: 'dev' }, null, 2),
  );
  const names = spawnSync(path.join(binDir, 'tscqlsh'), ['profile', 'list', '--names'], { env: env(), encoding: 'utf8' });
  expect(names.stdout).toBe('dev\nkeyspaces-us\nprod\n');
  for (const shell of ['bash', 'fish', 'zsh']) {
    const r = spawnSync(path.join(binDir, 'tscqlsh'), ['completion', shell], { env: env(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    scripts[shell] = path.join(dir, `completion.${shell}`);
    fs.writeFileSync(scripts[shell], r.stdout);
  }
});

/** COMPREPLY for a command line whose last word is being completed */
function bashComplete(words: string[]): string[] {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const program = [
    `source ${q(scripts.bash)}`,
    // the function `complete -p tscqlsh` names, called the way readline calls it
    `fn=$(complete -p tscqlsh | sed -n 's/.*-F \\([^ ]*\\) .*/\\1/p')`,
    `COMP_WORDS=(${words.map(q).join(' ')})`,
    'COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
    'COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}',
    '"$fn" tscqlsh "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { env: env(), encoding: 'utf8', cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter(Boolean).sort();
}

describe('bash completion (real bash)', () => {
  it('is registered for tscqlsh', () => {
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `source '${scripts.bash}'; complete -p tscqlsh`], { env: env(), encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('complete -F _tscqlsh tscqlsh');
  });

  it('completes long flags', () => {
    expect(bashComplete(['tscqlsh', '--pro'])).toEqual(['--profile', '--protocol-version']);
    expect(bashComplete(['tscqlsh', '--ssl'])).toEqual(['--ssl', '--ssl-no-verify', '--ssl-server-name', '--ssl-system-roots']);
    expect(bashComplete(['tscqlsh', '127.0.0.1', '--req'])).toEqual(['--request-timeout']);
  });

  it('offers every flag after a lone dash', () => {
    const all = bashComplete(['tscqlsh', '-']);
    for (const f of ['-h', '--help', '-e', '--execute', '-f', '--file', '-p', '--profile', '--format', '--secure-connect-bundle']) expect(all).toContain(f);
  });

  it('completes profile names from the profile file (-p, --profile, --profile=)', () => {
    expect(bashComplete(['tscqlsh', '-p', ''])).toEqual(['dev', 'keyspaces-us', 'prod']);
    expect(bashComplete(['tscqlsh', '--profile', 'k'])).toEqual(['keyspaces-us']);
    expect(bashComplete(['tscqlsh', '--profile', '=', 'p'])).toEqual(['prod']);
    expect(bashComplete(['tscqlsh', 'profile', 'show', ''])).toEqual(['dev', 'keyspaces-us', 'prod']);
    expect(bashComplete(['tscqlsh', 'profile', 'edit', 'd'])).toEqual(['dev']);
    expect(bashComplete(['tscqlsh', 'profile', 'remove', 'pr'])).toEqual(['prod']);
    expect(bashComplete(['tscqlsh', 'profile', 'default', ''])).toEqual(['dev', 'keyspaces-us', 'prod']);
  });

  it('completes subcommands, profile verbs and their flags', () => {
    expect(bashComplete(['tscqlsh', ''])).toEqual(['completion', 'profile']);
    expect(bashComplete(['tscqlsh', 'profile', ''])).toEqual(['add', 'default', 'edit', 'import-cqlshrc', 'list', 'remove', 'rename', 'show']);
    expect(bashComplete(['tscqlsh', 'profile', 'list', '--'])).toEqual(['--names']);
    expect(bashComplete(['tscqlsh', 'profile', 'add', 'x', '--pre'])).toEqual(['--preset']);
    expect(bashComplete(['tscqlsh', 'profile', 'add', 'x', '--preset', ''])).toEqual(['keyspaces']);
    expect(bashComplete(['tscqlsh', 'profile', 'edit', 'dev', '--un'])).toEqual(['--unset']);
    expect(bashComplete(['tscqlsh', 'completion', ''])).toEqual(['bash', 'fish', 'zsh']);
  });

  it('completes flag values: choices and files', () => {
    expect(bashComplete(['tscqlsh', '--format', ''])).toEqual(['box', 'csv', 'expanded', 'json', 'ndjson', 'table']);
    expect(bashComplete(['tscqlsh', '--consistency', 'LOCAL_'])).toEqual(['LOCAL_ONE', 'LOCAL_QUORUM', 'LOCAL_SERIAL']);
    fs.writeFileSync(path.join(dir, 'schema.cql'), '');
    expect(bashComplete(['tscqlsh', '-f', 'sch'])).toEqual(['schema.cql']);
    // a value that is free text completes nothing (not a flag list)
    expect(bashComplete(['tscqlsh', '-u', ''])).toEqual([]);
  });
});

const hasFish = spawnSync('fish', ['--version']).status === 0;

describe.runIf(hasFish)('fish completion (real fish, complete -C)', () => {
  function fishComplete(line: string): string[] {
    const r = spawnSync('fish', ['--no-config', '-c', `source '${scripts.fish}'; complete -C '${line}'`], { env: env(), encoding: 'utf8', cwd: dir });
    expect(r.stderr).toBe('');
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[0])
      .sort();
  }

  it('completes flags, subcommands and profile names', () => {
    expect(fishComplete('tscqlsh --pro')).toEqual(['--profile', '--protocol-version']);
    expect(fishComplete('tscqlsh -p ')).toEqual(['dev', 'keyspaces-us', 'prod']);
    expect(fishComplete('tscqlsh ')).toEqual(['completion', 'profile']);
    expect(fishComplete('tscqlsh profile ')).toEqual(['add', 'default', 'edit', 'import-cqlshrc', 'list', 'remove', 'show']);
    expect(fishComplete('tscqlsh profile show ')).toEqual(['dev', 'keyspaces-us', 'prod']);
    expect(fishComplete('tscqlsh --format ')).toEqual(['box', 'csv', 'expanded', 'json', 'ndjson', 'table']);
    expect(fishComplete('tscqlsh completion ')).toEqual(['bash', 'fish', 'zsh']);
  });
});

const hasZsh = spawnSync('zsh', ['--version']).status === 0;

describe.runIf(hasZsh)('zsh completion (real zsh, zpty)', () => {
  function zshComplete(lines: string[]): Map<string, string[]> {
    const fpathDir = path.join(dir, 'zfunc');
    fs.mkdirSync(fpathDir, { recursive: true });
    fs.copyFileSync(scripts.zsh, path.join(fpathDir, '_tscqlsh'));
    const driver = path.join(projectRoot, 'scripts', 'zsh-complete.zsh');
    const out = path.join(dir, 'zsh-out.txt');
    fs.rmSync(out, { force: true });
    const r = spawnSync('zsh', ['-f', driver, fpathDir, out, ...lines], { env: env(), encoding: 'utf8', cwd: dir, timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    const result = new Map<string, string[]>();
    let current = '';
    for (const l of fs.readFileSync(out, 'utf8').split('\n')) {
      if (l.startsWith('CASE ')) result.set((current = l.slice(5)), []);
      else if (l.startsWith('HITS ') && current) result.get(current)!.push(...l.slice(5).split('|').filter(Boolean));
      else if (/^(DONE\d+|END|READY)$/.test(l)) current = '';
      else if (l.trim() && current) throw new Error(`zsh said: ${l}`);
    }
    for (const [k, v] of result) result.set(k, [...new Set(v)].sort());
    return result;
  }

  it('completes flags, subcommands, values and profile names', () => {
    const r = zshComplete(['tscqlsh --pro', 'tscqlsh -p ', 'tscqlsh --profile=k', 'tscqlsh profile ', 'tscqlsh profile edit ', 'tscqlsh profile list --', 'tscqlsh --format ', 'tscqlsh completion ']);
    expect(r.get('tscqlsh --pro')).toEqual(['--profile', '--protocol-version']);
    expect(r.get('tscqlsh -p ')).toEqual(['dev', 'keyspaces-us', 'prod']);
    expect(r.get('tscqlsh --profile=k')).toEqual(['keyspaces-us']);
    expect(r.get('tscqlsh profile ')).toEqual(['add', 'default', 'edit', 'import-cqlshrc', 'list', 'remove', 'show']);
    expect(r.get('tscqlsh profile edit ')).toEqual(['dev', 'keyspaces-us', 'prod']);
    expect(r.get('tscqlsh profile list --')).toEqual(['--names']);
    expect(r.get('tscqlsh --format ')).toEqual(['box', 'csv', 'expanded', 'json', 'ndjson', 'table']);
    expect(r.get('tscqlsh completion ')).toEqual(['bash', 'fish', 'zsh']);
  });
});
