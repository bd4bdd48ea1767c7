#!/usr/bin/env bash
# The test command (README, docs/testing.md; CI's .ci/run runs its two steps). It makes sure what the tests need is there,
# installing it with Debian's packages when it is missing, says so when it cannot, then runs every test layer:
#   - a MySQL-compatible server on 127.0.0.1:3306 with user root and an empty password (the integration tests'
#     database; skipped when -Dbilling.it.jdbc-url points elsewhere or a Docker engine serves Testcontainers);
#   - Debian's chromium and chromium-driver (the real-browser tests; Selenium never downloads a browser);
#   - Node's npm for the BPMN lint (bpmnlint with the Camunda 7.24 rules).
# Extra arguments go to Maven, e.g. scripts/test.sh -Dit.test=PlatformIT. With --prepare it only installs, starts
# and lints, and leaves the Maven run to the caller (.ci/run runs ./mvnw itself, with the same arguments as here).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }
die() { printf '\n!! %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
fi
APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "Missing: $*. Install them (Debian/Ubuntu package names) and run again."
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    die "Missing: $*. Install them as root (apt-get install $*) and run again."
  fi
  if [ -z "$APT_UPDATED" ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  log "Installing $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# --- MySQL-compatible server -------------------------------------------------------------------------------------
db_ping() { mysqladmin ping -h127.0.0.1 -P3306 -uroot --silent >/dev/null 2>&1; }
ensure_database() {
  if db_ping; then return 0; fi
  if ! command -v mysqladmin >/dev/null 2>&1 || [ ! -x /usr/sbin/mariadbd ]; then
    apt_install mariadb-server mariadb-client
  fi
  db_ping && return 0
  log "Starting MariaDB"
  $SUDO mkdir -p /run/mysqld && $SUDO chown mysql:mysql /run/mysqld 2>/dev/null || true
  $SUDO start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do db_ping && break; sleep 1; done
  db_ping || die "MariaDB did not start; start a MySQL-compatible server on 127.0.0.1:3306 and run again."
}
ensure_root_over_tcp() {
  if mysql -h127.0.0.1 -P3306 -uroot -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
  log "Allowing root over TCP with an empty password (a test server)"
  $SUDO mysql -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; FLUSH PRIVILEGES;"
  mysql -h127.0.0.1 -P3306 -uroot -e 'SELECT 1' >/dev/null \
    || die "root cannot log in to 127.0.0.1:3306 with an empty password; pass -Dbilling.it.jdbc-url/username/password."
}

# --- Chromium and its driver -------------------------------------------------------------------------------------
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return 0; fi
  apt_install chromium chromium-driver
}

# --- BPMN lint -----------------------------------------------------------------------------------------------------
lint_bpmn() {
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  log "npm ci && npm run lint:bpmn"
  npm ci --no-audit --no-fund --loglevel=error
  npm run lint:bpmn
}

if [[ " $* " != *" -Dbilling.it.jdbc-url="* ]]; then # a server of one's own: nothing to install
  ensure_database
  ensure_root_over_tcp
  mysql -h127.0.0.1 -uroot -N -e 'SELECT CONCAT("database server: ", VERSION())'
fi
ensure_chromium
chromium --version
lint_bpmn

if [ "${1:-}" = "--prepare" ]; then exit 0; fi

log "./mvnw -B clean verify $*"
chmod +x mvnw
SE_OFFLINE=true ./mvnw -B -ntp clean verify "$@"
