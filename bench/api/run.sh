#!/usr/bin/env bash
# API throughput and latency with wrk on loopback: GET /api/v1/root-causes (a planner's key) against
# the bare GET /hello baseline on the same server. Usage:
#   bench/api/run.sh [--families 2000] [--duration 20] [--connections 32] [--warehouse DIR]
# Builds a demo warehouse first when DIR holds no published run. Installs wrk (Debian) if missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RISHE="$ROOT/bin/rishe"
# shellcheck source=../lib/serve.sh
source "$ROOT/bench/lib/serve.sh"
families=2000
duration=20
connections=32
warehouse="$ROOT/target/bench-api/warehouse"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --families) families="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --warehouse) warehouse="$2"; shift 2 ;;
    -h|--help) sed -n 2,5p "$0"; exit 0 ;;
    *) echo "bench/api: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  echo "bench/api: installing wrk" >&2
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
  fi
fi

mkdir -p "$warehouse"
warehouse="$(cd "$warehouse" && pwd)"
if [[ ! -f "$warehouse/results/LATEST" ]]; then
  echo "== building a demo warehouse of $families families in $warehouse"
  "$ROOT/bin/rishe-demo" --families "$families" --warehouse "$warehouse" --no-serve >/dev/null
fi
key="$("$RISHE" keys create --role planner --warehouse "$warehouse" | awk '{ print $NF }')"

# the limit is raised so that the benchmark measures the server, not the per-key throttle
serve_warehouse "$warehouse" "$warehouse/../bench-api-server.log" --rate-limit 1000000 --hello

problem="$(curl -fs -H "Authorization: Bearer $key" "$base/api/v1/problems" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["problems"][0]["code"])')"
target="$base/api/v1/root-causes?problem=$problem"
echo "== server pid $server on $base; target $target"
echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

paced="$(mktemp)"
# each connection waits 10 ms after every response: 20 connections ask for about 2,000 req/s
cat >"$paced" <<'LUA'
function delay()
  return 10
end
LUA

run() {
  local name="$1"; shift
  echo
  echo "== $name"
  wrk --latency "$@"
}
# warm-up: JIT and the run's tables in memory
wrk -t2 -c8 -d5s -H "Authorization: Bearer $key" "$target" >/dev/null
wrk -t2 -c8 -d5s "$base/hello" >/dev/null
run "hello, saturated ($connections connections)" -t2 -c"$connections" -d"${duration}s" "$base/hello"
run "root-causes, saturated ($connections connections)" -t2 -c"$connections" -d"${duration}s" \
  -H "Authorization: Bearer $key" "$target"
run "root-causes, paced near 2,000 req/s (20 connections, 10 ms think time)" -t2 -c20 \
  -d"${duration}s" -s "$paced" -H "Authorization: Bearer $key" "$target"
rm -f "$paced"
