from fastapi import APIRouter, FastAPI

from app import handlers

router = APIRouter(prefix="/v1")
router.add_api_route("/items", handlers.list_items, methods=["GET"])
router.add_api_route("/items", handlers.create_item, methods=["POST"], status_code=201)

app = FastAPI()
app.include_router(router, prefix="/api")
app.add_api_websocket_route("/ws", handlers.feed)
