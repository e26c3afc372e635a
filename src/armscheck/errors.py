"""Errors raised by armscheck.

Every error the library raises on purpose derives from :class:`ComplianceError`;
the command line turns these into one message on standard error and exit 2.
Anything else is a bug and keeps its traceback.

    ComplianceError
    ├── InputError      a transfer file is unreadable, malformed or invalid
    ├── RuleError       a file under rules/ is malformed or invalid
    ├── ListError       an official list file cannot be imported, fetched or stored
    └── EngineError     the rules engine failed while checking a transfer
"""

from __future__ import annotations


class ComplianceError(Exception):
    """Base class of every error armscheck raises deliberately."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint

    def __str__(self) -> str:
        from .transfer.values import printable

        where = printable(self.file or "<input>").replace("\n", "\\n")
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return printable(text).replace("\n", "\\n")


class InputError(ComplianceError):
    """A transfer file cannot be read or does not follow the contract."""


class RuleError(ComplianceError):
    """A rule or reference-list file under ``rules/`` is invalid."""


class ListError(ComplianceError):
    """An official list (UN, CSL, SDN) cannot be imported, fetched or stored."""


class EngineError(ComplianceError):
    """The rules engine failed; the check has no trustworthy result."""
