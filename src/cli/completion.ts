// `tscqlsh completion bash|zsh|fish`: prints a shell completion script generated from the flag tables
// (SPECS, PROFILE_FLAGS), so a new flag is offered without editing three scripts by hand. The copies in
// completions/ are the same output (scripts/gen-completions.mjs; a unit test keeps them in sync).
// Profile names are completed at completion time through `tscqlsh profile list --names`.
// Loads neither the driver nor Ink.
import { SPECS, SUBCOMMANDS } from './args.js';
import { PROFILE_FLAGS } from './profile-args.js';
import { AUTH_KINDS, CONSISTENCIES, FORMATS } from '../settings/profile-schema.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof SHELLS)[number];

/** The file each script is installed as in completions/. */
export const COMPLETION_FILES: Record<CompletionShell, string> = { bash: 'tscqlsh.bash', zsh: '_tscqlsh', fish: 'tscqlsh.fish' };

export const PROFILE_VERBS = ['add', 'edit', 'list', 'show', 'remove', 'default', 'import-cqlshrc'] as const;
/** verbs whose first argument is an existing profile */
const NAMED_VERBS = ['edit', 'show', 'remove', 'rm', 'default'];
const SUBCOMMAND_HELP: Record<string, string> = { profile: 'manage saved connection profiles', completion: 'print a shell completion script' };
const VERB_HELP: Record<string, string> = {
  add: 'save a new profile',
  edit: 'change a saved profile',
  list: 'list the saved profiles',
  show: 'show one profile',
  remove: 'remove a profile',
  default: 'show or set the default profile',
  'import-cqlshrc': 'import a cqlshrc file as a profile',
};

type ValueKind = { kind: 'none' } | { kind: 'free' } | { kind: 'file' } | { kind: 'profile' } | { kind: 'choice'; choices: readonly string[] };

interface Opt {
  short?: string;
  long: string;
  help: string;
  value: ValueKind;
}

const FILE_FLAGS = new Set(['file', 'cqlshrc', 'credentials', 'ca', 'cert', 'key', 'secure-connect-bundle']);
const CHOICES: Record<string, readonly string[]> = { format: FORMATS, auth: AUTH_KINDS, consistency: CONSISTENCIES };

/** The main command's options, from SPECS. */
export function mainOptions(): Opt[] {
  return SPECS.map((s) => ({
    short: s.short,
    long: s.long,
    help: s.help,
    value: s.value === undefined ? { kind: 'none' } : s.long === 'profile' ? { kind: 'profile' } : FILE_FLAGS.has(s.long) ? { kind: 'file' } : CHOICES[s.long] ? { kind: 'choice', choices: CHOICES[s.long] } : { kind: 'free' },
  }));
}

/** The options of `profile VERB`, from PROFILE_FLAGS plus the verb's own. */
export function profileOptions(verb: string): Opt[] {
  const fields: Opt[] = PROFILE_FLAGS.map((f) => ({
    long: f.flag,
    help: f.help,
    value: f.kind === 'flag' ? { kind: 'none' } : f.choices ? { kind: 'choice', choices: f.choices } : FILE_FLAGS.has(f.flag) ? { kind: 'file' } : { kind: 'free' },
  }));
  const makeDefault: Opt = { long: 'default', help: 'make it the default profile', value: { kind: 'none' } };
  switch (verb) {
    case 'add':
      return [...fields, makeDefault];
    case 'edit':
      return [...fields, makeDefault, { long: 'unset', help: 'remove a field', value: { kind: 'choice', choices: PROFILE_FLAGS.map((f) => f.flag) } }];
    case 'import-cqlshrc':
      return [...fields, makeDefault, { long: 'name', help: 'name of the new profile', value: { kind: 'free' } }];
    case 'list':
      return [{ long: 'names', help: 'print only the names', value: { kind: 'none' } }];
    default:
      return [];
  }
}

const words = (xs: readonly string[]) => xs.join(' ');
const flagWords = (opts: Opt[]) => opts.flatMap((o) => [...(o.short ? [`-${o.short}`] : []), `--${o.long}`]);

