"""Where and when: the same deal against many recipients across a span of dates.

For each recipient the transfer is checked once per interval between consecutive
change dates of the rules and list entries that touch it (the timeline's own
method), never by sampling days, so a change that lasts a day is still seen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..checker import Checker
from ..facts import Change
from ..records import record
from ..transfer.model import Transfer
from .counterfactuals import Period, apply_change, change_dates, timeline, within_budget


@record
class RecipientHistory:
    """One recipient's verdicts across time."""

    recipient: str
    name: str
    periods: list[Period]

    def as_dict(self) -> dict[str, Any]:
        """The JSON form: ``recipient``, ``name`` and ``periods``."""
        return {
            "recipient": self.recipient,
            "name": self.name,
            "periods": [p.as_dict() for p in self.periods],
        }


def over_time(
    checker: Checker,
    transfer: Transfer,
    recipients: Iterable[str],
    start: dt.date,
    end: dt.date,
) -> list[RecipientHistory]:
    """Each recipient's verdict periods from ``start`` up to (not including) ``end``.

    Rows keep the order of ``recipients``. Each period's ``to`` is clipped to ``end``.
    """
    countries = checker.rulebook.reference.countries
    recipients = list(recipients)
    days = [d for d in change_dates(checker, transfer) if start < d < end]
    within_budget(transfer, len(recipients) * (1 + len(days)), "recipient-dates")
    out = []
    for code in recipients:
        changed, _ = apply_change(
            checker,
            transfer,
            Change(code, (("recipient.country", code), ("recipient.region", None))),
        )
        periods = timeline(checker, changed, start, end)
        if periods and periods[-1].end is None:
            periods[-1].end = end
        out.append(RecipientHistory(code, countries[code].name, periods))
    return out
