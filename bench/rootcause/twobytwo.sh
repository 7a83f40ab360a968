#!/usr/bin/env bash
# Time of the root-cause 2×2 counts (every problem × code × region table, with median lead days)
# on an ingested warehouse, e.g. the one bench/analyze/run.sh 1000000 leaves:
#   bench/rootcause/twobytwo.sh target/bench-analyze/1000000/warehouse [REPEATS]
# Heap: BENCH_HEAP (default 8g here).
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 WAREHOUSE [REPEATS]" >&2; exit 2; }
warehouse="$(cd "$1" && pwd)"
BENCH_HEAP="${BENCH_HEAP:-8g}" exec "$(dirname "${BASH_SOURCE[0]}")/../lib/test-main.sh" \
  org.rishe.analytics.rootcause.TwoByTwoBenchmark "$warehouse" "${2:-3}"
