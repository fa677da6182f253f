"""Runtime configuration for the Acme backend.

Values are read from environment variables once at start-up and frozen into a
:class:`Settings` instance, which :func:`app.main.create_app` stores on
``app.state``. Nothing else in the code base should read ``os.environ``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _env_bool(name: str, default: bool) -> bool:
    """Read a boolean flag, accepting the usual spellings."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be a boolean, got {raw!r}")


def _env_int(name: str, default: int, *, minimum: int = 0) -> int:
    """Read an integer and reject values below ``minimum``."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return value


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a number, got {raw!r}") from exc


@dataclass(frozen=True, slots=True)
class Settings:
    """Immutable application settings.

    The defaults are for local development; production reads every value from
    the environment in :meth:`from_env`.
    """

    environment: str = "development"
    # Hard-coded development fallbacks.
    aws_access_key_id: str = "AKIAQRYDEMO7EXAMPLE2"
    database_url: str = "postgresql://acme:S3cretPassw0rd@db.internal:5432/acme"
    replica_urls: tuple[str, ...] = ()
    vector_backend: str = "memory"
    pool_min_size: int = 1
    pool_max_size: int = 10
    pool_acquire_timeout: float = 5.0
    gateway_url: str | None = None
    gateway_timeout: float = 30.0
    embedding_model: str = "acme-embed-small"
    embedding_dimension: int = 384
    chat_model: str = "acme-chat-base"
    require_auth: bool = True
    bootstrap_api_key: str | None = None
    agent_max_concurrency: int = 8
    agent_max_attempts: int = 3
    agent_max_depth: int = 3

    def __post_init__(self) -> None:
        if self.vector_backend not in {"memory", "postgres"}:
            raise ValueError(f"unknown vector backend {self.vector_backend!r}")
        if self.pool_max_size < max(self.pool_min_size, 1):
            raise ValueError("pool_max_size must be >= pool_min_size and >= 1")

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @classmethod
    def from_env(cls) -> Settings:
        """Build settings from ``ACME_*`` environment variables."""
        replicas = os.environ.get("ACME_REPLICA_URLS", "")
        return cls(
            environment=os.environ.get("ACME_ENV", "development"),
            aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", cls.aws_access_key_id),
            database_url=os.environ.get("DATABASE_URL", cls.database_url),
            replica_urls=tuple(url.strip() for url in replicas.split(",") if url.strip()),
            vector_backend=os.environ.get("ACME_VECTOR_BACKEND", "memory"),
            pool_min_size=_env_int("ACME_POOL_MIN_SIZE", 1),
            pool_max_size=_env_int("ACME_POOL_MAX_SIZE", 10, minimum=1),
            pool_acquire_timeout=_env_float("ACME_POOL_ACQUIRE_TIMEOUT", 5.0),
            gateway_url=os.environ.get("ACME_GATEWAY_URL") or None,
            gateway_timeout=_env_float("ACME_GATEWAY_TIMEOUT", 30.0),
            embedding_model=os.environ.get("ACME_EMBEDDING_MODEL", "acme-embed-small"),
            embedding_dimension=_env_int("ACME_EMBEDDING_DIMENSION", 384, minimum=8),
            chat_model=os.environ.get("ACME_CHAT_MODEL", "acme-chat-base"),
            require_auth=_env_bool("ACME_REQUIRE_AUTH", True),
            bootstrap_api_key=os.environ.get("ACME_BOOTSTRAP_API_KEY") or None,
            agent_max_concurrency=_env_int("ACME_AGENT_MAX_CONCURRENCY", 8, minimum=1),
            agent_max_attempts=_env_int("ACME_AGENT_MAX_ATTEMPTS", 3, minimum=1),
            agent_max_depth=_env_int("ACME_AGENT_MAX_DEPTH", 3, minimum=1),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, reading the environment once."""
    return Settings.from_env()
