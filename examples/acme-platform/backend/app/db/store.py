"""Vector store implementations behind one async interface.

:class:`InMemoryVectorStore` is used in development and tests;
:class:`PostgresVectorStore` talks to Postgres + pgvector through the
:class:`~app.db.pool.PoolManager`. Routers depend only on the
:class:`VectorStore` protocol.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from app.db.partitioning import bucket_for
from app.db.pool import PoolManager
from app.db.similarity import (
    Filter,
    Metric,
    ScoredItem,
    VectorItem,
    build_search_query,
    top_k,
)
from app.db.sql import parse_vector_literal, quote_ident, vector_literal
from app.errors import ConflictError, NotFoundError, ValidationFailedError

VECTOR_TABLE = "vector_items"


@dataclass(slots=True)
class CollectionRecord:
    id: str
    name: str
    dimension: int
    metric: Metric
    description: str | None = None
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    vector_count: int = 0


class VectorStore(Protocol):
    """Operations the API needs from a vector database."""

    async def create_collection(
        self, name: str, dimension: int, metric: Metric, description: str | None = None
    ) -> CollectionRecord: ...

    async def list_collections(self) -> list[CollectionRecord]: ...

    async def get_collection(self, collection_id: str) -> CollectionRecord: ...

    async def delete_collection(self, collection_id: str) -> None: ...

    async def upsert(self, collection_id: str, items: Sequence[VectorItem]) -> int: ...

    async def get_vector(self, collection_id: str, vector_id: str) -> VectorItem: ...

    async def delete_vector(self, collection_id: str, vector_id: str) -> None: ...

    async def search(
        self,
        collection_id: str,
        query: Sequence[float],
        *,
        k: int,
        metric: Metric | None = None,
        filters: Sequence[Filter] = (),
        include_values: bool = False,
    ) -> list[ScoredItem]: ...

    async def ping(self) -> bool: ...


def check_dimensions(collection: CollectionRecord, vectors: Sequence[Sequence[float]]) -> None:
    """Reject vectors whose length differs from the collection's dimension."""
    for index, values in enumerate(vectors):
        if len(values) != collection.dimension:
            raise ValidationFailedError(
                f"vector {index} has {len(values)} dimensions, "
                f"collection {collection.name!r} expects {collection.dimension}",
                details={"index": index, "expected": collection.dimension},
            )


class InMemoryVectorStore:
    """A process-local store with exact (brute force) search."""

    def __init__(self) -> None:
        self._collections: dict[str, CollectionRecord] = {}
        self._vectors: dict[str, dict[str, VectorItem]] = {}
        self._lock = asyncio.Lock()

    async def create_collection(
        self, name: str, dimension: int, metric: Metric, description: str | None = None
    ) -> CollectionRecord:
        async with self._lock:
            if any(c.name == name for c in self._collections.values()):
                raise ConflictError(f"collection {name!r} already exists")
            record = CollectionRecord(
                id=str(uuid.uuid4()),
                name=name,
                dimension=dimension,
                metric=metric,
                description=description,
            )
            self._collections[record.id] = record
            self._vectors[record.id] = {}
            return record

    async def list_collections(self) -> list[CollectionRecord]:
        return sorted(self._collections.values(), key=lambda c: c.created_at)

    async def get_collection(self, collection_id: str) -> CollectionRecord:
        try:
            return self._collections[collection_id]
        except KeyError:
            raise NotFoundError(f"collection {collection_id} not found") from None

    async def delete_collection(self, collection_id: str) -> None:
        async with self._lock:
            if self._collections.pop(collection_id, None) is None:
                raise NotFoundError(f"collection {collection_id} not found")
            self._vectors.pop(collection_id, None)

    async def upsert(self, collection_id: str, items: Sequence[VectorItem]) -> int:
        collection = await self.get_collection(collection_id)
        check_dimensions(collection, [item.values for item in items])
        async with self._lock:
            bucket = self._vectors[collection_id]
            for item in items:
                bucket[item.id] = VectorItem(item.id, list(item.values), dict(item.metadata))
            collection.vector_count = len(bucket)
        return len(items)

    async def get_vector(self, collection_id: str, vector_id: str) -> VectorItem:
        await self.get_collection(collection_id)
        try:
            return self._vectors[collection_id][vector_id]
        except KeyError:
            raise NotFoundError(f"vector {vector_id} not found") from None

    async def delete_vector(self, collection_id: str, vector_id: str) -> None:
        collection = await self.get_collection(collection_id)
        async with self._lock:
            if self._vectors[collection_id].pop(vector_id, None) is None:
                raise NotFoundError(f"vector {vector_id} not found")
            collection.vector_count -= 1

    async def search(
        self,
        collection_id: str,
        query: Sequence[float],
        *,
        k: int,
        metric: Metric | None = None,
        filters: Sequence[Filter] = (),
        include_values: bool = False,
    ) -> list[ScoredItem]:
        collection = await self.get_collection(collection_id)
        check_dimensions(collection, [query])
        return top_k(
            query,
            self._vectors[collection_id].values(),
            k,
            metric=metric or collection.metric,
            filters=filters,
            include_values=include_values,
        )

    async def ping(self) -> bool:
        return True


