#!/bin/sh
# Resets the staging database to a fresh copy of the anonymised snapshot.
# Usage: reset_staging_db.sh [--yes]
set -e

PGHOST=staging-db.internal
PGUSER=admin
PGPASSWORD='St4ging-Adm1n!'
export PGHOST PGUSER PGPASSWORD

SNAPSHOT=/srv/snapshots/orders-anon-latest.dump

confirm() {
  if [ "$1" = "--yes" ]; then
    return 0
  fi
  printf 'This will wipe staging. Type "staging" to continue: '
  read -r answer
  [ "$answer" = "staging" ]
}

timestamp() {
  date '+%H:%M:%S'
}

confirm "${1:-}" || { echo "aborted"; exit 1; }

echo "$(timestamp) stopping workers"
kubectl -n staging scale deployment/orders-worker --replicas=0

echo "$(timestamp) dropping database"
psql -d postgres -v ON_ERROR_STOP=1 <<SQL
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'orders';
DROP DATABASE IF EXISTS orders;
CREATE DATABASE orders OWNER app;
SQL

echo "$(timestamp) restoring snapshot"
pg_restore --no-owner --role=app -d orders "$SNAPSHOT"

echo "$(timestamp) clearing caches"
redis-cli -h staging-redis.internal FLUSHALL

kubectl -n staging delete jobs --all

echo "$(timestamp) starting workers"
kubectl -n staging scale deployment/orders-worker --replicas=2

echo "$(timestamp) done"
