#!/usr/bin/env bash
# export-plan.sh – budget row "one plan, export ID, whole process": the
# markdown action plan of one assessment (the middle one by id) to standard
# output. Budget: ≤ 60 ms at every size.
#
#     scripts/export-plan.sh            # RUNS=7 SIZES="10 1000 10000"
#
# See lib.sh for RUNS, SIZES and BENCH_CACHE.
source "$(dirname "$0")/lib.sh"
build
declare -A db
for n in $SIZES; do db[$n]=$(demo_db "$n"); done
echo "$(load) before" >&2
for ((r = 1; r <= RUNS; r++)); do
	for n in $SIZES; do timed "$work/plan-$n" "$work/samkoll" --db "${db[$n]}" export $(((n + 1) / 2)); done
	printf . >&2
done
echo >&2
report_head "samkoll export ID ($RUNS runs each, interleaved; $(load) after)"
for n in $SIZES; do report_row x "$work/plan-$n" "$n" 60 -; done
