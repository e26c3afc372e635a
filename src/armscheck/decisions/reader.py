"""Reading a decisions file: the same safe YAML loader and located errors as transfers."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..rulebook.reference import Reference
from ..transfer.decoding import MAX_BYTES
from ..transfer.reader import Reader
from ..transfer.values import printable, shorten, shown, suggest
from ..transfer.yamldoc import parse
from .locate import DEFAULT_NAME, find_decisions, read_limited
from .model import AUTHORITIES, KINDS, SATISFIES, UNWAIVABLE, Decision, Decisions, Scope

MAX_DECISIONS = 2_000
MAX_TEXT = 500  # characters in one reference, name, reason or pattern
MAX_PATTERNS = 100

COMMON = {"ref", "kind", "note", "files"}
KEYS: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "licence": ({"authority", "number", "covers", "issued", "expires"}, ("issued", "expires")),
    "notification": ({"transmittal", "date", "covers"}, ("transmittal", "date")),
    "un-approval": ({"committee", "reference", "date", "covers"}, ("committee", "date")),
    "not-a-match": ({"party", "entry", "list", "reason", "by", "date"}, ("party", "entry")),
    "waiver": ({"rule", "reason", "approver", "expires"}, ("rule", "files", "expires")),
}
REQUIRED_TOO = {
    "licence": ("authority", "number"),
    "un-approval": ("reference",),
    "not-a-match": ("reason", "by", "date"),
    "waiver": ("reason", "approver"),
}
COVERS = {"rules", "items", "parties", "destination"}
__all__ = [
    "DEFAULT_NAME",
    "find_decisions",
    "load_decisions",
    "read_decisions",
    "read_limited",
]
HINT_TOP = "write 'decisions:' followed by a list of entries, each with 'ref:' and 'kind:'"


def load_decisions(path: str | Path, ref: Reference, rules: Mapping[str, str]) -> Decisions:
    """Read and validate the decisions file at ``path``.

    ``rules`` maps each rule id to its outcome, so that a decision naming an unknown
    rule, or trying to license or waive a violation or denial, is refused here.
    """
    data = read_limited(path, MAX_BYTES, "decisions file")
    return read_decisions(data, str(path), ref, rules)


def read_decisions(
    data: bytes | str, label: str, ref: Reference, rules: Mapping[str, str]
) -> Decisions:
    """Validate a decisions file given as bytes or text."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    doc = parse(data, label)
    r = Reader(doc, ref)
    if doc.data is None:
        raise InputError("the decisions file is empty", file=label, hint=HINT_TOP)
    top = r.mapping(doc.data, (), {"decisions"}, ("decisions",))
    entries = top["decisions"]
    if not isinstance(entries, list):
        raise r.fail(("decisions",), "expected a list of decisions", HINT_TOP)
    if len(entries) > MAX_DECISIONS:
        raise r.fail(
            ("decisions",),
            f"{len(entries):,} decisions, over the limit of {MAX_DECISIONS:,}",
            "split the decisions by deal, one file per folder",
        )
    out: list[Decision] = []
    seen: dict[str, int | None] = {}
    for i, entry in enumerate(entries):
        d = _entry(r, entry, ("decisions", i), rules)
        if d.ref in seen:
            raise r.fail(
                ("decisions", i, "ref"),
                f"duplicate reference {shown(d.ref)} (also on line {seen[d.ref]})",
                "give each decision its own reference",
            )
        seen[d.ref] = d.line
        out.append(d)
    text = raw.decode("utf-8-sig", errors="replace")
    return Decisions(label, hashlib.sha256(raw).hexdigest(), tuple(out), text)


def _text(r: Reader, value: Any, path: tuple[str | int, ...]) -> str:
    out = r.text(value, path) or ""
    if printable(out) != out:
        raise r.fail(path, "the text holds a control character", "remove it; write plain text")
    if len(out) > MAX_TEXT:
        raise r.fail(path, f"{len(out):,} characters, over the limit of {MAX_TEXT}", "shorten it")
    return out


def _texts(r: Reader, value: Any, path: tuple[str | int, ...]) -> tuple[str, ...]:
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    if len(values) > MAX_PATTERNS:
        raise r.fail(
            path, f"{len(values):,} values, over the limit of {MAX_PATTERNS}", "list fewer"
        )
    where = (lambda i: (*path, i)) if isinstance(value, list) else (lambda i: path)
    return tuple(_text(r, v, where(i)) for i, v in enumerate(values))


