#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries the tests use exist under
# /usr/lib/postgresql/<version>/bin (see PostgresTestServer in quire-store-jdbc's tests).
# Idempotent: does nothing when they are already there. Installs with apt-get otherwise and
# leaves no server running: the tests start their own throwaway cluster.
set -euo pipefail

say() { echo "ensure-postgres: $*"; }

installed_initdb() {
    ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1
}

existing="$(installed_initdb || true)"
if [ -n "$existing" ]; then
    say "PostgreSQL server binaries already installed ($existing); nothing to do"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get on this machine; install the PostgreSQL server package by hand so that" \
        "/usr/lib/postgresql/<version>/bin/initdb exists" >&2
    exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        say "installing needs root, and sudo is not available; rerun as root" >&2
        exit 1
    fi
    as_root=(sudo)
fi

say "installing PostgreSQL with apt-get"
${as_root[@]+"${as_root[@]}"} apt-get update
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends postgresql

# The Debian package creates a default cluster and may start it; the tests do not use it.
if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters --no-header 2>/dev/null | while read -r version name _port status _rest; do
        if [ "$status" = "online" ]; then
            ${as_root[@]+"${as_root[@]}"} pg_ctlcluster "$version" "$name" stop
            say "stopped the default cluster $version/$name started by the package"
        fi
    done
fi
if command -v service >/dev/null 2>&1; then
    ${as_root[@]+"${as_root[@]}"} service postgresql stop >/dev/null 2>&1 || true
fi

installed="$(installed_initdb || true)"
if [ -z "$installed" ]; then
    say "apt-get finished but no /usr/lib/postgresql/*/bin/initdb exists" >&2
    exit 1
fi
say "installed PostgreSQL server binaries ($installed)"
