class Runner:
    """Runs an agent loop until the agent stops calling tools."""

    def __init__(self, client):
        self.client = client
        self.history = []

    def run(self, agent, messages):
        """Run the loop and return the final messages."""
        self.history.extend(messages)
        while True:
            reply = self.client.complete(agent, self.history)
            self.history.append(reply)
            if not reply.tool_calls:
                return self.history

    def _private(self):
        return None
