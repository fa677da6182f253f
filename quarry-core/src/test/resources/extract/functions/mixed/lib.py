def documented(x: int) -> int:
    """Double a number.

    Returns twice ``x``.
    """
    return x * 2


def undocumented(y):
    z = y + 1
    return z


def _private(z):
    """Hidden."""
    return z
