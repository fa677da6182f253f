"""Similarity search over embedding vectors.

The same search semantics are implemented twice:

* :func:`build_search_query` renders a pgvector query for the Postgres
  backend. Ordering uses the raw distance operator so that the HNSW index on
  ``embedding`` can serve the ``ORDER BY ... LIMIT`` directly.
* :func:`top_k` ranks candidates in process. It backs the in-memory store
  used in development and tests, and re-ranks small result sets.

Scores are reported so that *higher is better* for cosine similarity and
inner product, and *lower is better* for L2 distance.
"""

from __future__ import annotations

import heapq
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from app.db.sql import Params, quote_ident, vector_literal

MAX_TOP_K = 100


class Metric(str, Enum):
    """Supported vector comparison functions."""

    COSINE = "cosine"
    INNER_PRODUCT = "inner_product"
    L2 = "l2"

    @property
    def operator(self) -> str:
        """The pgvector distance operator for this metric."""
        return {"cosine": "<=>", "inner_product": "<#>", "l2": "<->"}[self.value]

    @property
    def higher_is_better(self) -> bool:
        return self is not Metric.L2

    def score_sql(self, column: str, placeholder: str) -> str:
        """SQL expression for the score reported to clients."""
        distance = f"({column} {self.operator} {placeholder}::vector)"
        if self is Metric.COSINE:
            return f"1 - {distance}"
        if self is Metric.INNER_PRODUCT:
            return f"-{distance}"  # <#> returns the *negative* inner product
        return distance


class FilterOp(str, Enum):
    EQ = "eq"
    NE = "ne"
    IN = "in"
    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"


_COMPARATORS = {
    FilterOp.GT: (">", lambda a, b: a > b),
    FilterOp.GTE: (">=", lambda a, b: a >= b),
    FilterOp.LT: ("<", lambda a, b: a < b),
    FilterOp.LTE: ("<=", lambda a, b: a <= b),
}


@dataclass(frozen=True, slots=True)
class Filter:
    """A predicate on one key of a vector's JSON metadata."""

    field: str
    op: FilterOp
    value: Any

    def __post_init__(self) -> None:
        if not self.field:
            raise ValueError("filter field must not be empty")
        if self.op is FilterOp.IN and not isinstance(self.value, (list, tuple)):
            raise ValueError("'in' filters need a list value")
        if self.op in _COMPARATORS and not _is_number(self.value):
            raise ValueError(f"'{self.op.value}' filters need a numeric value")

    def matches(self, metadata: Mapping[str, Any]) -> bool:
        """Evaluate the filter in process against ``metadata``."""
        if self.field not in metadata:
            return self.op is FilterOp.NE
        actual = metadata[self.field]
        if self.op is FilterOp.EQ:
            return actual == self.value
        if self.op is FilterOp.NE:
            return actual != self.value
        if self.op is FilterOp.IN:
            return actual in self.value
        if not _is_number(actual):
            return False
        _, compare = _COMPARATORS[self.op]
        return bool(compare(actual, self.value))

    def to_sql(self, params: Params, column: str = "metadata") -> str:
        """Render the filter as a SQL predicate, binding all values."""
        if self.op is FilterOp.EQ:
            return f"{column} @> {params.add(json.dumps({self.field: self.value}))}::jsonb"
        if self.op is FilterOp.NE:
            return f"NOT ({column} @> {params.add(json.dumps({self.field: self.value}))}::jsonb)"
        key = params.add(self.field)
        if self.op is FilterOp.IN:
            values = [str(v) for v in self.value]
            return f"{column} ->> {key} = ANY({params.add(values)}::text[])"
        sql_op, _ = _COMPARATORS[self.op]
        return f"({column} ->> {key})::double precision {sql_op} {params.add(float(self.value))}"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass(slots=True)
class VectorItem:
    """A stored vector with its metadata."""

    id: str
    values: list[float]
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ScoredItem:
    """A search hit."""

    id: str
    score: float
    metadata: dict[str, Any]
    values: list[float] | None = None


