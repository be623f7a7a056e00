#!/usr/bin/env bash
# smoke.sh BINARY - end-to-end test of the real app in Xvfb, driven with
# xdotool through scripts/xvfb-drive.sh. It fails when:
#  - the alliance switch does not switch, or the keyboard does not step the
#    year afterwards;
#  - the export dialog (Ctrl+E, Export) writes no file;
#  - the window does not appear or its screenshot is blank;
#  - a country with a status in some year of the CSTO's data is not drawn
#    whole inside the map at 1280×800 or after a resize to 900×650;
#  - clicking where the app itself says Armenia is drawn (--where), on the
#    map or in the South Caucasus inset, does not select Armenia;
#  - hovering Kazakhstan does not report it;
#  - scrolling the wheel over the map does not zoom (and change the picture);
#  - the (race-enabled) binary reports a data race or a Fyne call made off
#    the main goroutine.
set -uo pipefail
BIN=${1:?usage: smoke.sh BINARY}
here=$(cd "$(dirname "$0")" && pwd)
out=${SMOKE_OUT:-build/smoke}
rm -rf "$out"; mkdir -p "$out"
fail() { echo "smoke: FAIL: $*" >&2; for f in "$out"/*/stderr.log; do tail -5 "$f" >&2; done 2>/dev/null; exit 1; }
sd() { convert "$1" -colorspace Gray -format '%[fx:standard_deviation]' info:; }

# 1. The window appears and draws; the app says where Armenia and Kazakhstan are.
"$here/xvfb-drive.sh" -t 60 -d 1 -a --where=ARM,KAZ "$BIN" "$out/start" -- wait-out:'^where KAZ' shot:map sleep:4 shot:map >/dev/null 2>&1 \
  || fail "the window did not appear or did not draw (see $out/start/summary.txt)"
read -r _ _ ax ay < <(grep -m1 '^where ARM' "$out/start/stdout.log")
read -r _ _ kx ky < <(grep -m1 '^where KAZ' "$out/start/stdout.log")
[ -n "${ax:-}" ] && [ -n "${kx:-}" ] || fail "no window positions logged"
# The frame is logged when the map is drawn, a paint before it reaches the
# screen; on a loaded machine (a -race build on two busy cores) that has
# taken over a second, so a second screenshot is taken four seconds later.
shot=$(ls "$out"/start/*-map.png | tail -1)
s=$(sd "$shot")
awk -v s="$s" 'BEGIN { exit !(s > 0.02) }' || fail "screenshot $shot is blank (standard deviation $s)"
grep -m1 '^first-frame' "$out/start/stdout.log"
# The year the window opened on, from the app's own log (its clock, which
# SOURCE_DATE_EPOCH may pin), so the step back below is checked whatever
# the calendar says.
y0=$(awk '/^year [0-9]+$/ { print $2; exit }' "$out/start/stdout.log")
[ -n "$y0" ] || fail "the app logged no year at start-up"

# 1b. Framing: every country with a status in any year of the CSTO's data
#     is drawn whole inside the map, at 1280×800 and after a resize to
#     900×650 (the app logs "map X Y W H" and "bounds ISO X0 Y0 X1 Y1").
command -v jq >/dev/null || fail "jq is needed to read the alliance file"
here_root=$(cd "$here/.." && pwd)
codes=$(jq -r '[.countries[] | select(any(.events[]?; .status != null and .status != "none")) | .iso] | join(",")' "$here_root/assets/alliances/csto.json")
[ -n "$codes" ] || fail "no status countries read from csto.json"
n=$(tr ',' '\n' <<<"$codes" | wc -l)
last=${codes##*,}
"$here/xvfb-drive.sh" -t 60 -d 1 -a --where="$codes" "$BIN" "$out/framing" -- wait-out:"^bounds $last" shot:framed-1280 \
  resize:900,650 sleep:2 shot:framed-900 >/dev/null 2>&1 || fail "the framing run failed (see $out/framing/summary.txt)"
# Check each block of lines that starts with a "map" line.
awk -v n="$n" '
  $1 == "map" { if (blocks && seen != n) bad = bad " block " blocks " has " seen " of " n " countries;"; blocks++; seen = 0; x0 = $2; y0 = $3; x1 = $2 + $4; y1 = $3 + $5; next }
  $1 == "bounds" && blocks { seen++; if ($3 < x0 || $4 < y0 || $5 > x1 || $6 > y1) bad = bad " " $2 " (" $3 "," $4 "-" $5 "," $6 ") outside map " x0 "," y0 "-" x1 "," y1 " in block " blocks ";" }
  END { if (blocks && seen != n) bad = bad " block " blocks " has " seen " of " n " countries;"
        if (blocks < 2) bad = bad " only " blocks " map line(s): no log after the resize;"
        if (bad != "") { print bad; exit 1 } }' "$out/framing/stdout.log" > "$out/framing/check.txt" \
  || fail "framing: $(cat "$out/framing/check.txt")"
sizes=$(awk '$1 == "map" { printf "%s%sx%s", sep, $4, $5; sep = ", " }' "$out/framing/stdout.log")

# 2. Click Armenia, hover Kazakhstan, scroll to zoom in over Kazakhstan, then
#    switch to NATO with the alliance switch (top left) and step a year back.
"$here/xvfb-drive.sh" -t 60 -d 1 -a --where=ARM "$BIN" "$out/drive" -- wait-out:'^where ARM' \
  "click:$ax,$ay" wait-out:'^selected ARM' shot:armenia \
  "move:$kx,$ky" wait-out:'^hover KAZ' \
  xdotool:"click 4" xdotool:"click 4" wait-out:'^zoom' shot:zoomed \
  click:70,53 click:34,126 wait-out:'^alliance nato' key:Left wait-out:"^year $((y0 - 1))\$" shot:nato >/dev/null 2>&1 \
  || fail "driving the window failed (stdout: $(grep -v '^hover' "$out/drive/stdout.log" | tr '\n' '|'))"
a=$(ls "$out"/drive/*-armenia.png | head -1); z=$(ls "$out"/drive/*-zoomed.png | head -1)
diff=$(compare -metric AE "$a" "$z" null: 2>&1 | cut -d' ' -f1)
[ "${diff%.*}" -gt 10000 ] || fail "zooming did not change the picture ($diff pixels differ)"

# 2b. The inset: the app logs where it draws Armenia inside the South
#     Caucasus inset ("inset ARM X Y"); clicking there selects Armenia.
"$here/xvfb-drive.sh" -t 60 -d 1 -a --where=ARM "$BIN" "$out/inset" -- wait-out:'^inset ARM' shot:inset >/dev/null 2>&1 \
  || fail "the app logged no inset for Armenia at 1280x800 (stdout: $(tr '\n' '|' < "$out/inset/stdout.log"))"
read -r _ _ ix iy < <(grep -m1 '^inset ARM' "$out/inset/stdout.log")
"$here/xvfb-drive.sh" -t 60 -d 1 -a --where=ARM "$BIN" "$out/inset-click" -- wait-out:'^inset ARM' \
  "click:$ix,$iy" wait-out:'^selected ARM' shot:inset-armenia >/dev/null 2>&1 \
  || fail "clicking Armenia in the inset at $ix,$iy did not select it (stdout: $(grep -v '^hover' "$out/inset-click/stdout.log" | tr '\n' '|'))"

# 3. Export from the dialog (Ctrl+E, then its Export button): the file is
#    written off the UI goroutine, so this also runs that path under -race.
mkdir -p "$out/home"
HOME="$out/home" "$here/xvfb-drive.sh" -t 60 -d 1 -a --where=ARM "$BIN" "$out/export" -- wait-out:'^where ARM' \
  key:ctrl+e sleep:1 click:1043,637 sleep:4 shot:exported >/dev/null 2>&1 \
  || fail "the export dialog run failed"
ls "$out"/home/csto-*.png >/dev/null 2>&1 || fail "the export dialog wrote no file into $out/home"

for log in "$out"/*/stderr.log; do
  if grep -q -e 'DATA RACE' -e 'Error in Fyne call thread' "$log"; then fail "threading problem in $log"; fi
done
echo "smoke: ok (window drawn, sd $s; all $n CSTO status countries inside the map at $sizes; click at $ax,$ay selected Armenia, and at $ix,$iy in the inset; hover reported Kazakhstan; wheel zoomed, $diff pixels changed; switched to NATO and stepped a year; the export dialog wrote $(basename "$(ls "$out"/home/csto-*.png | head -1)"))"
