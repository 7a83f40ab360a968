#!/usr/bin/env bash
# Heap one programme x outcome group needs: every impact method with closed-form intervals on a
# synthetic group of UNITS units and COVARIATES covariates, under the heap BENCH_HEAP (default 3g).
# Usage: BENCH_HEAP=1g bench/impact/memory.sh [UNITS=1280000] [COVARIATES=40]
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/../lib/test-main.sh" org.rishe.analytics.impact.ImpactMemoryBenchmark "${1:-1280000}" "${2:-40}"
