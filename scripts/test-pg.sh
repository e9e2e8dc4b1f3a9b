#!/bin/sh
# npm run test:pg: the test files that run on both databases, again on a throwaway PostgreSQL
# (scripts/with-postgres.sh). tests/postgres-files.txt lists them: a file moves in once it uses
# testDatabase() (tests/helpers/test-store.ts) instead of an SQLite-only store.
set -eu
cd "$(dirname "$0")/.."
files=$(grep -v '^#' tests/postgres-files.txt | grep -v '^$')
# shellcheck disable=SC2086
exec scripts/with-postgres.sh npx vitest run $files "$@"
