"""``armscheck timeline`` and ``armscheck matrix``: text, JSON, HTML or an SVG picture."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .shared import date_arg, load_checker

if TYPE_CHECKING:
    from ..rulebook.reference import Reference
    from ..transfer.model import Transfer
    from .shared import ErrorOutput

US_TERRITORIES = {"PR", "GU", "VI", "AS", "MP", "UM"}
FORMATS = ["human", "json", "html", "svg"]
TIMELINE_EXAMPLES = """\
examples:
  armscheck timeline deal.yaml
  armscheck timeline deal.yaml --from 1990-01-01 --to 2030-01-01
  armscheck timeline deal.yaml --format html > timeline.html
  armscheck timeline deal.yaml --format svg > timeline.svg
"""
MATRIX_EXAMPLES = """\
examples:
  armscheck matrix deal.yaml
  armscheck matrix deal.yaml --recipients Iraq,Iran,Syria --format json
  armscheck matrix deal.yaml --format html > map.html
  armscheck matrix deal.yaml --over-time --from 1990-01-01 --to 2026-01-01 --format svg > when.svg
"""


def _format(args: argparse.Namespace) -> str:
    return str(args.format or ("human" if sys.stdout.isatty() else "json"))


def _dates(args: argparse.Namespace) -> None:
    if args.end is not None and args.end <= args.start:
        raise InputError(
            f"--to {args.end} is not after --from {args.start}",
            file=args.command,
            hint="give --to a later date than --from",
        )


def cmd_timeline(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck timeline``: the verdict across time, from the rules' change dates."""
    from ..api import load_transfer
    from ..explore.counterfactuals import timeline

    checker = load_checker(args.rules)
    transfer = load_transfer(args.file, checker.rulebook.reference)
    _dates(args)
    periods = timeline(checker, transfer, args.start, args.end)
    data = [p.as_dict() for p in periods]
    fmt = _format(args)
    if fmt == "json":
        out = {"file": transfer.file, "name": transfer.name, "periods": data}
        print(json.dumps(out, indent=2, ensure_ascii=False))
    elif fmt in ("html", "svg"):
        from ..report.svg import timeline_svg

        svg = timeline_svg(transfer.name, data)
        _picture(fmt, "timeline", f"Timeline: {transfer.name}", transfer.file, svg, periods=data)
    else:
        from rich.console import Console

        from ..report.timeline import render

        render(Console(highlight=False, emoji=False), transfer.name, periods)
    return 0


def recipients(ref: Reference, transfer: Transfer, chosen: str) -> list[str]:
    """The ISO codes ``--recipients`` names ('all': every current country but the supplier)."""
    if chosen == "all":
        historic = {c for c, e in ref.countries.items() if e.historic}
        # US territories are part of the United States for export purposes
        skip = historic | {transfer.supplier.country} | US_TERRITORIES
        if transfer.supplier.country == "US":
            skip |= {"US"}
        return [c for c in ref.countries if c not in skip]
    codes = []
    for raw in chosen.split(","):
        found = ref.country(raw.strip())
        if found is None:
            raise InputError(
                f"unknown recipient {raw.strip()!r}",
                file="--recipients",
                hint=ref.country_hint(raw.strip()),
            )
        codes.append(found.code)
    return codes


