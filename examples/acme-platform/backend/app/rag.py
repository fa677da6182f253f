"""Retrieval-augmented answering: chunking, ingestion and grounded answers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.db.similarity import Filter, ScoredItem, VectorItem
from app.db.store import VectorStore
from app.gateway import ChatTurn, Completion, ModelGateway

SNIPPET_CHARS = 240

SYSTEM_TEMPLATE = (
    "Answer the question using only the numbered passages below. "
    "Cite passages as [n]. If the passages do not contain the answer, say so.\n\n"
    "Context:\n{context}"
)


def chunk_text(text: str, *, size: int = 200, overlap: int = 40) -> list[str]:
    """Split ``text`` into windows of ``size`` words that overlap by ``overlap``.

    >>> chunk_text("a b c d e", size=2, overlap=1)
    ['a b', 'b c', 'c d', 'd e']
    """
    if size < 1:
        raise ValueError("size must be >= 1")
    if not 0 <= overlap < size:
        raise ValueError("overlap must be >= 0 and smaller than size")
    words = text.split()
    if not words:
        return []
    step = size - overlap
    chunks = []
    for start in range(0, len(words), step):
        chunks.append(" ".join(words[start : start + size]))
        if start + size >= len(words):
            break
    return chunks


def build_messages(question: str, passages: Sequence[ScoredItem]) -> list[ChatTurn]:
    """Assemble the prompt: numbered passages in the system turn, then the question."""
    context = "\n".join(
        f"[{n}] {hit.metadata.get('text', '')}" for n, hit in enumerate(passages, start=1)
    )
    return [
        ChatTurn("system", SYSTEM_TEMPLATE.format(context=context or "(no passages)")),
        ChatTurn("user", question),
    ]


@dataclass(frozen=True, slots=True)
class RagAnswer:
    answer: str
    citations: list[ScoredItem]
    completion: Completion


async def answer_question(
    *,
    question: str,
    collection_id: str,
    store: VectorStore,
    gateway: ModelGateway,
    k: int = 5,
    filters: Sequence[Filter] = (),
    min_score: float | None = None,
) -> RagAnswer:
    """Retrieve the ``k`` most relevant chunks and ask the gateway for an answer."""
    [query_vector] = await gateway.embed([question])
    hits = await store.search(collection_id, query_vector, k=k, filters=filters)
    if min_score is not None:
        hits = [hit for hit in hits if hit.score >= min_score]
    completion = await gateway.complete(build_messages(question, hits), temperature=0.0)
    return RagAnswer(answer=completion.text, citations=hits, completion=completion)


async def ingest_document(
    *,
    collection_id: str,
    document_id: str,
    text: str,
    metadata: Mapping[str, Any],
    store: VectorStore,
    gateway: ModelGateway,
    chunk_size: int = 200,
    chunk_overlap: int = 40,
) -> int:
    """Chunk, embed and upsert a document. Returns the number of chunks stored."""
    chunks = chunk_text(text, size=chunk_size, overlap=chunk_overlap)
    if not chunks:
        return 0
    vectors = await gateway.embed(chunks)
    items = [
        VectorItem(
            id=f"{document_id}:{index}",
            values=values,
            metadata={**metadata, "document_id": document_id, "chunk": index, "text": chunk},
        )
        for index, (chunk, values) in enumerate(zip(chunks, vectors, strict=True))
    ]
    return await store.upsert(collection_id, items)
