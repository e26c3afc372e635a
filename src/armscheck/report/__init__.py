"""Reporters: turn verdicts into JSON, Markdown or a rich terminal report."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..verdict import Verdict


class Format(str, enum.Enum):
    """Output formats of ``armscheck check``."""

    HUMAN = "human"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    SARIF = "sarif"


def pinpoint(text: str | None) -> str:
    """A pinpoint as it follows an instrument: ``123.9(a)``, ``, para 5``."""
    if not text:
        return ""
    return text if text.startswith("(") else f", {text}"


def sanitized(v: Verdict) -> Verdict:
    """A copy of ``v`` whose user-written text cannot drive a terminal (control characters)."""
    from ..records import replace
    from ..transfer.model import Loc
    from ..transfer.values import printable as p

    def loc(e: Loc) -> Loc:
        return replace(e, path=p(e.path), value=p(e.value) if e.value else e.value)

    findings = [
        replace(
            f,
            why=p(f.why),
            advice=p(f.advice),
            assumptions=tuple(map(p, f.assumptions)),
            evidence=tuple(map(loc, f.evidence)),
            counterfactuals=tuple((p(c), p(o)) for c, o in f.counterfactuals),
        )
        for f in v.findings
    ]
    return replace(
        v,
        file=p(v.file),
        name=p(v.name),
        findings=findings,
        notes=list(map(p, v.notes)),
        assumptions=list(map(p, v.assumptions)),
    )
