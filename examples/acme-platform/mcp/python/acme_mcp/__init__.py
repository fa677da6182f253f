"""MCP server for the Acme platform."""

__version__ = "0.3.0"
