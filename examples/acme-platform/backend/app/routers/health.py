"""Liveness and readiness probes. Mounted without the ``/v1`` prefix."""

from __future__ import annotations

from fastapi import APIRouter

from app import __version__
from app.deps import StoreDep
from app.errors import ServiceUnavailableError
from app.models.common import Health, Readiness
from app.routers import error_responses

router = APIRouter(prefix="/health", tags=["health"])


@router.get("", response_model=Health, operation_id="getHealth", summary="Liveness probe")
async def get_health() -> Health:
    """Return 200 as long as the process is serving requests."""
    return Health(status="ok", version=__version__)


@router.get(
    "/ready",
    response_model=Readiness,
    operation_id="getReadiness",
    summary="Readiness probe",
    responses=error_responses(503),
)
async def get_readiness(store: StoreDep) -> Readiness:
    """Check the vector store; respond 503 if it cannot serve queries."""
    checks = {"vector_store": await store.ping()}
    if not all(checks.values()):
        raise ServiceUnavailableError("dependencies are not ready", details={"checks": checks})
    return Readiness(ready=True, checks=checks)
