#!/usr/bin/env bash
# The billing-day benchmark (issue 6): N expiring payments (default 100000) settled by the billing-day process on the
# MySQL-compatible database, every outcome checked, and the same debit work in plain JDBC for comparison.
#   scripts/benchmark-billing-day.sh [N]
# Database: Testcontainers MySQL 8.4 when Docker is available, otherwise the server at -Dbilling.it.jdbc-url (default
# jdbc:mysql://127.0.0.1:3306/, user root) in a throwaway database, as the integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
LOG=target/benchmark-billing-day.log
mkdir -p target
./mvnw -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BillingDayBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark.payments="$N" -Dbilling.collections.start-after-billing-day=false "${@:2}" > "$LOG" 2>&1 || {
  echo "benchmark failed; see $LOG" >&2
  grep -E "FAIL|ERROR|expected|Expecting" "$LOG" | head -40 >&2
  exit 1
}
# the test output is in the log, or in a report file where the output goes to files
grep -h "BENCHMARK" "$LOG" $(ls target/failsafe-reports/*BillingDayBenchmark*-output.txt 2>/dev/null) | sed 's/^.*BENCHMARK/BENCHMARK/' | awk '!seen[$0]++'
