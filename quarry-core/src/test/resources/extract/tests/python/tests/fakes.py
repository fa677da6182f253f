class FakeConnection:
    pass
