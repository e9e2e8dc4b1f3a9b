#!/bin/sh
# Runs a command beside a throwaway PostgreSQL server: a cluster made for it in a temp folder
# (pg_virtualenv: initdb as the postgres user when root, a free port, fsync off), dropped afterwards.
# The command finds it in TUNES_TEST_POSTGRES_URL (the password in PGPASSWORD, never in the URL).
set -eu
if ! command -v pg_virtualenv >/dev/null 2>&1; then
  echo "with-postgres: pg_virtualenv not found (apt-get install postgresql)" >&2
  exit 6
fi
exec pg_virtualenv -o fsync=off -o full_page_writes=off -o synchronous_commit=off -o max_connections=300 \
  sh -c 'TUNES_TEST_POSTGRES_URL="postgres://${PGUSER}@${PGHOST}:${PGPORT}/${PGDATABASE}" exec "$@"' with-postgres "$@"
