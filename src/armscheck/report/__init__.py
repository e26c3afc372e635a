"""Reporters: turn verdicts into JSON, Markdown or a rich terminal report."""

from __future__ import annotations

import enum


class Format(str, enum.Enum):
    """Output formats of ``armscheck check``."""

    HUMAN = "human"
    JSON = "json"
    MARKDOWN = "markdown"
