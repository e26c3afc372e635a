"""Reporters: turn verdicts into JSON, Markdown or a rich terminal report."""

from __future__ import annotations

import enum


class Format(str, enum.Enum):
    """Output formats of ``armscheck check``."""

    HUMAN = "human"
    JSON = "json"
    MARKDOWN = "markdown"


def pinpoint(text: str | None) -> str:
    """A pinpoint as it follows an instrument: ``123.9(a)``, ``, para 5``."""
    if not text:
        return ""
    return text if text.startswith("(") else f", {text}"
