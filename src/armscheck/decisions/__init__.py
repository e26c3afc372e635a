"""Decisions on live deals, the audit record of a run, and baselines for CI.

Decisions are licences, notifications, UN approvals, adjudicated name matches and waivers.

A decision never deletes a finding: :func:`apply_decisions` marks the findings it
answers (``satisfied_by`` or ``waived_by``) and recomputes the verdict from the
findings left open.
"""

from __future__ import annotations

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
