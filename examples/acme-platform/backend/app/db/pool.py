"""Async connection pooling for PostgreSQL behind pgbouncer.

Acme runs pgbouncer in *transaction* pooling mode in front of every Postgres
cluster. Two consequences shape this module:

* Server-side prepared statements cannot be used, because consecutive
  statements from one client connection may land on different server
  connections. :func:`asyncpg_factory` therefore disables asyncpg's
  statement cache.
* pgbouncer already multiplexes server connections, so the pool here stays
  small. Its job is to bound concurrency per process, to hand out idle
  connections quickly, and to recycle connections that pgbouncer (or a
  network blip) has closed underneath us.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol

logger = logging.getLogger(__name__)

#: Exceptions that mean the connection itself is unusable afterwards.
BROKEN_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (ConnectionError, OSError)


class PoolError(RuntimeError):
    """Base class for pool failures."""


class PoolClosedError(PoolError):
    """The pool was closed; no further connections are handed out."""


class PoolTimeoutError(PoolError):
    """No connection became available within ``acquire_timeout``."""


class Connection(Protocol):
    """The subset of :class:`asyncpg.Connection` the backend relies on."""

    async def execute(self, query: str, *args: Any) -> str: ...

    async def fetch(self, query: str, *args: Any) -> list[Any]: ...

    async def fetchrow(self, query: str, *args: Any) -> Any | None: ...

    def transaction(self) -> AbstractAsyncContextManager[Any]: ...

    async def close(self) -> None: ...

    def is_closed(self) -> bool: ...


ConnectionFactory = Callable[[], Awaitable[Connection]]


@dataclass(frozen=True, slots=True)
class PoolConfig:
    """Sizing and timeout settings for one :class:`ConnectionPool`."""

    dsn: str
    name: str = "primary"
    min_size: int = 1
    max_size: int = 10
    acquire_timeout: float = 5.0
    max_idle_seconds: float = 300.0

    def __post_init__(self) -> None:
        if self.min_size < 0:
            raise ValueError("min_size must be >= 0")
        if self.max_size < 1 or self.max_size < self.min_size:
            raise ValueError("max_size must be >= 1 and >= min_size")
        if self.acquire_timeout <= 0:
            raise ValueError("acquire_timeout must be positive")


@dataclass(frozen=True, slots=True)
class PoolStats:
    """A point-in-time snapshot, exported on the readiness endpoint."""

    name: str
    size: int
    idle: int
    in_use: int
    waiting: int
    max_size: int


@dataclass(slots=True)
class _IdleConnection:
    conn: Connection
    released_at: float


class ConnectionPool:
    """A bounded pool of database connections.

    At most ``max_size`` connections exist at any time. Idle connections are
    reused most-recently-released first, so that surplus connections age out
    and are closed once they have been idle for ``max_idle_seconds``.

    Usage::

        pool = ConnectionPool(PoolConfig(dsn=url), asyncpg_factory(config))
        await pool.open()
        async with pool.acquire() as conn:
            rows = await conn.fetch("SELECT 1")
    """

    def __init__(
        self,
        config: PoolConfig,
        factory: ConnectionFactory,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._config = config
        self._factory = factory
        self._clock = clock
        self._idle: deque[_IdleConnection] = deque()
        self._in_use: set[Connection] = set()
        self._slots = asyncio.Semaphore(config.max_size)
        self._waiting = 0
        self._closed = False

    @property
    def config(self) -> PoolConfig:
        return self._config

    @property
    def closed(self) -> bool:
        return self._closed

    def stats(self) -> PoolStats:
        return PoolStats(
            name=self._config.name,
            size=len(self._idle) + len(self._in_use),
            idle=len(self._idle),
            in_use=len(self._in_use),
            waiting=self._waiting,
            max_size=self._config.max_size,
        )

    async def open(self) -> None:
        """Pre-create ``min_size`` connections so the first requests are fast."""
        if self._closed:
            raise PoolClosedError(f"pool {self._config.name!r} is closed")
        while len(self._idle) < self._config.min_size:
            conn = await self._factory()
            self._idle.append(_IdleConnection(conn, self._clock()))
        logger.info("pool %s opened with %d connections", self._config.name, len(self._idle))

    async def close(self) -> None:
        """Close idle connections now; in-use ones are closed when released."""
        self._closed = True
        while self._idle:
            await self._close_quietly(self._idle.pop().conn)

    @asynccontextmanager
    async def acquire(self) -> AsyncIterator[Connection]:
        """Borrow a connection for the duration of the ``async with`` block.

        If the block raises one of :data:`BROKEN_CONNECTION_ERRORS` the
        connection is closed instead of being returned to the pool.
        """
        conn = await self._checkout()
        broken = False
        try:
            yield conn
        except BROKEN_CONNECTION_ERRORS:
            broken = True
            raise
        finally:
            await self._checkin(conn, discard=broken)

    async def execute(self, query: str, *args: Any) -> str:
        async with self.acquire() as conn:
            return await conn.execute(query, *args)

    async def fetch(self, query: str, *args: Any) -> list[Any]:
        async with self.acquire() as conn:
            return await conn.fetch(query, *args)

    async def fetchrow(self, query: str, *args: Any) -> Any | None:
        async with self.acquire() as conn:
            return await conn.fetchrow(query, *args)

    async def ping(self) -> bool:
        """Return ``True`` if a trivial query succeeds."""
        try:
            await self.fetchrow("SELECT 1")
        except (PoolError, *BROKEN_CONNECTION_ERRORS) as exc:
            logger.warning("pool %s ping failed: %s", self._config.name, exc)
            return False
        return True

    async def _checkout(self) -> Connection:
        if self._closed:
            raise PoolClosedError(f"pool {self._config.name!r} is closed")
        self._waiting += 1
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout=self._config.acquire_timeout)
        except TimeoutError as exc:
            raise PoolTimeoutError(
                f"no connection available in pool {self._config.name!r} "
                f"after {self._config.acquire_timeout:.1f}s"
            ) from exc
        finally:
            self._waiting -= 1

        try:
            if self._closed:
                raise PoolClosedError(f"pool {self._config.name!r} is closed")
            conn = await self._take_idle() or await self._factory()
        except BaseException:
            self._slots.release()
            raise
        self._in_use.add(conn)
        return conn

    async def _take_idle(self) -> Connection | None:
        now = self._clock()
        while self._idle:
            entry = self._idle.pop()
            if entry.conn.is_closed():
                continue
            if now - entry.released_at > self._config.max_idle_seconds:
                await self._close_quietly(entry.conn)
                continue
            return entry.conn
        return None

    async def _checkin(self, conn: Connection, *, discard: bool) -> None:
        self._in_use.discard(conn)
        try:
            if discard or self._closed or conn.is_closed():
                await self._close_quietly(conn)
            else:
                self._idle.append(_IdleConnection(conn, self._clock()))
        finally:
            self._slots.release()

    @staticmethod
    async def _close_quietly(conn: Connection) -> None:
        try:
            await conn.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            logger.debug("error while closing connection", exc_info=True)


def asyncpg_factory(config: PoolConfig) -> ConnectionFactory:
    """Build a factory that opens asyncpg connections suitable for pgbouncer."""

    async def connect() -> Connection:
        import asyncpg  # imported lazily so unit tests do not need the driver

        return await asyncpg.connect(
            dsn=config.dsn,
            timeout=config.acquire_timeout,
            statement_cache_size=0,  # required with pgbouncer transaction pooling
            server_settings={"application_name": f"acme-backend:{config.name}"},
        )

    return connect


class PoolManager:
    """Owns the primary pool and any number of read-replica pools.

    Writes always go to :attr:`primary`. :meth:`reader` spreads reads over
    the replicas round-robin and falls back to the primary when there are
    none, so callers never need to know the topology.
    """

    def __init__(
        self, factory_builder: Callable[[PoolConfig], ConnectionFactory] = asyncpg_factory
    ) -> None:
        self._factory_builder = factory_builder
        self._primary: ConnectionPool | None = None
        self._replicas: list[ConnectionPool] = []
        self._cycle: itertools.cycle[ConnectionPool] | None = None

    def add(self, config: PoolConfig, *, replica: bool = False) -> ConnectionPool:
        """Create and register a pool; it is opened by :meth:`open_all`."""
        pool = ConnectionPool(config, self._factory_builder(config))
        if replica:
            self._replicas.append(pool)
            self._cycle = itertools.cycle(self._replicas)
        elif self._primary is not None:
            raise ValueError("a primary pool is already registered")
        else:
            self._primary = pool
        return pool

    @property
    def primary(self) -> ConnectionPool:
        if self._primary is None:
            raise PoolError("no primary pool registered")
        return self._primary

    def reader(self) -> ConnectionPool:
        """Pick the pool for a read-only query."""
        if self._cycle is None:
            return self.primary
        for _ in range(len(self._replicas)):
            pool = next(self._cycle)
            if not pool.closed:
                return pool
        return self.primary

    def pools(self) -> list[ConnectionPool]:
        head = [self._primary] if self._primary is not None else []
        return head + self._replicas

    async def open_all(self) -> None:
        await asyncio.gather(*(pool.open() for pool in self.pools()))

    async def close_all(self) -> None:
        await asyncio.gather(*(pool.close() for pool in self.pools()), return_exceptions=True)

    async def health(self) -> dict[str, bool]:
        """Ping every pool and report the result by pool name."""
        pools = self.pools()
        results = await asyncio.gather(*(pool.ping() for pool in pools))
        return {pool.config.name: ok for pool, ok in zip(pools, results, strict=True)}