def _rule(
    r: Reader, value: Any, path: tuple[str | int, ...], rules: Mapping[str, str], kind: str
) -> str:
    rule = _text(r, value, path)
    if rule not in rules:
        tip = suggest(rule, list(rules)) or "run 'armscheck rules' for the rule ids"
        raise r.fail(path, f"unknown rule {shown(rule)}", tip)
    outcome = rules[rule]
    if outcome in UNWAIVABLE:
        verb = "waived" if kind == "waiver" else "licensed away"
        raise r.fail(
            path,
            f"a {kind} cannot cover {rule}: its outcome is {outcome}, which cannot be {verb}",
            "remove it; only a not-a-match on the screening facts behind the finding "
            "(a party wrongly matched to a list entry) can remove a violation or denial",
        )
    want = SATISFIES.get(kind)
    if want and outcome != want:
        better = next((k for k, o in SATISFIES.items() if o == outcome), "waiver")
        raise r.fail(
            path,
            f"a {kind} answers {want} findings, but {rule} is {outcome}",
            f"remove it, or record a {better} for it",
        )
    return rule


def _entry(
    r: Reader, entry: Any, path: tuple[str | int, ...], rules: Mapping[str, str]
) -> Decision:
    if not isinstance(entry, dict):
        raise r.fail(path, "expected a mapping", "write 'ref:' and 'kind:' lines for the entry")
    kind_raw = entry.get("kind")
    if kind_raw is None:
        raise r.fail(path, "missing required key 'kind'", f"add 'kind:' ({', '.join(KINDS)})")
    kind = r.choice(kind_raw, (*path, "kind"), KINDS, "decision kind")
    extra, required = KEYS[kind]
    needed = ("ref", "kind", *required, *REQUIRED_TOO.get(kind, ()))
    m = r.mapping(entry, path, COMMON | extra, needed)
    ref = _text(r, m["ref"], (*path, "ref"))
    line = r.doc.where(path)[0]
    files = _texts(r, m.get("files"), (*path, "files"))
    common: dict[str, Any] = {"ref": ref, "kind": kind, "line": line, "files": files}
    if kind == "waiver":
        start = None
        end = r.date(m["expires"], (*path, "expires"))
        return Decision(
            **common,
            end=end,
            rule=_rule(r, m["rule"], (*path, "rule"), rules, kind),
            reason=_text(r, m["reason"], (*path, "reason")),
            by=_text(r, m["approver"], (*path, "approver")),
        )
    if kind == "not-a-match":
        return Decision(
            **common,
            start=r.date(m["date"], (*path, "date")),
            party=_text(r, m["party"], (*path, "party")),
            entry=_text(r, m["entry"], (*path, "entry")),
            list=_list(r, m.get("list"), (*path, "list")),
            reason=_text(r, m["reason"], (*path, "reason")),
            by=_text(r, m["by"], (*path, "by")),
        )
    scope = _covers(r, m.get("covers"), (*path, "covers"), rules, kind)
    if kind == "licence":
        start = r.date(m["issued"], (*path, "issued"))
        end = r.date(m["expires"], (*path, "expires"))
        if end < start:
            raise r.fail(
                (*path, "expires"),
                f"the licence expires ({end}) before it is issued ({start})",
                "check the two dates",
            )
        return Decision(
            **common,
            start=start,
            end=end,
            scope=scope,
            authority=r.choice(m["authority"], (*path, "authority"), AUTHORITIES, "authority"),
            number=_text(r, m["number"], (*path, "number")),
        )
    number_key = "transmittal" if kind == "notification" else "reference"
    return Decision(
        **common,
        start=r.date(m["date"], (*path, "date")),
        scope=scope,
        authority=_text(r, m["committee"], (*path, "committee")) if kind == "un-approval" else None,
        number=_text(r, m[number_key], (*path, number_key)),
    )


def _list(r: Reader, value: Any, path: tuple[str | int, ...]) -> str | None:
    if value is None:
        return None
    name = _text(r, value, path)
    if name not in r.ref.lists:
        tip = suggest(name, list(r.ref.lists)) or "name a list file under rules/lists"
        raise r.fail(path, f"unknown list {shown(shorten(name))}", tip)
    return name


def _covers(
    r: Reader, value: Any, path: tuple[str | int, ...], rules: Mapping[str, str], kind: str
) -> Scope:
    if value is None:
        return Scope()
    m = r.mapping(value, path, COVERS)
    rule_ids = m.get("rules")
    rule_list = rule_ids if isinstance(rule_ids, list) else [] if rule_ids is None else [rule_ids]
    where = (
        (lambda i: (*path, "rules", i))
        if isinstance(rule_ids, list)
        else (lambda i: (*path, "rules"))
    )
    code = name = None
    if m.get("destination") is not None:
        code, name = r.country(m["destination"], (*path, "destination"))
    return Scope(
        rules=tuple(_rule(r, v, where(i), rules, kind) for i, v in enumerate(rule_list)),
        items=_texts(r, m.get("items"), (*path, "items")),
        parties=_texts(r, m.get("parties"), (*path, "parties")),
        destination=code,
        destination_name=name,
    )


def today() -> dt.date:
    """The run's date (UTC), against which waivers expire."""
    return dt.datetime.now(dt.timezone.utc).date()
