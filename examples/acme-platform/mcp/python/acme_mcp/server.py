"""MCP server exposing the Acme platform as tools.

The tools are thin wrappers over the public REST API (see
``backend/openapi.yaml``); they never touch the database directly, so every
call is authenticated, scoped and rate limited like any other client.

Configuration comes from the environment:

``ACME_API_URL``
    Base URL of the API, default ``http://localhost:8000``.
``ACME_API_KEY``
    An API key with the ``read`` and ``agents`` scopes.

Run over stdio with ``acme-mcp`` or ``python -m acme_mcp.server``.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import httpx
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError

mcp = FastMCP(
    "acme",
    instructions=(
        "Tools for the Acme platform: list vector collections, run similarity "
        "search, answer questions from a collection with citations, and start "
        "or inspect multi-step agent runs."
    ),
)

_client: httpx.AsyncClient | None = None


def configure(client: httpx.AsyncClient) -> None:
    """Use ``client`` for all API calls (tests inject a mock transport here)."""
    global _client
    _client = client


def _api() -> httpx.AsyncClient:
    global _client
    if _client is None:
        api_key = os.environ.get("ACME_API_KEY")
        if not api_key:
            raise ToolError("ACME_API_KEY is not set; the Acme tools cannot authenticate")
        _client = httpx.AsyncClient(
            base_url=os.environ.get("ACME_API_URL", "http://localhost:8000"),
            headers={"X-API-Key": api_key},
            timeout=30.0,
        )
    return _client


async def _call(method: str, path: str, json: dict[str, Any] | None = None) -> Any:
    """Call the API and turn HTTP failures into readable tool errors."""
    try:
        response = await _api().request(method, path, json=json)
    except httpx.HTTPError as exc:
        raise ToolError(f"could not reach the Acme API: {exc}") from exc
    if response.is_success:
        return response.json() if response.content else None
    try:
        body = response.json()
        message = f"{body['code']}: {body['message']}"
    except (ValueError, KeyError, TypeError):
        message = response.text[:200]
    raise ToolError(f"Acme API returned {response.status_code} ({message})")


@mcp.tool()
async def list_collections() -> list[dict[str, Any]]:
    """List vector collections with their id, dimension, metric and vector count.

    Call this first to find the ``collection_id`` the other tools need.
    """
    body = await _call("GET", "/v1/collections")
    return [
        {
            "id": c["id"],
            "name": c["name"],
            "dimension": c["dimension"],
            "metric": c["metric"],
            "vector_count": c["vector_count"],
        }
        for c in body["items"]
    ]


@mcp.tool()
async def search_vectors(
    collection_id: str,
    query: str,
    top_k: int = 5,
    filters: dict[str, str | int | float | bool] | None = None,
) -> list[dict[str, Any]]:
    """Find the passages in a collection most similar to ``query``.

    Args:
        collection_id: Id of the collection, from ``list_collections``.
        query: Natural-language text; it is embedded with the collection's model.
        top_k: Number of hits to return (1-50).
        filters: Exact-match metadata filters, e.g. ``{"lang": "en"}``.
    """
    if not 1 <= top_k <= 50:
        raise ToolError("top_k must be between 1 and 50")
    embedding = await _call("POST", "/v1/embeddings", {"input": [query]})
    vector = embedding["data"][0]["values"]
    search_filters = [
        {"field": field, "op": "eq", "value": value} for field, value in (filters or {}).items()
    ]
    body = await _call(
        "POST",
        f"/v1/collections/{collection_id}/vectors/search",
        {"vector": vector, "top_k": top_k, "filters": search_filters},
    )
    return [
        {
            "id": hit["id"],
            "score": round(hit["score"], 4),
            "text": hit["metadata"].get("text", ""),
            "source": hit["metadata"].get("document_id"),
        }
        for hit in body["hits"]
    ]


@mcp.tool(
    name="ask_knowledge_base",
    description=(
        "Answer a question using only the documents in one Acme collection. "
        "Returns the answer and the passages it cites."
    ),
)
async def rag_query(collection_id: str, question: str, top_k: int = 5) -> dict[str, Any]:
    """Retrieval-augmented answer via ``POST /v1/rag/query``.

    Args:
        collection_id: Collection to search.
        question: The question, in full sentences.
        top_k: Passages to retrieve before answering (1-20).
    """
    body = await _call(
        "POST",
        "/v1/rag/query",
        {"collection_id": collection_id, "question": question, "top_k": top_k},
    )
    return {
        "answer": body["answer"],
        "citations": [
            {"n": n, "vector_id": c["vector_id"], "snippet": c["snippet"]}
            for n, c in enumerate(body["citations"], start=1)
        ],
    }


@mcp.tool()
async def start_agent_run(goal: str, collection_id: str | None = None) -> dict[str, str]:
    """Start a multi-step agent run for ``goal`` and return its id.

    The planner splits the goal into research questions answered from
    ``collection_id``. Poll ``get_agent_run`` until the status is terminal.
    """
    metadata = {"collection_id": collection_id} if collection_id else {}
    run = await _call("POST", "/v1/agents/runs", {"goal": goal, "metadata": metadata})
    return {"run_id": run["id"], "status": run["status"]}


def summarize_tree(node: dict[str, Any]) -> dict[str, Any]:
    """Flatten a ``TaskNode`` tree into counts plus the errors worth showing."""
    counts: Counter[str] = Counter()
    errors: list[dict[str, str]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        counts[current["status"]] += 1
        if current["status"] == "failed" and not current.get("children"):
            errors.append(
                {
                    "task_id": current["id"],
                    "kind": current["kind"],
                    "error": current.get("error") or "",
                }
            )
        stack.extend(current.get("children", []))
    return {"task_counts": dict(counts), "failed_leaves": errors}


@mcp.tool()
async def get_agent_run(run_id: str) -> dict[str, Any]:
    """Report a run's status, task counts, failures and, when done, its result."""
    run = await _call("GET", f"/v1/agents/runs/{run_id}")
    summary = summarize_tree(run["root"])
    return {
        "run_id": run["id"],
        "status": run["status"],
        **summary,
        "result": run["root"].get("result") if run["status"] == "succeeded" else None,
    }


@mcp.tool()
async def retry_task(task_id: str) -> dict[str, Any]:
    """Retry a failed task (use a ``task_id`` from ``get_agent_run``'s failed_leaves)."""
    task = await _call("POST", f"/v1/tasks/{task_id}/retry")
    return {"task_id": task["id"], "status": task["status"], "attempts": task["attempts"]}


def main() -> None:
    mcp.run()


if __name__ == "__main__":
    main()
