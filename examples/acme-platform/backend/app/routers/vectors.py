"""Vectors inside a collection: upsert, fetch, delete and similarity search."""

from __future__ import annotations

import time

from fastapi import APIRouter, Depends, Response, status

from app.db.similarity import VectorItem
from app.deps import StoreDep, require_scope
from app.models.vectors import (
    SearchHit,
    SearchRequest,
    SearchResponse,
    VectorRecord,
    VectorUpsertRequest,
    VectorUpsertResponse,
)
from app.routers import error_responses

router = APIRouter(prefix="/collections/{collection_id}/vectors", tags=["vectors"])


@router.post(
    "",
    response_model=VectorUpsertResponse,
    operation_id="upsertVectors",
    summary="Insert or replace vectors",
    dependencies=[Depends(require_scope("write"))],
    responses=error_responses(401, 403, 404, 422),
)
async def upsert_vectors(
    collection_id: str, body: VectorUpsertRequest, store: StoreDep
) -> VectorUpsertResponse:
    """Upsert up to 500 vectors. Every vector must match the collection's dimension."""
    items = [VectorItem(v.id, v.values, v.metadata) for v in body.vectors]
    upserted = await store.upsert(collection_id, items)
    return VectorUpsertResponse(upserted=upserted)


@router.post(
    "/search",
    response_model=SearchResponse,
    operation_id="searchVectors",
    summary="Similarity search",
    dependencies=[Depends(require_scope("read"))],
    responses=error_responses(401, 403, 404, 422),
)
async def search_vectors(
    collection_id: str, body: SearchRequest, store: StoreDep
) -> SearchResponse:
    """Return the ``top_k`` nearest vectors that pass all metadata filters."""
    started = time.perf_counter()
    hits = await store.search(
        collection_id,
        body.vector,
        k=body.top_k,
        metric=body.metric,
        filters=[f.to_filter() for f in body.filters],
        include_values=body.include_values,
    )
    took_ms = (time.perf_counter() - started) * 1000
    return SearchResponse(hits=[SearchHit.from_scored(h) for h in hits], took_ms=round(took_ms, 3))


@router.get(
    "/{vector_id}",
    response_model=VectorRecord,
    operation_id="getVector",
    summary="Fetch one vector",
    dependencies=[Depends(require_scope("read"))],
    responses=error_responses(401, 403, 404),
)
async def get_vector(collection_id: str, vector_id: str, store: StoreDep) -> VectorRecord:
    item = await store.get_vector(collection_id, vector_id)
    return VectorRecord(id=item.id, values=item.values, metadata=item.metadata)


@router.delete(
    "/{vector_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteVector",
    summary="Delete one vector",
    dependencies=[Depends(require_scope("write"))],
    responses=error_responses(401, 403, 404),
)
async def delete_vector(collection_id: str, vector_id: str, store: StoreDep) -> Response:
    await store.delete_vector(collection_id, vector_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
