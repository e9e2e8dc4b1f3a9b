#!/bin/sh
# npm run test:pg: the integration, server and e2e suites again on a throwaway PostgreSQL
# (scripts/with-postgres.sh). tests/postgres-files.txt names them by glob and lists, with a reason,
# the files left out (tests of SQLite itself).
set -eu
cd "$(dirname "$0")/.."
list=tests/postgres-files.txt
excluded=$(sed -n 's/^- \([^ ]*\).*/\1/p' "$list")
for path in $excluded; do
  [ -f "$path" ] || { echo "test-pg: $list leaves out $path, which does not exist" >&2; exit 2; }
done
# shellcheck disable=SC2046
files=$(ls $(grep -v '^[#-]' "$list" | grep -v '^$') | sort -u | grep -vxF "$excluded")
# shellcheck disable=SC2086
exec scripts/with-postgres.sh npx vitest run $files "$@"
