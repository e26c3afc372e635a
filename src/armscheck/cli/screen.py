"""``armscheck screen NAME``: one name against the curated lists and the imported ones."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from ..official.loaded import loaded
from ..rulebook.reference import Reference
from ..screening import KINDS, curated, sources
from ..screening.index import Searchable
from .shared import date_arg, load_checker

if TYPE_CHECKING:
    from .shared import ErrorOutput

EXIT_OK, EXIT_ERROR = 0, 2
EXAMPLES = """\
examples:
  armscheck screen "ОАО «Рособоронэкспорт»"         any script, legal forms, typos
  armscheck screen "ROE Ltd" --country IN           an acronym needs its own country
  armscheck screen Hezbollah --date 2010-01-01 --format json
"""


def index(reference: Reference) -> Searchable:
    """The curated lists and, when any were imported, the official lists, as one index."""
    sources.register("curated", lambda: curated.all_entries(reference))
    lists = loaded()
    if lists.has_files():
        sources.register("official", lists.index)
    else:
        sources.unregister("official")
    return sources.index()


def cmd_screen(args: argparse.Namespace, err: ErrorOutput) -> int:
    """Screen one name and print each hit with its list, entry, score and why."""
    from rich.console import Console

    from ..report import screen as report

    reference = load_checker(args.rules).rulebook.reference
    country = None
    if args.country:
        found = reference.country(args.country)
        if found is None:
            err.print(
                f"Error: --country {args.country!r}: not a country — "
                f"{reference.country_hint(args.country)}"
            )
            return EXIT_ERROR
        country = found.code
    day = args.date or dt.date.today()
    hits = index(reference).screen(args.name, country=country, kind=args.kind, on=day)
    result = report.as_dict(args.name, country, day.isoformat(), hits)
    if args.format == "json":
        sys.stdout.write(report.render_json(result) + "\n")
        return EXIT_OK
    names = ["the curated lists"] + (
        ["the imported official lists"] if len(sources.names()) > 1 else []
    )
    report.render_human(Console(highlight=False), result, names)
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    """Register ``screen``."""
    s = sub.add_parser(
        "screen",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("name", metavar="NAME", help="a party's name, in any script")
    s.add_argument("--country", default=None, help="the party's country (evidence for a match)")
    s.add_argument(
        "--kind", choices=[k for k in KINDS if k not in ("place", "unknown")], default=None
    )
    s.add_argument(
        "--date", type=date_arg, default=None, help="keep entries listed on DATE (default: today)"
    )
    s.add_argument("--format", choices=["human", "json"], default="human")
