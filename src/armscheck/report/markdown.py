"""Markdown output: the same reasoning as the terminal report, as plain text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..checker import DISCLAIMER
from ..verdict import Verdict
from . import pinpoint, sanitized


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_one(v: Verdict) -> str:
    """A Markdown section for one verdict."""
    v = sanitized(v)
    lines = [
        f"## {_cell(v.name)}",
        "",
        f"**Verdict: {v.verdict}**{' (contested law)' if v.contested else ''} — "
        f"`{v.file}`, judged at {v.date}"
        + (f"; law data last reviewed {v.law_reviewed}" if v.law_reviewed else ""),
        "",
        *([f"**{_cell(v.headline())}**", ""] if v.not_evaluated else []),
        *(
            [
                f"**Warning: {v.date} is after the law data's last review ({v.law_reviewed}).**",
                "",
            ]
            + [""]
            if v.after_review
            else []
        ),
        "| family | outcome |",
        "| --- | --- |",
    ]
    lines += [f"| {fam} | {out} |" for fam, out in v.families.items()]
    lines.append("")
    note = v.possible_match_note()
    if note:
        lines += [f"**{_cell(note)}**", ""]
    for f in v.findings:
        lines.append(f"### {f.outcome}: {_cell(f.title)} (`{f.rule}`)")
        lines.append("")
        if f.satisfied_by or f.waived_by:
            how = "Satisfied by" if f.satisfied_by else "Waived by"
            lines += [f"**{how} `{_cell(f.satisfied_by or f.waived_by or '')}`**", ""]
        lines.append(_cell(f.why))
        if f.review_days:
            lines.append(f"Statutory review period: {f.review_days} days.")
        if f.contested:
            lines.append("*The law behind this finding is contested.*")
        if f.match == "possible":
            lines.append("*This finding rests on a possible name match, to be confirmed.*")
        lines.append("")
        for e in f.evidence:
            value = f" = {_cell(e.value)}" if e.value else ""
            lines.append(f"- fact: `{e.path}`{value} (line {e.line})")
        for c in f.citations:
            pin = pinpoint(c.pinpoint)
            lines.append(f"- source: [{_cell(c.instrument)}{_cell(pin)}]({c.url})")
        for a in f.assumptions:
            lines.append(f"- assumption: {_cell(a)}")
        if f.advice:
            lines.append(f"- next step: {_cell(f.advice)}")
        for change, outcome in f.counterfactuals:
            lines.append(f"- would change: {_cell(change)} → {outcome}")
        lines.append("")
    if v.assumptions:
        lines += ["**Assumptions**", ""] + [f"- {_cell(a)}" for a in v.assumptions] + [""]
    if v.notes:
        lines += ["**Notes**", ""] + [f"- {_cell(n)}" for n in v.notes] + [""]
    lines += decision_lines(v.decisions) + run_lines(v.run)
    return "\n".join(lines)


def decision_lines(decisions: dict[str, Any] | None) -> list[str]:
    """The decisions applied and not applied, as a Markdown list."""
    if not decisions:
        return []
    lines = [f"**Decisions** (`{_cell(str(decisions['file']))}`)", ""]
    for a in decisions["applied"]:
        rules = ", ".join(f"`{r}`" for r in a["findings"])
        lines.append(f"- applied: `{_cell(a['ref'])}` ({a['kind']}) to {rules}")
    for n in decisions["not_applied"]:
        lines.append(f"- not applied: `{_cell(n['ref'])}`: {_cell(n['reason'])}")
    return [*lines, ""]


def run_lines(run: dict[str, Any] | None) -> list[str]:
    """The audit record of the run, as a Markdown list."""
    if not run:
        return []
    lists = "; ".join(
        f"{name} {info.get('version') or info.get('last_reviewed') or '?'}"
        + (f" (generated {info['generated']}, sha256 {info['sha256']})" if "sha256" in info else "")
        for name, info in run["lists"].items()
    )
    lines = [
        "**Run**",
        "",
        f"- armscheck {run['version']}, {run['timestamp']}",
        f"- rules sha256 `{run['rules']['sha256']}` ({run['rules']['files']} files)",
        f"- as of {run['as_of']}",
        f"- lists: {_cell(lists)}",
    ]
    d = run.get("decisions")
    if d:
        applied = ", ".join(f"`{_cell(r)}`" for r in d["applied"]) or "none"
        lines.append(f"- decisions `{_cell(d['file'])}` sha256 `{d['sha256']}`; applied: {applied}")
    return [*lines, ""]


def render(verdicts: Sequence[Verdict]) -> str:
    """All verdicts, then the disclaimer once."""
    return "\n".join(render_one(v) for v in verdicts) + f"\n_{DISCLAIMER}_\n"
