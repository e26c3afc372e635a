"""The decisions a compliance officer records against findings, as frozen values."""

from __future__ import annotations

import datetime as dt

from ..records import record

KINDS = ("licence", "notification", "un-approval", "not-a-match", "waiver")

# the finding outcome each kind answers (not-a-match answers any finding resting on the pair)
SATISFIES = {
    "licence": "authorization-required",
    "notification": "notification-required",
    "un-approval": "conditional",
}
# outcomes no licence, approval or waiver can answer: only a not-a-match on the facts behind them
UNWAIVABLE = ("violation", "denial")
AUTHORITIES = ("ddtc", "bis", "state")


@record(frozen=True)
class Scope:
    """What a licence, notification or approval covers; empty fields cover anything."""

    rules: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    destination: str | None = None  # an ISO country code
    destination_name: str | None = None


@record(frozen=True)
class Decision:
    """One entry of a decisions file.

    ``start`` is the day from which it holds (issued, notified, approved); ``end`` the
    last day it holds (a licence's or waiver's expiry), ``None`` when open-ended.
    """

    ref: str
    kind: str
    line: int | None
    start: dt.date | None = None
    end: dt.date | None = None
    scope: Scope = Scope()
    files: tuple[str, ...] = ()
    rule: str | None = None  # a waiver's rule
    party: str | None = None  # a not-a-match's party name
    entry: str | None = None  # a not-a-match's list entry id
    list: str | None = None  # a not-a-match's list, when given
    authority: str | None = None
    number: str | None = None
    reason: str | None = None
    by: str | None = None

    def as_dict(self) -> dict[str, object]:
        """A short description for reports: reference, kind and the file's line."""
        return {"ref": self.ref, "kind": self.kind, "line": self.line}


@record(frozen=True)
class Decisions:
    """A validated decisions file: its label, content hash and entries."""

    file: str
    sha256: str
    entries: tuple[Decision, ...]
    text: str = ""
