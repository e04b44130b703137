#!/usr/bin/env bash
# export-open.sh – budget row "export --open, whole process": every
# unfinished action of every unit, as markdown to standard output.
# Budget: ≤ 150 ms and ≤ 30 MiB at 1,000 assessments, ≤ 1 s and ≤ 60 MiB
# at 10,000 (sizes up to 1,000 are held to the 1,000 budget).
#
#     scripts/export-open.sh            # RUNS=7 SIZES="10 1000 10000"
#
# See lib.sh for RUNS, SIZES and BENCH_CACHE.
source "$(dirname "$0")/lib.sh"
build
declare -A db
for n in $SIZES; do db[$n]=$(demo_db "$n"); done
echo "$(load) before" >&2
for ((r = 1; r <= RUNS; r++)); do
	for n in $SIZES; do timed "$work/open-$n" "$work/samkoll" --db "${db[$n]}" export --open; done
	printf . >&2
done
echo >&2
report_head "samkoll export --open ($RUNS runs each, interleaved; $(load) after)"
for n in $SIZES; do
	if ((n <= 1000)); then report_row x "$work/open-$n" "$n" 150 30; else report_row x "$work/open-$n" "$n" 1000 60; fi
done
