"""The coaching content: strengths, prompts, preferences, paths, AI tasks and more.

Loaded from the TOML files in `resources/content/`, checked against the
schemas in `schema.py` and cross-checked (every reference resolves), then
returned as plain dataclasses. `load_content()` caches the result.
"""

from workbook.content.loader import ContentError, load_content

__all__ = ["ContentError", "load_content"]
