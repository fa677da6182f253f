import mcp.types as types
from mcp.server.lowlevel import Server

app = Server("weather")


@app.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(
            name="get_forecast",
            description="Forecast for a city",
            inputSchema={
                "type": "object",
                "required": ["city"],
                "properties": {
                    "city": {"type": "string", "description": "City name"},
                    "days": {"type": "integer", "default": 3, "minimum": 1},
                    "units": {"type": "string", "enum": ["metric", "imperial"]},
                },
            },
        )
    ]
