#!/usr/bin/env bash
# startup.sh BINARY [RUNS] - measure, in Xvfb, the time from launch to the
# first frame of the map (the app logs "first-frame N ms", counted from the
# start of its process) and the resident memory one second after that.
# Prints each run and the medians.
set -euo pipefail
BIN=${1:?usage: startup.sh BINARY [RUNS]}
RUNS=${2:-5}
tmp=$(mktemp -d); trap 'kill $xpid 2>/dev/null; rm -rf "$tmp"' EXIT
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/fd" >/dev/null 2>&1 &
xpid=$!
until [ -s "$tmp/fd" ]; do sleep 0.05; done
export DISPLAY=":$(head -1 "$tmp/fd")"
export XDG_CONFIG_HOME="$tmp/cfg" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache"
ms=(); rss=()
for i in $(seq "$RUNS"); do
  "$BIN" >"$tmp/out" 2>/dev/null &
  pid=$!
  for _ in $(seq 200); do grep -q '^first-frame' "$tmp/out" && break; sleep 0.05; done
  sleep 1
  f=$(awk '/^first-frame/ {print $2}' "$tmp/out")
  r=$(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: first frame ${f} ms, resident ${r} MB"
  ms+=("$f"); rss+=("$r")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: first frame $(median "${ms[@]}") ms, resident $(median "${rss[@]}") MB"
