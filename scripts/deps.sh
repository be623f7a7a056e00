#!/usr/bin/env bash
# deps.sh PKG... - install the Debian/Ubuntu packages that are missing.
# Checks each with dpkg -s first, so a machine that has everything installs
# nothing. Uses sudo when not root. On other systems it only says what is
# needed (see README: Prerequisites).
set -euo pipefail
[ $# -gt 0 ] || exit 0
if ! command -v dpkg >/dev/null 2>&1; then
  echo "deps: not a Debian/Ubuntu system; make sure these are installed: $*" >&2
  exit 0
fi
missing=()
for p in "$@"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}"
