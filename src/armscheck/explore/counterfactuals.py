"""Beyond one verdict: what would change it, since when, and where it could go.

* :func:`counterfactuals` re-checks a transfer with each change its findings'
  facts propose and reports the outcome it really gets.
* :func:`timeline` evaluates the transfer at every date on which a rule or a
  list entry that touches it changes (never by sampling days) and merges
  equal neighbouring periods.
* :func:`~.recipients.matrix` checks the same deal against many recipient countries.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..api import read_doc
from ..checker import Checker
from ..errors import ComplianceError, InputError
from ..facts import Change, Context
from ..records import copied, field, record, replace
from ..transfer.model import Transfer
from ..transfer.yamldoc import Doc
from ..verdict import NOT_EVALUATED, Verdict

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def edit(data: Any, path: str, value: Any) -> Any:
    """Return a copy of the YAML data with ``path`` set to ``value`` (``None`` removes it).

    Copy on write: only the mappings and lists along ``path`` are copied, so an edit acts
    on the one place it names even when a YAML anchor shares that place with others
    (two items with one ``&parts`` list keep their own parts), and ``data`` is unchanged.
    """
    out = _shallow(data)
    steps: list[str | int] = [int(i) if i else k for k, i in _STEP.findall(path)]
    node = out
    for step, following in zip(steps[:-1], steps[1:], strict=False):
        # create a missing mapping or list entry on the way (e.g. a catalogue component)
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(node, list) and step == len(node):
            node.append(empty)
        elif isinstance(node, dict) and node.get(step) is None:
            node[step] = empty
        node[step] = _shallow(node[step])
        node = node[step]
    last = steps[-1]
    if value is None and isinstance(node, dict):
        node.pop(last, None)
    elif value is None and isinstance(node, list):
        if isinstance(last, int) and last < len(node):
            del node[last]  # None removes a list entry too
    elif isinstance(node, list) and last == len(node):
        node.append(value)
    else:
        node[last] = value
    return out


def _shallow(node: Any) -> Any:
    """A new mapping or list holding the same values (other values as they are)."""
    if isinstance(node, dict):
        return dict(node)
    if isinstance(node, list):
        return list(node)
    return node


def apply_change(
    checker: Checker, transfer: Transfer, change: Change
) -> tuple[Transfer, dt.date | None]:
    """The transfer with ``change`` applied, and the new judging date if it moves the date."""
    data = transfer.doc.data
    new_date: dt.date | None = None
    for path, value in change.edits:
        if path == "date":
            new_date = dt.date.fromisoformat(str(value))
        data = edit(data, path, value)
    doc = Doc(data, transfer.file, dict(transfer.doc.marks))
    return read_doc(doc, checker.rulebook.reference), new_date


MAX_RECHECKS = 20  # counterfactual re-checks per transfer: a report, not a search
# Re-checks cost in proportion to the transfer's lines (items and components): at most
# this many lines are re-checked in all, so a large transfer gets fewer re-checks.
MAX_RECHECK_LINES = 2_000


def counterfactuals(
    checker: Checker, transfer: Transfer, verdict: Verdict, as_of: dt.date | None = None
) -> Verdict:
    """Fill each finding's ``counterfactuals`` by re-checking every proposed change.

    At most :data:`MAX_RECHECKS` changes are tried per transfer (the same change is
    checked once however many findings propose it), and fewer for a large transfer, so
    that no more than :data:`MAX_RECHECK_LINES` lines are re-checked in all; the rest
    are left out, with a note.
    """
    lines = len(transfer.items) + sum(len(i.components) for i in transfer.items)
    limit = min(MAX_RECHECKS, MAX_RECHECK_LINES // max(lines, 1))
    tried: dict[Change, tuple[str, Verdict | None]] = {}
    skipped = 0
    findings = []
    for f in verdict.findings:
        results: list[tuple[str, str]] = []
        for change in f.changes:
            if change not in tried:
                if len(tried) >= limit:
                    skipped += 1
                    continue
                try:
                    changed, new_date = apply_change(checker, transfer, change)
                    tried[change] = (change.text, checker.check(changed, new_date or as_of))
                except ComplianceError:
                    tried[change] = (change.text, None)
            other = tried[change][1]
            if other is None:
                continue
            still = any(g.rule == f.rule for g in other.findings)
            outcome = other.families[f.family]
            text = f"{f.family} {outcome}" + ("" if still else f"; {f.rule} no longer applies")
            results.append((change.text, f"{text}; verdict {other.verdict}"))
        findings.append(replace(f, counterfactuals=tuple(results)))
    verdict.findings = findings
    if skipped:
        verdict.notes.append(
            f"{skipped:,} further changes that could alter a finding were not re-checked "
            f"(at most {MAX_RECHECKS} per transfer, and {MAX_RECHECK_LINES:,} items and "
            f"components re-checked in all; this transfer has {lines:,})."
        )
    return verdict


@record
class Period:
    """A span of dates with one verdict; ``end`` is exclusive, ``None`` while open."""

    start: dt.date
    end: dt.date | None
    verdict: str
    families: dict[str, str]
    contested: bool
    changed_by: list[str] = field(default_factory=list)
    review_days: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of one period."""
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat() if self.end else None,
            "verdict": self.verdict,
            "families": dict(self.families),
            "contested": self.contested,
            "review_days": self.review_days,
            "changed_by": list(self.changed_by),
            "complete": NOT_EVALUATED not in self.families.values(),
        }


