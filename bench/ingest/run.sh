#!/usr/bin/env bash
# Rishe's ingest beside DuckDB reading the same files into Parquet, in the same run, one after the
# other on a quiet machine: issue 14's yardstick. DuckDB detects types itself and neither validates,
# pseudonymises nor quarantines; Rishe does all of that and merges into Delta tables.
# Usage: bench/ingest/run.sh BATCH   (e.g. a folder written by `bin/rishe generate`)
# Prints each tool's wall time, CPU and peak RSS, and their ratio; the warehouse and the Parquet
# files go to a temporary folder that is removed afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
batch="$(cd "${1:?usage: bench/ingest/run.sh BATCH}" && pwd)"
[[ -f $ROOT/api/target/runtime-classpath.txt ]] || "$ROOT/bin/rishe" build
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "# bench/ingest of $batch ($(du -sh "$batch" | cut -f1)), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e %U %S %M' -o "$work/duckdb.time" \
  java -cp "$(cat "$ROOT/api/target/runtime-classpath.txt")" "$ROOT/bench/ingest/DuckDbLoad.java" \
  "$batch" "$work/parquet"
/usr/bin/time -f '%e %U %S %M' -o "$work/rishe.time" \
  "$ROOT/bin/rishe" ingest --batch "$batch" --warehouse "$work/warehouse" \
  --pseudonym-key "$work/pseudonym.key" >"$work/rishe.log" 2>&1 || { tail -30 "$work/rishe.log" >&2; exit 1; }
grep -A20 '^file ' "$work/rishe.log" | grep -v '^report:'
for tool in duckdb rishe; do
  read -r wall user system rss <"$work/$tool.time"
  printf '%-7s wall %7.1f s  CPU %7.1f s  peak RSS %5.2f GB\n' "$tool" "$wall" "$(echo "$user + $system" | bc)" "$(echo "scale=2; $rss / 1048576" | bc)"
done
read -r duckdb_wall _ <"$work/duckdb.time"
read -r rishe_wall _ <"$work/rishe.time"
printf 'rishe / duckdb wall: %.1f x\n' "$(echo "scale=2; $rishe_wall / $duckdb_wall" | bc)"
