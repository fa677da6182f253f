from fastapi import WebSocket


async def list_items() -> list[dict]:
    """List the items in stock."""
    return [{"id": 1}]


async def create_item(item: dict) -> dict:
    """Add an item to the stock."""
    return item


async def feed(ws: WebSocket) -> None:
    await ws.accept()
    await ws.send_json({"hello": "world"})
