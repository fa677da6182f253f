"""Tests for app.rag: chunking, ingestion and grounded answers."""

from __future__ import annotations

import pytest

from app.db.similarity import Metric, ScoredItem
from app.db.store import InMemoryVectorStore
from app.gateway import LocalGateway
from app.rag import answer_question, build_messages, chunk_text, ingest_document


@pytest.mark.parametrize(
    ("text", "size", "overlap", "expected"),
    [
        ("a b c d e", 2, 1, ["a b", "b c", "c d", "d e"]),
        ("a b c d e", 2, 0, ["a b", "c d", "e"]),
        ("a b c", 5, 2, ["a b c"]),
        ("   ", 3, 1, []),
    ],
)
def test_chunk_text(text: str, size: int, overlap: int, expected: list[str]) -> None:
    assert chunk_text(text, size=size, overlap=overlap) == expected


@pytest.mark.parametrize(("size", "overlap"), [(0, 0), (4, 4), (4, -1)])
def test_chunk_text_rejects_bad_windows(size: int, overlap: int) -> None:
    with pytest.raises(ValueError):
        chunk_text("a b c", size=size, overlap=overlap)


def test_build_messages_numbers_passages() -> None:
    hits = [
        ScoredItem("d:0", 0.9, {"text": "Pools are sized per process."}),
        ScoredItem("d:1", 0.7, {"text": "pgbouncer runs in transaction mode."}),
    ]
    system, user = build_messages("How are pools sized?", hits)
    assert system.role == "system"
    assert "[1] Pools are sized per process." in system.content
    assert "[2] pgbouncer runs in transaction mode." in system.content
    assert user.content == "How are pools sized?"


@pytest.mark.asyncio
async def test_ingest_then_answer_cites_the_right_chunk() -> None:
    store = InMemoryVectorStore()
    gateway = LocalGateway(dimension=64)
    collection = await store.create_collection("handbook", 64, Metric.COSINE)

    text = (
        "Connection pools are capped at ten connections per process. "
        "Partitions for the query log are created one month ahead. "
        "API keys are hashed with SHA-256 before they are stored."
    )
    stored = await ingest_document(
        collection_id=collection.id,
        document_id="handbook",
        text=text,
        metadata={"source": "handbook.md"},
        store=store,
        gateway=gateway,
        chunk_size=10,
        chunk_overlap=0,
    )
    assert stored == 3

    result = await answer_question(
        question="How are API keys stored?",
        collection_id=collection.id,
        store=store,
        gateway=gateway,
        k=1,
    )
    assert [hit.id for hit in result.citations] == ["handbook:2"]
    assert result.citations[0].metadata["source"] == "handbook.md"
    assert result.answer.startswith("[1]")


@pytest.mark.asyncio
async def test_min_score_drops_weak_passages() -> None:
    store = InMemoryVectorStore()
    gateway = LocalGateway(dimension=64)
    collection = await store.create_collection("misc", 64, Metric.COSINE)
    await ingest_document(
        collection_id=collection.id,
        document_id="d",
        text="completely unrelated words about gardening",
        metadata={},
        store=store,
        gateway=gateway,
    )
    result = await answer_question(
        question="partition retention",
        collection_id=collection.id,
        store=store,
        gateway=gateway,
        min_score=0.5,
    )
    assert result.citations == []
