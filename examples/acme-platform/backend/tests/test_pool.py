"""Tests for app.db.pool: checkout/checkin, limits, recycling and replicas."""

from __future__ import annotations

import asyncio

import pytest

from app.db.pool import (
    ConnectionPool,
    PoolClosedError,
    PoolConfig,
    PoolManager,
    PoolTimeoutError,
)


class TestPoolConfig:
    def test_defaults_are_valid(self) -> None:
        config = PoolConfig(dsn="postgresql://localhost/acme")
        assert config.min_size <= config.max_size

    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"min_size": -1}, "min_size"),
            ({"max_size": 0}, "max_size"),
            ({"min_size": 5, "max_size": 2}, "max_size"),
            ({"acquire_timeout": 0}, "acquire_timeout"),
        ],
    )
    def test_rejects_invalid_sizes(self, kwargs: dict[str, float], message: str) -> None:
        with pytest.raises(ValueError, match=message):
            PoolConfig(dsn="postgresql://localhost/acme", **kwargs)


@pytest.mark.asyncio
async def test_open_creates_min_size_connections(pool_config, connection_factory) -> None:
    pool = ConnectionPool(pool_config, connection_factory)
    await pool.open()
    assert len(connection_factory.created) == pool_config.min_size
    assert pool.stats().idle == pool_config.min_size


@pytest.mark.asyncio
async def test_released_connection_is_reused(pool_config, connection_factory) -> None:
    pool = ConnectionPool(pool_config, connection_factory)
    async with pool.acquire() as first:
        pass
    async with pool.acquire() as second:
        assert second is first
    assert len(connection_factory.created) == 1


@pytest.mark.asyncio
async def test_acquire_times_out_when_exhausted(pool_config, connection_factory) -> None:
    pool = ConnectionPool(pool_config, connection_factory)
    async with pool.acquire(), pool.acquire():
        assert pool.stats().in_use == pool_config.max_size
        with pytest.raises(PoolTimeoutError):
            async with pool.acquire():
                pass
    assert pool.stats().in_use == 0


@pytest.mark.asyncio
async def test_waiter_gets_connection_when_one_is_released(pool_config, connection_factory) -> None:
    pool = ConnectionPool(
        PoolConfig(dsn=pool_config.dsn, max_size=1, acquire_timeout=1.0), connection_factory
    )
    order: list[str] = []

    async def holder() -> None:
        async with pool.acquire():
            order.append("holder")
            await asyncio.sleep(0.01)

    async def waiter() -> None:
        async with pool.acquire():
            order.append("waiter")

    await asyncio.gather(holder(), waiter())
    assert order == ["holder", "waiter"]
    assert len(connection_factory.created) == 1


@pytest.mark.asyncio
async def test_broken_connection_is_discarded(pool_config, connection_factory) -> None:
    pool = ConnectionPool(pool_config, connection_factory)
    with pytest.raises(ConnectionResetError):
        async with pool.acquire() as conn:
            conn.fail_with = ConnectionResetError("server closed the connection")
            await conn.execute("SELECT 1")
    assert connection_factory.created[0].closed
    async with pool.acquire() as conn:
        assert conn is connection_factory.created[1]


@pytest.mark.asyncio
async def test_idle_connections_expire(pool_config, connection_factory) -> None:
    now = [0.0]
    config = PoolConfig(dsn=pool_config.dsn, max_idle_seconds=60)
    pool = ConnectionPool(config, connection_factory, clock=lambda: now[0])
    async with pool.acquire():
        pass
    now[0] = 61.0
    async with pool.acquire() as conn:
        assert conn.number == 2
    assert connection_factory.created[0].closed


@pytest.mark.asyncio
async def test_closed_pool_refuses_checkout(pool_config, connection_factory) -> None:
    pool = ConnectionPool(pool_config, connection_factory)
    await pool.open()
    await pool.close()
    assert all(conn.closed for conn in connection_factory.created)
    with pytest.raises(PoolClosedError):
        async with pool.acquire():
            pass


@pytest.mark.asyncio
async def test_manager_round_robins_replicas(connection_factory) -> None:
    manager = PoolManager(factory_builder=lambda config: connection_factory)
    primary = manager.add(PoolConfig(dsn="postgresql://primary/acme"))
    replica_a = manager.add(PoolConfig(dsn="postgresql://a/acme", name="a"), replica=True)
    replica_b = manager.add(PoolConfig(dsn="postgresql://b/acme", name="b"), replica=True)

    assert [manager.reader() for _ in range(4)] == [replica_a, replica_b, replica_a, replica_b]
    await replica_a.close()
    assert manager.reader() is replica_b
    assert manager.primary is primary


@pytest.mark.asyncio
async def test_manager_health_reports_each_pool(connection_factory) -> None:
    manager = PoolManager(factory_builder=lambda config: connection_factory)
    manager.add(PoolConfig(dsn="postgresql://primary/acme"))
    manager.add(PoolConfig(dsn="postgresql://r/acme", name="replica-0"), replica=True)
    await manager.open_all()
    assert await manager.health() == {"primary": True, "replica-0": True}
    await manager.close_all()


def test_reader_without_replicas_falls_back_to_primary(connection_factory) -> None:
    manager = PoolManager(factory_builder=lambda config: connection_factory)
    primary = manager.add(PoolConfig(dsn="postgresql://primary/acme"))
    assert manager.reader() is primary


def test_second_primary_is_rejected(connection_factory) -> None:
    manager = PoolManager(factory_builder=lambda config: connection_factory)
    manager.add(PoolConfig(dsn="postgresql://primary/acme"))
    with pytest.raises(ValueError, match="primary"):
        manager.add(PoolConfig(dsn="postgresql://other/acme"))