function bashScript(): string {
  const main = mainOptions();
  const valueCases = (opts: Opt[], indent: string) => {
    const out: string[] = [];
    const groups = new Map<string, string[]>();
    for (const o of opts) {
      if (o.value.kind === 'none') continue;
      let action: string;
      if (o.value.kind === 'profile') action = 'COMPREPLY=( $(compgen -W "$(_tscqlsh_profiles)" -- "$cur") )';
      else if (o.value.kind === 'file') action = 'compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") )';
      else if (o.value.kind === 'choice') action = `COMPREPLY=( $(compgen -W "${words(o.value.choices)}" -- "$cur") )`;
      else action = ':';
      const names = [...(o.short ? [`-${o.short}`] : []), `--${o.long}`];
      groups.set(action, [...(groups.get(action) ?? []), ...names]);
    }
    for (const [action, names] of groups) out.push(`${indent}${names.join('|')}) ${action}; return 0 ;;`);
    return out.join('\n');
  };
  const verbCases = ['add', 'edit', 'import-cqlshrc', 'list']
    .map((v) => {
      const cases = valueCases(profileOptions(v), '          ');
      const prevCase = cases ? `        case "$prev" in\n${cases}\n        esac\n` : '';
      return `      ${v})\n${prevCase}        opts="${words(flagWords(profileOptions(v)))}" ;;`;
    })
    .join('\n');
  return `# bash completion for tscqlsh (generated by \`tscqlsh completion bash\`).
# Install: tscqlsh completion bash > ~/.local/share/bash-completion/completions/tscqlsh
#      or: echo 'source <(tscqlsh completion bash)' >> ~/.bashrc

# saved profile names, from the same tscqlsh being completed (fast: loads only the profile store)
_tscqlsh_profiles() {
  local cmd="\${COMP_WORDS[0]:-tscqlsh}"
  cmd="\${cmd/#\\~/$HOME}"
  command "$cmd" profile list --names 2>/dev/null
}

_tscqlsh() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" opts
  (( COMP_CWORD > 0 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # --flag=value: bash splits at '=' (COMP_WORDBREAKS)
  if [[ "$cur" == "=" ]]; then
    cur=""
  elif [[ "$prev" == "=" ]] && (( COMP_CWORD > 1 )); then
    prev="\${COMP_WORDS[COMP_CWORD-2]}"
  fi
  COMPREPLY=()

  if (( COMP_CWORD >= 2 )); then
    case "\${COMP_WORDS[1]}" in
    completion)
      (( COMP_CWORD == 2 )) && COMPREPLY=( $(compgen -W "${words(SHELLS)}" -- "$cur") )
      return 0 ;;
    profile)
      if (( COMP_CWORD == 2 )); then
        COMPREPLY=( $(compgen -W "${words(PROFILE_VERBS)}" -- "$cur") )
        return 0
      fi
      local verb="\${COMP_WORDS[2]}"
      case "$verb" in
${verbCases}
      *) opts="" ;;
      esac
      if [[ "$cur" == -* ]]; then
        COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
      elif (( COMP_CWORD == 3 )); then
        case "$verb" in
        ${NAMED_VERBS.join('|')}) COMPREPLY=( $(compgen -W "$(_tscqlsh_profiles)" -- "$cur") ) ;;
        import-cqlshrc) compopt -o filenames 2>/dev/null; COMPREPLY=( $(compgen -f -- "$cur") ) ;;
        esac
      fi
      return 0 ;;
    esac
  fi

  case "$prev" in
${valueCases(main, '  ')}
  esac
  opts="${words(flagWords(main))}"
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  elif (( COMP_CWORD == 1 )); then
    COMPREPLY=( $(compgen -W "${words(SUBCOMMANDS)}" -- "$cur") )
  fi
  return 0
}
complete -F _tscqlsh tscqlsh
`;
}

