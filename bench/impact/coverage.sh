#!/usr/bin/env bash
# Coverage of the closed-form 95% impact intervals by simulation: R datasets of F families
# (siblings share a family effect in the outcome and an enrolment tendency), a known effect on the
# treated, every method's interval clustered by family and with one cluster per child.
# Usage: bench/impact/coverage.sh [DATASETS (default 500)] [FAMILIES (default 800)] [SEED]
# Prints Markdown tables and the wall time; results are recorded in bench/impact/README.md.
# Heap: BENCH_HEAP (default 3g).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/../lib/test-main.sh" \
  org.rishe.analytics.impact.CoverageSimulation "$@"
