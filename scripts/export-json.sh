#!/usr/bin/env bash
# export-json.sh – budget row "JSON export --all, whole process": every
# assessment as JSON, written to a file through standard output. Budget:
# ≤ 1 s at 1,000 and ≤ 10 s at 10,000 assessments, with memory flat: the
# peak may not grow with the number of assessments (the script prints the
# peak at each size; "flat" is judged against the smallest size: at most
# 10 MiB more).
#
#     scripts/export-json.sh            # RUNS=7 SIZES="10 1000 10000"
#
# See lib.sh for RUNS, SIZES and BENCH_CACHE.
source "$(dirname "$0")/lib.sh"
build
declare -A db
for n in $SIZES; do db[$n]=$(demo_db "$n"); done
echo "$(load) before" >&2
for ((r = 1; r <= RUNS; r++)); do
	for n in $SIZES; do timed "$work/json-$n" "$work/samkoll" --db "${db[$n]}" export --all --format json; done
	printf . >&2
done
echo >&2
first=${SIZES%% *}
read -r _ _ base < <(stats "$work/json-$first" 2)
flat=$(awk -v k="$base" 'BEGIN { printf "%.0f", k / 1024 + 10 }')
report_head "samkoll export --all --format json ($RUNS runs each, interleaved; $(load) after; flat = peak ≤ $flat MiB)"
for n in $SIZES; do
	if ((n <= 1000)); then report_row x "$work/json-$n" "$n" 1000 "$flat"; else report_row x "$work/json-$n" "$n" 10000 "$flat"; fi
done
