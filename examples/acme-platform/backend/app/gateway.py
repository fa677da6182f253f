"""Client for the model gateway.

The model gateway is Acme's internal service that fronts every text
generation and embedding model. The backend only ever talks to it through the
:class:`ModelGateway` protocol, which has two implementations:

* :class:`HttpModelGateway` for deployed environments, and
* :class:`LocalGateway`, a deterministic offline stand-in used in
  development and tests.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from app.errors import UpstreamError

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True, slots=True)
class ChatTurn:
    role: str
    content: str


@dataclass(frozen=True, slots=True)
class Completion:
    text: str
    model: str
    prompt_tokens: int
    completion_tokens: int


def count_tokens(text: str) -> int:
    """Rough token count used for usage reporting when the gateway omits it."""
    return len(_TOKEN_RE.findall(text))


class ModelGateway(Protocol):
    embedding_model: str
    chat_model: str

    async def embed(
        self, texts: Sequence[str], *, model: str | None = None
    ) -> list[list[float]]: ...

    async def complete(
        self,
        turns: Sequence[ChatTurn],
        *,
        model: str | None = None,
        temperature: float = 0.2,
        max_tokens: int = 512,
    ) -> Completion: ...

    async def aclose(self) -> None: ...


class HttpModelGateway:
    """Talks JSON over HTTP to the model gateway service."""

    def __init__(
        self,
        base_url: str,
        *,
        embedding_model: str,
        chat_model: str,
        timeout: float = 30.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.embedding_model = embedding_model
        self.chat_model = chat_model
        self._client = client or httpx.AsyncClient(base_url=base_url, timeout=timeout)

    async def embed(self, texts: Sequence[str], *, model: str | None = None) -> list[list[float]]:
        if not texts:
            return []
        body = await self._post(
            "/v1/embed", {"model": model or self.embedding_model, "input": list(texts)}
        )
        data = sorted(body["data"], key=lambda row: row["index"])
        if len(data) != len(texts):
            raise UpstreamError(
                "model gateway returned the wrong number of embeddings",
                details={"expected": len(texts), "received": len(data)},
            )
        return [list(map(float, row["embedding"])) for row in data]

    async def complete(
        self,
        turns: Sequence[ChatTurn],
        *,
        model: str | None = None,
        temperature: float = 0.2,
        max_tokens: int = 512,
    ) -> Completion:
        chosen = model or self.chat_model
        body = await self._post(
            "/v1/complete",
            {
                "model": chosen,
                "messages": [{"role": t.role, "content": t.content} for t in turns],
                "temperature": temperature,
                "max_tokens": max_tokens,
            },
        )
        text = body["output"]
        usage = body.get("usage") or {}
        return Completion(
            text=text,
            model=chosen,
            prompt_tokens=usage.get("prompt_tokens", sum(count_tokens(t.content) for t in turns)),
            completion_tokens=usage.get("completion_tokens", count_tokens(text)),
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            response = await self._client.post(path, json=payload)
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            raise UpstreamError(
                f"model gateway returned HTTP {exc.response.status_code}",
                details={"path": path, "status": exc.response.status_code},
            ) from exc
        except httpx.HTTPError as exc:
            raise UpstreamError("model gateway is unreachable", details={"path": path}) from exc
        return response.json()


def hash_embedding(text: str, dimension: int) -> list[float]:
    """Feature-hash the words of ``text`` into a unit vector.

    Texts that share words get similar vectors, which is enough to make
    retrieval behave sensibly in tests without any model.
    """
    vector = [0.0] * dimension
    for token in _TOKEN_RE.findall(text.lower()):
        if not token.isalnum():
            continue
        digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "big")
        vector[value % dimension] += 1.0 if value & (1 << 63) else -1.0
    norm = math.sqrt(sum(v * v for v in vector))
    return [v / norm for v in vector] if norm else vector


class LocalGateway:
    """Deterministic offline gateway: hashed embeddings, extractive answers."""

    def __init__(
        self,
        *,
        dimension: int = 384,
        embedding_model: str = "local-hash",
        chat_model: str = "local-extractive",
    ) -> None:
        self.dimension = dimension
        self.embedding_model = embedding_model
        self.chat_model = chat_model

    async def embed(self, texts: Sequence[str], *, model: str | None = None) -> list[list[float]]:
        return [hash_embedding(text, self.dimension) for text in texts]

    async def complete(
        self,
        turns: Sequence[ChatTurn],
        *,
        model: str | None = None,
        temperature: float = 0.2,
        max_tokens: int = 512,
    ) -> Completion:
        last_user = next((t.content for t in reversed(turns) if t.role == "user"), "")
        context = "\n".join(t.content for t in turns if t.role == "system")
        source = context.split("Context:", 1)[1] if "Context:" in context else last_user
        first_sentence = _SENTENCE_RE.split(source.strip(), maxsplit=1)[0] if source.strip() else ""
        text = first_sentence or "I do not have enough context to answer."
        words = text.split()[:max_tokens]
        text = " ".join(words)
        return Completion(
            text=text,
            model=model or self.chat_model,
            prompt_tokens=sum(count_tokens(t.content) for t in turns),
            completion_tokens=count_tokens(text),
        )

    async def aclose(self) -> None:
        return None
