#!/usr/bin/env bash
# Issue 14's incremental yardsticks, in one run: a first ingest of BATCH into a fresh warehouse, the
# same batch again (it must change nothing and take a fraction of the first's time), then a
# follow-up batch that changes one row in EVERY (default 100: 1% of the keys) of families, people,
# cases and observations (bench/ingest/FollowUpBatch.java). Prints the three timings and, from the
# Delta log, what the follow-up's MERGE did to each table's data files (bench/ingest/DeltaLogReport.java):
# files marked with a deletion vector rather than rewritten, and the unchanged rows copied (none).
# Usage: bench/ingest/followup.sh BATCH [EVERY]   (BATCH e.g. from `bin/rishe generate`)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
batch="$(cd "${1:?usage: bench/ingest/followup.sh BATCH [EVERY]}" && pwd)"
every="${2:-100}"
[[ -f $ROOT/api/target/runtime-classpath.txt ]] || "$ROOT/bin/rishe" build
classpath="$(cat "$ROOT/api/target/runtime-classpath.txt")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "# bench/ingest/followup of $batch ($(du -sh "$batch" | cut -f1)), one row in $every changed, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java "$ROOT/bench/ingest/FollowUpBatch.java" "$batch" "$work/follow-up" "$every"

ingest() {
  local name="$1" from="$2"
  /usr/bin/time -f '%e %U %S %M' -o "$work/$name.time" \
    "$ROOT/bin/rishe" ingest --batch "$from" --warehouse "$work/warehouse" \
    --pseudonym-key "$work/pseudonym.key" >"$work/$name.log" 2>&1 || { tail -30 "$work/$name.log" >&2; exit 1; }
  read -r wall user system rss <"$work/$name.time"
  printf '%-10s wall %7.1f s  CPU %7.1f s  peak RSS %5.2f GB\n' "$name" "$wall" "$(echo "$user + $system" | bc)" "$(echo "scale=2; $rss / 1048576" | bc)"
}
commits() { find "$work/warehouse/curated" -path '*/_delta_log/*.json' | wc -l; }

ingest first "$batch"
before="$(commits)"
ingest again "$batch"
after="$(commits)"
read -r first_wall _ <"$work/first.time"
read -r again_wall _ <"$work/again.time"
printf 'same batch again: %.1f%% of the first ingest'"'"'s time, %d new commits\n' \
  "$(echo "scale=3; 100 * $again_wall / $first_wall" | bc)" "$((after - before))"
ingest follow-up "$work/follow-up"
java -cp "$classpath" "$ROOT/bench/ingest/DeltaLogReport.java" "$work/warehouse"
