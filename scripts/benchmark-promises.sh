#!/usr/bin/env bash
# The promise-expiry benchmark (issue 16): for each N (default 1000,10000; the issue's curve is 1000,10000,50000) N
# granted promises whose days end in the same minute are closed by the expiry sweep (their money first, then their
# instances; with -Dbilling.promises.expiry-sweep.enabled=false by each instance's own timer on the job executor),
# every outcome checked; then the same ledger work in plain JDBC. Prints the money's and the whole close's times and
# ratios and the history one promise leaves; exits non-zero when a check fails (a double charge, a promise left open, an incident).
#   scripts/benchmark-promises.sh [N,N,...] [extra Maven arguments, e.g. -Dcamunda.bpm.job-execution.max-pool-size=8]
# Database: as the integration tests (Testcontainers MySQL with Docker, otherwise -Dbilling.it.jdbc-url, default the
# local server), in a throwaway database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/it-benchmark.sh
SIZES="${1:-1000,10000}"
run_it_benchmark PromiseExpiryBenchmark benchmark-promises -Dbenchmark.promises="$SIZES" \
  -Dbenchmark.executor="${EXECUTOR:-application.yml}" "${@:2}"
