"""API key management."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from app.stores import ApiKeyRecord

KNOWN_SCOPES = frozenset({"admin", "read", "write", "agents"})


class ApiKeyCreate(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    scopes: list[str] = Field(default_factory=lambda: ["read"], min_length=1)
    expires_in_days: int | None = Field(default=None, ge=1, le=365)


class ApiKey(BaseModel):
    id: str
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None = None
    revoked: bool = False

    @classmethod
    def from_record(cls, record: ApiKeyRecord) -> ApiKey:
        return cls(
            id=record.id,
            name=record.name,
            prefix=record.prefix,
            scopes=sorted(record.scopes),
            created_at=record.created_at,
            expires_at=record.expires_at,
            revoked=record.revoked,
        )


class ApiKeyCreated(ApiKey):
    secret: str = Field(description="Shown once. Store it securely; it cannot be retrieved again.")


class ApiKeyList(BaseModel):
    items: list[ApiKey]
