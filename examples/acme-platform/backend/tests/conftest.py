"""Shared fixtures: fake database connections, app settings and an API client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.db.pool import PoolConfig
from app.db.similarity import VectorItem
from app.main import create_app
from app.settings import Settings
from tests.fakes import FakeConnectionFactory

ADMIN_KEY = "test-admin-key-0001"


@pytest.fixture
def connection_factory() -> FakeConnectionFactory:
    return FakeConnectionFactory()


@pytest.fixture
def pool_config() -> PoolConfig:
    return PoolConfig(dsn="postgresql://pgbouncer.test:6432/acme", min_size=1, max_size=2,
                      acquire_timeout=0.05)


@pytest.fixture
def sample_items() -> list[VectorItem]:
    return [
        VectorItem("doc-1", [1.0, 0.0, 0.0], {"lang": "en", "year": 2021}),
        VectorItem("doc-2", [0.8, 0.6, 0.0], {"lang": "de", "year": 2023}),
        VectorItem("doc-3", [0.0, 1.0, 0.0], {"lang": "en", "year": 2024}),
        VectorItem("doc-4", [0.0, 0.0, 1.0], {"lang": "fr"}),
    ]


@pytest.fixture
def settings() -> Settings:
    return Settings(
        environment="test",
        vector_backend="memory",
        embedding_dimension=64,
        require_auth=True,
        bootstrap_api_key=ADMIN_KEY,
        agent_max_attempts=2,
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    """A test client with the lifespan running (services on ``app.state``)."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def admin_headers() -> dict[str, str]:
    return {"X-API-Key": ADMIN_KEY}


@pytest.fixture
def read_only_headers(client: TestClient, admin_headers: dict[str, str]) -> dict[str, str]:
    response = client.post(
        "/v1/auth/api-keys", json={"name": "reader", "scopes": ["read"]}, headers=admin_headers
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['secret']}"}
