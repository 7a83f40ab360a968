#!/usr/bin/env bash
# Every impact method on LaLonde's experimental sample and the PSID and CPS comparison groups
# (Dehejia & Wahba's specifications, and the contract's own coding), with closed-form and
# bootstrap intervals side by side and the time each took. Usage: bench/impact/intervals.sh [RESAMPLES]
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/../lib/test-main.sh" org.rishe.analytics.impact.IntervalComparison "${1:-200}"
