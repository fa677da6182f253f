"""The orchestrator: runs goals as trees of delegated tasks.

A run starts with one root task (by default of kind ``plan``). Whichever
agent takes a task may answer it directly or split it into subtasks; the
orchestrator runs sibling subtasks concurrently, bounded by a global
concurrency limit, and combines their outputs once all have succeeded.

Error recovery happens at three levels:

1. transient failures (:class:`RetryableAgentError`) are retried with
   back-off, preferring a different agent on each attempt;
2. a permanently failed subtask fails its parent, but never its siblings;
3. a failed task can be retried later through :meth:`Orchestrator.retry_task`,
   which re-runs its subtree and re-evaluates its ancestors.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.agents.base import (
    AgentContext,
    AgentError,
    AgentResult,
    AgentTask,
    TaskCancelledError,
    TaskStatus,
)
from app.agents.delegation import AgentRegistry, DelegationPolicy, RetryPolicy

logger = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]


class RunNotFoundError(LookupError):
    pass


class TaskNotFoundError(LookupError):
    pass


class InvalidTaskStateError(RuntimeError):
    pass


@dataclass(slots=True, eq=False)
class Run:
    id: str
    goal: str
    root: AgentTask
    metadata: dict[str, Any]
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    cancel_event: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def status(self) -> TaskStatus:
        return self.root.status


class Orchestrator:
    """Delegates tasks to specialised agents and tracks every run."""

    def __init__(
        self,
        registry: AgentRegistry,
        *,
        policy: DelegationPolicy | None = None,
        retry: RetryPolicy | None = None,
        max_concurrency: int = 8,
        max_depth: int = 3,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._registry = registry
        self._policy = policy or DelegationPolicy()
        self._retry = retry or RetryPolicy()
        self._limit = asyncio.Semaphore(max_concurrency)
        self._max_depth = max_depth
        self._sleep = sleep
        self._runs: dict[str, Run] = {}
        self._tasks: dict[str, AgentTask] = {}
        self._background: set[asyncio.Task[None]] = set()

    @property
    def registry(self) -> AgentRegistry:
        return self._registry

    # -- starting runs ---------------------------------------------------

    def start(
        self, goal: str, *, capability: str = "plan", metadata: Mapping[str, Any] | None = None
    ) -> Run:
        """Create a run and execute it in the background. Returns immediately."""
        run = self._new_run(goal, capability, metadata)
        background = asyncio.create_task(self._execute_run(run), name=f"agent-run-{run.id}")
        self._background.add(background)
        background.add_done_callback(self._background.discard)
        return run

    async def run(
        self, goal: str, *, capability: str = "plan", metadata: Mapping[str, Any] | None = None
    ) -> Run:
        """Create a run and wait for it to finish."""
        run = self._new_run(goal, capability, metadata)
        await self._execute_run(run)
        return run

    def cancel(self, run_id: str) -> Run:
        """Ask a run to stop. Tasks not yet started are marked cancelled."""
        run = self.get_run(run_id)
        run.cancel_event.set()
        return run

    async def wait_idle(self) -> None:
        """Wait for all background runs (used on shutdown and in tests)."""
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)

    async def shutdown(self) -> None:
        """Cancel every unfinished run, wait for them, and retire idle agents."""
        for run in self._runs.values():
            if not run.status.terminal:
                run.cancel_event.set()
        await self.wait_idle()
        await self._registry.shutdown()

    # -- queries -----------------------------------------------------------

    def get_run(self, run_id: str) -> Run:
        try:
            return self._runs[run_id]
        except KeyError:
            raise RunNotFoundError(run_id) from None

    def get_task(self, task_id: str) -> AgentTask:
        try:
            return self._tasks[task_id]
        except KeyError:
            raise TaskNotFoundError(task_id) from None

    def list_tasks(
        self, *, status: TaskStatus | None = None, run_id: str | None = None, limit: int = 100
    ) -> list[AgentTask]:
        tasks = [
            task
            for task in self._tasks.values()
            if (status is None or task.status is status)
            and (run_id is None or task.run_id == run_id)
        ]
        tasks.sort(key=lambda t: t.created_at, reverse=True)
        return tasks[:limit]

    # -- recovery ------------------------------------------------------------

    async def retry_task(self, task_id: str) -> AgentTask:
        """Re-run a failed task's subtree, then refresh its ancestors."""
        task = self.get_task(task_id)
        if task.status is not TaskStatus.FAILED:
            raise InvalidTaskStateError(f"task {task_id} is {task.status.value}, not failed")
        run = self.get_run(task.run_id)
        if run.cancel_event.is_set():
            raise InvalidTaskStateError(f"run {run.id} was cancelled")
        for stale in task.walk()[1:]:
            self._tasks.pop(stale.id, None)
        task.children.clear()
        task.attempts = 0
        task.failed_agents.clear()
        task.result = None
        task.status = TaskStatus.PENDING
        task.error = None
        await self._execute(task, run)
        self._refresh_ancestors(task)
        return task

    # -- execution -----------------------------------------------------------

    def _new_run(
        self, goal: str, capability: str, metadata: Mapping[str, Any] | None
    ) -> Run:
        if not goal.strip():
            raise ValueError("goal must not be empty")
        run_id = uuid.uuid4().hex
        root = AgentTask(kind=capability, payload={"goal": goal}, run_id=run_id)
        run = Run(id=run_id, goal=goal, root=root, metadata=dict(metadata or {}))
        self._runs[run_id] = run
        self._tasks[root.id] = root
        return run

    async def _execute_run(self, run: Run) -> None:
        try:
            await self._execute(run.root, run)
        except Exception:  # pragma: no cover - _execute records failures itself
            logger.exception("run %s crashed", run.id)
            run.root.finish(TaskStatus.FAILED, error="internal orchestrator error")
        logger.info("run %s finished: %s", run.id, run.status.value)

    async def _execute(self, task: AgentTask, run: Run) -> None:
        if run.cancel_event.is_set():
            task.finish(TaskStatus.CANCELLED)
            return
        if task.depth > self._max_depth:
            task.finish(
                TaskStatus.FAILED,
                error=f"maximum delegation depth {self._max_depth} exceeded",
            )
            return

        result = await self._attempt(task, run)
        if result is None:
            return
        if not result.subtasks:
            task.result = result.output
            task.finish(TaskStatus.SUCCEEDED)
            return

        task.combine = result.combine
        children = [task.spawn(spec) for spec in result.subtasks]
        for child in children:
            self._tasks[child.id] = child
        task.status = TaskStatus.RUNNING
        await asyncio.gather(*(self._execute(child, run) for child in children))
        self._settle_parent(task)

    async def _attempt(self, task: AgentTask, run: Run) -> AgentResult | None:
        """Run ``task`` on an agent, retrying transient failures.

        Returns ``None`` once the task has reached a terminal state without a
        result (failed or cancelled).
        """
        context = AgentContext(run_id=run.id, metadata=run.metadata, cancelled=run.cancel_event)
        while True:
            task.attempts += 1
            try:
                agent_name = self._policy.choose(task, self._registry)
            except AgentError as exc:
                task.finish(TaskStatus.FAILED, error=str(exc))
                return None
            task.agent = agent_name
            task.status = TaskStatus.RUNNING
            try:
                async with self._limit, self._registry.lease(agent_name) as agent:
                    context.raise_if_cancelled()
                    return await agent.run(task, context)
            except TaskCancelledError:
                task.finish(TaskStatus.CANCELLED)
                return None
            except AgentError as exc:
                task.failed_agents.append(agent_name)
                if not self._retry.should_retry(task.attempts, exc):
                    task.finish(TaskStatus.FAILED, error=str(exc))
                    return None
                delay = self._retry.delay_for(task.attempts)
                logger.warning(
                    "task %s failed on %s (attempt %d), retrying in %.2fs: %s",
                    task.id, agent_name, task.attempts, delay, exc,
                )
                await self._sleep(delay)
            except Exception as exc:
                logger.exception("agent %s crashed on task %s", agent_name, task.id)
                task.failed_agents.append(agent_name)
                task.finish(TaskStatus.FAILED, error=f"{type(exc).__name__}: {exc}")
                return None

    def _settle_parent(self, task: AgentTask) -> None:
        """Derive a parent's status and result from its children."""
        children = task.children
        if any(child.status is TaskStatus.CANCELLED for child in children):
            task.finish(TaskStatus.CANCELLED)
            return
        failed = [child for child in children if child.status is not TaskStatus.SUCCEEDED]
        if failed:
            task.result = None
            task.finish(
                TaskStatus.FAILED,
                error=f"{len(failed)} of {len(children)} subtasks failed",
            )
            return
        outputs = [child.result for child in children]
        try:
            task.result = task.combine(outputs) if task.combine else outputs
        except Exception as exc:
            task.finish(TaskStatus.FAILED, error=f"combining subtask results failed: {exc}")
            return
        task.finish(TaskStatus.SUCCEEDED)

    def _refresh_ancestors(self, task: AgentTask) -> None:
        parent_id = task.parent_id
        while parent_id is not None:
            parent = self._tasks[parent_id]
            if any(not child.status.terminal for child in parent.children):
                return
            self._settle_parent(parent)
            parent_id = parent.parent_id
