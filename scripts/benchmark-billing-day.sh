#!/usr/bin/env bash
# The billing-day benchmark (issue 6): N expiring payments (default 100000) settled by the billing-day process on the
# MySQL-compatible database, every outcome checked, and the same debit work in plain JDBC for comparison.
#   scripts/benchmark-billing-day.sh [N]
# Database: Testcontainers MySQL 8.4 when Docker is available, otherwise the server at -Dbilling.it.jdbc-url (default
# jdbc:mysql://127.0.0.1:3306/, user root) in a throwaway database, as the integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/it-benchmark.sh
N="${1:-100000}"
run_it_benchmark BillingDayBenchmark benchmark-billing-day -Dbenchmark.payments="$N" \
  -Dbilling.collections.start-after-billing-day=false "${@:2}"
