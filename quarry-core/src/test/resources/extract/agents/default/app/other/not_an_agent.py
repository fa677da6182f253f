class Helper:
    """Not under an agents folder."""

    def go(self) -> None:
        pass