def cmd_matrix(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck matrix``: the same deal checked against many recipients."""
    from ..api import load_transfer
    from ..explore.recipients import as_json, matrix

    checker = load_checker(args.rules)
    ref = checker.rulebook.reference
    transfer = load_transfer(args.file, ref)
    codes = recipients(ref, transfer, args.recipients)
    if args.over_time:
        return _over_time(args, checker, transfer, codes)
    rows = matrix(checker, transfer, codes)
    fmt = _format(args)
    if fmt == "json":
        print(as_json(transfer.file, rows))
    elif fmt in ("html", "svg"):
        from ..report.svgmap import map_svg

        svg = map_svg(transfer.name, rows)
        _picture(fmt, "matrix", f"By recipient: {transfer.name}", transfer.file, svg, rows=rows)
    else:
        _matrix_table(transfer.name, rows)
    return 0


def _matrix_table(name: str, rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..report.human import STYLE, width
    from ..transfer.values import printable

    console = Console(highlight=False, emoji=False)
    table = Table(title=printable(f"{name}: by recipient"), box=None, padding=(0, 2, 0, 0))
    table.add_column("recipient")
    table.add_column("verdict", no_wrap=True)
    table.add_column("families not clear")
    for row in rows:
        fams = row["families"]
        others = "; ".join(f"{f} {o}" for f, o in fams.items() if o != "clear") or "-"
        verdict = str(row["verdict"])
        table.add_row(
            f"{printable(str(row['name']))} ({row['recipient']})",
            Text(verdict, style=STYLE.get(verdict, "")),
            others,
        )
    console.print(table, width=width(console))


def _over_time(args: argparse.Namespace, checker: Any, transfer: Transfer, codes: list[str]) -> int:
    from ..explore.overtime import over_time

    _dates(args)
    end = args.end or dt.date.today()
    rows = [h.as_dict() for h in over_time(checker, transfer, codes, args.start, end)]
    rows.sort(key=lambda r: str(r["name"]))
    fmt = _format(args)
    if fmt in ("html", "svg"):
        from ..report.html import picture_report
        from ..report.svgmap import heatmap_svg

        svg = heatmap_svg(transfer.name, rows, args.start, end)
        if fmt == "svg":
            sys.stdout.write(svg + "\n")
        else:
            heading = f"Where and when: {transfer.name}"
            span = f"{args.start} to {end}"
            sys.stdout.write(
                picture_report("overtime", heading, transfer.file, svg, span, rows=rows)
            )
        return 0
    if fmt == "json":
        out = {"file": transfer.file, "from": str(args.start), "to": str(end), "rows": rows}
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    from rich.console import Console
    from rich.text import Text

    from ..report.human import STYLE
    from ..report.svgmap import by_verdict

    console = Console(highlight=False, emoji=False)
    for row in rows:
        spans = [p for p in by_verdict(row["periods"]) if p["verdict"] != "clear"]
        if not spans:
            continue
        console.print(Text(f"{row['name']} ({row['recipient']})", style="bold"))
        for p in spans:
            verdict = str(p["verdict"])
            console.print(
                Text.assemble(
                    f"  {p['from']} → {p['to'] or 'open'}  ",
                    (verdict, STYLE.get(verdict, "")),
                )
            )
    console.print(Text("Recipients not listed are clear throughout.", style="dim"))
    return 0


def add_parsers(sub: Any) -> None:
    """The ``timeline`` and ``matrix`` parsers."""
    raw = argparse.RawDescriptionHelpFormatter
    tl = sub.add_parser("timeline", epilog=TIMELINE_EXAMPLES, formatter_class=raw)
    tl.add_argument("file", metavar="FILE")
    _span_args(tl, date_arg, dt.date(1946, 1, 1))
    tl.add_argument(
        "--format", choices=FORMATS, default=None, help="default: human on a terminal, else json"
    )
    mx = sub.add_parser("matrix", epilog=MATRIX_EXAMPLES, formatter_class=raw)
    mx.add_argument("file", metavar="FILE")
    mx.add_argument(
        "--recipients",
        default="all",
        help="'all' or a comma-separated list of countries (default: all)",
    )
    mx.add_argument(
        "--over-time",
        action="store_true",
        help="each recipient across time, from the rules' change dates (a heat map in svg/html)",
    )
    _span_args(mx, date_arg, dt.date(1990, 1, 1), " (with --over-time)")
    mx.add_argument(
        "--format", choices=FORMATS, default=None, help="default: human on a terminal, else json"
    )


def _span_args(p: argparse.ArgumentParser, date: Any, start: dt.date, note: str = "") -> None:
    p.add_argument(
        "--from",
        dest="start",
        type=date,
        default=start,
        metavar="DATE",
        help=f"first day shown (default {start}){note}",
    )
    p.add_argument(
        "--to",
        dest="end",
        type=date,
        default=None,
        metavar="DATE",
        help=f"day after the last one shown (default: open; today for --over-time){note}",
    )


def _picture(fmt: str, kind: str, heading: str, file: str, svg: str, **data: Any) -> None:
    """Write ``svg`` alone (``--format svg``) or in its self-contained HTML page."""
    if fmt == "svg":
        sys.stdout.write(svg + "\n")
        return
    from ..report.html import picture_report

    sys.stdout.write(picture_report(kind, heading, file, svg, **data))
