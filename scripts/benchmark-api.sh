#!/usr/bin/env bash
# API under load (issue 16): the packaged jar with the demo data, driven by Gatling (Maven Central, profile "load",
# src/load/java/.../ApiLoadSimulation.java) over 1,000 customer accounts it creates through the public APIs first.
# Open-loop arrivals, one connection pool of 32 shared by the virtual users. Prints, per step, the offered rate, the
# requests, p50/p95/p99/max and the failed requests:
#   orders@100   POST /api/customer/orders at 100 req/s        (goal: p99 <= 50 ms, no error)
#   reads@200    GET account / subscriptions / orders / balance at 200 req/s   (goal: p99 <= 20 ms)
#   mix@R        one POST for two GETs at R req/s, for R in BENCH_MIX_RATES: the highest R held without error and
#                with p99 <= 50 ms over all its requests is printed as the maximum sustainable rate
# then the same reads with every password checked (billing.security.credential-cache.ttl=PT0S), on a fresh start.
# After each table: the cores the application, the database server and Gatling used in each step, and how busy the
# machine was (scripts/cpu-sampler.py), to show which saturates first.
# Usage: scripts/benchmark-api.sh [seconds per step]
#   exit 1 when a request of the seed, orders or reads steps failed (the mix steps past the sustainable rate may time out)
# Environment: BENCH_DB=mariadb runs the application on a throwaway database of the local MariaDB
#   (BENCH_JDBC_URL, default jdbc:mysql://127.0.0.1:3306/, user root) instead of the embedded H2;
#   BENCH_ACCOUNTS (1000), BENCH_MIX_RATES (150,225,300,450,600,900), BENCH_PORT (8089).
# The HTML reports are in target/gatling/.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-30}"
PORT="${BENCH_PORT:-8089}"
BASE="http://127.0.0.1:$PORT"
ACCOUNTS="${BENCH_ACCOUNTS:-1000}"
MIX_RATES="${BENCH_MIX_RATES:-150,225,300,450,600,900}"
DB="${BENCH_DB:-h2}"
JDBC_BASE="${BENCH_JDBC_URL:-jdbc:mysql://127.0.0.1:3306/}"
LOG=target/benchmark-api.log
mkdir -p target
: > "$LOG"

