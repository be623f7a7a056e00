#!/usr/bin/env bash
# startup.sh [RUNS] - measure start-up against a Fyne hello world.
#
# Builds cstomap and scripts/hello (a window with one label, same Fyne
# version, tags and window size), then runs them alternately under one Xvfb.
# Each logs "first-frame N ms", counted from the start of its process; the
# resident memory (VmRSS) is read one second after that. Prints every run,
# the medians and the ratios cstomap / hello world; the last line is
#   startup first-frame APP_MS HELLO_MS RATIO resident APP_MB HELLO_MB RATIO
# for scripts that record it (make bench).
#
# APP=path measures that binary instead of building cstomap (e.g. an older
# build, for before/after figures). GO and TAGS are honoured as in the Makefile.
set -euo pipefail
RUNS=${1:-7}
GO=${GO:-go}
TAGS=${TAGS:-migrated_fynedo,no_emoji}
cd "$(dirname "$0")/.."
mkdir -p build
if [ -z "${APP:-}" ]; then
  APP=build/cstomap-startup
  "$GO" build -tags "$TAGS" -o "$APP" .
fi
HELLO=build/hello
"$GO" build -tags "$TAGS" -o "$HELLO" ./scripts/hello

tmp=$(mktemp -d); xpid=
trap '[ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$tmp"' EXIT
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$tmp/fd" >/dev/null 2>&1 &
xpid=$!
until [ -s "$tmp/fd" ]; do sleep 0.05; done
export DISPLAY=":$(head -1 "$tmp/fd")"

# measure NAME BINARY: one run, fresh settings folders; appends to $tmp/NAME.
measure() {
  local name=$1 bin=$2 pid f r
  rm -rf "$tmp/home"; mkdir -p "$tmp/home"
  XDG_CONFIG_HOME="$tmp/home/cfg" XDG_DATA_HOME="$tmp/home/data" XDG_CACHE_HOME="$tmp/home/cache" \
    "$bin" >"$tmp/out" 2>/dev/null &
  pid=$!
  for _ in $(seq 400); do grep -q '^first-frame' "$tmp/out" && break; sleep 0.025; done
  sleep 1
  f=$(awk '/^first-frame/ {print $2; exit}' "$tmp/out")
  r=$(awk '/^VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status")
  kill "$pid"
  # Fyne 2.7.1 can hang while quitting (its lifecycle queue waits for the
  # main loop that has ended): give it two seconds, then kill it.
  for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$f" ]; then echo "startup: $name showed no first frame" >&2; exit 1; fi
  echo "$f $r" >>"$tmp/$name"
  printf '%-6s first frame %5s ms, resident %6s MB\n' "$name" "$f" "$r"
}

# One unmeasured run each warms the page cache.
measure app "$APP" >/dev/null; measure hello "$HELLO" >/dev/null
: >"$tmp/app"; : >"$tmp/hello"
for i in $(seq "$RUNS"); do
  if [ $((i % 2)) = 1 ]; then measure app "$APP"; measure hello "$HELLO"
  else measure hello "$HELLO"; measure app "$APP"; fi
done
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
af=$(cut -d' ' -f1 "$tmp/app" | median); hf=$(cut -d' ' -f1 "$tmp/hello" | median)
ar=$(cut -d' ' -f2 "$tmp/app" | median); hr=$(cut -d' ' -f2 "$tmp/hello" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
echo "median of $RUNS: cstomap first frame $af ms, resident $ar MB; hello world $hf ms, $hr MB"
echo "ratio cstomap/hello: first frame $(ratio "$af" "$hf")x (goal 1.5), resident $(ratio "$ar" "$hr")x (goal 1.25)"
echo "startup first-frame $af $hf $(ratio "$af" "$hf") resident $ar $hr $(ratio "$ar" "$hr")"
