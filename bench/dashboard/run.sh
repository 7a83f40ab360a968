#!/usr/bin/env bash
# The dashboard's answer times in a headless Chromium: every view, tab, drill-down and filter
# change, for a key of each role and in both languages. Usage:
#   bench/dashboard/run.sh [--families 100000] [--warehouse DIR] [--rounds 6] [--limit-ms 1000]
# Builds the warehouse first (generate, ingest, analyze; seed 42) when DIR holds no published run.
# Exits 1 when a view's warm median is at or above the limit, 2 when a view never became ready.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RISHE="$ROOT/bin/rishe"
# shellcheck source=../lib/serve.sh
source "$ROOT/bench/lib/serve.sh"
families=100000
rounds=6
limit=1000
warehouse=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --families) families="$2"; shift 2 ;;
    --warehouse) warehouse="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --limit-ms) limit="$2"; shift 2 ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) echo "bench/dashboard: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

out="$ROOT/target/bench-dashboard/$families"
warehouse="${warehouse:-$out/warehouse}"
mkdir -p "$warehouse" "$out"
warehouse="$(cd "$warehouse" && pwd)"
batch="$warehouse/../batch"
if [[ ! -f "$warehouse/results/LATEST" ]]; then
  echo "== building a warehouse of $families families in $warehouse (log: $out/build.log)"
  {
    "$RISHE" generate --out "$batch" --families "$families" --seed 42
    status=0
    "$RISHE" ingest --batch "$batch" --warehouse "$warehouse" || status=$?
    # 3: some rows quarantined, the rest ingested
    [[ $status -eq 0 || $status -eq 3 ]] || exit 1
    "$RISHE" analyze --warehouse "$warehouse"
  } >"$out/build.log" 2>&1 || { echo "bench/dashboard: the build failed; see $out/build.log" >&2; exit 2; }
fi

# a key per role, as bin/rishe-demo makes them; a donor's and a volunteer's from the batch
keys="$out/keys.txt"
: >"$keys"
chmod 600 "$keys"
for role in leadership planner researcher admin; do
  echo "$role $("$RISHE" keys create --role "$role" --warehouse "$warehouse" | awk '{ print $NF }')" >>"$keys"
done
column() {
  awk -F, -v name="$2" 'NR==1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } c { print $c; exit }' \
    "$batch/$1" 2>/dev/null || true
}
donor="$(column donations.csv donor_id)"
volunteer="$(column volunteers.csv volunteer_id)"
donation="$(column donations.csv donation_id)"
if [[ -n "$donor" ]]; then
  echo "donor $("$RISHE" keys create --role donor --donor "$donor" --warehouse "$warehouse" | awk '{ print $NF }')" >>"$keys"
fi
if [[ -n "$volunteer" ]]; then
  echo "volunteer $("$RISHE" keys create --role volunteer --volunteer "$volunteer" --warehouse "$warehouse" | awk '{ print $NF }')" >>"$keys"
fi

# the limit is raised so that the benchmark measures the server, not the per-key throttle
serve_warehouse "$warehouse" "$out/server.log" --rate-limit 1000000

cd "$ROOT"
# one reactor build of the api module's test sources, so that common resolves to its fresh classes
mvn -B -q -o -pl common,api -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
echo "== server pid $server on $base; $rounds rounds; $(git rev-parse --short HEAD)"
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%FT%TZ)"
status=0
java -cp "api/target/test-classes:api/target/classes:$(cat api/target/bench-classpath.txt)" \
  org.rishe.api.bench.DashboardBench --base "$base" --keys "$keys" --rounds "$rounds" \
  --limit-ms "$limit" --samples "$out/samples.tsv" ${donation:+--donation "$donation"} || status=$?
echo "== machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%FT%TZ)"
exit $status
