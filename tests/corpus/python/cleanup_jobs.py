"""Periodic clean-up tasks for the media service."""
from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import boto3
from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from .models import Upload, Thumbnail

log = logging.getLogger("media.cleanup")
s3 = boto3.client("s3")

ORPHAN_GRACE = timedelta(days=7)
S3_BATCH = 1000


@dataclass
class LruCache:
    """Tiny in-process cache for thumbnail metadata."""

    capacity: int = 256
    _items: dict = field(default_factory=dict)

    def get(self, key):
        value = self._items.pop(key, None)
        if value is not None:
            self._items[key] = value
        return value

    def put(self, key, value):
        self._items[key] = value
        if len(self._items) > self.capacity:
            oldest = next(iter(self._items))
            del self._items[oldest]


thumb_cache = LruCache()


def purge_orphans(db: Session) -> int:
    cutoff = datetime.utcnow() - ORPHAN_GRACE
    result = db.execute(
        delete(Upload).where(Upload.owner_id.is_(None), Upload.created_at < cutoff)
    )
    db.commit()
    return result.rowcount


def drop_thumbnails(db: Session, upload_id: int) -> None:
    db.query(Thumbnail).filter(Thumbnail.upload_id == upload_id).delete()
    thumb_cache._items.pop(upload_id, None)


def delete_prefix(bucket: str, prefix: str) -> int:
    removed = 0
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix, PaginationConfig={"PageSize": S3_BATCH}):
        keys = [{"Key": obj["Key"]} for obj in page.get("Contents", [])]
        if keys:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})
            removed += len(keys)
    return removed


def wipe_tenant_media(root: Path, tenant: str) -> None:
    target = root / tenant
    log.warning("wiping media for %s", tenant)
    shutil.rmtree(target, ignore_errors=False)


def reset_staging_table(db: Session) -> None:
    db.execute(text("TRUNCATE TABLE upload_staging"))


def render_report(counts: dict[str, int]) -> str:
    lines = [f"{name:<20}{n:>8}" for name, n in sorted(counts.items())]
    return "\n".join(["clean-up report", "-" * 28, *lines])


def test_lru_cache_evicts_oldest():
    cache = LruCache(capacity=2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)
    assert cache.get("a") is None
