"""Individual tasks across all agent runs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.agents.base import TaskStatus
from app.agents.orchestrator import InvalidTaskStateError, TaskNotFoundError
from app.deps import OrchestratorDep, require_scope
from app.errors import ConflictError, NotFoundError
from app.models.agents import TaskList, TaskNode
from app.routers import error_responses

router = APIRouter(
    prefix="/tasks", tags=["tasks"], dependencies=[Depends(require_scope("agents"))]
)


@router.get(
    "",
    response_model=TaskList,
    operation_id="listTasks",
    summary="List tasks, newest first",
    responses=error_responses(401, 403, 422),
)
async def list_tasks(
    orchestrator: OrchestratorDep,
    status: Annotated[TaskStatus | None, Query()] = None,
    run_id: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> TaskList:
    """Tasks are returned without their children; fetch a run for the tree."""
    tasks = orchestrator.list_tasks(status=status, run_id=run_id, limit=limit)
    return TaskList(items=[TaskNode.from_task(t, include_children=False) for t in tasks])


@router.get(
    "/{task_id}",
    response_model=TaskNode,
    operation_id="getTask",
    summary="Get a task and its subtasks",
    responses=error_responses(401, 403, 404),
)
async def get_task(task_id: str, orchestrator: OrchestratorDep) -> TaskNode:
    try:
        return TaskNode.from_task(orchestrator.get_task(task_id))
    except TaskNotFoundError:
        raise NotFoundError(f"task {task_id} not found") from None


@router.post(
    "/{task_id}/retry",
    response_model=TaskNode,
    operation_id="retryTask",
    summary="Retry a failed task",
    responses=error_responses(401, 403, 404, 409),
)
async def retry_task(task_id: str, orchestrator: OrchestratorDep) -> TaskNode:
    """Re-run a failed task's subtree and wait for the result."""
    try:
        task = await orchestrator.retry_task(task_id)
    except TaskNotFoundError:
        raise NotFoundError(f"task {task_id} not found") from None
    except InvalidTaskStateError as exc:
        raise ConflictError(str(exc)) from None
    return TaskNode.from_task(task)
