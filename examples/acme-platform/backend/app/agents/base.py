"""Core types shared by the orchestrator and the specialised agents."""

from __future__ import annotations

import asyncio
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, ClassVar

Combiner = Callable[[list[Any]], Any]


class TaskStatus(str, Enum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        return self in {TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELLED}


class AgentError(Exception):
    """A task failed and retrying it will not help."""


class RetryableAgentError(AgentError):
    """A transient failure (timeout, rate limit, upstream 5xx)."""


class NoAgentAvailableError(AgentError):
    """No registered agent can handle the task's capability."""


class TaskCancelledError(AgentError):
    """The run was cancelled while the task was in flight."""


@dataclass(frozen=True, slots=True)
class SubtaskSpec:
    """A unit of work an agent asks the orchestrator to delegate."""

    kind: str
    payload: Mapping[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class AgentResult:
    """What an agent returns.

    An agent either produces ``output`` directly, or returns ``subtasks``;
    the orchestrator then runs them and, once all succeed, feeds their
    outputs (in order) to ``combine`` to produce this task's result.
    """

    output: Any = None
    subtasks: list[SubtaskSpec] = field(default_factory=list)
    combine: Combiner | None = None


@dataclass(slots=True, eq=False)
class AgentTask:
    """A node in a run's task tree."""

    kind: str
    payload: dict[str, Any]
    run_id: str
    parent_id: str | None = None
    depth: int = 0
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    status: TaskStatus = TaskStatus.PENDING
    agent: str | None = None
    attempts: int = 0
    result: Any = None
    error: str | None = None
    failed_agents: list[str] = field(default_factory=list)
    children: list[AgentTask] = field(default_factory=list)
    combine: Combiner | None = field(default=None, repr=False)
    created_at: float = field(default_factory=time.time)
    finished_at: float | None = None

    def spawn(self, spec: SubtaskSpec) -> AgentTask:
        """Create a child task one level deeper and attach it to this node."""
        child = AgentTask(
            kind=spec.kind,
            payload=dict(spec.payload),
            run_id=self.run_id,
            parent_id=self.id,
            depth=self.depth + 1,
        )
        self.children.append(child)
        return child

    def finish(self, status: TaskStatus, *, error: str | None = None) -> None:
        self.status = status
        self.error = error
        self.finished_at = time.time()

    def walk(self) -> list[AgentTask]:
        """This task and all its descendants, depth first."""
        nodes = [self]
        for child in self.children:
            nodes.extend(child.walk())
        return nodes


@dataclass(slots=True)
class AgentContext:
    """Run-level information handed to every agent invocation."""

    run_id: str
    metadata: Mapping[str, Any]
    cancelled: asyncio.Event

    def raise_if_cancelled(self) -> None:
        if self.cancelled.is_set():
            raise TaskCancelledError(f"run {self.run_id} was cancelled")


class Agent(ABC):
    """Base class for specialised agents.

    Subclasses declare a unique ``name`` and the ``capabilities`` (task kinds)
    they can handle. Instances may be pooled and reused across tasks, so they
    must not keep per-task state on ``self``.
    """

    name: ClassVar[str]
    capabilities: ClassVar[frozenset[str]]
    description: ClassVar[str] = ""

    @abstractmethod
    async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
        """Handle one task."""

    async def close(self) -> None:
        """Release resources when the registry retires this instance."""
