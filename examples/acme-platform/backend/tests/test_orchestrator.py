"""Tests for the agent orchestrator, delegation and the specialised agents."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from app.agents import (
    Agent,
    AgentContext,
    AgentError,
    AgentRegistry,
    AgentResult,
    AgentTask,
    Orchestrator,
    RetryableAgentError,
    RetryPolicy,
    SubtaskSpec,
    TaskStatus,
)
from app.agents.orchestrator import InvalidTaskStateError
from app.agents.specialists import PlannerAgent, ResearchAgent, split_goal
from app.errors import UpstreamError


class SplitAgent(Agent):
    """Splits the goal into words and asks for each to be echoed."""

    name = "splitter"
    capabilities = frozenset({"plan"})

    async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
        words = task.payload["goal"].split()
        return AgentResult(
            subtasks=[SubtaskSpec("echo", {"text": w}) for w in words], combine=" ".join
        )


class EchoAgent(Agent):
    name = "echo"
    capabilities = frozenset({"echo"})

    async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
        text = task.payload["text"]
        if text == "boom":
            raise AgentError("cannot echo 'boom'")
        return AgentResult(output=text.upper())


class BrokenEchoAgent(Agent):
    name = "broken-echo"
    capabilities = frozenset({"echo"})

    async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
        raise RetryableAgentError("upstream timed out")


class FlakyEchoAgent(Agent):
    """Fails with a transient error until ``state['failures']`` reaches zero."""

    name = "flaky-echo"
    capabilities = frozenset({"echo"})

    def __init__(self, state: dict[str, Any]) -> None:
        self._state = state

    async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
        if self._state["failures"] > 0:
            self._state["failures"] -= 1
            raise RetryableAgentError("rate limited")
        return AgentResult(output=task.payload["text"].upper())


class SlowEchoAgent(Agent):
    name = "slow-echo"
    capabilities = frozenset({"echo"})

    def __init__(self, gauge: dict[str, int]) -> None:
        self._gauge = gauge

    async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
        self._gauge["now"] += 1
        self._gauge["peak"] = max(self._gauge["peak"], self._gauge["now"])
        await asyncio.sleep(0.01)
        self._gauge["now"] -= 1
        return AgentResult(output=task.payload["text"])


class RecordingSleep:
    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def make_orchestrator(registry: AgentRegistry, **kwargs: Any) -> Orchestrator:
    kwargs.setdefault("retry", RetryPolicy(max_attempts=3, base_delay=0.5, jitter=0.0))
    kwargs.setdefault("sleep", RecordingSleep())
    return Orchestrator(registry, **kwargs)


@pytest.mark.asyncio
async def test_run_fans_out_and_combines_results() -> None:
    registry = AgentRegistry()
    registry.register(SplitAgent)
    registry.register(EchoAgent)
    run = await make_orchestrator(registry).run("alpha beta gamma")

    assert run.status is TaskStatus.SUCCEEDED
    assert run.root.result == "ALPHA BETA GAMMA"
    assert [child.status for child in run.root.children] == [TaskStatus.SUCCEEDED] * 3
    assert all(child.depth == 1 for child in run.root.children)


@pytest.mark.asyncio
async def test_transient_failures_are_retried_with_backoff() -> None:
    state = {"failures": 2}
    sleep = RecordingSleep()
    registry = AgentRegistry()
    registry.register(SplitAgent)
    registry.register(FlakyEchoAgent, factory=lambda: FlakyEchoAgent(state))
    run = await make_orchestrator(registry, sleep=sleep).run("hello")

    [child] = run.root.children
    assert run.status is TaskStatus.SUCCEEDED
    assert child.attempts == 3
    assert sleep.delays == [0.5, 1.0]


@pytest.mark.asyncio
async def test_retry_moves_to_another_agent() -> None:
    registry = AgentRegistry()
    registry.register(SplitAgent)
    registry.register(BrokenEchoAgent)
    registry.register(EchoAgent)
    run = await make_orchestrator(registry).run("one")

    [child] = run.root.children
    assert child.status is TaskStatus.SUCCEEDED
    assert child.failed_agents == ["broken-echo"]
    assert child.agent == "echo"
    assert child.attempts == 2


@pytest.mark.asyncio
async def test_permanent_failure_fails_parent_but_not_siblings() -> None:
    registry = AgentRegistry()
    registry.register(SplitAgent)
    registry.register(EchoAgent)
    run = await make_orchestrator(registry).run("ok boom fine")

    statuses = [child.status for child in run.root.children]
    assert statuses == [TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.SUCCEEDED]
    assert run.status is TaskStatus.FAILED
    assert run.root.error == "1 of 3 subtasks failed"
    assert run.root.children[1].attempts == 1  # AgentError is not retried


@pytest.mark.asyncio
async def test_unknown_capability_fails_without_retry() -> None:
    registry = AgentRegistry()
    registry.register(EchoAgent)
    run = await make_orchestrator(registry).run("anything", capability="translate")
    assert run.status is TaskStatus.FAILED
    assert "translate" in (run.root.error or "")


@pytest.mark.asyncio
async def test_delegation_depth_is_bounded() -> None:
    class RecursiveAgent(Agent):
        name = "recursive"
        capabilities = frozenset({"plan"})

        async def run(self, task: AgentTask, context: AgentContext) -> AgentResult:
            return AgentResult(subtasks=[SubtaskSpec("plan", task.payload)])

    registry = AgentRegistry()
    registry.register(RecursiveAgent)
    run = await make_orchestrator(registry, max_depth=2).run("loop forever")

    deepest = run.root.walk()[-1]
    assert deepest.depth == 3
    assert "maximum delegation depth" in (deepest.error or "")
    assert run.status is TaskStatus.FAILED


@pytest.mark.asyncio
async def test_instances_are_spawned_on_demand_up_to_the_limit() -> None:
    gauge = {"now": 0, "peak": 0}
    registry = AgentRegistry()
    registry.register(SplitAgent)
    registry.register(SlowEchoAgent, factory=lambda: SlowEchoAgent(gauge), max_instances=2)
    run = await make_orchestrator(registry).run("a b c d e")

    assert run.status is TaskStatus.SUCCEEDED
    assert gauge["peak"] == 2
    info = {i.name: i for i in registry.describe()}
    assert info["slow-echo"].spawned == 2
    assert info["slow-echo"].active == 0


@pytest.mark.asyncio
async def test_cancelled_run_does_not_start_tasks() -> None:
    registry = AgentRegistry()
    registry.register(SplitAgent)
    registry.register(EchoAgent)
    orchestrator = make_orchestrator(registry)

    run = orchestrator.start("never runs")
    orchestrator.cancel(run.id)
    await orchestrator.wait_idle()

    assert run.status is TaskStatus.CANCELLED
    assert run.root.attempts == 0


@pytest.mark.asyncio
async def test_retry_task_recovers_the_run() -> None:
    state = {"failures": 1}
    registry = AgentRegistry()
    registry.register(SplitAgent)
    registry.register(FlakyEchoAgent, factory=lambda: FlakyEchoAgent(state))
    orchestrator = make_orchestrator(registry, retry=RetryPolicy(max_attempts=1))

    run = await orchestrator.run("retry me")
    failed = [c for c in run.root.children if c.status is TaskStatus.FAILED]
    assert len(failed) == 1 and run.status is TaskStatus.FAILED

    await orchestrator.retry_task(failed[0].id)
    assert run.status is TaskStatus.SUCCEEDED
    assert run.root.result == "RETRY ME"


@pytest.mark.asyncio
async def test_only_failed_tasks_can_be_retried() -> None:
    registry = AgentRegistry()
    registry.register(SplitAgent)
    registry.register(EchoAgent)
    orchestrator = make_orchestrator(registry)
    run = await orchestrator.run("fine")
    with pytest.raises(InvalidTaskStateError):
        await orchestrator.retry_task(run.root.id)


class TestRetryPolicy:
    def test_delays_grow_exponentially_and_are_capped(self) -> None:
        policy = RetryPolicy(base_delay=1.0, multiplier=3.0, max_delay=5.0, jitter=0.0)
        assert [policy.delay_for(n) for n in (1, 2, 3)] == [1.0, 3.0, 5.0]

    @pytest.mark.parametrize("rand", [0.0, 0.5, 1.0])
    def test_jitter_stays_within_bounds(self, rand: float) -> None:
        policy = RetryPolicy(base_delay=2.0, jitter=0.25)
        assert 1.5 <= policy.delay_for(1, rand=lambda: rand) <= 2.5

    def test_only_retryable_errors_are_retried(self) -> None:
        policy = RetryPolicy(max_attempts=3)
        assert policy.should_retry(1, RetryableAgentError("x"))
        assert not policy.should_retry(3, RetryableAgentError("x"))
        assert not policy.should_retry(1, AgentError("x"))

    def test_rejects_zero_attempts(self) -> None:
        with pytest.raises(ValueError):
            RetryPolicy(max_attempts=0)


@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        ("What is pgbouncer? How do we size pools", ["What is pgbouncer", "How do we size pools"]),
        ("index the docs; then report", ["index the docs", "then report"]),
        ("summarize and then translate", ["summarize", "translate"]),
        ("single question", ["single question"]),
    ],
)
def test_split_goal(goal: str, expected: list[str]) -> None:
    assert split_goal(goal) == expected


@pytest.mark.asyncio
async def test_planner_emits_research_subtasks() -> None:
    task = AgentTask(kind="plan", payload={"goal": "Why HNSW? Why not IVFFlat"}, run_id="r1")
    context = AgentContext(run_id="r1", metadata={}, cancelled=asyncio.Event())
    result = await PlannerAgent().run(task, context)

    assert [s.kind for s in result.subtasks] == ["research", "research"]
    assert result.combine is not None
    report = result.combine([{"question": "q", "answer": "a"}])
    assert report["summary"] == "- q: a"


@pytest.mark.asyncio
async def test_research_agent_turns_gateway_errors_into_retryable() -> None:
    async def search(collection_id: str, question: str, k: int) -> list:
        return []

    async def complete(turns) -> str:
        raise UpstreamError("model gateway returned HTTP 503")

    agent = ResearchAgent(search, complete)
    task = AgentTask(kind="research", payload={"question": "q"}, run_id="r1")
    context = AgentContext(run_id="r1", metadata={"collection_id": "c1"}, cancelled=asyncio.Event())
    with pytest.raises(RetryableAgentError, match="HTTP 503"):
        await agent.run(task, context)
