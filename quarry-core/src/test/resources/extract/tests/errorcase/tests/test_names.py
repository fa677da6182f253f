from app.accounts import format_name, load_account


def test_format_name_joins_first_and_last():
    name = format_name("Ada", "Lovelace")
    assert name == "Ada Lovelace"


def test_load_account_reads_by_id():
    account = load_account({"b": {"n": 1}}, "b")
    assert account == {"n": 1}
