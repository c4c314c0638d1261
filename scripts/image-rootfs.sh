#!/bin/sh
# Runs inside docker/Dockerfile's `rootfs` stage: lays out in OUT the smallest root the given
# programs run on, taken from this (Debian) image's own files:
#   - each PROGRAM at its path (a symlink and its target both, as /bin/sh -> dash); a program given
#     as --libs-of=PATH is not copied (it comes into the image another way), only what it links;
#   - the shared libraries and the dynamic loader each one links (ldd), at their paths, with the
#     merged-/usr layout of Debian (bin, lib, lib64, sbin -> usr/...);
#   - the Debian copyright file of every package those files come from (dpkg -S);
#   - /etc/passwd and /etc/group with root and node (uid/gid 1000), nsswitch.conf, a default hosts
#     file (engines mount their own over it), /tmp (1777), /home/node (and the config folders
#     tscqlsh writes, owned by node so a volume mounted there is writable).
# Usage: sh image-rootfs.sh OUT PROGRAM|--libs-of=PROGRAM...
set -eu
out=$1
shift
[ -n "$out" ] && [ ! -e "$out" ] || { echo "image-rootfs: $out exists" >&2; exit 1; }

mkdir -p "$out/usr/bin" "$out/usr/lib" "$out/usr/sbin" "$out/etc" "$out/tmp" "$out/root"
for d in bin lib sbin; do ln -s "usr/$d" "$out/$d"; done
if [ -d /usr/lib64 ]; then mkdir -p "$out/usr/lib64" && ln -s usr/lib64 "$out/lib64"; fi
chmod 1777 "$out/tmp"
chmod 700 "$out/root"

# a path with its directories resolved (as the merged /usr has them), the file name kept
canon() { echo "$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"; }

pkgs=""
# copies PATH into OUT (a symlink as a symlink, then what it points to), notes its Debian package
take() {
  set -- "$1" "$(canon "$1")"
  if [ -e "$out$2" ] || [ -L "$out$2" ]; then return 0; fi
  mkdir -p "$out$(dirname "$2")"
  cp -P "$2" "$out$2"
  pkgs="$pkgs $( (dpkg -S "$1" 2>/dev/null || dpkg -S "$2" 2>/dev/null || true) | grep -v '^diversion' | head -n 1 | cut -d: -f1)"
  if [ -L "$2" ]; then take "$(readlink -f "$2")"; fi
}

for prog in "$@"; do
  case $prog in --libs-of=*) prog=${prog#--libs-of=} ;; *) [ ! -x "$prog" ] || take "$prog" ;; esac
  [ -x "$prog" ] || { echo "image-rootfs: no program $prog" >&2; exit 1; }
  # the libraries: `name => /path (0x...)`, and the loader: `/path (0x...)`
  for lib in $(ldd "$prog" | sed -n -e 's/.*=> \(\/[^ ]*\) .*/\1/p' -e 's/^[[:space:]]*\(\/[^ ]*\) (0x.*/\1/p'); do
    take "$lib"
  done
done

for pkg in $(echo "$pkgs" | tr ' ' '\n' | sort -u); do
  if [ -f "/usr/share/doc/$pkg/copyright" ]; then
    mkdir -p "$out/usr/share/doc/$pkg"
    cp "/usr/share/doc/$pkg/copyright" "$out/usr/share/doc/$pkg/copyright"
  fi
done
# Node's licence, where the image keeps it (the local base puts it here)
if [ -f /usr/local/share/doc/node/LICENSE ]; then
  mkdir -p "$out/usr/local/share/doc/node"
  cp /usr/local/share/doc/node/LICENSE "$out/usr/local/share/doc/node/LICENSE"
fi

cat >"$out/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
node:x:1000:1000::/home/node:/bin/sh
EOF
cat >"$out/etc/group" <<'EOF'
root:x:0:
node:x:1000:
EOF
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$out/etc/hosts"
if [ -f /etc/nsswitch.conf ]; then cp /etc/nsswitch.conf "$out/etc/nsswitch.conf"; fi

mkdir -p "$out/home/node/.config/tscqlsh" "$out/home/node/.cassandra"
chown -R 1000:1000 "$out/home/node"
chmod 755 "$out/home/node"
