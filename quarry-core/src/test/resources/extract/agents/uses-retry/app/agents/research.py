class ResearchAgent:
    """Answers research subtasks with the search tool."""

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy

    def run(self, task: str) -> str:
        return self.policy.call(lambda: task)