MAX_LINE_CHECKS = 50_000  # items and components checked, summed over a timeline's or matrix's runs


def within_budget(transfer: Transfer, runs: int, what: str) -> None:
    """Refuse a timeline or matrix that would re-check more than :data:`MAX_LINE_CHECKS` lines."""
    lines = len(transfer.items) + sum(len(i.components) for i in transfer.items)
    if lines * runs > MAX_LINE_CHECKS:
        raise InputError(
            f"{lines:,} items and components checked at {runs:,} {what} is "
            f"{lines * runs:,} line checks, over the limit of {MAX_LINE_CHECKS:,}",
            file=transfer.file,
            hint="use 'check' for this transfer, or narrow --from/--to or --recipients",
        )


def change_dates(checker: Checker, transfer: Transfer) -> dict[dt.date, list[tuple[str, str]]]:
    """Every date on which a rule or a list entry that touches the transfer changes.

    Each date maps to ``(label, rule id)`` pairs; the rule id is empty for list entries.
    """
    out: dict[dt.date, list[tuple[str, str]]] = {}
    for rule in checker.rulebook.rules:
        out.setdefault(rule.effective_from, []).append((f"{rule.id} takes effect", rule.id))
        if rule.effective_to:
            out.setdefault(rule.effective_to, []).append((f"{rule.id} ends", rule.id))
    ctx = Context(transfer, transfer.date, checker.rulebook.reference)
    for family in checker.rulebook.families:
        for day, label in family.change_dates(ctx):
            out.setdefault(day, []).append((label, ""))
    return out


def timeline(
    checker: Checker,
    transfer: Transfer,
    start: dt.date = dt.date(1946, 1, 1),
    end: dt.date | None = None,
) -> list[Period]:
    """The verdict over time, one period per stretch of unchanged outcomes.

    A period is labelled with the list entries that changed on its first day and
    with the rules that started or stopped then and fire on one side of the change.
    """
    from ..regression.runner import fired

    dates = change_dates(checker, transfer)
    points = sorted(d for d in dates if start < d and (end is None or d < end))
    within_budget(transfer, 1 + len(points), "dates on the timeline")
    periods: list[Period] = []
    previous: Verdict | None = None
    for day in [start, *points]:
        v = checker.check(transfer, day)
        last = periods[-1] if periods else None
        review = max((f.review_days for f in v.findings if f.review_days), default=None)
        if last and (last.verdict, last.families, last.contested, last.review_days) == (
            v.verdict,
            v.families,
            v.contested,
            review,
        ):
            previous = v
            continue
        relevant = fired(v) | (fired(previous) if previous else set())
        labels = [text for text, rule in dates.get(day, []) if not rule or rule in relevant]
        if last:
            last.end = day
        periods.append(
            Period(
                day,
                end,
                v.verdict,
                dict(v.families),
                v.contested,
                labels if day != start else [],
                review,
            )
        )
        previous = v
    return periods


def with_recipient(checker: Checker, transfer: Transfer, code: str) -> Transfer:
    """``transfer`` sold to ``code`` instead, with no region: the file is not read again.

    Only the recipient's country, name and region change (the document too, for the
    places reports quote); a state that did not exist on the date goes through the
    reader, which refuses it as it refuses it in a file.

    A matrix makes one for each recipient: the transfer, its recipient and its document
    are copied field by field with the three changed (what :func:`dataclasses.replace`
    and :func:`edit` give, without their general steps), and the new document shares the
    marks of the old one, which no reader changes.
    """
    ref = checker.rulebook.reference
    state = ref.countries.get(code)
    read: dict[str, Any] = ref.memo("explore:codes-read", dict)  # what the reader makes of each
    if code not in read:
        read[code] = ref.country(code)
    if state is None or read[code] is not state or not state.exists_on(transfer.date):
        change = Change(code, (("recipient.country", code), ("recipient.region", None)))
        return apply_change(checker, transfer, change)[0]
    data = transfer.doc.data
    given = data.get("recipient") if type(data) is dict else None
    if type(given) is dict:
        data = dict(data)
        given = data["recipient"] = dict(given)
        given["country"] = code
        given.pop("region", None)
    else:  # never for a transfer that was read: its recipient is a mapping
        data = edit(edit(data, "recipient.country", code), "recipient.region", None)
    recipient = copied(transfer.recipient, country=code, country_name=state.name, region=None)
    return copied(transfer, recipient=recipient, doc=Doc(data, transfer.file, transfer.doc.marks))