JAR=$(ls target/billing-workflows-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -B -ntp -q package -DskipTests
  JAR=$(ls target/billing-workflows-*.jar | grep -v original | head -1)
fi

APP=""
DATABASE=""
start() {
  if curl -s -o /dev/null "$BASE/"; then
    echo "something already answers on port $PORT: stop it, or set BENCH_PORT" >&2; exit 1
  fi
  local data; data=$(mktemp -d)
  local url="jdbc:h2:file:$data/bench;DB_CLOSE_ON_EXIT=FALSE"
  local extra=()
  PROFILES=demo
  if [ "$DB" = mariadb ]; then
    # the settings production runs with on MySQL (pool, driver properties), as the integration tests do
    PROFILES=mysql,demo
    DATABASE="bench_api_$(date +%s)"
    mariadb -uroot -e "CREATE DATABASE $DATABASE"
    url="${JDBC_BASE}${DATABASE}?sendFractionalSeconds=false"
    extra=(--spring.datasource.username=root --spring.datasource.password=)
  fi
  java -jar "$JAR" --server.port="$PORT" --spring.profiles.active="$PROFILES" --spring.datasource.url="$url" \
    "${extra[@]}" "$@" > "$data/app.log" 2>&1 &
  APP=$!
  # ready when the demo's customer can log in (the demo data is loaded after the health check is up)
  for _ in $(seq 1 180); do curl -sf -u customer:customer "$BASE/api/me" >/dev/null && return 0; sleep 1; done
  echo "the application did not start; see $data/app.log"; exit 1
}
stop() {
  if [ -n "$APP" ]; then kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true; fi
  APP=""
  if [ -n "$DATABASE" ]; then mariadb -uroot -e "DROP DATABASE IF EXISTS $DATABASE" || true; DATABASE=""; fi
}
trap stop EXIT

# the id of the demo's prepaid monthly plan, the one the customers order
plan_id() {
  local id
  for _ in $(seq 1 30); do
    id=$(curl -sf -u customer:customer "$BASE/api/customer/plans" | python3 -c '
import json, sys
print(next((p["id"] for p in json.load(sys.stdin) if p["code"] == "cloud-server-s"), ""))' 2>/dev/null || true)
    [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 1
  done
  echo "the demo plan cloud-server-s is not there" >&2; exit 1
}

# runs the simulation, sampling the CPU of the application, the database and Gatling (scripts/cpu-sampler.py) into
# $REPORT/cpu-samples.txt next to the steps' windows ($REPORT/steps.txt); prints the report directory
gatling() {
  local before; before=$(ls -d target/gatling/apiloadsimulation-* 2>/dev/null | sort | tail -1 || true)
  local samples; samples=$(mktemp); local windows; windows=$(mktemp)
  python3 scripts/cpu-sampler.py sample "$samples" "$APP" > /dev/null 2>&1 &
  local sampler=$!
  ./mvnw -B -ntp -Pload gatling:test -Dload.base-url="$BASE" -Dload.accounts="$ACCOUNTS" \
    -Dload.plan-id="$(plan_id)" -Dload.seconds="$SECONDS_EACH" -Dload.step-seconds="$SECONDS_EACH" \
    -Dload.mix-rates="$MIX_RATES" -Dload.windows-file="$windows" -Dgatling.failOnError=false "$@" >> "$LOG" 2>&1 || {
    kill "$sampler" 2>/dev/null || true
    echo "the load test did not run; see $LOG" >&2; grep -E "ERROR|Exception" "$LOG" | head -20 >&2; exit 1; }
  kill "$sampler" 2>/dev/null || true
  local after; after=$(ls -d target/gatling/apiloadsimulation-* | sort | tail -1)
  [ "$after" != "$before" ] || { echo "no Gatling report was written; see $LOG" >&2; exit 1; }
  mv "$samples" "$after/cpu-samples.txt"; mv "$windows" "$after/steps.txt"
  echo "$after"
}

# where the CPU went during each step of a report
cpu() { # report dir
  python3 scripts/cpu-sampler.py report "$1/cpu-samples.txt" "$1/steps.txt" || echo "(no CPU figures)"
}

# prints the figures of a report; exit code 1 when a request failed
figures() { # report dir, step seconds, label
  python3 - "$1/js/stats.js" "$2" "$3" <<'PY'
import json, re, sys
path, seconds, label = sys.argv[1], float(sys.argv[2]), sys.argv[3]
text = open(path).read()
# Gatling's report keeps the statistics as a JavaScript object literal: quote its keys to read it as JSON
body = text[text.index('{'):text.index('\nfunction')].strip().rstrip(';')
body = re.sub(r'(^|[{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:', lambda m: m.group(1) + '"' + m.group(2) + '":', body,
              flags=re.M)
root = json.loads(body)

def num(v):
    try:
        return float(v)
    except ValueError:
        return 0.0

def row(name, st, offered):
    n = num(st['numberOfRequests']['total'])
    ko = int(num(st['numberOfRequests']['ko']))
    print(f"| {name:<58} | {offered:>7} | {n:>8.0f} | {st['percentiles1']['total']:>6} | {st['percentiles3']['total']:>6} "
          f"| {st['percentiles4']['total']:>6} | {st['maxResponseTime']['total']:>6} | {ko:>6} |")
    return ko, num(st['percentiles4']['total'])

print(f"{label}")
print(f"| {'step / request':<58} | {'offered':>7} | {'requests':>8} | {'p50 ms':>6} | {'p95 ms':>6} | {'p99 ms':>6} "
      f"| {'max ms':>6} | {'failed':>6} |")
failed = 0
overload = 0
sustained = None
goals = []
for node in root['contents'].values():
    if node['type'] != 'GROUP' or node['name'] == 'warm-up':
        if node['type'] == 'REQUEST':
            failed += int(num(node['stats']['numberOfRequests']['ko']))
        continue
    name = node['name']
    offered = int(name.split('@')[1])
    ko, p99 = row(name, node['stats'], offered)
    if name.startswith('mix@') and p99 > 50:
        overload += ko  # a step past what the application sustains may time out: reported, not a failure
    else:
        failed += ko
    post_p99, get_p99 = 0.0, 0.0
    for req in node['contents'].values():
        _, p = row('  ' + req['name'].split(' ', 1)[1], req['stats'], '')
        if ' POST ' in req['name']:
            post_p99 = max(post_p99, p)
        else:
            get_p99 = max(get_p99, p)
    if name.startswith('orders@'):
        goals.append(f"POST /api/customer/orders at {offered} req/s: p99 {post_p99:.0f} ms, {ko} failed "
                     f"(goal p99 <= 50 ms, no error): {'met' if post_p99 <= 50 and ko == 0 else 'NOT met'}")
    if name.startswith('reads@'):
        goals.append(f"GET paths at {offered} req/s: p99 {get_p99:.0f} ms at worst, {ko} failed "
                     f"(goal p99 <= 20 ms): {'met' if get_p99 <= 20 and ko == 0 else 'NOT met'}")
    if name.startswith('mix@') and ko == 0 and p99 <= 50:
        sustained = offered if sustained is None else max(sustained, offered)
for g in goals:
    print('GOAL ' + g)
if any(n['name'].startswith('mix@') for n in root['contents'].values()):
    print('MAXIMUM SUSTAINABLE RATE of the mix (1 POST : 2 GET; the highest step with no error '
          'and p99 <= 50 ms over all its requests; open-loop arrivals, so a server that falls behind shows as growing '
          'latency): ' + (f'{sustained} req/s' if sustained else 'below the lowest step'))
print(f"failed requests: {failed}" + (f" (and {overload} in the mix steps, past the sustainable rate)" if overload else ""))
sys.exit(1 if failed else 0)
PY
}

FAILED=0
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; database $DB; $ACCOUNTS accounts;" \
  "$SECONDS_EACH s per step; jar $JAR; load generator Gatling on the same machine"
start
REPORT=$(gatling)
figures "$REPORT" "$SECONDS_EACH" "credentials remembered (default; billing.security.credential-cache.ttl=PT30S)" || FAILED=1
cpu "$REPORT"
stop
start --billing.security.credential-cache.ttl=PT0S
REPORT=$(gatling -Dload.phases=seed,warm-up,reads)
figures "$REPORT" "$SECONDS_EACH" "every password checked (billing.security.credential-cache.ttl=PT0S)" || FAILED=1
cpu "$REPORT"
stop
echo "reports: target/gatling/"
[ "$FAILED" = 0 ] || { echo "some requests failed"; exit 1; }
