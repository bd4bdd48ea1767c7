#!/usr/bin/env bash
# The job executor's settings for two nodes on one database (issue 16): two application nodes in one JVM share a
# throwaway database (a new one per setting); after a run not reported (a cold JVM), for each setting (core/max/queue/acquisition[/lock ms], default
# "4/8/8/8;2/2/4/4;8/8/16/16;4/8/8/2;4/8/8/8") N payments (default 50000) are settled by one billing day whose chunks both
# nodes' job executors take; prints the run time, payments/s and the chunks each node settled; exits non-zero when a
# check fails (a payment debited twice or left unsettled).
#   scripts/benchmark-job-executor.sh [N] ["setting;setting;..."] [extra Maven arguments]
# Database: as the integration tests (Testcontainers MySQL with Docker, otherwise -Dbilling.it.jdbc-url, default the
# local server), in a throwaway database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/it-benchmark.sh
N="${1:-50000}"
SETTINGS="${2:-4/8/8/8;2/2/4/4;8/8/16/16;4/8/8/2;4/8/8/8}"
run_it_benchmark JobExecutorTwoNodesBenchmark benchmark-job-executor -Dbenchmark.payments="$N" \
  -Dbenchmark.executor-settings="$SETTINGS" "${@:3}"
