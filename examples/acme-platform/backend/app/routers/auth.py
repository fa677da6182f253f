"""API key management. Every operation needs the ``admin`` scope."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from app.deps import ApiKeysDep, require_scope
from app.errors import ValidationFailedError
from app.models.auth import KNOWN_SCOPES, ApiKey, ApiKeyCreate, ApiKeyCreated, ApiKeyList
from app.routers import error_responses

router = APIRouter(
    prefix="/auth/api-keys", tags=["auth"], dependencies=[Depends(require_scope("admin"))]
)


@router.get(
    "",
    response_model=ApiKeyList,
    operation_id="listApiKeys",
    summary="List API keys",
    responses=error_responses(401, 403),
)
async def list_api_keys(keys: ApiKeysDep) -> ApiKeyList:
    return ApiKeyList(items=[ApiKey.from_record(r) for r in keys.list()])


@router.post(
    "",
    response_model=ApiKeyCreated,
    status_code=status.HTTP_201_CREATED,
    operation_id="createApiKey",
    summary="Create an API key",
    responses=error_responses(401, 403, 422),
)
async def create_api_key(body: ApiKeyCreate, keys: ApiKeysDep) -> ApiKeyCreated:
    """Create a key. The secret is in the response and is never shown again."""
    unknown = set(body.scopes) - KNOWN_SCOPES
    if unknown:
        raise ValidationFailedError(
            "unknown scopes", details={"unknown": sorted(unknown), "known": sorted(KNOWN_SCOPES)}
        )
    record, secret = keys.create(body.name, body.scopes, expires_in_days=body.expires_in_days)
    return ApiKeyCreated(**ApiKey.from_record(record).model_dump(), secret=secret)


@router.delete(
    "/{key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="revokeApiKey",
    summary="Revoke an API key",
    responses=error_responses(401, 403, 404),
)
async def revoke_api_key(key_id: str, keys: ApiKeysDep) -> Response:
    keys.revoke(key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
