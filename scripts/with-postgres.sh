#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster started from this machine's own server
# binaries (initdb, pg_ctl), as the non-root `postgres` user, on a loopback port; stops it after.
#   bash scripts/with-postgres.sh npx jest
set -euo pipefail

PG_BIN="${PG_BIN:-$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -n 1)")}"
PORT="${PG_TEST_PORT:-54329}"
DATA_DIR="$(mktemp -d /tmp/school-records-pg.XXXXXX)"
RUN_AS=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$DATA_DIR"
  RUN_AS=(runuser -u postgres --)
fi

stop() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DATA_DIR"
}
trap stop EXIT

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DATA_DIR" -w -l "$DATA_DIR/server.log" \
  -o "-p $PORT -k $DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') is up on 127.0.0.1:$PORT"

export DATABASE_CLIENT=postgres DATABASE_HOST=127.0.0.1 DATABASE_PORT="$PORT" DATABASE_USERNAME=postgres DATABASE_PASSWORD= DATABASE_NAME=postgres
"$@"
