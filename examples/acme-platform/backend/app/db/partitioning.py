"""Table partitioning helpers.

Two partitioning schemes are in use:

``vector_items``
    LIST-partitioned on a ``bucket`` column that the application computes
    from the collection id with :func:`bucket_for`. All rows of a collection
    live in one partition, so every similarity search prunes to a single
    partition and each HNSW index stays small.

``query_log``
    RANGE-partitioned by calendar month on ``created_at``. Partitions are
    created ahead of time by :func:`ensure_monthly_partitions`; old months
    are detached and dropped by :func:`apply_retention`.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.db.pool import ConnectionPool
from app.db.sql import quote_ident

logger = logging.getLogger(__name__)

VECTOR_BUCKETS = 16


def bucket_for(key: str, buckets: int = VECTOR_BUCKETS) -> int:
    """Map a key (a collection id) to its list-partition bucket.

    CRC-32 is stable across processes and Python versions, unlike ``hash()``.
    """
    if buckets < 1:
        raise ValueError("buckets must be >= 1")
    return zlib.crc32(key.encode("utf-8")) % buckets


def list_partition_ddl(parent: str, buckets: int = VECTOR_BUCKETS) -> list[str]:
    """DDL creating one list partition per bucket of ``parent``."""
    if buckets < 1:
        raise ValueError("buckets must be >= 1")
    parent_sql = quote_ident(parent)
    return [
        f"CREATE TABLE IF NOT EXISTS {quote_ident(f'{parent}_b{n:02d}')} "
        f"PARTITION OF {parent_sql} FOR VALUES IN ({n})"
        for n in range(buckets)
    ]


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """Shift the first day of a month by ``months`` (may be negative)."""
    if day.day != 1:
        raise ValueError("add_months expects the first day of a month")
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class RangePartition:
    """One monthly partition: rows with ``lower <= created_at < upper``."""

    parent: str
    lower: date
    upper: date

    @property
    def name(self) -> str:
        return f"{self.parent}_y{self.lower.year:04d}m{self.lower.month:02d}"

    def ddl(self) -> str:
        return (
            f"CREATE TABLE IF NOT EXISTS {quote_ident(self.name)} "
            f"PARTITION OF {quote_ident(self.parent)} "
            f"FOR VALUES FROM ('{self.lower.isoformat()}') TO ('{self.upper.isoformat()}')"
        )


def monthly_partitions(parent: str, start: date, count: int) -> list[RangePartition]:
    """``count`` consecutive monthly partitions beginning with ``start``'s month."""
    if count < 0:
        raise ValueError("count must be >= 0")
    first = month_start(start)
    return [
        RangePartition(parent, add_months(first, i), add_months(first, i + 1))
        for i in range(count)
    ]


def parse_partition_month(parent: str, name: str) -> date | None:
    """Return the month a partition covers, or ``None`` if ``name`` is not one."""
    match = re.fullmatch(re.escape(parent) + r"_y(\d{4})m(\d{2})", name)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    return date(year, month, 1)


def partitions_to_drop(
    parent: str, existing: Iterable[str], *, today: date, keep_months: int
) -> list[str]:
    """Names of monthly partitions entirely older than the retention window.

    The current month always counts as one of the ``keep_months``.
    """
    if keep_months < 1:
        raise ValueError("keep_months must be >= 1")
    cutoff = add_months(month_start(today), -(keep_months - 1))
    expired = []
    for name in existing:
        month = parse_partition_month(parent, name)
        if month is not None and month < cutoff:
            expired.append((month, name))
    return [name for _, name in sorted(expired)]


async def ensure_monthly_partitions(
    pool: ConnectionPool, parent: str, *, today: date, months_ahead: int = 2
) -> list[str]:
    """Create partitions for the current month and ``months_ahead`` more."""
    created = []
    for partition in monthly_partitions(parent, today, months_ahead + 1):
        await pool.execute(partition.ddl())
        created.append(partition.name)
    return created


async def apply_retention(
    pool: ConnectionPool, parent: str, *, today: date, keep_months: int
) -> list[str]:
    """Detach and drop expired monthly partitions; return their names."""
    rows = await pool.fetch(
        "SELECT c.relname FROM pg_inherits i "
        "JOIN pg_class c ON c.oid = i.inhrelid "
        "JOIN pg_class p ON p.oid = i.inhparent "
        "WHERE p.relname = $1",
        parent,
    )
    names = [row["relname"] for row in rows]
    dropped = []
    for name in partitions_to_drop(parent, names, today=today, keep_months=keep_months):
        async with pool.acquire() as conn:
            async with conn.transaction():
                await conn.execute(
                    f"ALTER TABLE {quote_ident(parent)} DETACH PARTITION {quote_ident(name)}"
                )
                await conn.execute(f"DROP TABLE {quote_ident(name)}")
        logger.info("dropped partition %s", name)
        dropped.append(name)
    return dropped
