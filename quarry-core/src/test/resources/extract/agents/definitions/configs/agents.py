from swarm import Agent

from .tools import escalate_to_human, lookup_order


def transfer_to_refunds():
    return refunds_agent


triage_agent = Agent(
    name="Triage Agent",
    instructions="Route the customer to the right team. Ask for the order number first.",
    functions=[transfer_to_refunds, escalate_to_human],
)

refunds_agent = Agent(
    name="Refunds Agent",
    instructions="Handle refund requests.",
    functions=[lookup_order],
)
