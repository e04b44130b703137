#!/usr/bin/env bash
# import.sh – budget row "import of that file into an empty database,
# whole process": the JSON export of each demo database is imported into a
# new, empty database. Budget: ≤ 1.5 s and ≤ 50 MiB at 1,000 assessments,
# ≤ 15 s and ≤ 60 MiB at 10,000.
#
#     scripts/import.sh                 # RUNS=7 SIZES="10 1000 10000"
#
# See lib.sh for RUNS, SIZES and BENCH_CACHE.
source "$(dirname "$0")/lib.sh"
build
for n in $SIZES; do
	"$work/samkoll" --db "$(demo_db "$n")" export --all --format json -o "$work/export-$n.json" 2>/dev/null
done
echo "$(load) before" >&2
for ((r = 1; r <= RUNS; r++)); do
	for n in $SIZES; do
		rm -f "$work/import.db" "$work/import.db-wal" "$work/import.db-shm"
		timed "$work/import-$n" "$work/samkoll" --db "$work/import.db" import "$work/export-$n.json"
	done
	printf . >&2
done
echo >&2
report_head "samkoll import FILE into an empty database ($RUNS runs each, interleaved; $(load) after)"
for n in $SIZES; do
	if ((n <= 1000)); then report_row x "$work/import-$n" "$n" 1500 50; else report_row x "$work/import-$n" "$n" 15000 60; fi
done
