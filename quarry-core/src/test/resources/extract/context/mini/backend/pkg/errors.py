"""Error responses shared by the routers."""


def error_responses(*codes: int) -> dict[int, dict[str, str]]:
    """Build the ``responses=`` mapping for the given status codes."""
    return {c: {"description": str(c)} for c in codes}
