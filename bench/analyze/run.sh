#!/usr/bin/env bash
# Wall time and peak memory of `rishe analyze` (and of the generate and ingest that feed it) at a
# given number of families. Usage: bench/analyze/run.sh [FAMILIES] [SEED] [STEPS]
#   FAMILIES default 100000, SEED default 42, STEPS default "generate,ingest,analyze": a comma list,
#   so "analyze" alone re-measures analyze on the warehouse an earlier run left, and
#   "generate,ingest" prepares one.
# Work goes to target/bench-analyze/<FAMILIES>/; the summary is printed and kept in summary.txt.
# Memory: RISHE_DRIVER_MEMORY sets the Spark driver's heap; unset, bin/rishe's defaults apply (ingest 2g, analyze 6g).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RISHE="$ROOT/bin/rishe"
families="${1:-100000}"
seed="${2:-42}"
steps=",${3:-generate,ingest,analyze},"
work="$ROOT/target/bench-analyze/$families"
mkdir -p "$work"
summary="$work/summary.txt"  # appended to, one block per run

"$RISHE" build >/dev/null

step() {
  local name="$1"; shift
  local timing="$work/$name.time"
  echo "== $name: $*" >&2
  local status=0
  /usr/bin/time -v -o "$timing" "$@" >"$work/$name.log" 2>&1 || status=$?
  local wall rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$timing")"
  rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.2f GB", $2 / 1048576 }' "$timing")"
  cpu="$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.0f s", u + s }' "$timing")"
  printf '%-9s wall %-10s CPU %-8s peak RSS %-9s exit %s\n' "$name" "$wall" "$cpu" "$rss" "$status" | tee -a "$summary"
  # ingest exits 3 when some rows went to quarantine: a loaded batch
  [[ $status -eq 0 || ( $name == ingest && $status -eq 3 ) ]] || { tail -20 "$work/$name.log" >&2; exit 1; }
}

{
  echo "# $families families, seed $seed, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores,"
  echo "# steps ${steps:1:-1}; load average before: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
} | tee -a "$summary"
wants() { [[ $steps == *",$1,"* ]]; }
if wants generate; then
  rm -rf "$work/batch"
  step generate "$RISHE" generate --out "$work/batch" --families "$families" --seed "$seed"
  echo "# batch: $(du -sh "$work/batch" | cut -f1), $(cat "$work"/batch/*.csv | wc -l) lines" | tee -a "$summary"
fi
if wants ingest; then
  rm -rf "$work/warehouse"
  step ingest "$RISHE" ingest --batch "$work/batch" --warehouse "$work/warehouse"
fi
if wants analyze; then
  [[ -d $work/warehouse ]] || { echo "no warehouse in $work: run the ingest step first" >&2; exit 2; }
  step analyze "$RISHE" analyze --warehouse "$work/warehouse"
fi
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$summary"
