#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: starts one in a temporary folder
# (scripts/pg-cluster.sh), exports PARLEY_TEST_PG_URL, runs "$@", and always stops and removes
# the cluster, keeping the command's exit status.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/parley-pg-XXXXXX")
cleanup() {
  "$here/pg-cluster.sh" stop "$dir" || true
  rm -rf "$dir"
}
trap cleanup EXIT
PARLEY_TEST_PG_URL=$("$here/pg-cluster.sh" start "$dir")
export PARLEY_TEST_PG_URL
export PARLEY_TEST_PG_DIR="$dir"  # for tests that stop and resume the database
echo "PostgreSQL test cluster: $PARLEY_TEST_PG_URL"
"$@"
