"""Chat completions, embeddings and retrieval-augmented answers."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.models.vectors import SearchFilter


class Role(str, Enum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"


class ChatMessage(BaseModel):
    role: Role
    content: str = Field(min_length=1, max_length=32_000)


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    messages: list[ChatMessage] = Field(min_length=1, max_length=100)
    conversation_id: str | None = None
    model: str | None = None
    temperature: float = Field(default=0.2, ge=0.0, le=2.0)
    max_tokens: int = Field(default=512, ge=1, le=4096)


class ChatResponse(BaseModel):
    conversation_id: str
    message: ChatMessage
    model: str
    usage: Usage


class Conversation(BaseModel):
    id: str
    messages: list[ChatMessage]
    created_at: datetime
    updated_at: datetime


class EmbeddingRequest(BaseModel):
    input: list[str] = Field(min_length=1, max_length=256)
    model: str | None = None


class Embedding(BaseModel):
    index: int
    values: list[float]


class EmbeddingResponse(BaseModel):
    model: str
    data: list[Embedding]
    usage: Usage


class RagQueryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    collection_id: str
    question: str = Field(min_length=1, max_length=4_000)
    top_k: int = Field(default=5, ge=1, le=20)
    filters: list[SearchFilter] = Field(default_factory=list, max_length=16)
    min_score: float | None = None


class Citation(BaseModel):
    vector_id: str
    score: float
    snippet: str
    metadata: dict[str, Any] = Field(default_factory=dict)


class RagQueryResponse(BaseModel):
    answer: str
    citations: list[Citation]
    usage: Usage


class DocumentIngestRequest(BaseModel):
    collection_id: str
    document_id: str = Field(min_length=1, max_length=128)
    text: str = Field(min_length=1, max_length=2_000_000)
    metadata: dict[str, Any] = Field(default_factory=dict)
    chunk_size: int = Field(default=200, ge=16, le=2_000)
    chunk_overlap: int = Field(default=40, ge=0, le=500)


class DocumentIngestResponse(BaseModel):
    document_id: str
    chunks: int
