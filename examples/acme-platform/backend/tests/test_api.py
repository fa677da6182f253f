"""End-to-end tests of the HTTP API through FastAPI's TestClient."""

from __future__ import annotations

import time
from functools import partial

import pytest
from fastapi.testclient import TestClient

DIM = 64


def unit(index: int) -> list[float]:
    values = [0.0] * DIM
    values[index] = 1.0
    return values


def create_collection(client: TestClient, headers: dict[str, str], name: str = "docs") -> str:
    response = client.post(
        "/v1/collections", json={"name": name, "dimension": DIM}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_health_needs_no_key(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "X-Request-ID" in response.headers


def test_readiness(client: TestClient) -> None:
    assert client.get("/health/ready").json() == {"ready": True, "checks": {"vector_store": True}}


def test_missing_key_returns_error_schema(client: TestClient) -> None:
    response = client.get("/v1/collections", headers={"X-Request-ID": "req-42"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json() == {
        "code": "unauthorized",
        "message": "missing API key",
        "details": {},
        "request_id": "req-42",
    }


def test_read_only_key_cannot_write(client: TestClient, read_only_headers) -> None:
    assert client.get("/v1/collections", headers=read_only_headers).status_code == 200
    response = client.post(
        "/v1/collections", json={"name": "nope", "dimension": 3}, headers=read_only_headers
    )
    assert response.status_code == 403
    assert response.json()["details"] == {"scope": "write"}


class TestCollectionsApi:
    def test_create_get_list_delete(self, client: TestClient, admin_headers) -> None:
        collection_id = create_collection(client, admin_headers)

        fetched = client.get(f"/v1/collections/{collection_id}", headers=admin_headers).json()
        assert fetched["metric"] == "cosine"
        assert fetched["vector_count"] == 0

        listed = client.get("/v1/collections", headers=admin_headers).json()
        assert [c["id"] for c in listed["items"]] == [collection_id]

        deleted = client.delete(f"/v1/collections/{collection_id}", headers=admin_headers)
        assert deleted.status_code == 204
        missing = client.get(f"/v1/collections/{collection_id}", headers=admin_headers)
        assert missing.status_code == 404
        assert missing.json()["code"] == "not_found"

    def test_duplicate_name_conflicts(self, client: TestClient, admin_headers) -> None:
        create_collection(client, admin_headers, "dup")
        response = client.post(
            "/v1/collections", json={"name": "dup", "dimension": DIM}, headers=admin_headers
        )
        assert response.status_code == 409

    @pytest.mark.parametrize(
        "body",
        [
            {"name": "Bad Name", "dimension": 8},
            {"name": "ok", "dimension": 0},
            {"name": "ok", "dimension": 8, "metric": "manhattan"},
            {"name": "ok", "dimension": 8, "unexpected": True},
        ],
    )
    def test_invalid_bodies_are_rejected(self, client: TestClient, admin_headers, body) -> None:
        response = client.post("/v1/collections", json=body, headers=admin_headers)
        assert response.status_code == 422
        assert response.json()["code"] == "validation_failed"


class TestVectorsApi:
    def test_upsert_and_search(self, client: TestClient, admin_headers) -> None:
        collection_id = create_collection(client, admin_headers)
        vectors = [
            {"id": "a", "values": unit(0), "metadata": {"team": "search"}},
            {"id": "b", "values": unit(1), "metadata": {"team": "agents"}},
        ]
        upsert = client.post(
            f"/v1/collections/{collection_id}/vectors",
            json={"vectors": vectors},
            headers=admin_headers,
        )
        assert upsert.json() == {"upserted": 2}

        search = client.post(
            f"/v1/collections/{collection_id}/vectors/search",
            json={"vector": unit(1), "top_k": 1},
            headers=admin_headers,
        ).json()
        assert [hit["id"] for hit in search["hits"]] == ["b"]
        assert search["hits"][0]["score"] == pytest.approx(1.0)

        filtered = client.post(
            f"/v1/collections/{collection_id}/vectors/search",
            json={
                "vector": unit(1),
                "filters": [{"field": "team", "op": "eq", "value": "search"}],
            },
            headers=admin_headers,
        ).json()
        assert [hit["id"] for hit in filtered["hits"]] == ["a"]

    def test_dimension_mismatch_is_422(self, client: TestClient, admin_headers) -> None:
        collection_id = create_collection(client, admin_headers)
        response = client.post(
            f"/v1/collections/{collection_id}/vectors",
            json={"vectors": [{"id": "short", "values": [1.0, 2.0]}]},
            headers=admin_headers,
        )
        assert response.status_code == 422
        assert response.json()["details"]["expected"] == DIM

    def test_get_and_delete_vector(self, client: TestClient, admin_headers) -> None:
        collection_id = create_collection(client, admin_headers)
        base = f"/v1/collections/{collection_id}/vectors"
        client.post(base, json={"vectors": [{"id": "x", "values": unit(3)}]}, headers=admin_headers)

        assert client.get(f"{base}/x", headers=admin_headers).json()["values"] == unit(3)
        assert client.delete(f"{base}/x", headers=admin_headers).status_code == 204
        assert client.get(f"{base}/x", headers=admin_headers).status_code == 404


def test_embeddings_are_indexed_in_order(client: TestClient, admin_headers) -> None:
    response = client.post(
        "/v1/embeddings", json={"input": ["first text", "second text"]}, headers=admin_headers
    )
    body = response.json()
    assert [row["index"] for row in body["data"]] == [0, 1]
    assert all(len(row["values"]) == DIM for row in body["data"])
    assert body["usage"]["completion_tokens"] == 0


def test_chat_keeps_conversation_history(client: TestClient, admin_headers) -> None:
    first = client.post(
        "/v1/chat/completions",
        json={"messages": [{"role": "user", "content": "Hello there. How are you?"}]},
        headers=admin_headers,
    ).json()
    conversation_id = first["conversation_id"]
    assert first["message"]["role"] == "assistant"

    client.post(
        "/v1/chat/completions",
        json={
            "conversation_id": conversation_id,
            "messages": [{"role": "user", "content": "Tell me more."}],
        },
        headers=admin_headers,
    )
    history = client.get(f"/v1/chat/conversations/{conversation_id}", headers=admin_headers)
    assert [m["role"] for m in history.json()["messages"]] == [
        "user",
        "assistant",
        "user",
        "assistant",
    ]


def test_rag_ingest_and_query(client: TestClient, admin_headers) -> None:
    collection_id = create_collection(client, admin_headers, "handbook")
    ingest = client.post(
        "/v1/rag/documents",
        json={
            "collection_id": collection_id,
            "document_id": "oncall",
            "text": "Page the database on-call for pool exhaustion alerts. " * 3,
            "chunk_size": 16,
            "chunk_overlap": 4,
        },
        headers=admin_headers,
    )
    assert ingest.status_code == 201
    assert ingest.json()["chunks"] >= 1

    answer = client.post(
        "/v1/rag/query",
        json={"collection_id": collection_id, "question": "Who handles pool exhaustion?"},
        headers=admin_headers,
    ).json()
    assert answer["citations"][0]["vector_id"].startswith("oncall:")
    assert "text" not in answer["citations"][0]["metadata"]


def test_agent_run_lifecycle(client: TestClient, admin_headers) -> None:
    collection_id = create_collection(client, admin_headers, "kb")
    started = client.post(
        "/v1/agents/runs",
        json={
            "goal": "What is a pool? What is a partition",
            "metadata": {"collection_id": collection_id},
        },
        headers=admin_headers,
    )
    assert started.status_code == 202
    run_id = started.json()["id"]

    run = started.json()
    for _ in range(100):
        run = client.get(f"/v1/agents/runs/{run_id}", headers=admin_headers).json()
        if run["status"] in {"succeeded", "failed", "cancelled"}:
            break
        time.sleep(0.01)
    assert run["status"] == "succeeded"
    assert len(run["root"]["children"]) == 2

    tasks = client.get(
        "/v1/tasks", params={"run_id": run_id, "status": "succeeded"}, headers=admin_headers
    ).json()
    assert len(tasks["items"]) == 3
    assert all(task["children"] == [] for task in tasks["items"])


def test_unknown_capability_is_rejected(client: TestClient, admin_headers) -> None:
    response = client.post(
        "/v1/agents/runs", json={"goal": "x", "capability": "teleport"}, headers=admin_headers
    )
    assert response.status_code == 422


def test_retrying_a_succeeded_task_conflicts(client: TestClient, admin_headers) -> None:
    orchestrator = client.app.state.orchestrator
    run = client.portal.call(partial(orchestrator.run, "hello", capability="summarize"))
    response = client.post(f"/v1/tasks/{run.root.id}/retry", headers=admin_headers)
    assert response.status_code == 409


def test_api_key_lifecycle(client: TestClient, admin_headers) -> None:
    created = client.post(
        "/v1/auth/api-keys", json={"name": "ci", "scopes": ["read"]}, headers=admin_headers
    ).json()
    secret = created["secret"]
    assert secret.startswith(created["prefix"])

    assert client.get("/v1/collections", headers={"X-API-Key": secret}).status_code == 200
    revoke = client.delete(f"/v1/auth/api-keys/{created['id']}", headers=admin_headers)
    assert revoke.status_code == 204
    assert client.get("/v1/collections", headers={"X-API-Key": secret}).status_code == 401


def test_unknown_scope_is_rejected(client: TestClient, admin_headers) -> None:
    response = client.post(
        "/v1/auth/api-keys", json={"name": "x", "scopes": ["root"]}, headers=admin_headers
    )
    assert response.status_code == 422
    assert response.json()["details"]["unknown"] == ["root"]
