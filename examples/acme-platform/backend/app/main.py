"""Application factory for the Acme platform API.

Run locally with::

    uvicorn app.main:app --reload

Every ``/v1`` router requires an API key (``X-API-Key`` header or a bearer
token); the health probes do not.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from app import __version__
from app.agents import AgentRegistry, Orchestrator, RetryPolicy
from app.agents.specialists import PlannerAgent, ResearchAgent, SummarizerAgent
from app.db.pool import PoolConfig, PoolManager
from app.db.similarity import ScoredItem
from app.db.store import InMemoryVectorStore, PostgresVectorStore, VectorStore
from app.deps import require_api_key
from app.errors import AcmeError
from app.gateway import ChatTurn, HttpModelGateway, LocalGateway, ModelGateway
from app.models.common import Error
from app.routers import agents, auth, chat, collections, embeddings, health, rag, tasks
from app.routers import vectors as vectors_router
from app.settings import Settings, get_settings
from app.stores import ApiKeyStore, ConversationStore

logger = logging.getLogger("acme")

API_PREFIX = "/v1"


def build_orchestrator(
    settings: Settings, store: VectorStore, gateway: ModelGateway
) -> Orchestrator:
    """Register the specialised agents and wire them to the store and gateway."""

    async def search(collection_id: str, question: str, k: int) -> list[ScoredItem]:
        [vector] = await gateway.embed([question])
        return await store.search(collection_id, vector, k=k)

    async def complete(turns: Sequence[ChatTurn]) -> str:
        return (await gateway.complete(turns, temperature=0.0)).text

    registry = AgentRegistry()
    registry.register(PlannerAgent, max_instances=2)
    registry.register(
        ResearchAgent,
        factory=lambda: ResearchAgent(search, complete),
        max_instances=settings.agent_max_concurrency,
    )
    registry.register(SummarizerAgent, factory=lambda: SummarizerAgent(complete), max_instances=4)
    return Orchestrator(
        registry,
        retry=RetryPolicy(max_attempts=settings.agent_max_attempts),
        max_concurrency=settings.agent_max_concurrency,
        max_depth=settings.agent_max_depth,
    )


def build_pools(settings: Settings) -> PoolManager:
    pools = PoolManager()
    sizing = {
        "min_size": settings.pool_min_size,
        "max_size": settings.pool_max_size,
        "acquire_timeout": settings.pool_acquire_timeout,
    }
    pools.add(PoolConfig(dsn=settings.database_url, name="primary", **sizing))
    for index, url in enumerate(settings.replica_urls):
        pools.add(PoolConfig(dsn=url, name=f"replica-{index}", **sizing), replica=True)
    return pools


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    pools: PoolManager | None = None
    store: VectorStore
    if settings.vector_backend == "postgres":
        pools = build_pools(settings)
        await pools.open_all()
        store = PostgresVectorStore(pools)
    else:
        store = InMemoryVectorStore()

    gateway: ModelGateway
    if settings.gateway_url:
        gateway = HttpModelGateway(
            settings.gateway_url,
            embedding_model=settings.embedding_model,
            chat_model=settings.chat_model,
            timeout=settings.gateway_timeout,
        )
    else:
        logger.warning("ACME_GATEWAY_URL is not set; using the offline LocalGateway")
        gateway = LocalGateway(dimension=settings.embedding_dimension)

    api_keys = ApiKeyStore()
    if settings.bootstrap_api_key:
        api_keys.register_secret(settings.bootstrap_api_key, "bootstrap", {"admin"})

    orchestrator = build_orchestrator(settings, store, gateway)
    app.state.vector_store = store
    app.state.gateway = gateway
    app.state.api_keys = api_keys
    app.state.conversations = ConversationStore()
    app.state.orchestrator = orchestrator
    try:
        yield
    finally:
        await orchestrator.shutdown()
        await gateway.aclose()
        if pools is not None:
            await pools.close_all()


def _error_response(request: Request, status_code: int, error: Error) -> JSONResponse:
    error.request_id = getattr(request.state, "request_id", None)
    headers = {"WWW-Authenticate": "Bearer"} if status_code == 401 else None
    return JSONResponse(status_code=status_code, content=error.model_dump(), headers=headers)


async def handle_acme_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AcmeError)
    if exc.status_code >= 500:
        logger.error("%s %s failed: %s", request.method, request.url.path, exc.message)
    return _error_response(
        request, exc.status_code, Error(code=exc.code, message=exc.message, details=exc.details)
    )


async def handle_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": [str(part) for part in err["loc"]], "msg": err["msg"], "type": err["type"]}
        for err in exc.errors()
    ]
    return _error_response(
        request,
        422,
        Error(
            code="validation_failed",
            message="request validation failed",
            details={"errors": errors},
        ),
    )


async def request_id_middleware(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Propagate ``X-Request-ID`` (or mint one) for log correlation."""
    request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
    request.state.request_id = request_id
    response = await call_next(request)
    response.headers["X-Request-ID"] = request_id
    return response


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the FastAPI application. Tests pass their own ``Settings``."""
    app = FastAPI(
        title="Acme Platform API",
        version=__version__,
        lifespan=lifespan,
        openapi_url=f"{API_PREFIX}/openapi.json",
    )
    app.state.settings = settings or get_settings()
    app.add_exception_handler(AcmeError, handle_acme_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.middleware("http")(request_id_middleware)

    protected = [Depends(require_api_key)]
    app.include_router(health.router)
    app.include_router(auth.router, prefix=API_PREFIX, dependencies=protected)
    app.include_router(collections.router, prefix=API_PREFIX, dependencies=protected)
    app.include_router(vectors_router.router, prefix=API_PREFIX, dependencies=protected)
    app.include_router(embeddings.router, prefix=API_PREFIX, dependencies=protected)
    app.include_router(chat.router, prefix=API_PREFIX, dependencies=protected)
    app.include_router(rag.router, prefix=API_PREFIX, dependencies=protected)
    app.include_router(agents.router, prefix=API_PREFIX, dependencies=protected)
    app.include_router(tasks.router, prefix=API_PREFIX, dependencies=protected)
    return app


app = create_app()
