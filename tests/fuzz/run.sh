#!/usr/bin/env bash
# Run the fuzz target for a bounded time on a corpus seeded from the fixtures
# and the hostile inputs. Any crash is saved as build/fuzz/crash-* (add it to
# tests/fuzz/regressions/ as a regression input) and fails the run.
set -u
cd "$(dirname "$0")/../.."
seconds=${1:-60}
corpus=build/fuzz/corpus
mkdir -p "$corpus"
cp fixtures/*.json tests/hostile/*.json tests/fuzz/regressions/* "$corpus"/ 2>/dev/null
export ASAN_OPTIONS=detect_leaks=1
exec build/fuzz/fuzz_loader -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
	-artifact_prefix=build/fuzz/ -print_final_stats=1 "$corpus"
