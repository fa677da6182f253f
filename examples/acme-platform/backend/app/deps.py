"""FastAPI dependencies: access to shared services and API-key auth."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Header, Request

from app.agents.orchestrator import Orchestrator
from app.db.store import VectorStore
from app.errors import ForbiddenError, UnauthorizedError
from app.gateway import ModelGateway
from app.settings import Settings
from app.stores import ApiKeyRecord, ApiKeyStore, ConversationStore


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> VectorStore:
    return request.app.state.vector_store


def get_gateway(request: Request) -> ModelGateway:
    return request.app.state.gateway


def get_orchestrator(request: Request) -> Orchestrator:
    return request.app.state.orchestrator


def get_conversations(request: Request) -> ConversationStore:
    return request.app.state.conversations


def get_api_keys(request: Request) -> ApiKeyStore:
    return request.app.state.api_keys


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
StoreDep = Annotated[VectorStore, Depends(get_store)]
GatewayDep = Annotated[ModelGateway, Depends(get_gateway)]
OrchestratorDep = Annotated[Orchestrator, Depends(get_orchestrator)]
ConversationsDep = Annotated[ConversationStore, Depends(get_conversations)]
ApiKeysDep = Annotated[ApiKeyStore, Depends(get_api_keys)]


def extract_secret(x_api_key: str | None, authorization: str | None) -> str | None:
    """Accept ``X-API-Key: <secret>`` or ``Authorization: Bearer <secret>``."""
    if x_api_key:
        return x_api_key.strip()
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
    return None


async def require_api_key(
    request: Request,
    settings: SettingsDep,
    keys: ApiKeysDep,
    x_api_key: Annotated[str | None, Header()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> ApiKeyRecord | None:
    """Authenticate the caller. Returns ``None`` when auth is disabled."""
    if not settings.require_auth:
        return None
    secret = extract_secret(x_api_key, authorization)
    if secret is None:
        raise UnauthorizedError("missing API key")
    record = keys.verify(secret)
    if record is None:
        raise UnauthorizedError("invalid, expired or revoked API key")
    request.state.api_key = record
    return record


def require_scope(scope: str) -> Callable[..., Awaitable[None]]:
    """Dependency factory: the caller's key must carry ``scope`` (or ``admin``)."""

    async def check(
        record: Annotated[ApiKeyRecord | None, Depends(require_api_key)],
        settings: SettingsDep,
    ) -> None:
        if not settings.require_auth:
            return
        if record is None or not record.allows(scope):
            raise ForbiddenError(f"API key lacks the {scope!r} scope", details={"scope": scope})

    return check
