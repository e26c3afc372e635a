"""Decisions on live deals, the audit record of a run, and baselines for CI.

Decisions are licences, notifications, UN approvals, adjudicated name matches and waivers.

A decision never deletes a finding: :func:`apply_decisions` marks the findings it
answers (``satisfied_by`` or ``waived_by``) and recomputes the verdict from the
findings left open.

The names below are imported on first use, so that a check with no decisions file
does not load the reader.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .apply import apply_decisions
    from .model import KINDS, Decision, Decisions
    from .reader import DEFAULT_NAME, find_decisions, load_decisions, read_decisions

__all__ = [
    "DEFAULT_NAME",
    "KINDS",
    "Decision",
    "Decisions",
    "apply_decisions",
    "find_decisions",
    "load_decisions",
    "read_decisions",
]

_HOME = {
    "DEFAULT_NAME": "locate",
    "KINDS": "model",
    "Decision": "model",
    "Decisions": "model",
    "apply_decisions": "apply",
    "find_decisions": "locate",
    "load_decisions": "reader",
    "read_decisions": "reader",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
