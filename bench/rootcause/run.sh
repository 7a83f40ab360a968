#!/usr/bin/env bash
# Root-cause truth check at benchmark size: generate N families, ingest, analyze, compare with the
# generator's truth. Usage: bench/rootcause/run.sh [FAMILIES] [SEED]   (default 20000 42)
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/../lib/test-main.sh" \
  org.rishe.analytics.rootcause.RootCauseBenchmark "${1:-20000}" "${2:-42}"
