#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL server for cronica's store tests.
#
#   eval "$(bash .ci/postgres.sh start)"   # installs if needed, starts, prints `export CRONICA_TEST_PG_URL=...`
#   bash .ci/postgres.sh stop              # stops it and removes its data directory
#
# The server is our own (initdb in $CRONICA_PG_DIR, default /tmp/cronica-pg) on 127.0.0.1:$CRONICA_PG_PORT
# (default 54329) with trust authentication, so it never touches a cluster the machine already runs.
# fsync is off unless CRONICA_PG_FSYNC=on (a test server needs no durability).
# Only the export line goes to stdout; everything else goes to stderr.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

PGDIR="${CRONICA_PG_DIR:-/tmp/cronica-pg}"
PGPORT="${CRONICA_PG_PORT:-54329}"
DBNAME="${CRONICA_PG_DB:-cronica_test}"
ACTION="${1:-start}"

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
    done
    return 1
}

as_postgres() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

BINDIR="$(find_bindir || true)"

case "$ACTION" in
start)
    if [ -z "$BINDIR" ]; then
        echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq postgresql >&2
        BINDIR="$(find_bindir)"
    fi
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    if [ ! -f "$PGDIR/PG_VERSION" ]; then
        mkdir -p "$PGDIR"
        [ "$(id -u)" = "0" ] && chown postgres: "$PGDIR"
        as_postgres "$BINDIR/initdb" -D "$PGDIR" -U postgres --auth=trust --encoding=UTF8 --no-locale >&2
    fi
    if ! as_postgres "$BINDIR/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1; then
        as_postgres "$BINDIR/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=${CRONICA_PG_FSYNC:-off}" start >&2
    fi
    if ! as_postgres "$BINDIR/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'" | grep -q 1; then
        as_postgres "$BINDIR/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$DBNAME" >&2
    fi
    echo "export CRONICA_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PGPORT/$DBNAME"
    ;;
stop)
    if [ -n "$BINDIR" ] && [ -f "$PGDIR/PG_VERSION" ]; then
        as_postgres "$BINDIR/pg_ctl" -D "$PGDIR" -m fast -w stop >&2 || true
    fi
    rm -rf "$PGDIR"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
