#!/usr/bin/env bash
# region.sh – the region budgets of docs/performance.md, on whole processes:
#   1. samkoll region over a region of 500 units with monthly APTs over five
#      years (30,000 assessments): ≤ 3 s and ≤ 80 MiB;
#   2. samkoll import of 500 unit files of one year each (12 APTs a unit)
#      into an empty database: ≤ 60 s, memory flat (the peak does not grow
#      with the number of files: it is compared with importing 50 files).
#
#     scripts/region.sh                 # RUNS=7
#
# See lib.sh for RUNS and BENCH_CACHE (keep the region database between
# runs: filling 30,000 assessments takes minutes; delete the cached region
# database after a schema change, as a read-only open refuses an older one).
source "$(dirname "$0")/lib.sh"
build

region="$cache/region-30000.db"
if [[ ! -s $region ]]; then
	echo "filling a region of 500 units over five years (30,000 assessments) …" >&2
	"$work/samkoll" demo --db "$region" --assessments 30000 --units 500 --years 5 >/dev/null
fi
files="$cache/region-files"
if [[ ! -s $files/unit-500.json ]]; then
	echo "writing 500 unit files of one year each …" >&2
	mkdir -p "$files"
	for ((u = 0; u < 500; u++)); do
		db="$work/unit.db"
		rm -f "$db" "$db-wal" "$db-shm"
		"$work/samkoll" demo --db "$db" --assessments 12 --units 1 --first-unit "$u" --years 1 --seed "$u" >/dev/null
		"$work/samkoll" --db "$db" export --all --format json -o "$files/unit-$((u + 1)).json" 2>/dev/null
	done
fi

echo "$(load) before" >&2
year=$(date +%Y)
for ((r = 1; r <= RUNS; r++)); do
	timed "$work/region" "$work/samkoll" --db "$region" region --year "$year"
	printf . >&2
done
echo >&2
report_head "samkoll region over 500 units, 30,000 assessments ($RUNS runs; $(load) after)"
report_row x "$work/region" 30000 3000 80

# The imports run fewer times: each takes tens of seconds.
IRUNS=${IRUNS:-3}
for ((r = 1; r <= IRUNS; r++)); do
	for n in 50 500; do
		rm -f "$work/hr.db" "$work/hr.db-wal" "$work/hr.db-shm"
		list=()
		for ((u = 1; u <= n; u++)); do list+=("$files/unit-$u.json"); done
		timed "$work/import-$n" "$work/samkoll" --db "$work/hr.db" import "${list[@]}"
	done
	printf . >&2
done
echo >&2
report_head "samkoll import of N unit files of one year each into an empty database ($IRUNS runs; $(load) after)"
report_row x "$work/import-50" "50 files" - -
report_row x "$work/import-500" "500 files" 60000 -
# Flat memory: the peak of 500 files is within a tenth of that of 50.
read -r _ _ p50 < <(stats "$work/import-50" 2)
read -r _ _ p500 < <(stats "$work/import-500" 2)
if awk -v a="$p50" -v b="$p500" 'BEGIN { exit !(b <= a * 1.1) }'; then
	echo "memory flat: peak $(mib "$p500") MiB for 500 files, $(mib "$p50") MiB for 50"
else
	echo "memory NOT flat: peak $(mib "$p500") MiB for 500 files, $(mib "$p50") MiB for 50"
fi
