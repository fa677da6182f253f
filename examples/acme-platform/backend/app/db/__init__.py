"""Vector database access: pooling, similarity search and partitioning."""

from app.db.pool import ConnectionPool, PoolConfig, PoolManager
from app.db.similarity import Filter, FilterOp, Metric, ScoredItem, VectorItem, top_k

__all__ = [
    "ConnectionPool",
    "Filter",
    "FilterOp",
    "Metric",
    "PoolConfig",
    "PoolManager",
    "ScoredItem",
    "VectorItem",
    "top_k",
]
