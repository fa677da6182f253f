from fastapi import APIRouter, Depends

from .deps import require_scope
from .errors import error_responses

router = APIRouter(prefix="/v1/vectors")


@router.post(
    "/search",
    response_model=SearchResponse,
    operation_id="searchVectors",
    status_code=200,
    dependencies=[Depends(require_scope("read"))],
    responses=error_responses(401, 404),
)
async def search_vectors(body: SearchRequest) -> SearchResponse:
    hits = await body.run()
    return SearchResponse(hits=hits)
