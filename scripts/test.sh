#!/usr/bin/env bash
# The whole default test suite, exactly what CI runs: installs and starts what the tests need
# (PostgreSQL binaries from Debian, Keycloak from Maven Central), then `mvn verify`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

echo "==> PostgreSQL (Debian package; tests start throwaway clusters)"
scripts/ensure-postgres.sh

if [[ ! -x /usr/bin/chromedriver ]]; then
  echo "==> Chromium + chromedriver (Debian packages; the web-experience browser tests drive them)"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

started_keycloak=0
if [[ -x scripts/keycloak.sh ]]; then
  echo "==> Keycloak (Maven Central zip; started in the background while Maven builds)"
  scripts/keycloak.sh install
  if ! scripts/keycloak.sh status >/dev/null 2>&1; then
    (scripts/keycloak.sh start > .cache/keycloak-start.log 2>&1 || echo "keycloak start failed, see .cache/keycloak-start.log" >&2) &
    started_keycloak=1
  fi
fi
cleanup() {
  if [[ $started_keycloak == 1 ]]; then
    wait || true
    scripts/keycloak.sh stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

echo "==> mvn verify"
mvn -B -Dstyle.color=never verify "$@"
