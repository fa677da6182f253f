"""Domain errors raised by services and translated to HTTP responses.

Routers never build error responses by hand: they raise one of these and the
handler installed by :func:`app.main.create_app` renders the shared ``Error``
schema with the matching status code.
"""

from __future__ import annotations

from typing import Any


class AcmeError(Exception):
    """Base class for errors that map onto an HTTP status."""

    status_code: int = 500
    code: str = "internal_error"

    def __init__(self, message: str, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class ValidationFailedError(AcmeError):
    status_code = 422
    code = "validation_failed"


class UnauthorizedError(AcmeError):
    status_code = 401
    code = "unauthorized"


class ForbiddenError(AcmeError):
    status_code = 403
    code = "forbidden"


class NotFoundError(AcmeError):
    status_code = 404
    code = "not_found"


class ConflictError(AcmeError):
    status_code = 409
    code = "conflict"


class UpstreamError(AcmeError):
    """The model gateway or another dependency returned an error."""

    status_code = 502
    code = "upstream_error"


class ServiceUnavailableError(AcmeError):
    status_code = 503
    code = "service_unavailable"
