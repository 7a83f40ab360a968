#!/usr/bin/env bash
# The statistical validations at scale that CI leaves out: every test tagged "scale" (the
# generator's true effects through generate, ingest and analyze at 4,000-5,000 families; the
# causal graph and chains against the generator's edges; the catalogue's causal ranks against the
# true total effects). Each prints its estimates beside the truth; the run's output is kept in
# target/bench-truth.log and its figures are recorded in bench/truth/README.md.
# Usage: bench/truth/run.sh [extra Maven arguments, e.g. -Dtest=RootCauseTruthTest]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mkdir -p target
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# One reactor build, so the sibling modules resolve to their fresh target/classes; only the
# analytics module holds scale tests, the others run none (-Dgroups selects only tagged tests).
/usr/bin/time -f 'bench/truth: %e s wall, %U s user, %M KB peak RSS' \
  mvn -B -pl analytics -am test -Dgroups=scale -Drishe.excludedTestGroups=none \
  -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false "$@" 2>&1 |
  tee target/bench-truth.log
