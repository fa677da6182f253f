from pydantic import BaseModel


class Item(BaseModel):
    """A stored item."""

    id: str
    name: str = "unnamed"
    tags: list[str] = []
