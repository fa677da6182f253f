from fastapi import APIRouter

from .errors import error_responses
from .models import Item

router = APIRouter(prefix="/items")


@router.get("/{item_id}", responses=error_responses(404))
async def get_item(item_id: str) -> Item:
    return Item(id=item_id)
