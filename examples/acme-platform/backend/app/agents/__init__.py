"""Agent orchestration: an orchestrator delegating to specialised agents."""

from app.agents.base import (
    Agent,
    AgentContext,
    AgentError,
    AgentResult,
    AgentTask,
    RetryableAgentError,
    SubtaskSpec,
    TaskStatus,
)
from app.agents.delegation import AgentRegistry, DelegationPolicy, RetryPolicy
from app.agents.orchestrator import Orchestrator, Run

__all__ = [
    "Agent",
    "AgentContext",
    "AgentError",
    "AgentRegistry",
    "AgentResult",
    "AgentTask",
    "DelegationPolicy",
    "Orchestrator",
    "RetryPolicy",
    "RetryableAgentError",
    "Run",
    "SubtaskSpec",
    "TaskStatus",
]
