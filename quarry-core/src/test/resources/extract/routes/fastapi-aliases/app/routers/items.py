# Artikel-Endpunkte: Größen, Maße und Preise in €. 😀
from fastapi import APIRouter as R
import fastapi as fa

router = R(prefix="/items", tags=["items"])
other = fa.APIRouter()


@router.get(
    "/{item_id}",
    response_model=dict,
    summary="Fetch one item",
)
async def read_item(item_id: int) -> dict:
    return {"id": item_id}


@router.api_route("/bulk", methods=["PUT", "PATCH"])
def bulk_update(items: list) -> int:
    """Update many items at once."""
    return len(items)


@other.delete("/other/{x}")
def remove(x: str) -> None:
    pass
