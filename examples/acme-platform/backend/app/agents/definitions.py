"""Declarative agents: a name, the instructions sent as the system turn and the tools each may call.

The orchestrator's specialists (:mod:`app.agents.specialists`) are code; these agents are data, reviewed
like any prompt change. :func:`create_agent` checks a definition once at import time so that a typo in a tool
list fails the service start, not the first user request.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.agents.specialists import split_goal
from app.rag import answer_question, ingest_document

Tool = Callable[..., Awaitable[Any]] | Callable[..., Any]


@dataclass(frozen=True, slots=True)
class AgentDefinition:
    """One agent as configured: immutable, hashable by name."""

    name: str
    instructions: str
    tools: tuple[Tool, ...]

    def tool_names(self) -> list[str]:
        return [tool.__name__ for tool in self.tools]


def create_agent(*, name: str, instructions: str, tools: Sequence[Tool] = ()) -> AgentDefinition:
    """Validate and freeze an agent definition.

    Raises ``ValueError`` when the name is not a lowercase slug, the instructions are blank or a tool is
    listed twice.
    """
    if not name or not name.replace("-", "").isalnum() or name.lower() != name:
        raise ValueError(f"agent name {name!r} must be a lowercase slug such as 'docs-agent'")
    if not instructions.strip():
        raise ValueError(f"agent {name!r} has blank instructions")
    names = [tool.__name__ for tool in tools]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"agent {name!r} lists tools more than once: {', '.join(duplicates)}")
    return AgentDefinition(name=name, instructions=instructions.strip(), tools=tuple(tools))


docs_agent = create_agent(
    name="docs-agent",
    instructions=(
        "You answer questions about Acme's platform documentation. Search the 'docs' collection first and "
        "answer only from the passages it returns, citing each passage id you used. If nothing relevant comes "
        "back, say so and suggest a narrower question instead of guessing."
    ),
    tools=[answer_question, split_goal],
)

ingest_agent = create_agent(
    name="ingest-agent",
    instructions=(
        "You add documents to a vector collection on behalf of an operator. Confirm the collection id and the "
        "document id before ingesting, never ingest the same document id twice in one conversation, and report "
        "how many chunks were stored."
    ),
    tools=[ingest_document],
)

AGENTS: dict[str, AgentDefinition] = {a.name: a for a in (docs_agent, ingest_agent)}