def _check_dims(a: Sequence[float], b: Sequence[float]) -> None:
    if len(a) != len(b):
        raise ValueError(f"dimension mismatch: {len(a)} != {len(b)}")


def inner_product(a: Sequence[float], b: Sequence[float]) -> float:
    _check_dims(a, b)
    return math.fsum(x * y for x, y in zip(a, b))


def l2_distance(a: Sequence[float], b: Sequence[float]) -> float:
    _check_dims(a, b)
    return math.sqrt(math.fsum((x - y) ** 2 for x, y in zip(a, b)))


def cosine_similarity(a: Sequence[float], b: Sequence[float]) -> float:
    """Cosine of the angle between ``a`` and ``b``; 0.0 if either is all zeros."""
    dot = inner_product(a, b)
    norm_a = math.sqrt(math.fsum(x * x for x in a))
    norm_b = math.sqrt(math.fsum(y * y for y in b))
    if norm_a == 0.0 or norm_b == 0.0:
        return 0.0
    return dot / (norm_a * norm_b)


def score(metric: Metric, a: Sequence[float], b: Sequence[float]) -> float:
    if metric is Metric.COSINE:
        return cosine_similarity(a, b)
    if metric is Metric.INNER_PRODUCT:
        return inner_product(a, b)
    return l2_distance(a, b)


def normalize(values: Sequence[float]) -> list[float]:
    """Scale a vector to unit length (zero vectors are returned unchanged)."""
    norm = math.sqrt(math.fsum(v * v for v in values))
    if norm == 0.0:
        return list(values)
    return [v / norm for v in values]


def validate_top_k(k: int) -> int:
    if not 1 <= k <= MAX_TOP_K:
        raise ValueError(f"top_k must be between 1 and {MAX_TOP_K}, got {k}")
    return k


def top_k(
    query: Sequence[float],
    candidates: Iterable[VectorItem],
    k: int,
    *,
    metric: Metric = Metric.COSINE,
    filters: Sequence[Filter] = (),
    include_values: bool = False,
) -> list[ScoredItem]:
    """Return the ``k`` best candidates that pass every filter.

    Ties keep the order in which candidates were supplied, which makes the
    result deterministic for a given input.
    """
    validate_top_k(k)
    sign = 1.0 if metric.higher_is_better else -1.0
    ranked: list[tuple[float, int, VectorItem, float]] = []
    for index, item in enumerate(candidates):
        if not all(f.matches(item.metadata) for f in filters):
            continue
        raw = score(metric, query, item.values)
        ranked.append((sign * raw, index, item, raw))
    best = heapq.nlargest(k, ranked, key=lambda row: (row[0], -row[1]))
    return [
        ScoredItem(
            id=item.id,
            score=raw,
            metadata=dict(item.metadata),
            values=list(item.values) if include_values else None,
        )
        for _, _, item, raw in best
    ]


def build_search_query(
    table: str,
    query: Sequence[float],
    *,
    collection_id: str,
    bucket: int,
    k: int,
    metric: Metric = Metric.COSINE,
    filters: Sequence[Filter] = (),
    include_values: bool = False,
) -> tuple[str, list[object]]:
    """Render a parameterised similarity query for asyncpg.

    ``bucket`` is the list-partition key (see :mod:`app.db.partitioning`);
    filtering on it lets Postgres prune to a single partition.
    """
    validate_top_k(k)
    params = Params()
    vec = params.add(vector_literal(query))
    predicates = [
        f"bucket = {params.add(bucket)}",
        f"collection_id = {params.add(collection_id)}",
    ]
    predicates.extend(f.to_sql(params) for f in filters)
    columns = ["id", "metadata", f"{metric.score_sql('embedding', vec)} AS score"]
    if include_values:
        columns.append("embedding::text AS embedding")
    sql = (
        f"SELECT {', '.join(columns)}\n"
        f"FROM {quote_ident(table)}\n"
        f"WHERE {' AND '.join(predicates)}\n"
        f"ORDER BY embedding {metric.operator} {vec}::vector\n"
        f"LIMIT {params.add(k)}"
    )
    return sql, params.values
