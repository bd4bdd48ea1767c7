#!/usr/bin/env bash
# The review benchmark (issue 16): the engine history one review leaves behind, for both kinds. N collections (default
# 10) of overdue renewals above the review threshold, each with its two reviews let run by a manager, from their start
# to their termination; and N postpay reviews approved by a manager, from the first postpaid order to the instance's
# end. Every outcome checked; prints the rows and bytes of history per review; exits non-zero when a check fails.
#   scripts/benchmark-reviews.sh [N] [extra Maven arguments]
# Database: as the integration tests (Testcontainers MySQL with Docker, otherwise -Dbilling.it.jdbc-url, default the
# local server), in a throwaway database.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10}"
LOG=target/benchmark-reviews.log
mkdir -p target
./mvnw -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReviewHistoryBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark.reviews="$N" "${@:2}" > "$LOG" 2>&1 || {
  echo "benchmark failed; see $LOG" >&2
  grep -E "FAIL|ERROR|expected|Expecting" "$LOG" | head -40 >&2
  exit 1
}
# the test output is in the log, or in a report file where the output goes to files
grep -h "BENCHMARK" "$LOG" $(ls target/failsafe-reports/*ReviewHistoryBenchmark*-output.txt 2>/dev/null) | sed 's/^.*BENCHMARK/BENCHMARK/' | awk '!seen[$0]++'
