"""Agent runs and their task trees."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field

from app.agents.base import AgentTask, TaskStatus
from app.agents.delegation import AgentInfo
from app.agents.orchestrator import Run


class AgentDescriptor(BaseModel):
    name: str
    capabilities: list[str]
    description: str
    max_instances: int
    active_instances: int

    @classmethod
    def from_info(cls, info: AgentInfo) -> AgentDescriptor:
        return cls(
            name=info.name,
            capabilities=sorted(info.capabilities),
            description=info.description,
            max_instances=info.max_instances,
            active_instances=info.active,
        )


class AgentList(BaseModel):
    items: list[AgentDescriptor]


class AgentRunRequest(BaseModel):
    goal: str = Field(min_length=1, max_length=4_000)
    capability: str = "plan"
    metadata: dict[str, Any] = Field(default_factory=dict)


class TaskNode(BaseModel):
    """One task in a run; ``children`` are the subtasks it delegated."""

    id: str
    run_id: str
    kind: str
    status: TaskStatus
    agent: str | None = None
    attempts: int = 0
    result: Any = None
    error: str | None = None
    created_at: datetime
    finished_at: datetime | None = None
    children: list[TaskNode] = Field(default_factory=list)

    @classmethod
    def from_task(cls, task: AgentTask, *, include_children: bool = True) -> TaskNode:
        return cls(
            id=task.id,
            run_id=task.run_id,
            kind=task.kind,
            status=task.status,
            agent=task.agent,
            attempts=task.attempts,
            result=task.result,
            error=task.error,
            created_at=datetime.fromtimestamp(task.created_at, UTC),
            finished_at=(
                datetime.fromtimestamp(task.finished_at, UTC) if task.finished_at else None
            ),
            children=(
                [cls.from_task(child) for child in task.children] if include_children else []
            ),
        )


class AgentRun(BaseModel):
    id: str
    goal: str
    status: TaskStatus
    created_at: datetime
    metadata: dict[str, Any]
    root: TaskNode

    @classmethod
    def from_run(cls, run: Run) -> AgentRun:
        return cls(
            id=run.id,
            goal=run.goal,
            status=run.status,
            created_at=run.created_at,
            metadata=run.metadata,
            root=TaskNode.from_task(run.root),
        )


class TaskList(BaseModel):
    items: list[TaskNode]
