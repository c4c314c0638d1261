// Completion scripts: every flag the CLI defines (SPECS, the profile flags) is offered by the bash, zsh
// and fish scripts, the subcommands are there, and completions/ holds exactly what
// `tscqlsh completion SHELL` prints (regenerate with `npm run completions`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECS, SUBCOMMANDS } from '../../src/cli/args.js';
import { COMPLETION_FILES, completionScript, PROFILE_VERBS, runCompletion, SHELLS } from '../../src/cli/completion.js';
import { PROFILE_FLAGS } from '../../src/cli/profile-args.js';
import { projectRoot } from '../support/run.js';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** the ways each script spells "offers --long / -s" */
const offers: Record<(typeof SHELLS)[number], { long: (l: string) => RegExp; short: (s: string) => RegExp }> = {
  // a word of a compgen -W list
  bash: { long: (l) => new RegExp(`opts="[^"]*(?<=[" ])--${esc(l)}(?=[" ])`), short: (s) => new RegExp(`opts="[^"]*(?<=[" ])-${esc(s)}(?=[" ])`) },
  // an _arguments spec: '--long[...]', '--long=[...]' or {-s,--long}
  zsh: { long: (l) => new RegExp(`(['{,])--${esc(l)}=?(['\\[}])`), short: (s) => new RegExp(`\\{-${esc(s)}\\+?,`) },
  fish: { long: (l) => new RegExp(`^complete -c tscqlsh .*-l ${esc(l)}( |$)`, 'm'), short: (s) => new RegExp(`^complete -c tscqlsh .*-s ${esc(s)} `, 'm') },
};

describe.each(SHELLS)('%s completion', (shell) => {
  const script = completionScript(shell);

  it('offers every flag of SPECS', () => {
    const missing: string[] = [];
    for (const s of SPECS) {
      if (!offers[shell].long(s.long).test(script)) missing.push(`--${s.long}`);
      if (s.short && !offers[shell].short(s.short).test(script)) missing.push(`-${s.short}`);
    }
    expect(missing).toEqual([]);
  });

  it('offers every profile flag', () => {
    const missing = PROFILE_FLAGS.filter((f) => !offers[shell].long(f.flag).test(script)).map((f) => `--${f.flag}`);
    expect(missing).toEqual([]);
    for (const own of ['names', 'default', 'unset', 'name']) expect(script).toMatch(offers[shell].long(own));
  });

  it('offers the subcommands, profile verbs and shells', () => {
    for (const w of [...SUBCOMMANDS, ...PROFILE_VERBS, 'bash', 'zsh', 'fish']) expect(script).toContain(w);
    expect(SUBCOMMANDS).toEqual(['profile', 'completion']);
    expect([...PROFILE_VERBS].sort()).toEqual(['add', 'default', 'edit', 'import-cqlshrc', 'list', 'remove', 'rename', 'show']);
  });

  it('completes profile names through `profile list --names`', () => {
    expect(script).toContain('profile list --names');
  });

  it(`is what completions/${COMPLETION_FILES[shell]} holds`, () => {
    const file = path.join(projectRoot, 'completions', COMPLETION_FILES[shell]);
    // stale? run: npm run completions
    expect(fs.readFileSync(file, 'utf8')).toBe(script);
  });

  it.runIf(spawnSync(shell, ['--version']).status === 0)('passes the shell syntax check', () => {
    const r = spawnSync(shell, ['-n', path.join(projectRoot, 'completions', COMPLETION_FILES[shell])], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('runCompletion', () => {
  const io = () => {
    const o = { out: '', err: '' };
    return { o, io: { out: (s: string) => void (o.out += s), err: (s: string) => void (o.err += s) } };
  };
  it('prints the script', () => {
    const { o, io: i } = io();
    expect(runCompletion(['fish'], i)).toBe(0);
    expect(o.out).toBe(completionScript('fish'));
  });
  it('rejects an unknown or missing shell with exit 2', () => {
    for (const argv of [[], ['tcsh'], ['bash', 'extra']]) {
      const { o, io: i } = io();
      expect(runCompletion(argv, i)).toBe(2);
      expect(o.out).toBe('');
      expect(o.err).toMatch(/tscqlsh completion: error: .*choose from bash, zsh, fish/);
    }
  });
  it('--help', () => {
    const { o, io: i } = io();
    expect(runCompletion(['--help'], i)).toBe(0);
    expect(o.out).toMatch(/^usage: tscqlsh completion bash\|zsh\|fish/);
  });
});
