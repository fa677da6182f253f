class ConnectionPool:
    """A bounded pool of connections."""

    def __init__(self, size: int) -> None:
        self.size = size

    async def acquire(self, timeout: float = 1.0) -> object:
        return object()

    def _internal(self) -> None:
        pass
