#!/usr/bin/env bash
# Spark jobs and seconds per step of an ingest and an analyze, RUNS times in one JVM (the first run
# pays the JVM's warm-up; later ones show the steady cost). Each run uses a fresh temporary
# warehouse. Usage: bench/analyze/jobs.sh BATCH [RUNS=2]; e.g. a batch from
#   bin/rishe generate --out /tmp/b2000 --families 2000 --seed 7
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 BATCH [RUNS]" >&2; exit 2; }
batch="$(cd "$1" && pwd)"
BENCH_HEAP="${BENCH_HEAP:-6g}" BENCH_MASTER="${BENCH_MASTER:-local[*]}" \
  exec "$(dirname "${BASH_SOURCE[0]}")/../lib/test-main.sh" \
  org.rishe.analytics.bench.SparkJobProfile "$batch" "${2:-2}"
