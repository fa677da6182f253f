"""MCP server for the Acme documentation."""

__version__ = "0.1.0"
