#!/usr/bin/env bash
# rss.sh – budget row "resident memory, 2 s after start": samkoll is
# started on a plain pseudo-terminal (tools/ptyframe) on each demo
# database; its VmRSS is read at the first frame and 2 s after the start,
# and its peak (getrusage) after it quits. Budget: ≤ 30 MiB at 1,000
# assessments, ≤ 35 MiB at 10,000 (sizes up to 1,000 are held to 30).
#
#     scripts/rss.sh                    # RUNS=7 SIZES="10 1000 10000"
#
# See lib.sh for RUNS, SIZES and BENCH_CACHE.
source "$(dirname "$0")/lib.sh"
build
declare -A db
for n in $SIZES; do db[$n]=$(demo_db "$n"); done
echo "$(load) before" >&2
for ((r = 1; r <= RUNS; r++)); do
	for n in $SIZES; do
		"$work/ptyframe" -rss-after 2s -text "$app_text" -- "$work/samkoll" --db "${db[$n]}" --lang sv >>"$work/rss-$n"
	done
	printf . >&2
done
echo >&2
echo "samkoll resident memory, MiB ($RUNS runs each, interleaved; $(load) after)"
printf '%-12s %14s %22s %12s   %s\n' assessments "at first frame" "2 s after start (max)" "peak (max)" budget
for n in $SIZES; do
	read -r _ f _ < <(stats "$work/rss-$n" 2)
	read -r _ _ two < <(stats "$work/rss-$n" 3)
	read -r _ _ peak < <(stats "$work/rss-$n" 4)
	b=30
	((n > 1000)) && b=35
	verdict="≤ $b met"
	awk -v k="$two" -v b="$b" 'BEGIN { exit !(k / 1024 > b) }' && verdict="≤ $b NOT met"
	printf '%-12s %14s %22s %12s   %s\n' "$n" "$(mib "$f")" "$(mib "$two")" "$(mib "$peak")" "$verdict"
done
