#!/usr/bin/env bash
# smoke.sh BINARY - start the real app in Xvfb, wait for its window and its
# first frame, click Armenia where the app itself says it is drawn, and fail
# when the window does not appear, the screenshot is blank, the click does
# not select Armenia, or the (race-enabled) binary reports a data race or a
# Fyne call made off the main goroutine.
set -uo pipefail
BIN=${1:?usage: smoke.sh BINARY}
here=$(cd "$(dirname "$0")" && pwd)
out=${SMOKE_OUT:-build/smoke}
rm -rf "$out"; mkdir -p "$out"
fail() { echo "smoke: FAIL: $*" >&2; tail -20 "$out/stderr.log" >&2 2>/dev/null; exit 1; }

"$here/xvfb-drive.sh" -t 60 -d 1 -a --where=ARM "$BIN" "$out" -- wait-out:'^where ARM' shot:map >/dev/null 2>&1 \
  || fail "the window did not appear or did not draw (see $out/summary.txt)"
read -r _ _ x y < <(grep -m1 '^where ARM' "$out/stdout.log")
[ -n "${x:-}" ] || fail "no position for Armenia"
shot=$(ls "$out"/*-map.png | head -1)
sd=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' || fail "screenshot $shot is blank (standard deviation $sd)"

out2="$out/click"
"$here/xvfb-drive.sh" -t 60 -d 1 -a --where=ARM "$BIN" "$out2" -- wait-out:'^where ARM' "click:$x,$y" wait-out:'^selected ARM' shot:armenia >/dev/null 2>&1 \
  || fail "clicking at $x,$y did not select Armenia (stdout: $(tr '\n' '|' <"$out2/stdout.log"))"
for log in "$out/stderr.log" "$out2/stderr.log"; do
  if grep -q -e 'DATA RACE' -e 'Error in Fyne call thread' "$log"; then fail "threading problem in $log"; fi
done
echo "smoke: ok (window drawn, screenshot sd $sd, click at $x,$y selected Armenia)"
