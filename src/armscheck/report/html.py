"""HTML reports: one self-contained file per report, built from Jinja2 templates.

Every report is a single HTML file with its stylesheet and pictures (inline SVG)
inside: no script, no outside request (a Content-Security-Policy forbids them).
Templates live in ``templates/`` beside this module and autoescape everything;
control characters in user text are shown as escapes, and only ``http(s)`` links
become links.

Reports are built from the verdicts' JSON form, so keys added to a verdict or a
finding later (a run record, possible matches, ...) are shown even when this
module does not know them yet.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..checker import DISCLAIMER
from ..transfer.values import printable
from ..verdict import FAMILY_OUTCOMES, VERDICTS
from ..version import __version__
from . import pinpoint
from .svg import bar_chart_svg
from .svgmap import by_verdict

KNOWN_VERDICT_KEYS = {
    "file",
    "name",
    "date",
    "verdict",
    "families",
    "contested",
    "findings",
    "assumptions",
    "notes",
}
KNOWN_FINDING_KEYS = {
    "rule",
    "family",
    "title",
    "outcome",
    "why",
    "citations",
    "evidence",
    "assumptions",
    "contested",
    "review_days",
    "advice",
    "counterfactuals",
}
LABELS = {
    "run": "Run record",
    "decisions": "Decisions",
    "matches": "Screening matches",
    "possible_matches": "Possible matches",
    "satisfied_by": "Satisfied by",
    "waived_by": "Waived by",
    "not_evaluated": "Not evaluated",
}
CONTEXT_LINES = 2


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return printable(value)


def _safe_url(url: Any) -> bool:
    return isinstance(url, str) and url.lower().startswith(("https://", "http://"))


def _label(key: str) -> str:
    return LABELS.get(key, key.replace("_", " ").capitalize())


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment: package templates, autoescape on."""
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests["safe_url"] = _safe_url
    env.filters["pinpoint"] = pinpoint
    env.filters["label"] = _label
    env.filters["by_verdict"] = by_verdict
    return env


def excerpt(source: str, hits: Iterable[int], context: int = CONTEXT_LINES) -> list[dict[str, Any]]:
    """The lines of ``source`` around the 1-based line numbers ``hits``, gaps marked."""
    lines = source.splitlines()
    hit = {h for h in hits if 1 <= h <= len(lines)}
    if not hit:
        return []
    keep = sorted(
        {n for h in hit for n in range(h - context, h + context + 1) if 1 <= n <= len(lines)}
    )
    out: list[dict[str, Any]] = []
    for i, n in enumerate(keep):
        if i and n != keep[i - 1] + 1:
            out.append({"gap": True})
        out.append({"gap": False, "number": n, "text": lines[n - 1], "hit": n in hit})
    return out


def _view(v: Mapping[str, Any], source: str | None) -> dict[str, Any]:
    """A verdict's JSON form made ready for the template."""
    findings = []
    for f in v.get("findings", []):
        lines = [int(e.get("line") or 0) for e in f.get("evidence", [])]
        view = {k: f.get(k) for k in KNOWN_FINDING_KEYS}
        view["excerpt"] = excerpt(source, lines) if source else []
        view["extra"] = {k: x for k, x in f.items() if k not in KNOWN_FINDING_KEYS and x}
        findings.append(view)
    assumptions = list(v.get("assumptions", []))
    every = set(assumptions) | {a for f in findings for a in f["assumptions"] or []}
    return {
        **{k: v.get(k) for k in KNOWN_VERDICT_KEYS},
        "families": dict(v.get("families", {})),
        "findings": findings,
        "assumptions": assumptions,
        "notes": list(v.get("notes", [])),
        "rests_on": len(every),
        "extra": {k: x for k, x in v.items() if k not in KNOWN_VERDICT_KEYS and x},
    }


def _page(template: str, kind: str, title: str, **context: Any) -> str:
    return (
        environment()
        .get_template(template)
        .render(
            kind=kind,
            title=title,
            version=__version__,
            generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            disclaimer=DISCLAIMER,
            family_ids=list(FAMILY_OUTCOMES),
            **context,
        )
    )


def read_source(file: str) -> str | None:
    """The text of a transfer file for excerpts, or ``None`` (standard input, unreadable)."""
    try:
        return Path(file).read_text(encoding="utf-8") if file != "-" else None
    except (OSError, UnicodeDecodeError):
        return None


def check_report(
    verdicts: Sequence[Mapping[str, Any]], sources: Mapping[str, str | None] | None = None
) -> str:
    """One or more verdicts (their JSON form); ``sources`` maps file -> text for excerpts."""
    sources = sources or {}
    views = [_view(v, sources.get(str(v.get("file")))) for v in verdicts]
    title = views[0]["name"] if len(views) == 1 else f"{len(views)} transfers"
    return _page("check.html.j2", "check", str(title), verdicts=views)


def batch_report(
    results: Sequence[Mapping[str, Any]], sources: Mapping[str, str | None] | None = None
) -> str:
    """A batch: results are verdict objects or ``{"file", "error"}``, in file order."""
    sources = sources or {}
    counts: Counter[str] = Counter()
    families: dict[str, Counter[str]] = {f: Counter() for f in FAMILY_OUTCOMES}
    rows = []
    for r in results:
        if "error" in r and "verdict" not in r:
            counts["error"] += 1
            rows.append({"file": r.get("file", ""), "error": r["error"]})
            continue
        counts[str(r["verdict"])] += 1
        for fam, outcome in r.get("families", {}).items():
            families.setdefault(fam, Counter())[outcome] += 1
        view = _view(r, sources.get(str(r.get("file"))))
        view["error"] = None
        rows.append(view)
    ordered = {k: counts.get(k, 0) for k in [*VERDICTS, "error"]}
    chart = Markup(bar_chart_svg(ordered, prefix="bars"))  # noqa: S704 - built escaped
    return _page(
        "batch.html.j2",
        "batch",
        f"Batch of {len(rows)} files",
        total=len(rows),
        counts=ordered,
        families={f: dict(sorted(c.items())) for f, c in families.items()},
        rows=rows,
        chart=chart,
    )


def picture_report(
    kind: str,
    heading: str,
    file: str,
    picture: str,
    subtitle: str = "",
    **data: Any,
) -> str:
    """A timeline, matrix or over-time report: the picture and the table it draws."""
    return _page(
        "picture.html.j2",
        kind,
        heading,
        heading=heading,
        file=file,
        subtitle=subtitle,
        picture=Markup(picture),  # noqa: S704 - the SVG builders escape every text
        **data,
    )
