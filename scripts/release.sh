#!/usr/bin/env bash
# release.sh – builds samkoll as released (lib-release.sh says how and why)
# for Linux, Windows and macOS into DIR (default dist/):
# samkoll-linux-amd64, samkoll-windows-amd64.exe, samkoll-darwin-arm64.
#
#     scripts/release.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib-release.sh"
dir=${1:-$root/dist}
mkdir -p "$dir"
cd "$root"
for t in "${release_targets[@]}"; do
	out="$dir/samkoll-${t%/*}-${t#*/}"
	[[ $t == windows/* ]] && out+=.exe
	release_build "$t" "$out"
	printf '%-14s %s (%s MiB)\n' "$t" "$out" "$(awk -v b="$(stat -c %s "$out")" 'BEGIN { printf "%.2f", b / 1048576 }')"
done
