"""Vector collections: named sets of vectors with a fixed dimension and metric."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from app.deps import StoreDep, require_scope
from app.models.vectors import Collection, CollectionCreate, CollectionList
from app.routers import error_responses

router = APIRouter(prefix="/collections", tags=["collections"])


@router.get(
    "",
    response_model=CollectionList,
    operation_id="listCollections",
    summary="List collections",
    dependencies=[Depends(require_scope("read"))],
    responses=error_responses(401, 403),
)
async def list_collections(store: StoreDep) -> CollectionList:
    records = await store.list_collections()
    return CollectionList(items=[Collection.from_record(r) for r in records])


@router.post(
    "",
    response_model=Collection,
    status_code=status.HTTP_201_CREATED,
    operation_id="createCollection",
    summary="Create a collection",
    dependencies=[Depends(require_scope("write"))],
    responses=error_responses(401, 403, 409, 422),
)
async def create_collection(body: CollectionCreate, store: StoreDep) -> Collection:
    """Create an empty collection. Names are unique; a duplicate returns 409."""
    record = await store.create_collection(
        body.name, body.dimension, body.metric, body.description
    )
    return Collection.from_record(record)


@router.get(
    "/{collection_id}",
    response_model=Collection,
    operation_id="getCollection",
    summary="Get a collection",
    dependencies=[Depends(require_scope("read"))],
    responses=error_responses(401, 403, 404),
)
async def get_collection(collection_id: str, store: StoreDep) -> Collection:
    return Collection.from_record(await store.get_collection(collection_id))


@router.delete(
    "/{collection_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="deleteCollection",
    summary="Delete a collection and all of its vectors",
    dependencies=[Depends(require_scope("write"))],
    responses=error_responses(401, 403, 404),
)
async def delete_collection(collection_id: str, store: StoreDep) -> Response:
    await store.delete_collection(collection_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
