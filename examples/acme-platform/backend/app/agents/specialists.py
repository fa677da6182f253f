"""Specialised agents registered with the orchestrator.

* :class:`PlannerAgent` splits a goal into research questions.
* :class:`ResearchAgent` answers one question from a vector collection.
* :class:`SummarizerAgent` condenses a block of text.

Agents receive their dependencies as plain async callables so that they can
be exercised in tests without a database or the model gateway.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from app.agents.base import (
    Agent,
    AgentContext,
    AgentError,
    AgentResult,
    AgentTask,
    RetryableAgentError,
    SubtaskSpec,
)
from app.db.similarity import ScoredItem
from app.errors import NotFoundError, UpstreamError
from app.gateway import ChatTurn
from app.rag import build_messages

SearchFn = Callable[[str, str, int], Awaitable[list[ScoredItem]]]
CompleteFn = Callable[[Sequence[ChatTurn]], Awaitable[str]]

_SPLIT_RE = re.compile(r"\?\s*|;\s*|\band then\b|\band also\b", re.IGNORECASE)


def split_goal(goal: str, max_parts: int = 4) -> list[str]:
    """Split a compound goal into at most ``max_parts`` standalone questions.

    >>> split_goal("What is pgbouncer? How do we size pools")
    ['What is pgbouncer', 'How do we size pools']
    """
    if max_parts < 1:
        raise ValueError("max_parts must be >= 1")
    parts = [part.strip(" .,") for part in _SPLIT_RE.split(goal)]
    questions = [part for part in parts if part]
    return questions[:max_parts] or [goal.strip()]


def compile_report(goal: str) -> Callable[[list[Any]], dict[str, Any]]:
    """Build the combiner that merges research findings into one report."""

    def combine(findings: list[Any]) -> dict[str, Any]:
        return {
            "goal": goal,
            "findings": findings,
            "summary": "\n".join(f"- {f['question']}: {f['answer']}" for f in findings),
        }

    return combine


class PlannerAgent(Agent):
    name = "planner"
    capabilities = frozenset({"plan"})
    description = "Breaks a goal into research questions and merges the findings."

    async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
        goal = str(task.payload.get("goal", "")).strip()
        if not goal:
            raise AgentError("planner needs a non-empty 'goal'")
        max_parts = int(context.metadata.get("max_questions", 4))
        questions = split_goal(goal, max_parts=max_parts)
        return AgentResult(
            subtasks=[SubtaskSpec("research", {"question": q}) for q in questions],
            combine=compile_report(goal),
        )


class ResearchAgent(Agent):
    name = "researcher"
    capabilities = frozenset({"research"})
    description = "Answers one question from the passages of a vector collection."

    def __init__(self, search: SearchFn, complete: CompleteFn, *, top_k: int = 4) -> None:
        self._search = search
        self._complete = complete
        self._top_k = top_k

    async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
        question = str(task.payload.get("question", "")).strip()
        if not question:
            raise AgentError("research task needs a 'question'")
        collection_id = task.payload.get("collection_id") or context.metadata.get("collection_id")
        if not collection_id:
            raise AgentError("research task needs a 'collection_id' in the payload or run metadata")
        try:
            hits = await self._search(str(collection_id), question, self._top_k)
            context.raise_if_cancelled()
            answer = await self._complete(build_messages(question, hits))
        except UpstreamError as exc:
            raise RetryableAgentError(f"model gateway failed: {exc.message}") from exc
        except NotFoundError as exc:
            raise AgentError(exc.message) from exc
        return AgentResult(
            output={"question": question, "answer": answer, "sources": [hit.id for hit in hits]}
        )


class SummarizerAgent(Agent):
    name = "summarizer"
    capabilities = frozenset({"summarize"})
    description = "Condenses text into a few sentences."

    def __init__(self, complete: CompleteFn, *, max_sentences: int = 3) -> None:
        self._complete = complete
        self._max_sentences = max_sentences

    async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
        text = str(task.payload.get("text") or task.payload.get("goal") or "").strip()
        if not text:
            raise AgentError("summarize task needs 'text'")
        turns = [
            ChatTurn(
                "system",
                f"Summarize the user's text in at most {self._max_sentences} sentences.",
            ),
            ChatTurn("user", text),
        ]
        try:
            summary = await self._complete(turns)
        except UpstreamError as exc:
            raise RetryableAgentError(f"model gateway failed: {exc.message}") from exc
        return AgentResult(output={"summary": summary})
