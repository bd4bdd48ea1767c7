#!/usr/bin/env bash
# The billing-day benchmarks (issue 6, issue 16), on the MySQL-compatible database:
#   scripts/benchmark-billing-day.sh [N]
#     N expiring payments (default 100000) settled by the billing-day process, every outcome checked, and the same
#     debit work in plain JDBC for comparison.
#   scripts/benchmark-billing-day.sh scale [N,N,...]
#     the curve (default 10000,100000,1000000): N subscriptions due on one day, their orders and payments made by the
#     day's own creation step, then settled; every outcome checked, plain JDBC for comparison; the table is printed
#     and the chart drawn to docs/benchmarks/billing-day-scale.png.
# Database: Testcontainers MySQL 8.4 when Docker is available, otherwise the server at -Dbilling.it.jdbc-url (default
# jdbc:mysql://127.0.0.1:3306/, user root) in a throwaway database, as the integration tests.
# Exits 1 when a check fails (a payment debited twice, an order or payment missing, a balance off its ledger).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/it-benchmark.sh
if [ "${1:-}" = "scale" ]; then
  SIZES="${2:-10000,100000,1000000}"
  run_it_benchmark BillingDayScaleBenchmark benchmark-billing-day-scale -Dbenchmark.subscriptions="$SIZES" \
    -Dbenchmark.chart=docs/benchmarks/billing-day-scale.png -Dbilling.collections.start-after-billing-day=false \
    "${@:3}"
  exit 0
fi
N="${1:-100000}"
run_it_benchmark BillingDayBenchmark benchmark-billing-day -Dbenchmark.payments="$N" \
  -Dbilling.collections.start-after-billing-day=false "${@:2}"
