"""Checking an audit record again: would today's rules give the same result?"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..checker import Checker
from ..errors import InputError
from ..records import field, record
from ..verdict import Verdict
from .record import read_record, run_info, with_run


@record
class Verification:
    """The outcome of checking a record again."""

    file: str
    same: bool
    before: dict[str, Any]
    after: dict[str, Any]
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of ``armscheck verify``."""
        return {
            "record": self.file,
            "same": self.same,
            "verdict": {"recorded": self.before.get("verdict"), "now": self.after["verdict"]},
            "changes": list(self.changes),
            "notes": list(self.notes),
        }


def recheck(record: dict[str, Any], checker: Checker) -> Verdict:
    """Today's verdict for a record's input, at its as-of date, with its decisions applied."""
    from ..api import read_transfer
    from .apply import apply_decisions
    from .reader import read_decisions

    book = checker.rulebook
    label = str(record["input"].get("file") or "<record>")
    transfer = read_transfer(record["input"]["text"], label, book.reference)
    try:
        as_of = dt.date.fromisoformat(record["run"]["as_of"])
        stamp = str(record["run"].get("timestamp") or "")
        when = dt.date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        raise InputError(
            "the record's run has a malformed date", file=label, hint="use an unaltered record"
        ) from None
    verdict = checker.check(transfer, as_of)
    text = record.get("decisions_text")
    if isinstance(text, str):
        rules = {r.id: r.outcome for r in book.rules}
        found = read_decisions(text, f"{label} (recorded decisions)", book.reference, rules)
        verdict = apply_decisions(verdict, transfer, found, today=when)
    return with_run(verdict, run_info(book))


def verify(path: str | Path, check: Callable[[dict[str, Any]], Verdict]) -> Verification:
    """Check the record at ``path`` again with ``check`` and compare the results.

    ``check`` takes the record and returns today's verdict for its input (with the
    recorded decisions applied, at the recorded as-of date).
    """
    record = read_record(path)
    before = record["result"]
    now = check(record)
    after = now.as_dict()
    changes = compare(before, after)
    notes: list[str] = []
    old_hash = (record["run"].get("rules") or {}).get("sha256")
    if now.run is not None and old_hash != now.run["rules"]["sha256"]:
        notes.append(f"the rules changed since the record (sha256 {str(old_hash)[:12]}…)")
    if now.run is not None and record["run"].get("version") != now.run["version"]:
        notes.append(f"recorded with armscheck {record['run'].get('version')}")
    return Verification(str(path), not changes, before, after, changes, notes)


def compare(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Every difference in verdict, family outcome and finding between two results."""
    out: list[str] = []
    if before.get("verdict") != after.get("verdict"):
        out.append(f"verdict: {before.get('verdict')} → {after.get('verdict')}")
    fams_b, fams_a = before.get("families") or {}, after.get("families") or {}
    for fam in dict.fromkeys([*fams_b, *fams_a]):
        if fams_b.get(fam) != fams_a.get(fam):
            out.append(f"{fam}: {fams_b.get(fam, 'absent')} → {fams_a.get(fam, 'absent')}")
    old, new = _findings(before), _findings(after)
    for key in old.keys() - new.keys():
        out.append(f"finding gone: {key[0]} ({key[1]})")
    for key in new.keys() - old.keys():
        out.append(f"new finding: {key[0]} ({key[1]})")
    for key in old.keys() & new.keys():
        if old[key] != new[key]:
            out.append(f"finding {key[0]}: {old[key]} → {new[key]}")
    return sorted(out, key=lambda s: (not s.startswith("verdict"), s))


def _findings(result: dict[str, Any]) -> dict[tuple[str, str, str], str]:
    """(rule, outcome, evidence) → its status: open, satisfied by X, waived by Y."""
    out: dict[tuple[str, str, str], str] = {}
    for f in result.get("findings") or []:
        if not isinstance(f, dict):
            continue
        where = ",".join(str(e.get("path")) for e in f.get("evidence") or [] if isinstance(e, dict))
        status = (
            f"satisfied by {f['satisfied_by']}"
            if f.get("satisfied_by")
            else f"waived by {f['waived_by']}"
            if f.get("waived_by")
            else "open"
        )
        out[(str(f.get("rule")), str(f.get("outcome")), where)] = status
    return out
