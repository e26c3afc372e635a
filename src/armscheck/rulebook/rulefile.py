"""One rule file: its schema, its validation and the :class:`Rule` it describes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import RuleError
from ..facts import Citation, FactKind, Family
from ..lazyre import deferred
from ..records import record
from ..transfer.decoding import read_file
from ..transfer.values import suggest
from .patterns import Pattern, check_template, read_when

RULE_KEYS = {
    "id",
    "aliases",
    "title",
    "rationale",
    "outcome",
    "when",
    "explanation",
    "advice",
    "citations",
    "effective_from",
    "effective_to",
    "last_reviewed",
    "examples",
}
REQUIRED = (
    "id",
    "title",
    "outcome",
    "when",
    "explanation",
    "citations",
    "effective_from",
    "last_reviewed",
)
TEXT_KEYS = (
    "id",
    "title",
    "rationale",
    "outcome",
    "explanation",
    "advice",
    "effective_from",
    "effective_to",
    "last_reviewed",
)
CITATION_KEYS = {"instrument", "url", "pinpoint", "quote"}
_ID = deferred(r"^[a-z0-9-]+/[a-z0-9-]+$")


@record(frozen=True)
class Rule:
    """One rule, as written in its file."""

    id: str
    family: str
    title: str
    outcome: str
    patterns: tuple[Pattern, ...]
    explanation: str
    citations: tuple[Citation, ...]
    effective_from: dt.date
    effective_to: dt.date | None
    last_reviewed: str
    file: str
    rationale: str = ""
    advice: str = ""
    aliases: tuple[str, ...] = ()
    examples: tuple[tuple[str, tuple[str, ...]], ...] = ()


def read_citations(raw: Any, path: tuple[str | int, ...], fail: Any) -> tuple[Citation, ...]:
    """Read a list of citations; every entry needs an instrument and an http(s) url."""
    if not isinstance(raw, list) or not raw:
        raise fail(
            path,
            "needs at least one citation",
            "add - {instrument: UNSCR 1747 (2007), pinpoint: para 5, url: https://...}",
        )
    out = []
    for i, c in enumerate(raw):
        if (
            not isinstance(c, dict)
            or not isinstance(c.get("instrument"), str)
            or not c["instrument"].strip()
            or not str(c.get("url", "")).startswith(("http://", "https://"))
        ):
            raise fail(
                (*path, i),
                "a citation needs 'instrument' and an http(s) 'url'",
                "e.g. {instrument: 22 CFR 123.9, pinpoint: (a), url: https://www.ecfr.gov/...}",
            )
        for key in c:
            if key not in CITATION_KEYS:
                raise fail(
                    (*path, i, key),
                    f"unknown key {key!r} in a citation",
                    suggest(str(key), CITATION_KEYS) or f"use {', '.join(sorted(CITATION_KEYS))}",
                )
        out.append(
            Citation(
                str(c["instrument"]),
                str(c["url"]),
                str(c["pinpoint"]) if c.get("pinpoint") else None,
                str(c["quote"]) if c.get("quote") else None,
            )
        )
    return tuple(out)


def read_rule(path: Path, family: Family, kinds: dict[str, FactKind]) -> Rule:
    """Read and check one rule file of ``family``; every problem is a located RuleError."""
    from .aliases import parse_list  # read as a list file is (not needed for a cached rulebook)

    doc = parse_list(read_file(path, RuleError), str(path))

    def fail(p: tuple[str | int, ...], message: str, hint: str) -> RuleError:
        return doc.error(RuleError, p, message, hint)

    data = doc.data
    if not isinstance(data, dict):
        raise fail((), "a rule file must be a mapping", "start with 'id: family/name'")
    for key in data:
        if key not in RULE_KEYS:
            raise fail((key,), f"unknown key {key!r}", suggest(key, RULE_KEYS) or "remove it")
    for key in REQUIRED:
        if data.get(key) in (None, "", []):
            raise fail(
                (key,) if key in data else (),
                f"missing {key!r}",
                "see rules/README.md for the rule schema",
            )
    for key in TEXT_KEYS:
        if data.get(key) is not None and not isinstance(data[key], str):
            raise fail(
                (key,),
                f"{key!r} must be text, found {type(data[key]).__name__}",
                "write a plain string (quote dates: '2017-08-02')",
            )
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise fail(("aliases",), "'aliases' must be a list of rule ids", "e.g. aliases: [old/id]")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or not all(
        isinstance(v, list) or v is None for v in examples.values()
    ):
        raise fail(
            ("examples",),
            "'examples' must map 'fires'/'silent' to lists of scenario stems",
            "e.g. examples: {fires: [iraq-iran-arms-2014], silent: []}",
        )
    rid = str(data["id"])
    if not _ID.match(rid) or rid != f"{family.id}/{path.stem}":
        raise fail(
            ("id",),
            f"id {rid!r} must be '{family.id}/{path.stem}'",
            "the id is the folder name, a slash and the file stem",
        )
    outcome = str(data["outcome"])
    if outcome not in family.outcomes:
        raise fail(
            ("outcome",),
            f"unknown outcome {outcome!r}",
            f"use one of: {', '.join(family.outcomes)}",
        )
    patterns = read_when(data["when"], kinds, family, fail)
    types = {f: t for p in patterns for f, t in kinds[p.kind].fields.items()}
    for key in ("explanation", "advice"):
        if data.get(key):
            check_template(str(data[key]), (key,), types, fail)
    try:
        start = dt.date.fromisoformat(str(data["effective_from"]))
        end = dt.date.fromisoformat(str(data["effective_to"])) if data.get("effective_to") else None
    except ValueError:
        raise fail(("effective_from",), "dates must be YYYY-MM-DD", "e.g. '2017-08-02'") from None
    if end is not None and end <= start:
        raise fail(
            ("effective_to",),
            "effective_to must be after effective_from",
            "fix the dates (effective_to is exclusive)",
        )
    return Rule(
        id=rid,
        family=family.id,
        title=str(data["title"]),
        outcome=outcome,
        patterns=patterns,
        explanation=" ".join(str(data["explanation"]).split()),
        citations=read_citations(data["citations"], ("citations",), fail),
        effective_from=start,
        effective_to=end,
        last_reviewed=str(data["last_reviewed"]),
        file=str(path),
        rationale=" ".join(str(data.get("rationale") or "").split()),
        advice=" ".join(str(data.get("advice") or "").split()),
        aliases=tuple(str(a) for a in data.get("aliases") or []),
        examples=tuple((str(k), tuple(str(x) for x in v or [])) for k, v in examples.items()),
    )
