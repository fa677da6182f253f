"""Acme platform backend."""

__version__ = "0.7.0"
