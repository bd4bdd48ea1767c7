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
source scripts/it-benchmark.sh
N="${1:-10}"
run_it_benchmark ReviewHistoryBenchmark benchmark-reviews -Dbenchmark.reviews="$N" "${@:2}"
