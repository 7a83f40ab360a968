#!/usr/bin/env bash
# How much of the root causes a researcher is served: every problem, overall and in every region,
# asked of `GET /root-causes` with a researcher's key over HTTP, beside a planner's (who sees all).
# Usage: bench/rootcause/served.sh WAREHOUSE [K]
#   WAREHOUSE holds a published run (e.g. one `bin/rishe demo --no-serve` or `bin/rishe analyze`
#   made); K is the small-cell threshold the server is started with (default: rishe serve's, 11).
# Prints, overall and in the regions: the factor rows, those served with their counts, those
# served merged (unanswered counted with the unexposed), those withheld; and the problems and
# regions whose population and cases are served.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RISHE="$ROOT/bin/rishe"
# shellcheck source=../lib/serve.sh
source "$ROOT/bench/lib/serve.sh"
warehouse="$(cd "${1:?usage: bench/rootcause/served.sh WAREHOUSE [K]}" && pwd)"
options=()
[[ -n ${2:-} ]] && options=(--small-cell-k "$2")
[[ -f $warehouse/results/LATEST ]] || { echo "no published run in $warehouse" >&2; exit 2; }

keys="$("$RISHE" keys demo --warehouse "$warehouse")"
planner="$(awk '$1 == "planner" { print $2 }' <<<"$keys")"
researcher="$(awk '$1 == "researcher" { print $2 }' <<<"$keys")"
serve_warehouse "$warehouse" "$warehouse/../bench-rootcause-served.log" --rate-limit 1000000 "${options[@]}"

BASE="$base" PLANNER="$planner" RESEARCHER="$researcher" python3 - <<'PY'
import json, os, urllib.error, urllib.parse, urllib.request

base, planner, researcher = os.environ["BASE"], os.environ["PLANNER"], os.environ["RESEARCHER"]

def get(path, key):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + key})
    with urllib.request.urlopen(request) as response:
        return json.load(response)

def rows(problem, region, key):
    query = {"problem": problem}
    if region is not None:
        query["region"] = region
    return get("/api/v1/root-causes?" + urllib.parse.urlencode(query), key)

problems = [p["code"] for p in get("/api/v1/problems?limit=1000", planner)["problems"]]
tally = {scope: dict(rows=0, served=0, merged=0, withheld=0, totals=0, answers=0)
         for scope in ("overall", "regions")}
for problem in problems:
    try:  # the regions of the problem: the valid codes an unknown region's 404 lists
        rows(problem, "no-such-region", planner)
        regions = []
    except urllib.error.HTTPError as error:
        regions = json.load(error).get("validCodes", [])
    for region in [None] + regions:
        answer = rows(problem, region, researcher)
        t = tally["overall" if region is None else "regions"]
        t["answers"] += 1
        t["totals"] += answer["population"] is not None and answer["cases"] is not None
        for factor in answer["factors"]:
            t["rows"] += 1
            if factor["exposedCases"] is None:
                t["withheld"] += 1
            elif factor["unansweredMerged"]:
                t["merged"] += 1
            else:
                t["served"] += 1
for scope, t in tally.items():
    print(f"{scope:8} {t['answers']:4} answers, population and cases served in {t['totals']}; "
          f"{t['rows']} factor rows: {t['served']} served, {t['merged']} merged, "
          f"{t['withheld']} withheld")
PY
