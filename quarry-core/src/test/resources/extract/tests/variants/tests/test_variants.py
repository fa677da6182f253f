import pytest


@pytest.fixture
def test_client():
    return {"ok": True}


def test_client_is_ok(test_client):
    assert test_client["ok"]