/** a description safe inside zsh's `[...]` and single quotes */
const zdesc = (s: string) => s.replace(/\[/g, '(').replace(/\]/g, ')').replace(/:/g, ' -').replace(/'/g, '').replace(/\.$/, '');

function zshSpecs(opts: Opt[], indent: string): string {
  const action = (o: Opt) => {
    switch (o.value.kind) {
      case 'none':
        return '';
      case 'file':
        return ':file:_files';
      case 'profile':
        return ':profile:_tscqlsh_profiles';
      case 'choice':
        return `:${o.long}:(${words(o.value.choices)})`;
      default:
        return `:${o.long}: `;
    }
  };
  return opts
    .map((o) => {
      const takes = o.value.kind !== 'none';
      const desc = `[${zdesc(o.help)}]${action(o)}`;
      if (o.short) return `${indent}'(-${o.short} --${o.long})'{-${o.short}${takes ? '+' : ''},--${o.long}${takes ? '=' : ''}}'${desc}'`;
      return `${indent}'--${o.long}${takes ? '=' : ''}${desc}'`;
    })
    .join(' \\\n');
}

function zshScript(): string {
  const verbSpecs = ['add', 'edit', 'import-cqlshrc', 'list']
    .map((v) => {
      const first = v === 'edit' ? "'1:profile:_tscqlsh_profiles'" : v === 'add' ? "'1:name: '" : v === 'import-cqlshrc' ? "'1:cqlshrc:_files'" : '';
      return `    ${v})\n      _arguments -S \\\n${zshSpecs(profileOptions(v), '        ')}${first ? ` \\\n        ${first}` : ''} ;;`;
    })
    .join('\n');
  return `#compdef tscqlsh
# zsh completion for tscqlsh (generated by \`tscqlsh completion zsh\`).
# Install: tscqlsh completion zsh > "\${fpath[1]}/_tscqlsh"   (then restart zsh)
#      or: source <(tscqlsh completion zsh)   in ~/.zshrc, after compinit

_tscqlsh_profiles() {
  local -a names
  names=(\${(f)"$(_call_program profiles \${_tscqlsh_cmd:-tscqlsh} profile list --names 2>/dev/null)"})
  _describe -t profiles 'profile' names
}

_tscqlsh_profile() {
  local -a verbs
  verbs=(${PROFILE_VERBS.map((v) => `'${v}:${VERB_HELP[v]}'`).join(' ')})
  if (( CURRENT == 3 )); then
    _describe -t commands 'profile command' verbs
    return
  fi
  local verb=\${words[3]}
  words=("\${(@)words[3,-1]}")
  (( CURRENT -= 2 ))
  case $verb in
${verbSpecs}
    ${NAMED_VERBS.filter((v) => v !== 'edit').join('|')})
      (( CURRENT == 2 )) && _tscqlsh_profiles ;;
  esac
}

_tscqlsh() {
  # the tscqlsh being completed, for \`profile list --names\` (words shift in subcommands)
  local _tscqlsh_cmd=\${words[1]}
  local curcontext="$curcontext" state state_descr line
  typeset -A opt_args
  if (( CURRENT > 2 )); then
    case \${words[2]} in
      profile) _tscqlsh_profile; return ;;
      completion) (( CURRENT == 3 )) && _values 'shell' ${words(SHELLS)}; return ;;
    esac
  fi
  _arguments -s -S \\
${zshSpecs(mainOptions(), '    ')} \\
    '1: :->first' \\
    '2:port: '
  if [[ $state == first ]]; then
    _alternative 'subcommands:subcommand:((${SUBCOMMANDS.map((s) => `${s}\\:"${SUBCOMMAND_HELP[s] ?? s}"`).join(' ')}))' 'hosts:host:_hosts'
  fi
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _tscqlsh "$@"
else
  compdef _tscqlsh tscqlsh
fi
`;
}

const fq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishLines(opts: Opt[], cond: string): string[] {
  return opts.map((o) => {
    const parts = ['complete -c tscqlsh', `-n ${fq(cond)}`];
    if (o.short) parts.push(`-s ${o.short}`);
    parts.push(`-l ${o.long}`);
    if (o.value.kind === 'file') parts.push('-r -F');
    else if (o.value.kind === 'profile') parts.push("-x -a '(__tscqlsh_profiles)'");
    else if (o.value.kind === 'choice') parts.push(`-x -a ${fq(words(o.value.choices))}`);
    else if (o.value.kind === 'free') parts.push('-x');
    parts.push(`-d ${fq(o.help.replace(/\.$/, ''))}`);
    return parts.join(' ');
  });
}

function fishScript(): string {
  const lines = [
    '# fish completion for tscqlsh (generated by `tscqlsh completion fish`).',
    '# Install: tscqlsh completion fish > ~/.config/fish/completions/tscqlsh.fish',
    '',
    'function __tscqlsh_profiles',
    '    set -l cmd (commandline -opc)[1]',
    '    command $cmd profile list --names 2>/dev/null',
    'end',
    '',
    '# no subcommand: the main command\'s flags',
    'function __tscqlsh_main',
    '    set -l w (commandline -opc)',
    `    not contains -- "$w[2]" ${words(SUBCOMMANDS)}`,
    'end',
    '',
    '# __tscqlsh_at N: the word being completed is the Nth argument',
    'function __tscqlsh_at',
    '    test (count (commandline -opc)) -eq $argv[1]',
    'end',
    '',
    '# __tscqlsh_profile_verb VERB...: `tscqlsh profile VERB ...`',
    'function __tscqlsh_profile_verb',
    '    set -l w (commandline -opc)',
    '    test "$w[2]" = profile; and contains -- "$w[3]" $argv',
    'end',
    '',
    'complete -c tscqlsh -f',
    ...fishLines(mainOptions(), '__tscqlsh_main'),
    ...SUBCOMMANDS.map((s) => `complete -c tscqlsh -n '__tscqlsh_at 1' -a ${s} -d ${fq(SUBCOMMAND_HELP[s] ?? s)}`),
    `complete -c tscqlsh -n '__tscqlsh_at 2; and __fish_seen_subcommand_from completion' -a ${fq(words(SHELLS))}`,
    ...PROFILE_VERBS.map((v) => `complete -c tscqlsh -n '__tscqlsh_at 2; and __fish_seen_subcommand_from profile' -a ${v} -d ${fq(VERB_HELP[v])}`),
    `complete -c tscqlsh -n '__tscqlsh_at 3; and __tscqlsh_profile_verb ${words(NAMED_VERBS)}' -a '(__tscqlsh_profiles)'`,
    `complete -c tscqlsh -n '__tscqlsh_at 3; and __tscqlsh_profile_verb import-cqlshrc' -F`,
  ];
  for (const v of ['add', 'edit', 'import-cqlshrc', 'list']) lines.push(...fishLines(profileOptions(v), `__tscqlsh_profile_verb ${v}`));
  return lines.join('\n') + '\n';
}

export function completionScript(shell: CompletionShell): string {
  return shell === 'bash' ? bashScript() : shell === 'zsh' ? zshScript() : fishScript();
}

export interface CompletionIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function runCompletion(argv: string[], io: CompletionIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): number {
  const [shell, ...rest] = argv;
  if (shell === '-h' || shell === '--help' || shell === 'help') {
    io.out(completionHelp() + '\n');
    return 0;
  }
  if (shell === undefined || !(SHELLS as readonly string[]).includes(shell) || rest.length) {
    io.err(`${completionHelp()}\ntscqlsh completion: error: ${shell === undefined ? 'which shell?' : rest.length ? `unexpected argument '${rest[0]}'` : `unknown shell '${shell}'`} (choose from ${SHELLS.join(', ')})\n`);
    return 2;
  }
  io.out(completionScript(shell as CompletionShell));
  return 0;
}

function completionHelp(): string {
  return [
    'usage: tscqlsh completion bash|zsh|fish',
    '',
    'Prints a completion script. Install it with one of:',
    '  tscqlsh completion bash > ~/.local/share/bash-completion/completions/tscqlsh',
    '  tscqlsh completion zsh > "${fpath[1]}/_tscqlsh"',
    '  tscqlsh completion fish > ~/.config/fish/completions/tscqlsh.fish',
  ].join('\n');
}
