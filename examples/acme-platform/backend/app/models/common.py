"""Models shared by every router."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Error(BaseModel):
    """The body of every 4xx and 5xx response."""

    code: str = Field(description="Stable, machine-readable error code.", examples=["not_found"])
    message: str = Field(description="Human-readable explanation.")
    details: dict[str, Any] = Field(default_factory=dict)
    request_id: str | None = None


class Health(BaseModel):
    status: str = "ok"
    version: str


class Readiness(BaseModel):
    ready: bool
    checks: dict[str, bool]
