"""armscheck: check proposed arms transfers against encoded, dated, cited law.

The library returns values and raises :class:`~armscheck.errors.ComplianceError`
subclasses; it never prints. Typical use::

    from armscheck import load_checker
    verdict = load_checker().check_file("scenarios/seeds/iraq-turkey-t129-2021.yaml")
    print(verdict.verdict, verdict.families)
"""

from __future__ import annotations

from .api import load_checker, load_transfer, read_transfer
from .checker import Checker
from .errors import ComplianceError, EngineError, InputError, RuleError
from .rulebook.book import Rulebook, load_rulebook
from .transfer.model import Transfer
from .verdict import Finding, Verdict
from .version import __version__

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