class PostgresVectorStore:
    """pgvector-backed store. Writes use the primary, reads use a replica."""

    def __init__(self, pools: PoolManager, *, table: str = VECTOR_TABLE) -> None:
        self._pools = pools
        self._table_name = table
        self._table = quote_ident(table)  # validated once, safe to interpolate

    async def create_collection(
        self, name: str, dimension: int, metric: Metric, description: str | None = None
    ) -> CollectionRecord:
        row = await self._pools.primary.fetchrow(
            "INSERT INTO collections (id, name, dimension, metric, description) "
            "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING "
            "RETURNING id, name, dimension, metric, description, created_at, vector_count",
            str(uuid.uuid4()),
            name,
            dimension,
            metric.value,
            description,
        )
        if row is None:
            raise ConflictError(f"collection {name!r} already exists")
        return _collection_from_row(row)

    async def list_collections(self) -> list[CollectionRecord]:
        rows = await self._pools.reader().fetch(
            "SELECT id, name, dimension, metric, description, created_at, vector_count "
            "FROM collections ORDER BY created_at"
        )
        return [_collection_from_row(row) for row in rows]

    async def get_collection(self, collection_id: str) -> CollectionRecord:
        row = await self._pools.reader().fetchrow(
            "SELECT id, name, dimension, metric, description, created_at, vector_count "
            "FROM collections WHERE id = $1",
            collection_id,
        )
        if row is None:
            raise NotFoundError(f"collection {collection_id} not found")
        return _collection_from_row(row)

    async def delete_collection(self, collection_id: str) -> None:
        async with self._pools.primary.acquire() as conn:
            async with conn.transaction():
                await conn.execute(
                    f"DELETE FROM {self._table} WHERE bucket = $1 AND collection_id = $2",
                    bucket_for(collection_id),
                    collection_id,
                )
                status = await conn.execute("DELETE FROM collections WHERE id = $1", collection_id)
        if status.endswith(" 0"):
            raise NotFoundError(f"collection {collection_id} not found")

    async def upsert(self, collection_id: str, items: Sequence[VectorItem]) -> int:
        collection = await self.get_collection(collection_id)
        check_dimensions(collection, [item.values for item in items])
        async with self._pools.primary.acquire() as conn:
            async with conn.transaction():
                rows = await conn.fetch(
                    f"INSERT INTO {self._table} (bucket, collection_id, id, embedding, metadata) "
                    "SELECT $1, $2, t.id, t.embedding::vector, t.metadata::jsonb "
                    "FROM unnest($3::text[], $4::text[], $5::text[]) AS t(id, embedding, metadata) "
                    "ON CONFLICT (bucket, collection_id, id) DO UPDATE "
                    "SET embedding = EXCLUDED.embedding, metadata = EXCLUDED.metadata "
                    "RETURNING (xmax = 0) AS inserted",
                    bucket_for(collection_id),
                    collection_id,
                    [item.id for item in items],
                    [vector_literal(item.values) for item in items],
                    [json.dumps(item.metadata) for item in items],
                )
                inserted = sum(1 for row in rows if row["inserted"])
                if inserted:
                    await conn.execute(
                        "UPDATE collections SET vector_count = vector_count + $2 WHERE id = $1",
                        collection_id,
                        inserted,
                    )
        return len(rows)

    async def get_vector(self, collection_id: str, vector_id: str) -> VectorItem:
        row = await self._pools.reader().fetchrow(
            f"SELECT id, embedding::text AS embedding, metadata FROM {self._table} "
            "WHERE bucket = $1 AND collection_id = $2 AND id = $3",
            bucket_for(collection_id),
            collection_id,
            vector_id,
        )
        if row is None:
            raise NotFoundError(f"vector {vector_id} not found")
        return VectorItem(
            id=row["id"],
            values=parse_vector_literal(row["embedding"]),
            metadata=_load_json(row["metadata"]),
        )

    async def delete_vector(self, collection_id: str, vector_id: str) -> None:
        async with self._pools.primary.acquire() as conn:
            async with conn.transaction():
                status = await conn.execute(
                    f"DELETE FROM {self._table} "
                    "WHERE bucket = $1 AND collection_id = $2 AND id = $3",
                    bucket_for(collection_id),
                    collection_id,
                    vector_id,
                )
                if status.endswith(" 0"):
                    raise NotFoundError(f"vector {vector_id} not found")
                await conn.execute(
                    "UPDATE collections SET vector_count = vector_count - 1 WHERE id = $1",
                    collection_id,
                )

    async def search(
        self,
        collection_id: str,
        query: Sequence[float],
        *,
        k: int,
        metric: Metric | None = None,
        filters: Sequence[Filter] = (),
        include_values: bool = False,
    ) -> list[ScoredItem]:
        collection = await self.get_collection(collection_id)
        check_dimensions(collection, [query])
        sql, args = build_search_query(
            self._table_name,
            query,
            collection_id=collection_id,
            bucket=bucket_for(collection_id),
            k=k,
            metric=metric or collection.metric,
            filters=filters,
            include_values=include_values,
        )
        rows = await self._pools.reader().fetch(sql, *args)
        return [
            ScoredItem(
                id=row["id"],
                score=float(row["score"]),
                metadata=_load_json(row["metadata"]),
                values=parse_vector_literal(row["embedding"]) if include_values else None,
            )
            for row in rows
        ]

    async def ping(self) -> bool:
        health = await self._pools.health()
        return bool(health) and all(health.values())


def _load_json(value: Any) -> dict[str, Any]:
    """asyncpg returns jsonb as text unless a codec is registered."""
    if value is None:
        return {}
    if isinstance(value, str):
        return json.loads(value)
    return dict(value)


def _collection_from_row(row: Any) -> CollectionRecord:
    return CollectionRecord(
        id=str(row["id"]),
        name=row["name"],
        dimension=row["dimension"],
        metric=Metric(row["metric"]),
        description=row["description"],
        created_at=row["created_at"],
        vector_count=row["vector_count"],
    )
