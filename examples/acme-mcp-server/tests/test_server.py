"""Tests of the docs MCP server with a mocked API transport."""

from __future__ import annotations

import httpx
import pytest
from mcp.server.fastmcp.exceptions import ToolError

from acme_docs_mcp import server


def _mock(handler) -> None:
    server._client = httpx.AsyncClient(base_url="http://api", transport=httpx.MockTransport(handler))


@pytest.mark.asyncio
async def test_search_docs_returns_slug_title_and_snippet() -> None:
    _mock(lambda request: httpx.Response(200, json={"results": [
        {"slug": "vectors", "title": "Vectors", "snippet": "Upsert vectors", "score": 0.9}]}))

    hits = await server.search_docs("upsert", limit=3)

    assert hits == [{"slug": "vectors", "title": "Vectors", "snippet": "Upsert vectors"}]


@pytest.mark.asyncio
async def test_read_doc_of_a_missing_page_is_a_tool_error() -> None:
    _mock(lambda request: httpx.Response(404, json={}))

    with pytest.raises(ToolError, match="not found"):
        await server.read_doc("nope")


@pytest.mark.asyncio
async def test_search_docs_rejects_a_limit_out_of_range() -> None:
    with pytest.raises(ToolError, match="limit"):
        await server.search_docs("x", limit=50)
