#!/usr/bin/env bash
# Time of the causal-graph step of `rishe analyze` alone (timelines, pattern counts, PC-stable,
# edge stability, chains) on an ingested warehouse, e.g. the one bench/analyze/run.sh leaves:
#   bench/rootcause/causal-graph.sh target/bench-analyze/1000000/warehouse [RESAMPLES]
# RESAMPLES defaults to the analyze default (30). Heap: BENCH_HEAP (default 8g here).
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 WAREHOUSE [RESAMPLES]" >&2; exit 2; }
warehouse="$(cd "$1" && pwd)"
args=("$warehouse")
[[ $# -ge 2 ]] && args+=("$2")
BENCH_HEAP="${BENCH_HEAP:-8g}" exec "$(dirname "${BASH_SOURCE[0]}")/../lib/test-main.sh" \
  org.rishe.analytics.rootcause.CausalGraphBenchmark "${args[@]}"
