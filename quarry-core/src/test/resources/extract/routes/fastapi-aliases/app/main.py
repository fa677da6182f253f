from fastapi import FastAPI

from app.routers import items
from app.config import settings

app = FastAPI()
app.include_router(items.router, prefix=settings.API_PREFIX)


@app.get("/")
def root():
    return {"ok": True}
