#!/usr/bin/env bash
# Starts the PostgreSQL and Redis the shared-store tests run against (Debian's
# postgresql and redis-server packages), and exports where they are:
#   TEST_DATABASE_URL  a database the tests make one schema each in
#   TEST_REDIS_URL     a Redis without persistence, for the tests alone
# Source it (`. scripts/sharedServices.sh`); .ci/run does. Running it twice
# is harmless: whatever runs already is kept.
set -euo pipefail

TEST_PG_ROLE=tablecloth
TEST_PG_PASSWORD=tablecloth
TEST_PG_DATABASE=tablecloth_test
TEST_REDIS_PORT=${TEST_REDIS_PORT:-6390}

# PostgreSQL does not run as root: pg_ctlcluster starts the cluster Debian
# created at install as its own user, and psql runs as that user too.
cluster=$(pg_lsclusters --no-header | awk 'NR == 1 { print $1, $2 }')
if [ -z "$cluster" ]; then
  echo "No PostgreSQL cluster: install Debian's postgresql package" >&2
  return 1 2>/dev/null || exit 1
fi
# shellcheck disable=SC2086
pg_ctlcluster $cluster start 2>/dev/null || true
pg_port=$(pg_lsclusters --no-header | awk 'NR == 1 { print $3 }')
as_postgres() { su postgres -c "$1"; }
for _ in $(seq 1 30); do
  as_postgres "pg_isready -q -p $pg_port" && break
  sleep 1
done
if ! as_postgres "psql -p $pg_port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$TEST_PG_ROLE'\"" | grep -q 1; then
  as_postgres "psql -p $pg_port -v ON_ERROR_STOP=1 -c \"CREATE ROLE $TEST_PG_ROLE LOGIN PASSWORD '$TEST_PG_PASSWORD'\""
fi
# The backup tests make a database of their own: pg_restore --clean replaces a whole database.
as_postgres "psql -p $pg_port -q -v ON_ERROR_STOP=1 -c \"ALTER ROLE $TEST_PG_ROLE CREATEDB\""
if ! as_postgres "psql -p $pg_port -tAc \"SELECT 1 FROM pg_database WHERE datname = '$TEST_PG_DATABASE'\"" | grep -q 1; then
  as_postgres "createdb -p $pg_port -O $TEST_PG_ROLE $TEST_PG_DATABASE"
fi

if ! redis-cli -p "$TEST_REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --port "$TEST_REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no
fi
for _ in $(seq 1 30); do
  redis-cli -p "$TEST_REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.2
done

export TEST_DATABASE_URL="postgres://$TEST_PG_ROLE:$TEST_PG_PASSWORD@127.0.0.1:$pg_port/$TEST_PG_DATABASE"
export TEST_REDIS_URL="redis://127.0.0.1:$TEST_REDIS_PORT"
echo "PostgreSQL: $TEST_DATABASE_URL"
echo "Redis: $TEST_REDIS_URL"
