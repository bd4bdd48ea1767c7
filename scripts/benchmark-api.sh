#!/usr/bin/env bash
# API under load (issue 16, partial): the packaged jar on the embedded H2 with the demo data, driven by `hey`
# (Debian's load generator). Prints p50/p90/p99 and the status codes of
#   1. GET /api/customer/account, 8 clients for 20 s, with the memory of verified credentials (default) and without
#      it (billing.security.credential-cache.ttl=PT0S): what a request's HTTP Basic check costs;
#   2. POST /api/customer/orders at 100 req/s from 32 clients for 20 s (rate-limited per client);
#   3. GET /api/customer/subscriptions at 200 req/s from 32 clients for 20 s.
# Usage: scripts/benchmark-api.sh [seconds]   (exit 1 when a request failed)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-20}"
PORT="${BENCH_PORT:-8089}"
BASE="http://127.0.0.1:$PORT"

if ! command -v hey >/dev/null; then
  echo "installing hey (Debian package)"; (sudo -n true 2>/dev/null && sudo apt-get install -y -qq hey) || apt-get install -y -qq hey
fi
JAR=$(ls target/billing-workflows-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -B -ntp -q package -DskipTests
  JAR=$(ls target/billing-workflows-*.jar | grep -v original | head -1)
fi

APP=""
start() {
  local data; data=$(mktemp -d)
  java -jar "$JAR" --server.port="$PORT" --spring.profiles.active=demo \
    --spring.datasource.url="jdbc:h2:file:$data/bench;DB_CLOSE_ON_EXIT=FALSE" "$@" > "$data/app.log" 2>&1 &
  APP=$!
  # ready when the demo's customer can log in (the demo data is loaded after the health check is up)
  for _ in $(seq 1 180); do curl -sf -u customer:customer "$BASE/api/me" >/dev/null && return 0; sleep 1; done
  echo "the application did not start; see $data/app.log"; exit 1
}
stop() { [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true; APP=""; }
trap stop EXIT

# hey 0.1.4's -a sends no credentials: the header is set by hand
AUTH="Authorization: Basic $(printf 'customer:customer' | base64)"
FAILED=0
report() { # name, hey output
  local name="$1" out="$2"
  local p50 p90 p99 rps codes
  p50=$(grep -E '^ *50% in' <<<"$out" | awk '{print $3*1000}' || true)
  p90=$(grep -E '^ *90% in' <<<"$out" | awk '{print $3*1000}' || true)
  p99=$(grep -E '^ *99% in' <<<"$out" | awk '{print $3*1000}' || true)
  rps=$(grep -E 'Requests/sec' <<<"$out" | awk '{printf "%.0f", $2}' || true)
  codes=$(sed -n '/Status code distribution/,/^$/p' <<<"$out" | grep -oE '\[[0-9]+\][[:space:]]+[0-9]+' \
    | tr -s '\t ' ' ' | tr '\n' ' ' || true)
  printf '| %-58s | %8s | %7s | %7s | %7s | %s\n' "$name" "$rps" "$p50" "$p90" "$p99" "$codes"
  if grep -qE '\[[45][0-9][0-9]\]|Error distribution' <<<"$out"; then FAILED=1; fi
}
header() { printf '| %-58s | %8s | %7s | %7s | %7s | %s\n' "run" "req/s" "p50 ms" "p90 ms" "p99 ms" "status codes"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $SECONDS_EACH s per run; jar $JAR"
header
start
report "GET /api/customer/account, 8 clients (credentials remembered)" \
  "$(hey -z "${SECONDS_EACH}s" -c 8 -H "$AUTH" "$BASE/api/customer/account")"
report "POST /api/customer/orders, 100 req/s from 32 clients" \
  "$(hey -z "${SECONDS_EACH}s" -c 32 -q 3.125 -m POST -T application/json -d '{"planId": 1, "trial": false}' \
    -H "$AUTH" "$BASE/api/customer/orders")"
report "GET /api/customer/subscriptions, 200 req/s from 32 clients" \
  "$(hey -z "${SECONDS_EACH}s" -c 32 -q 6.25 -H "$AUTH" "$BASE/api/customer/subscriptions")"
stop
start --billing.security.credential-cache.ttl=PT0S
report "GET /api/customer/account, 8 clients (every request checked)" \
  "$(hey -z "${SECONDS_EACH}s" -c 8 -H "$AUTH" "$BASE/api/customer/account")"
stop
[ "$FAILED" = 0 ] || { echo "some requests failed"; exit 1; }
