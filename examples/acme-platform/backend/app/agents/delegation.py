"""Agent registry, delegation policy and retry policy.

The orchestrator never instantiates agents itself. It asks the
:class:`DelegationPolicy` which registered agent should take a task, then
leases an instance from the :class:`AgentRegistry`, which spawns new
instances on demand up to each agent's ``max_instances`` and reuses idle
ones otherwise. Transient failures are retried according to a
:class:`RetryPolicy`; on a retry the policy prefers an agent that has not
already failed the task, which is how a flaky specialist gets bypassed.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from app.agents.base import Agent, AgentTask, NoAgentAvailableError, RetryableAgentError

logger = logging.getLogger(__name__)

AgentFactory = Callable[[], Agent]


@dataclass(frozen=True, slots=True)
class AgentInfo:
    name: str
    capabilities: frozenset[str]
    description: str
    max_instances: int
    active: int
    spawned: int


@dataclass(slots=True)
class _AgentSlot:
    agent_cls: type[Agent]
    factory: AgentFactory
    max_instances: int
    idle: list[Agent] = field(default_factory=list)
    active: int = 0
    spawned: int = 0

    @property
    def load(self) -> float:
        return self.active / self.max_instances


class AgentRegistry:
    """Knows every agent type and pools their instances.

    Co-Authored-By: Claude <noreply@anthropic.com>
    """

    def __init__(self, *, lease_timeout: float = 30.0) -> None:
        self._slots: dict[str, _AgentSlot] = {}
        self._lease_timeout = lease_timeout
        self._released = asyncio.Condition()

    def register(
        self,
        agent_cls: type[Agent],
        *,
        factory: AgentFactory | None = None,
        max_instances: int = 4,
    ) -> None:
        """Register an agent type. ``factory`` defaults to calling the class."""
        if max_instances < 1:
            raise ValueError("max_instances must be >= 1")
        if agent_cls.name in self._slots:
            raise ValueError(f"agent {agent_cls.name!r} is already registered")
        self._slots[agent_cls.name] = _AgentSlot(agent_cls, factory or agent_cls, max_instances)

    def candidates(self, capability: str) -> list[str]:
        """Names of agents that can handle ``capability``, in registration order."""
        return [
            name
            for name, slot in self._slots.items()
            if capability in slot.agent_cls.capabilities
        ]

    def load(self, name: str) -> float:
        return self._slots[name].load

    def describe(self) -> list[AgentInfo]:
        return [
            AgentInfo(
                name=name,
                capabilities=slot.agent_cls.capabilities,
                description=slot.agent_cls.description,
                max_instances=slot.max_instances,
                active=slot.active,
                spawned=slot.spawned,
            )
            for name, slot in self._slots.items()
        ]

    @asynccontextmanager
    async def lease(self, name: str) -> AsyncIterator[Agent]:
        """Borrow an instance of agent ``name``, spawning one if needed.

        Waits up to ``lease_timeout`` seconds when every instance is busy and
        the agent is already at ``max_instances``.
        """
        try:
            slot = self._slots[name]
        except KeyError:
            raise NoAgentAvailableError(f"unknown agent {name!r}") from None
        agent = await self._checkout(slot)
        try:
            yield agent
        finally:
            async with self._released:
                slot.active -= 1
                slot.idle.append(agent)
                self._released.notify_all()

    async def _checkout(self, slot: _AgentSlot) -> Agent:
        async with self._released:
            try:
                await asyncio.wait_for(
                    self._released.wait_for(lambda: slot.active < slot.max_instances),
                    timeout=self._lease_timeout,
                )
            except TimeoutError:
                raise RetryableAgentError(
                    f"all {slot.max_instances} instances of {slot.agent_cls.name!r} are busy"
                ) from None
            slot.active += 1
        if slot.idle:
            return slot.idle.pop()
        try:
            agent = slot.factory()
        except Exception:
            async with self._released:
                slot.active -= 1
                self._released.notify_all()
            raise
        slot.spawned += 1
        logger.debug("spawned %s instance #%d", slot.agent_cls.name, slot.spawned)
        return agent

    async def shutdown(self) -> None:
        """Close every idle instance."""
        for slot in self._slots.values():
            while slot.idle:
                await slot.idle.pop().close()


class DelegationPolicy:
    """Chooses which registered agent handles a task.

    Agents that already failed the task are skipped while an alternative
    exists; among the rest the least loaded wins, ties going to the agent
    registered first.
    """

    def choose(self, task: AgentTask, registry: AgentRegistry) -> str:
        names = registry.candidates(task.kind)
        if not names:
            raise NoAgentAvailableError(f"no agent can handle tasks of kind {task.kind!r}")
        fresh = [name for name in names if name not in task.failed_agents]
        pool = fresh or names
        return min(pool, key=lambda name: (registry.load(name), names.index(name)))


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential back-off with proportional jitter."""

    max_attempts: int = 3
    base_delay: float = 0.5
    multiplier: float = 2.0
    max_delay: float = 10.0
    jitter: float = 0.1

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be >= 1")
        if not 0.0 <= self.jitter < 1.0:
            raise ValueError("jitter must be in [0, 1)")

    def should_retry(self, attempt: int, error: BaseException) -> bool:
        """``attempt`` is the number of attempts made so far (1-based)."""
        return isinstance(error, RetryableAgentError) and attempt < self.max_attempts

    def delay_for(self, attempt: int, *, rand: Callable[[], float] = random.random) -> float:
        """Seconds to wait before attempt ``attempt + 1``."""
        delay = min(self.base_delay * self.multiplier ** (attempt - 1), self.max_delay)
        spread = delay * self.jitter
        return max(0.0, delay - spread + 2 * spread * rand())
