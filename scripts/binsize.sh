#!/usr/bin/env bash
# binsize.sh – budget row "stripped binary ≤ 12.5 MiB": builds samkoll as
# released (-ldflags='-s -w') for Linux, Windows and macOS and prints the
# sizes.
#
#     scripts/binsize.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/samkoll-size.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0
printf '%-16s %10s   %s\n' target MiB "budget ≤ 12.5 MiB"
for t in linux/amd64 windows/amd64 darwin/arm64; do
	(cd "$root" && GOOS=${t%/*} GOARCH=${t#*/} CGO_ENABLED=0 go build -ldflags='-s -w' -o "$work/samkoll" .)
	size=$(stat -c %s "$work/samkoll")
	verdict=met
	if ((size > 12 * 1048576 + 524288)); then verdict="NOT met"; status=1; fi
	printf '%-16s %10s   %s\n' "$t" "$(awk -v b="$size" 'BEGIN { printf "%.2f", b / 1048576 }')" "$verdict"
done
exit $status
