#!/usr/bin/env bash
# binsize.sh – budget row "stripped binary ≤ 12.5 MiB": builds samkoll as
# released (lib-release.sh) for Linux, Windows and macOS, prints the sizes
# and exits non-zero when one is over the budget; .ci/run runs it. Beside
# each it builds tools/depfloor the same way: the libraries samkoll's
# design requires, used once each, before samkoll adds any code of its
# own. The difference is what samkoll's own code and data, and the
# library code they reach, add.
#
#     scripts/binsize.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib-release.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/samkoll-size.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$root"
status=0
mib() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }
printf '%-14s %8s %11s %14s   %s\n' target samkoll libraries "samkoll adds" "budget ≤ 12.5 MiB"
for t in "${release_targets[@]}"; do
	release_build "$t" "$work/samkoll"
	release_build "$t" "$work/depfloor" ./tools/depfloor
	size=$(stat -c %s "$work/samkoll")
	floor=$(stat -c %s "$work/depfloor")
	verdict=met
	if ((size > 12 * 1048576 + 524288)); then verdict="NOT met"; status=1; fi
	printf '%-14s %8s %11s %14s   %s\n' "$t" "$(mib "$size")" "$(mib "$floor")" "$(mib $((size - floor)))" "$verdict"
done
exit $status
