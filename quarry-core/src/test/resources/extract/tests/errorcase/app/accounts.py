class AccountNotFound(Exception):
    """Raised when no account has the id."""


def load_account(store: dict, account_id: str) -> dict:
    """The account stored under the id."""
    if account_id not in store:
        raise AccountNotFound(account_id)
    return store[account_id]


def format_name(first: str, last: str) -> str:
    """The display name of a person."""
    return f"{first} {last}".strip()
