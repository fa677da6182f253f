class Orchestrator:
    """Splits a goal and delegates each part to a specialist."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def run(self, goal: str) -> list[str]:
        return [self.delegate(p) for p in goal.split(";")]

    def delegate(self, part: str) -> str:
        return self.registry.pick(part).handle(part)
