#!/usr/bin/env bash
# Nightly Postgres backup with local and S3 rotation. Run from cron as the backup user.
set -Eeuo pipefail

BACKUP_DIR="${BACKUP_DIR:-/var/backups/pg}"
KEEP_DAYS="${KEEP_DAYS:-14}"
S3_URI="${S3_URI:-s3://acme-db-backups/prod}"
DB_NAME="${DB_NAME:-orders}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
WORK="$(mktemp -d)"

cleanup() {
  rm -rf "$WORK"
}
trap cleanup EXIT

human_size() {
  numfmt --to=iec-i --suffix=B "$1"
}

mkdir -p "$BACKUP_DIR"

echo "dumping $DB_NAME"
pg_dump --format=custom --no-owner --dbname="$DB_NAME" --file="$WORK/$DB_NAME.dump"
size=$(stat -c %s "$WORK/$DB_NAME.dump")
echo "dump size: $(human_size "$size")"

mv "$WORK/$DB_NAME.dump" "$BACKUP_DIR/$DB_NAME-$STAMP.dump"
aws s3 cp "$BACKUP_DIR/$DB_NAME-$STAMP.dump" "$S3_URI/$DB_NAME-$STAMP.dump" --only-show-errors

echo "rotating local backups older than $KEEP_DAYS days"
find "$BACKUP_DIR" -name "$DB_NAME-*.dump" -mtime +"$KEEP_DAYS" -print -delete

echo "rotating S3 backups"
cutoff=$(date -u -d "-$KEEP_DAYS days" +%Y%m%d)
aws s3 ls "$S3_URI/" | awk '{print $4}' | while read -r key; do
  day=$(echo "$key" | sed -E 's/.*-([0-9]{8})T.*/\1/')
  if [[ "$day" < "$cutoff" ]]; then
    aws s3 rm "$S3_URI/$key" --only-show-errors
  fi
done

if [[ "${PURGE_STAGING:-0}" == "1" ]]; then
  rm -rf /var/lib/postgresql/staging-restore/*
fi

echo "verifying latest backup"
pg_restore --list "$BACKUP_DIR/$DB_NAME-$STAMP.dump" > /dev/null
echo "ok: $DB_NAME-$STAMP.dump"
