"""Batch output: JSON, JSON Lines, JUnit XML, Markdown, and the summary table."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..batch import BatchResult
from ..verdict import FAMILY_OUTCOMES, VERDICTS, rank


def _obj(r: BatchResult) -> dict[str, object]:
    if r.verdict is None:
        return {"file": r.file, "error": r.error}
    return r.verdict.as_dict()


def jsonl_line(r: BatchResult) -> str:
    """One line of ``--format jsonl``."""
    return json.dumps(_obj(r), ensure_ascii=False)


def as_json(results: Sequence[BatchResult]) -> str:
    """A JSON array, one object per file."""
    return json.dumps([_obj(r) for r in results], indent=2, ensure_ascii=False)


def as_junit(results: Sequence[BatchResult], fail_on: str) -> str:
    """JUnit XML: a test case per file; verdicts at or above ``fail_on`` fail."""
    limit = rank(fail_on)
    cases = []
    failures = errors = 0
    for r in results:
        name = quoteattr(r.file)
        head = f'  <testcase classname="armscheck" name={name} time="{r.seconds:.4f}"'
        if r.verdict is None:
            errors += 1
            cases.append(f"{head}><error message={quoteattr(r.error or '')}/></testcase>")
        elif 0 <= rank(r.verdict.verdict) <= limit:
            failures += 1
            why = "; ".join(f"{f.rule}: {f.why}" for f in r.verdict.findings)
            cases.append(
                f"{head}><failure message={quoteattr(r.verdict.verdict)}>"
                f"{xml_escape(why)}</failure></testcase>"
            )
        else:
            cases.append(f"{head}/>")
    total = sum(r.seconds for r in results)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<testsuite name="armscheck" tests="{len(results)}" failures="{failures}" '
        f'errors="{errors}" time="{total:.3f}">\n' + "\n".join(cases) + "\n</testsuite>"
    )


def as_markdown(results: Sequence[BatchResult]) -> str:
    """A Markdown table, one row per file."""
    fams = list(FAMILY_OUTCOMES)
    lines = [
        "| file | verdict | " + " | ".join(fams) + " |",
        "| --- | --- | " + " | ".join("---" for _ in fams) + " |",
    ]
    for r in results:
        cell = r.file.replace("|", "\\|")
        if r.verdict is None:
            err = (r.error or "").replace("|", "\\|")
            lines.append(f"| {cell} | error: {err} | " + " | ".join("" for _ in fams) + " |")
        else:
            lines.append(
                f"| {cell} | {r.verdict.verdict} | "
                + " | ".join(r.verdict.families[f] for f in fams)
                + " |"
            )
    return "\n".join(lines)


def summary(console: Console, results: Sequence[BatchResult], seconds: float) -> None:
    """Counts per verdict and per family, the files in error and the slowest files."""
    done = [r for r in results if r.verdict is not None]
    verdicts = Counter(r.verdict.verdict for r in done if r.verdict)
    table = Table(title=f"{len(results)} files in {seconds:.2f}s", show_header=True)
    table.add_column("verdict")
    table.add_column("files", justify="right")
    for v in VERDICTS:
        table.add_row(v, str(verdicts.get(v, 0)))
    table.add_row("[red]error[/]", str(len(results) - len(done)))
    console.print(table)
    fam = Table(title="per family", show_header=True)
    fam.add_column("family")
    fam.add_column("outcomes")
    for f in FAMILY_OUTCOMES:
        counts = Counter(r.verdict.families[f] for r in done if r.verdict)
        fam.add_row(f, ", ".join(f"{o} {n}" for o, n in sorted(counts.items())))
    console.print(fam)
    bad = [r for r in results if r.verdict is None]
    if bad:
        console.print("[bold red]Files in error:[/]")
        for r in bad:
            console.print(f"  {escape(r.error or r.file)}", highlight=False, emoji=False)
    slow = sorted(results, key=lambda r: -r.seconds)[:5]
    console.print(
        "Slowest: " + ", ".join(f"{escape(r.file)} ({r.seconds * 1000:.1f} ms)" for r in slow),
        highlight=False,
        emoji=False,
    )
