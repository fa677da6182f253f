"""Collections, vectors and similarity search."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.db.similarity import MAX_TOP_K, Filter, FilterOp, Metric, ScoredItem
from app.db.store import CollectionRecord

MAX_UPSERT_BATCH = 500
MAX_DIMENSION = 4096


class CollectionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    dimension: int = Field(ge=1, le=MAX_DIMENSION)
    metric: Metric = Metric.COSINE
    description: str | None = Field(default=None, max_length=500)


class Collection(BaseModel):
    id: str
    name: str
    dimension: int
    metric: Metric
    description: str | None = None
    vector_count: int
    created_at: datetime

    @classmethod
    def from_record(cls, record: CollectionRecord) -> Collection:
        return cls(
            id=record.id,
            name=record.name,
            dimension=record.dimension,
            metric=record.metric,
            description=record.description,
            vector_count=record.vector_count,
            created_at=record.created_at,
        )


class CollectionList(BaseModel):
    items: list[Collection]


class VectorRecord(BaseModel):
    id: str = Field(min_length=1, max_length=128)
    values: list[float] = Field(min_length=1, max_length=MAX_DIMENSION)
    metadata: dict[str, Any] = Field(default_factory=dict)


class VectorUpsertRequest(BaseModel):
    vectors: list[VectorRecord] = Field(min_length=1, max_length=MAX_UPSERT_BATCH)

    @field_validator("vectors")
    @classmethod
    def ids_are_unique(cls, vectors: list[VectorRecord]) -> list[VectorRecord]:
        seen: set[str] = set()
        for vector in vectors:
            if vector.id in seen:
                raise ValueError(f"duplicate vector id {vector.id!r} in batch")
            seen.add(vector.id)
        return vectors


class VectorUpsertResponse(BaseModel):
    upserted: int


class SearchFilter(BaseModel):
    field: str = Field(min_length=1, max_length=64)
    op: FilterOp = FilterOp.EQ
    value: Any

    def to_filter(self) -> Filter:
        return Filter(field=self.field, op=self.op, value=self.value)


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    vector: list[float] = Field(min_length=1, max_length=MAX_DIMENSION)
    top_k: int = Field(default=10, ge=1, le=MAX_TOP_K)
    metric: Metric | None = Field(
        default=None, description="Overrides the collection's default metric."
    )
    filters: list[SearchFilter] = Field(default_factory=list, max_length=16)
    include_values: bool = False


class SearchHit(BaseModel):
    id: str
    score: float
    metadata: dict[str, Any]
    values: list[float] | None = None

    @classmethod
    def from_scored(cls, item: ScoredItem) -> SearchHit:
        return cls(id=item.id, score=item.score, metadata=item.metadata, values=item.values)


class SearchResponse(BaseModel):
    hits: list[SearchHit]
    took_ms: float
