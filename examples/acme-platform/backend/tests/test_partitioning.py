"""Tests for app.db.partitioning, written with unittest (run by pytest too)."""

from __future__ import annotations

import asyncio
import unittest
from datetime import date

from app.db.partitioning import (
    RangePartition,
    add_months,
    apply_retention,
    bucket_for,
    ensure_monthly_partitions,
    list_partition_ddl,
    monthly_partitions,
    parse_partition_month,
    partitions_to_drop,
)
from app.db.pool import ConnectionPool, PoolConfig
from tests.fakes import FakeConnectionFactory


class PartitioningTest(unittest.TestCase):
    def test_bucket_is_stable_and_in_range(self) -> None:
        first = bucket_for("3f2a9c1e-collection")
        self.assertEqual(first, bucket_for("3f2a9c1e-collection"))
        self.assertTrue(0 <= first < 16)

    def test_bucket_rejects_zero_buckets(self) -> None:
        with self.assertRaises(ValueError):
            bucket_for("x", buckets=0)

    def test_list_partition_ddl(self) -> None:
        ddl = list_partition_ddl("vector_items", buckets=2)
        self.assertEqual(
            ddl,
            [
                'CREATE TABLE IF NOT EXISTS "vector_items_b00" PARTITION OF "vector_items" '
                "FOR VALUES IN (0)",
                'CREATE TABLE IF NOT EXISTS "vector_items_b01" PARTITION OF "vector_items" '
                "FOR VALUES IN (1)",
            ],
        )

    def test_add_months_crosses_year_boundaries(self) -> None:
        self.assertEqual(add_months(date(2024, 11, 1), 3), date(2025, 2, 1))
        self.assertEqual(add_months(date(2024, 1, 1), -1), date(2023, 12, 1))

    def test_add_months_requires_first_of_month(self) -> None:
        with self.assertRaises(ValueError):
            add_months(date(2024, 1, 15), 1)

    def test_monthly_partitions_are_contiguous(self) -> None:
        parts = monthly_partitions("query_log", date(2024, 12, 17), 3)
        self.assertEqual([p.name for p in parts],
                         ["query_log_y2024m12", "query_log_y2025m01", "query_log_y2025m02"])
        for earlier, later in zip(parts, parts[1:]):
            self.assertEqual(earlier.upper, later.lower)

    def test_range_partition_ddl(self) -> None:
        part = RangePartition("query_log", date(2024, 5, 1), date(2024, 6, 1))
        self.assertEqual(
            part.ddl(),
            'CREATE TABLE IF NOT EXISTS "query_log_y2024m05" PARTITION OF "query_log" '
            "FOR VALUES FROM ('2024-05-01') TO ('2024-06-01')",
        )

    def test_parse_partition_month_ignores_other_tables(self) -> None:
        self.assertEqual(parse_partition_month("query_log", "query_log_y2024m05"), date(2024, 5, 1))
        self.assertIsNone(parse_partition_month("query_log", "query_log_default"))
        self.assertIsNone(parse_partition_month("query_log", "query_log_y2024m13"))

    def test_partitions_to_drop_keeps_window(self) -> None:
        existing = [
            "query_log_y2024m01",
            "query_log_y2023m12",
            "query_log_y2024m02",
            "query_log_y2024m03",
            "query_log_default",
        ]
        dropped = partitions_to_drop("query_log", existing, today=date(2024, 3, 9), keep_months=2)
        self.assertEqual(dropped, ["query_log_y2023m12", "query_log_y2024m01"])

    def test_ensure_monthly_partitions_executes_ddl(self) -> None:
        factory = FakeConnectionFactory()
        pool = ConnectionPool(PoolConfig(dsn="postgresql://test/acme"), factory)
        names = asyncio.run(
            ensure_monthly_partitions(pool, "query_log", today=date(2024, 3, 9), months_ahead=1)
        )
        self.assertEqual(names, ["query_log_y2024m03", "query_log_y2024m04"])
        executed = [sql for conn in factory.created for sql, _ in conn.statements]
        self.assertEqual(len(executed), 2)
        self.assertTrue(all("PARTITION OF" in sql for sql in executed))

    def test_apply_retention_detaches_before_dropping(self) -> None:
        factory = FakeConnectionFactory()
        factory.rows = [{"relname": "query_log_y2023m01"}, {"relname": "query_log_y2024m03"}]
        pool = ConnectionPool(PoolConfig(dsn="postgresql://test/acme"), factory)
        dropped = asyncio.run(
            apply_retention(pool, "query_log", today=date(2024, 3, 9), keep_months=6)
        )
        self.assertEqual(dropped, ["query_log_y2023m01"])
        statements = [sql for conn in factory.created for sql, _ in conn.statements]
        detach = statements.index('ALTER TABLE "query_log" DETACH PARTITION "query_log_y2023m01"')
        self.assertEqual(statements[detach + 1], 'DROP TABLE "query_log_y2023m01"')


if __name__ == "__main__":
    unittest.main()
