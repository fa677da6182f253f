"""HTTP routers. Each module exposes ``router``; ``app.main`` mounts them."""

from __future__ import annotations

from typing import Any

from app.models.common import Error

_DESCRIPTIONS = {
    400: "Bad request",
    401: "Missing or invalid API key",
    403: "API key lacks the required scope",
    404: "Resource not found",
    409: "Conflict with the current state",
    422: "Validation failed",
    502: "The model gateway failed",
    503: "Service unavailable",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entries documenting the shared ``Error`` body."""
    return {code: {"model": Error, "description": _DESCRIPTIONS[code]} for code in codes}
