import pytest

from app.accounts import AccountNotFound, load_account


def test_load_account_returns_the_stored_account():
    store = {"a1": {"name": "Ada"}}
    account = load_account(store, "a1")
    assert account == {"name": "Ada"}


def test_load_account_raises_for_a_missing_id():
    with pytest.raises(AccountNotFound):
        load_account({}, "nope")
        assert False
