#!/usr/bin/env bash
# Run each fuzz target for a bounded time (SECONDS each) on a corpus seeded
# from the fixtures and the hostile inputs. A crash is saved as
# build/fuzz/crash-* (add it to tests/fuzz/regressions/ or
# tests/fuzz/regressions-csv/ or tests/fuzz/regressions-xlsx/ as a regression input) and fails the run.
set -u
cd "$(dirname "$0")/../.."
seconds=${1:-60}
export ASAN_OPTIONS=detect_leaks=1
status=0
run() {
	local target=$1 corpus=build/fuzz/corpus-$1
	shift
	mkdir -p "$corpus"
	cp "$@" "$corpus"/ 2>/dev/null
	echo "== $target: $seconds s"
	build/fuzz/"$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
		-artifact_prefix=build/fuzz/ -print_final_stats=1 "$corpus" || status=1
}
run fuzz_loader fixtures/*.json tests/hostile/*.json tests/fuzz/regressions/*
run fuzz_csv fixtures/csv/*/*.csv tests/hostile-csv/*/*.csv tests/fuzz/regressions-csv/*
# Workbooks: the template bunkai writes, and the regressions.
mkdir -p build/fuzz/seeds-xlsx
build/bunkai template --force build/fuzz/seeds-xlsx/template.xlsx
run fuzz_xlsx build/fuzz/seeds-xlsx/*.xlsx tests/fuzz/regressions-xlsx/*
exit $status
