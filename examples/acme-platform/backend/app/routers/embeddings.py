"""Embeddings through the model gateway."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from app.deps import GatewayDep, require_scope
from app.gateway import count_tokens
from app.models.chat import Embedding, EmbeddingRequest, EmbeddingResponse, Usage
from app.routers import error_responses

router = APIRouter(prefix="/embeddings", tags=["embeddings"])


@router.post(
    "",
    response_model=EmbeddingResponse,
    operation_id="createEmbeddings",
    summary="Embed a batch of texts",
    dependencies=[Depends(require_scope("read"))],
    responses=error_responses(401, 403, 422, 502),
)
async def create_embeddings(body: EmbeddingRequest, gateway: GatewayDep) -> EmbeddingResponse:
    """Embed up to 256 texts; ``data[i]`` corresponds to ``input[i]``."""
    vectors = await gateway.embed(body.input, model=body.model)
    tokens = sum(count_tokens(text) for text in body.input)
    return EmbeddingResponse(
        model=body.model or gateway.embedding_model,
        data=[Embedding(index=i, values=v) for i, v in enumerate(vectors)],
        usage=Usage(prompt_tokens=tokens, completion_tokens=0, total_tokens=tokens),
    )
