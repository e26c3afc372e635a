"""armscheck: check proposed arms transfers against encoded, dated, cited law.

The library returns values and raises :class:`~armscheck.errors.ComplianceError`
subclasses; it never prints. Typical use::

    from armscheck import load_checker
    verdict = load_checker().check_file("scenarios/seeds/iraq-turkey-t129-2021.yaml")
    print(verdict.verdict, verdict.families)

The names below are imported on first use, so that ``python -m armscheck`` loads only
what its command needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .api import load_checker, load_transfer, read_transfer
    from .checker import Checker
    from .errors import ComplianceError, EngineError, InputError, RuleError
    from .rulebook.book import Rulebook, load_rulebook
    from .transfer.model import Transfer
    from .verdict import Finding, Verdict

__all__ = [
    "Checker",
    "ComplianceError",
    "EngineError",
    "Finding",
    "InputError",
    "RuleError",
    "Rulebook",
    "Transfer",
    "Verdict",
    "__version__",
    "load_checker",
    "load_rulebook",
    "load_transfer",
    "read_transfer",
]

_HOME = {
    "Checker": "checker",
    "ComplianceError": "errors",
    "EngineError": "errors",
    "Finding": "verdict",
    "InputError": "errors",
    "RuleError": "errors",
    "Rulebook": "rulebook.book",
    "Transfer": "transfer.model",
    "Verdict": "verdict",
    "load_checker": "api",
    "load_rulebook": "rulebook.book",
    "load_transfer": "api",
    "read_transfer": "api",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
