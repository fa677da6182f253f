def test_get_item(client: object) -> None:
    assert client is not None
