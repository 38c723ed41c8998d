#!/usr/bin/env bash
# Real Keycloak for Quire's end-to-end tests: installed from Maven Central only, run on loopback.
#
#   scripts/keycloak.sh install   download + unpack into .cache/keycloak/ (idempotent)
#   scripts/keycloak.sh start     fresh realm import from testing/keycloak/*.json, wait until ready
#   scripts/keycloak.sh stop      TERM, then KILL after 30 s
#   scripts/keycloak.sh status    exit 0 when the quire realm answers
#
# Environment: QUIRE_KC_PORT (default 18080), QUIRE_KC_START_TIMEOUT (seconds, default 300).
# Never reads stdin, so it is safe in CI.
set -euo pipefail

KC_VERSION=26.5.6
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache/keycloak"
KC_HOME="$CACHE/keycloak-$KC_VERSION"
PORT="${QUIRE_KC_PORT:-18080}"
BASE_URL="http://127.0.0.1:$PORT"
READY_URL="$BASE_URL/realms/quire/.well-known/openid-configuration"
PID_FILE="$CACHE/keycloak.pid"
LOG_FILE="$CACHE/keycloak.log"
TIMEOUT="${QUIRE_KC_START_TIMEOUT:-300}"

log() { echo "keycloak.sh: $*" >&2; }

realm_answers() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --max-time 3 -o /dev/null "$READY_URL" 2>/dev/null
  else
    wget -q -T 3 -O /dev/null "$READY_URL" 2>/dev/null
  fi
}

our_pid_alive() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

unpack() { # zip, destination
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$1" -d "$2"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -m zipfile -e "$1" "$2"
  else # jar ships with every JDK, which Maven needs anyway
    (cd "$2" && jar xf "$1")
  fi
  # python and jar do not keep the executable bit
  chmod +x "$2/keycloak-$KC_VERSION"/bin/*.sh
}

cmd_install() {
  if [[ -x "$KC_HOME/bin/kc.sh" ]]; then
    return 0
  fi
  local rel zip
  rel="org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
  zip="$HOME/.m2/repository/$rel"
  if [[ ! -f "$zip" ]]; then
    log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip from Maven Central (~165 MB)"
    (cd "$ROOT" && mvn -B -q dependency:get \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -Dtransitive=false)
  fi
  if [[ ! -f "$zip" ]]; then # a settings.xml may move the local repository
    zip="$(cd "$ROOT" && mvn -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)/$rel"
  fi
  mkdir -p "$CACHE"
  # unpack into a temporary folder first so an interrupted unzip never looks installed
  local tmp="$CACHE/.unpack.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  unpack "$zip" "$tmp"
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$tmp"
  log "installed Keycloak $KC_VERSION in $KC_HOME"
}

cmd_start() {
  mkdir -p "$CACHE"
  # Two test JVMs starting at once must not launch two servers: serialise on a lock file.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$CACHE/start.lock"
    flock -w "$((TIMEOUT + 60))" 9 || { log "could not get $CACHE/start.lock"; exit 1; }
  fi
  if our_pid_alive && realm_answers; then
    log "already running (pid $(cat "$PID_FILE")) at $BASE_URL"
    return 0
  fi
  if ! our_pid_alive && realm_answers; then
    log "a Keycloak not started by this checkout already serves $BASE_URL; using it"
    return 0
  fi
  if our_pid_alive; then
    log "pid $(cat "$PID_FILE") is alive but the realm does not answer; restarting"
    cmd_stop
  fi
  cmd_install

  # Fresh database on every start: the realm file may have changed and import skips existing realms.
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
  mkdir -p "$KC_HOME/data/import"
  cp "$ROOT"/testing/keycloak/*.json "$KC_HOME/data/import/"

  log "starting Keycloak on $BASE_URL (log: $LOG_FILE)"
  local started=$SECONDS
  # setsid: own process group, so stop can signal kc.sh and its java child together
  # (without setsid, kc.sh forwards TERM to java itself).
  local setsid=()
  command -v setsid >/dev/null 2>&1 && setsid=(setsid)
  # kc.sh reads JAVA_OPTS_KC_HEAP; its default would take 70% of the machine's RAM.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  JAVA_OPTS_KC_HEAP="${QUIRE_KC_HEAP:--Xms256m -Xmx768m}" \
    "${setsid[@]}" "$KC_HOME/bin/kc.sh" start-dev --import-realm \
      --http-host=127.0.0.1 --http-port="$PORT" \
      --hostname-strict=false --hostname="$BASE_URL" \
      </dev/null >"$LOG_FILE" 2>&1 9>&- &
  echo $! >"$PID_FILE"

  while ! realm_answers; do
    if ! our_pid_alive; then
      echo >&2
      log "Keycloak exited during start; last log lines:"
      tail -n 60 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      exit 1
    fi
    if (( SECONDS - started >= TIMEOUT )); then
      echo >&2
      log "not ready after ${TIMEOUT}s; last log lines:"
      tail -n 60 "$LOG_FILE" >&2 || true
      cmd_stop
      exit 1
    fi
    printf '.' >&2
    sleep 2
  done
  echo >&2
  log "ready in $((SECONDS - started))s (pid $(cat "$PID_FILE"))"
}

cmd_stop() {
  if ! our_pid_alive; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  local pid
  pid="$(cat "$PID_FILE")"
  # Negative pid = the process group created by setsid at start (kc.sh and its java).
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null && (( waited < 30 )); do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after 30s; sending KILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

cmd_status() {
  if realm_answers; then
    if our_pid_alive; then
      echo "running (pid $(cat "$PID_FILE")) at $BASE_URL"
    else
      echo "running at $BASE_URL (not started by this checkout)"
    fi
    return 0
  fi
  if our_pid_alive; then
    echo "starting or unhealthy (pid $(cat "$PID_FILE"))"
  else
    echo "stopped"
  fi
  return 3
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
