#!/usr/bin/env zsh
# Real zsh completion, driven without a terminal (used by test/integration/package-completion.test.ts):
# starts an interactive `zsh -f` in a pseudo-terminal (zsh/zpty) with compinit and FPATH_DIR first on
# fpath, then for each LINE types it and Tab and records the matches compadd was given, and clears the
# line (never runs it). OUT_FILE gets `CASE <line>` followed by `HITS a|b|c` lines for each.
# usage: zsh -f scripts/zsh-complete.zsh FPATH_DIR OUT_FILE LINE...
zmodload zsh/zpty || exit 3
fp=$1 out=$2; shift 2
zpty z zsh -f -i
zpty -w z "fpath=(${(q)fp} \$fpath); autoload -U compinit; compinit -u -D; PROMPT='' RPROMPT=''"
zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" insert-tab false'
zpty -w z 'compadd () { if [[ ${@[1,(i)(-(|a|O|A|D)*)]} != *-[OAD]* ]]; then local -a __hits; builtin compadd -A __hits "$@"; print -r -- "HITS ${(j:|:)__hits}" >&2; fi; builtin compadd "$@" }'
zpty -w z "exec 2>${(q)out}; print -r -- READY >&2"
# typeahead is flushed when the first prompt comes up: wait for each step
wait_for() { for i in {1..200}; do grep -q "^$1\$" $out 2>/dev/null && return 0; sleep 0.05; done; return 1 }
wait_for READY || { zpty -d z; exit 4 }
n=0
for line in "$@"; do
  (( n++ ))
  zpty -w z "print -r -- 'CASE ${line//\'/}' >&2"
  zpty -n -w z "$line"$'\t'
  zpty -n -w z $'\x15'   # Ctrl-U: clear the line, do not run it
  zpty -w z "print -r -- DONE$n >&2"
  wait_for DONE$n || { zpty -d z; exit 5 }
done
zpty -w z "print -r -- END >&2"
wait_for END
zpty -d z
