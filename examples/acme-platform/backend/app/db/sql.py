"""Helpers for composing SQL without string-formatting values into it.

Values always travel as positional bind parameters (``$1``, ``$2`` ...). Only
identifiers such as table names are interpolated, and every identifier must
pass :func:`quote_ident` first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_IDENT_RE = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class InvalidIdentifierError(ValueError):
    """Raised when a table or column name is not a safe identifier."""


def quote_ident(name: str) -> str:
    """Validate ``name`` and return it double-quoted.

    Only lower-case ASCII identifiers of at most 63 characters (the Postgres
    limit) are accepted, which rules out quoting tricks entirely.
    """
    if not _IDENT_RE.fullmatch(name):
        raise InvalidIdentifierError(f"invalid SQL identifier: {name!r}")
    return f'"{name}"'


def vector_literal(values: Sequence[float]) -> str:
    """Render a vector in pgvector's text input format, e.g. ``[0.1,0.2]``."""
    if not values:
        raise ValueError("a vector needs at least one dimension")
    return "[" + ",".join(repr(float(v)) for v in values) + "]"


def parse_vector_literal(text: str) -> list[float]:
    """Parse pgvector's text output back into floats."""
    inner = text.strip()
    if not (inner.startswith("[") and inner.endswith("]")):
        raise ValueError(f"not a vector literal: {text[:32]!r}")
    body = inner[1:-1].strip()
    return [float(part) for part in body.split(",")] if body else []


class Params:
    """Collects bind parameters and hands out their ``$n`` placeholders."""

    def __init__(self) -> None:
        self.values: list[object] = []

    def add(self, value: object) -> str:
        self.values.append(value)
        return f"${len(self.values)}"

    def __len__(self) -> int:
        return len(self.values)
