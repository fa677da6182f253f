"""Test doubles for database connections."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any


class FakeConnection:
    """Stands in for ``asyncpg.Connection``; records every statement."""

    def __init__(self, number: int, rows: list[dict[str, Any]] | None = None) -> None:
        self.number = number
        self.rows = rows or []
        self.statements: list[tuple[str, tuple[Any, ...]]] = []
        self.closed = False
        self.fail_with: BaseException | None = None

    async def execute(self, query: str, *args: Any) -> str:
        self._record(query, args)
        return "OK 1"

    async def fetch(self, query: str, *args: Any) -> list[dict[str, Any]]:
        self._record(query, args)
        return list(self.rows)

    async def fetchrow(self, query: str, *args: Any) -> dict[str, Any] | None:
        self._record(query, args)
        return self.rows[0] if self.rows else {"?column?": 1}

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        self.statements.append(("BEGIN", ()))
        yield
        self.statements.append(("COMMIT", ()))

    async def close(self) -> None:
        self.closed = True

    def is_closed(self) -> bool:
        return self.closed

    def _record(self, query: str, args: tuple[Any, ...]) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.statements.append((query, args))


class FakeConnectionFactory:
    """Callable connection factory that remembers what it created."""

    def __init__(self) -> None:
        self.created: list[FakeConnection] = []
        self.rows: list[dict[str, Any]] = []

    async def __call__(self) -> FakeConnection:
        conn = FakeConnection(len(self.created) + 1, self.rows)
        self.created.append(conn)
        return conn
