"""In-process stores for conversations and API keys.

Both are deliberately simple: a deployment runs one API replica per tenant
shard, and conversation history is a cache rather than a system of record.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from app.errors import NotFoundError
from app.gateway import ChatTurn


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class ConversationRecord:
    id: str
    turns: list[ChatTurn] = field(default_factory=list)
    created_at: datetime = field(default_factory=_now)
    updated_at: datetime = field(default_factory=_now)


class ConversationStore:
    """Keeps the most recent ``max_turns`` turns of each conversation."""

    def __init__(self, max_turns: int = 50) -> None:
        if max_turns < 2:
            raise ValueError("max_turns must be >= 2")
        self._max_turns = max_turns
        self._records: dict[str, ConversationRecord] = {}

    def get(self, conversation_id: str) -> ConversationRecord:
        try:
            return self._records[conversation_id]
        except KeyError:
            raise NotFoundError(f"conversation {conversation_id} not found") from None

    def get_or_create(self, conversation_id: str | None) -> ConversationRecord:
        if conversation_id is not None:
            return self.get(conversation_id)
        record = ConversationRecord(id=str(uuid.uuid4()))
        self._records[record.id] = record
        return record

    def append(self, conversation_id: str, turns: Iterable[ChatTurn]) -> ConversationRecord:
        record = self.get(conversation_id)
        record.turns.extend(turns)
        if len(record.turns) > self._max_turns:
            del record.turns[: len(record.turns) - self._max_turns]
        record.updated_at = _now()
        return record


@dataclass(slots=True)
class ApiKeyRecord:
    id: str
    name: str
    prefix: str
    secret_hash: str
    scopes: frozenset[str]
    created_at: datetime = field(default_factory=_now)
    expires_at: datetime | None = None
    revoked: bool = False

    def is_active(self, now: datetime | None = None) -> bool:
        if self.revoked:
            return False
        return self.expires_at is None or (now or _now()) < self.expires_at

    def allows(self, scope: str) -> bool:
        return "admin" in self.scopes or scope in self.scopes


def _hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiKeyStore:
    """Issues, verifies and revokes API keys.

    Only a SHA-256 hash of each secret is kept; the plain secret is returned
    exactly once, from :meth:`create`.
    """

    SECRET_PREFIX = "acme_"

    def __init__(self) -> None:
        self._by_id: dict[str, ApiKeyRecord] = {}
        self._by_hash: dict[str, ApiKeyRecord] = {}

    def create(
        self, name: str, scopes: Iterable[str], *, expires_in_days: int | None = None
    ) -> tuple[ApiKeyRecord, str]:
        secret = self.SECRET_PREFIX + secrets.token_urlsafe(32)
        return self._store(secret, name, scopes, expires_in_days), secret

    def register_secret(self, secret: str, name: str, scopes: Iterable[str]) -> ApiKeyRecord:
        """Register a key whose secret comes from configuration (bootstrap key)."""
        if len(secret) < 16:
            raise ValueError("API key secrets must be at least 16 characters")
        return self._store(secret, name, scopes, None)

    def verify(self, secret: str) -> ApiKeyRecord | None:
        record = self._by_hash.get(_hash_secret(secret))
        if record is None or not record.is_active():
            return None
        return record

    def list(self) -> list[ApiKeyRecord]:
        return sorted(self._by_id.values(), key=lambda r: r.created_at)

    def revoke(self, key_id: str) -> ApiKeyRecord:
        try:
            record = self._by_id[key_id]
        except KeyError:
            raise NotFoundError(f"API key {key_id} not found") from None
        record.revoked = True
        return record

    def _store(
        self, secret: str, name: str, scopes: Iterable[str], expires_in_days: int | None
    ) -> ApiKeyRecord:
        expires_at = _now() + timedelta(days=expires_in_days) if expires_in_days else None
        record = ApiKeyRecord(
            id=str(uuid.uuid4()),
            name=name,
            prefix=secret[:10],
            secret_hash=_hash_secret(secret),
            scopes=frozenset(scopes),
            expires_at=expires_at,
        )
        self._by_id[record.id] = record
        self._by_hash[record.secret_hash] = record
        return record
