from mcp.server.fastmcp import FastMCP
from mcp.types import Tool
from pydantic import BaseModel

tools = FastMCP("demo")


@tools.tool
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


@tools.tool(name="search_docs", description="Search the documentation.")
async def search(query: str, limit: int = 5) -> list[str]:
    return [query] * limit


class GitStatus(BaseModel):
    repo_path: str


def list_tools() -> list[Tool]:
    return [
        Tool(
            name="git_status",
            description="Shows the working tree status",
            inputSchema=GitStatus.model_json_schema(),
        )
    ]
