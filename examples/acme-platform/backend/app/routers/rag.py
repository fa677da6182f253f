"""Retrieval-augmented question answering and document ingestion."""

from __future__ import annotations

from fastapi import APIRouter, Depends, status

from app import rag as rag_service
from app.deps import GatewayDep, StoreDep, require_scope
from app.errors import ValidationFailedError
from app.models.chat import (
    Citation,
    DocumentIngestRequest,
    DocumentIngestResponse,
    RagQueryRequest,
    RagQueryResponse,
    Usage,
)
from app.routers import error_responses

router = APIRouter(prefix="/rag", tags=["rag"])


@router.post(
    "/query",
    response_model=RagQueryResponse,
    operation_id="ragQuery",
    summary="Answer a question from a collection",
    dependencies=[Depends(require_scope("read"))],
    responses=error_responses(401, 403, 404, 422, 502),
)
async def rag_query(
    body: RagQueryRequest, store: StoreDep, gateway: GatewayDep
) -> RagQueryResponse:
    """Embed the question, retrieve ``top_k`` passages and generate a cited answer."""
    result = await rag_service.answer_question(
        question=body.question,
        collection_id=body.collection_id,
        store=store,
        gateway=gateway,
        k=body.top_k,
        filters=[f.to_filter() for f in body.filters],
        min_score=body.min_score,
    )
    completion = result.completion
    return RagQueryResponse(
        answer=result.answer,
        citations=[
            Citation(
                vector_id=hit.id,
                score=hit.score,
                snippet=str(hit.metadata.get("text", ""))[: rag_service.SNIPPET_CHARS],
                metadata={k: v for k, v in hit.metadata.items() if k != "text"},
            )
            for hit in result.citations
        ],
        usage=Usage(
            prompt_tokens=completion.prompt_tokens,
            completion_tokens=completion.completion_tokens,
            total_tokens=completion.prompt_tokens + completion.completion_tokens,
        ),
    )


@router.post(
    "/documents",
    response_model=DocumentIngestResponse,
    status_code=status.HTTP_201_CREATED,
    operation_id="ingestDocument",
    summary="Chunk, embed and store a document",
    dependencies=[Depends(require_scope("write"))],
    responses=error_responses(401, 403, 404, 422, 502),
)
async def ingest_document(
    body: DocumentIngestRequest, store: StoreDep, gateway: GatewayDep
) -> DocumentIngestResponse:
    if body.chunk_overlap >= body.chunk_size:
        raise ValidationFailedError("chunk_overlap must be smaller than chunk_size")
    chunks = await rag_service.ingest_document(
        collection_id=body.collection_id,
        document_id=body.document_id,
        text=body.text,
        metadata=body.metadata,
        store=store,
        gateway=gateway,
        chunk_size=body.chunk_size,
        chunk_overlap=body.chunk_overlap,
    )
    return DocumentIngestResponse(document_id=body.document_id, chunks=chunks)
