"""Batch output, streamed: JSON, JSON Lines, JUnit XML, Markdown, and the summary.

Results are written as they arrive; the summary keeps counts, the slowest
files, and the names of the files in error or at or above ``--fail-on``
(JUnit, whose header carries the totals, keeps one short line per file).
"""

from __future__ import annotations

import codecs
import heapq
import json
import os
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, cast

from ..batch import BatchResult
from ..lazyre import deferred
from ..records import field, record
from ..transfer.values import printable
from ..verdict import FAMILY_OUTCOMES, VERDICTS, rank

if TYPE_CHECKING:  # rich and XML escaping are imported by the formats that use them
    from rich.console import Console


@record
class Summary:
    """Running totals of a batch: counts, errors and the slowest files."""

    verdicts: Counter[str] = field(default_factory=Counter)
    families: dict[str, Counter[str]] = field(
        default_factory=lambda: {f: Counter() for f in FAMILY_OUTCOMES}
    )
    errors: list[str] = field(default_factory=list)
    slowest: list[tuple[float, str]] = field(default_factory=list)
    flagged: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0
    hits: int = 0
    warmups: int = 0

    def add(self, r: BatchResult, fail_on: str) -> None:
        """Count one result."""
        self.files += 1
        if r.warmup:  # the worker's first file also pays for its warm-up: not comparable
            self.warmups += 1
        elif len(self.slowest) < SLOWEST:
            heapq.heappush(self.slowest, (r.seconds, r.file))
        else:  # the quickest of the slowest and this one goes
            heapq.heappushpop(self.slowest, (r.seconds, r.file))
        verdict = r.verdict
        if verdict is None:
            self.errors.append(r.error or r.file)
            return
        self.verdicts[verdict] += 1
        families = self.families
        for fam, outcome in r.families.items():
            families[fam][outcome] += 1
        if 0 <= _RANK.get(verdict, -1) <= _RANK.get(fail_on, -1):
            self.hits += 1
            self.flagged.append((verdict, r.file))


SLOWEST = 5  # the files the summary names as slowest
_RANK = {v: rank(v) for v in VERDICTS}  # rank of each verdict, looked up (others rank -1)


def writer(
    fmt: str, out: TextIO, fail_on: str
) -> tuple[Callable[[BatchResult], None], Callable[[], None]]:
    """(write one result, finish) for a format.

    ``human`` prints each file's verdict and its findings' rules, ``brief`` one line per
    file; ``html`` keeps the results and writes one report at the end.
    """
    fams = list(FAMILY_OUTCOMES)
    state = {"first": True}
    cases: list[str] = []
    counts = Counter[str]()
    kept: list[dict[str, Any]] = []
    console = None
    if fmt in HUMAN:
        from rich.console import Console

        # one line per file whatever its length: the terminal wraps it, a pipe keeps it whole
        console = Console(file=out, highlight=False, emoji=False, soft_wrap=True)

    raw = _utf8_bytes(out) if fmt == "jsonl" else None

    def one(r: BatchResult) -> None:
        if console is not None:
            file_lines(console, r, brief=fmt == "brief")
        elif fmt == "html":
            kept.append(json.loads(r.payload))
        elif fmt == "jsonl":
            payload = r.payload
            if raw is not None and type(payload) is bytes:
                if state["first"]:
                    out.flush()  # whatever the text layer holds goes first
                raw.write(payload + b"\n")
                if out.line_buffering:
                    raw.flush()
            else:
                out.write(_text(payload) + "\n")
                if raw is not None:
                    out.flush()  # before the next result's bytes go under it
        elif fmt == "json":
            out.write(("[\n" if state["first"] else ",\n") + _text(r.payload))
        elif fmt == "markdown":
            if state["first"]:
                out.write(
                    "| file | verdict | " + " | ".join(fams) + " |\n"
                    "| --- | --- | " + " | ".join("---" for _ in fams) + " |\n"
                )
            cell = r.file.replace("|", "\\|")
            if r.verdict is None:
                err = (r.error or "").replace("|", "\\|")
                out.write(f"| {cell} | error: {err} |" + " |" * len(fams) + "\n")
            else:
                out.write(
                    f"| {cell} | {r.verdict} | " + " | ".join(r.families[f] for f in fams) + " |\n"
                )
        elif fmt == "junit":
            cases.append(_case(r, fail_on, counts))
        state["first"] = False

    def finish() -> None:
        if fmt == "html":
            from .html import batch_report, read_source

            few = len(kept) <= HTML_EXCERPTS
            sources = {str(k["file"]): read_source(str(k["file"])) for k in kept} if few else {}
            out.write(batch_report(kept, sources))
        elif fmt == "json":
            out.write("[]\n" if state["first"] else "\n]\n")
        elif fmt == "junit":
            total = len(cases)
            out.write(
                '<?xml version="1.0" encoding="utf-8"?>\n'
                f'<testsuite name="armscheck" tests="{total}" '
                f'failures="{counts["failure"]}" errors="{counts["error"]}">\n'
                + "\n".join(cases)
                + "\n</testsuite>\n"
            )

    return one, finish


