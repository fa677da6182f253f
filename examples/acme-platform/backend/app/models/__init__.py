"""Pydantic request and response models. Field names match ``openapi.yaml``."""
