import pytest


@pytest.fixture
def client() -> object:
    """A test client for the app."""
    return object()