def _utf8_bytes(out: TextIO) -> BinaryIO | None:
    """The byte stream under ``out`` when writing UTF-8 there gives what ``out`` would write.

    That is a UTF-8 text stream that writes a line break as it is (a result's UTF-8 holds
    only valid characters, so the error handler never acts): a result's bytes are then
    written as they are, not decoded and encoded again.
    """
    buffer = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if buffer is None or not isinstance(encoding, str) or os.linesep != "\n":
        return None
    try:
        if codecs.lookup(encoding).name != "utf-8":
            return None
    except LookupError:
        return None
    return cast(BinaryIO, buffer)


def _text(payload: bytes | str) -> str:
    return payload.decode() if type(payload) is bytes else cast(str, payload)


HUMAN = ("human", "brief")
HTML_EXCERPTS = 500  # up to this many files, the HTML report quotes each file's lines


def file_lines(console: Console, r: BatchResult, brief: bool) -> None:
    """One file's verdict on one line; unless ``brief``, its findings' rules under it."""
    from rich.text import Text

    from .human import STYLE

    if r.verdict is None:
        console.print(
            Text.assemble(("error".ljust(19), STYLE["error"]), " ", printable(r.error or r.file))
        )
        return
    console.print(
        Text.assemble((r.verdict.ljust(19), STYLE.get(r.verdict, "")), " ", printable(r.file))
    )
    if brief:
        return
    for f in json.loads(r.payload).get("findings", []):
        outcome = str(f["outcome"])
        console.print(
            Text.assemble("    ", str(f["rule"]), " (", (outcome, STYLE.get(outcome, "")), ")")
        )


# characters XML 1.0 cannot hold at all, even escaped (a YAML "\x0b" can reach a name);
# compiled when JUnit output first needs it (its class reaches past 256 code points)
_NOT_XML = deferred("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` with each character XML 1.0 forbids written as a visible escape, as in JSON."""
    return _NOT_XML.sub(lambda m: _escaped(m.group()), text)


def _escaped(ch: str) -> str:
    return ch.encode("unicode_escape", "backslashreplace").decode("ascii")


def _case(r: BatchResult, fail_on: str, counts: Counter[str]) -> str:
    from xml.sax.saxutils import escape as xml_escape
    from xml.sax.saxutils import quoteattr

    name = quoteattr(xml_text(r.file))
    head = f'  <testcase classname="armscheck" name={name} time="{r.seconds:.4f}"'
    if r.verdict is None:
        counts["error"] += 1
        return f"{head}><error message={quoteattr(xml_text(r.error or ''))}/></testcase>"
    if 0 <= rank(r.verdict) <= rank(fail_on):
        counts["failure"] += 1
        return (
            f"{head}><failure message={quoteattr(r.verdict)}>{xml_escape(xml_text(r.reasons))}"
            "</failure></testcase>"
        )
    return f"{head}/>"


def summary(console: Console, s: Summary, seconds: float) -> None:
    """Counts per verdict and per family, the files in error and the slowest files."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from .human import STYLE

    noun = "file" if s.files == 1 else "files"
    console.print()
    console.print(Text(f"{s.files} {noun} in {seconds:.2f}s", style="bold"))
    table = Table(box=None, padding=(0, 2, 0, 0), show_header=True, header_style="bold")
    table.add_column("verdict", no_wrap=True)
    table.add_column("files", justify="right", no_wrap=True)
    for v in VERDICTS:
        table.add_row(Text(v, style=STYLE.get(v, "")), str(s.verdicts.get(v, 0)))
    table.add_row(Text("error", style=STYLE["error"]), str(len(s.errors)))
    console.print(table)
    console.print(Text("Per family:", style="bold"))
    for f in FAMILY_OUTCOMES:
        outs = ", ".join(f"{o} {n}" for o, n in sorted(s.families[f].items())) or "-"
        console.print(Text(f"  {f}: {outs}"))
    if s.flagged:
        console.print("[bold]Files at or above --fail-on:[/]")
        for verdict, name in sorted(s.flagged, key=lambda vf: (rank(vf[0]), vf[1])):
            console.print(f"  {verdict}: {escape(name)}", highlight=False, emoji=False)
    if s.errors:
        console.print("[bold red]Files in error:[/]")
        for e in s.errors:
            console.print(f"  {escape(e)}", highlight=False, emoji=False)
    slow = sorted(s.slowest, reverse=True)
    if slow:
        note = f" (leaving out {s.warmups} worker warm-up{'s' if s.warmups != 1 else ''})"
        console.print(Text(f"Slowest{note if s.warmups else ''}:", style="bold"))
        for t, f in slow:
            console.print(Text(f"  {t * 1000:7.1f} ms  {printable(f)}"))
