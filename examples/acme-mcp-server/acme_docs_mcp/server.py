"""MCP server exposing the Acme documentation and ingestion status as tools.

The tools call the public REST API only; configuration comes from
``ACME_API_URL`` (default ``http://localhost:8000``) and ``ACME_API_KEY``.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError

mcp = FastMCP("acme-docs", instructions="Search and read the Acme documentation; check ingestion status.")

_client: httpx.AsyncClient | None = None


def _api() -> httpx.AsyncClient:
    global _client
    if _client is None:
        api_key = os.environ.get("ACME_API_KEY")
        if not api_key:
            raise ToolError("ACME_API_KEY is not set; the docs tools cannot authenticate")
        _client = httpx.AsyncClient(
            base_url=os.environ.get("ACME_API_URL", "http://localhost:8000"),
            headers={"X-API-Key": api_key},
            timeout=15.0,
        )
    return _client


async def _get(path: str, params: dict[str, Any] | None = None) -> Any:
    """GET ``path`` and turn HTTP failures into readable tool errors."""
    try:
        response = await _api().get(path, params=params)
    except httpx.HTTPError as exc:
        raise ToolError(f"could not reach the Acme API: {exc}") from exc
    if response.status_code == 404:
        raise ToolError(f"not found: {path}")
    if not response.is_success:
        raise ToolError(f"Acme API returned {response.status_code}")
    return response.json()


@mcp.tool()
async def search_docs(query: str, limit: int = 5) -> list[dict[str, Any]]:
    """Search the documentation pages; returns slug, title and a snippet, best match first."""
    if not query.strip():
        raise ToolError("query must not be empty")
    if not 1 <= limit <= 20:
        raise ToolError("limit must be between 1 and 20")
    hits = await _get("/v1/docs/search", {"q": query, "limit": limit})
    return [{"slug": h["slug"], "title": h["title"], "snippet": h["snippet"]} for h in hits["results"]]


@mcp.tool()
async def read_doc(slug: str) -> str:
    """Return the Markdown of the documentation page ``slug``."""
    page = await _get(f"/v1/docs/{slug}")
    return page["markdown"]


@mcp.tool()
async def ingestion_status(collection_id: str) -> dict[str, int]:
    """Count a collection's documents by ingestion state: queued, indexed and failed."""
    status = await _get(f"/v1/collections/{collection_id}/ingestion")
    return {state: int(status.get(state, 0)) for state in ("queued", "indexed", "failed")}


def main() -> None:
    """Run the server over stdio."""
    mcp.run()


if __name__ == "__main__":
    main()
