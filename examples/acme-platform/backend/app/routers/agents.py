"""Agent runs: start a goal, watch its task tree, cancel it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, status

from app.agents.orchestrator import RunNotFoundError
from app.deps import OrchestratorDep, require_scope
from app.errors import NotFoundError, ValidationFailedError
from app.models.agents import AgentDescriptor, AgentList, AgentRun, AgentRunRequest
from app.routers import error_responses

router = APIRouter(prefix="/agents", tags=["agents"])


@router.get(
    "",
    response_model=AgentList,
    operation_id="listAgents",
    summary="List registered agents and their load",
    dependencies=[Depends(require_scope("agents"))],
    responses=error_responses(401, 403),
)
async def list_agents(orchestrator: OrchestratorDep) -> AgentList:
    return AgentList(
        items=[AgentDescriptor.from_info(i) for i in orchestrator.registry.describe()]
    )


@router.post(
    "/runs",
    response_model=AgentRun,
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="startAgentRun",
    summary="Start an agent run",
    dependencies=[Depends(require_scope("agents"))],
    responses=error_responses(401, 403, 422),
)
async def start_agent_run(body: AgentRunRequest, orchestrator: OrchestratorDep) -> AgentRun:
    """Schedule the goal and return at once; poll ``getAgentRun`` for progress."""
    if not orchestrator.registry.candidates(body.capability):
        raise ValidationFailedError(
            f"no agent handles capability {body.capability!r}",
            details={"capability": body.capability},
        )
    run = orchestrator.start(body.goal, capability=body.capability, metadata=body.metadata)
    return AgentRun.from_run(run)


@router.get(
    "/runs/{run_id}",
    response_model=AgentRun,
    operation_id="getAgentRun",
    summary="Get a run and its task tree",
    dependencies=[Depends(require_scope("agents"))],
    responses=error_responses(401, 403, 404),
)
async def get_agent_run(run_id: str, orchestrator: OrchestratorDep) -> AgentRun:
    try:
        return AgentRun.from_run(orchestrator.get_run(run_id))
    except RunNotFoundError:
        raise NotFoundError(f"run {run_id} not found") from None


@router.post(
    "/runs/{run_id}/cancel",
    response_model=AgentRun,
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="cancelAgentRun",
    summary="Cancel a run",
    dependencies=[Depends(require_scope("agents"))],
    responses=error_responses(401, 403, 404),
)
async def cancel_agent_run(run_id: str, orchestrator: OrchestratorDep) -> AgentRun:
    """Request cancellation. Tasks already running finish their current step."""
    try:
        return AgentRun.from_run(orchestrator.cancel(run_id))
    except RunNotFoundError:
        raise NotFoundError(f"run {run_id} not found") from None
