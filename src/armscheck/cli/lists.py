"""``armscheck lists``: show, import and fetch the lists parties are screened against."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ListError
from ..official import fetch, listing, store
from ..official.loaded import loaded
from ..official.model import country_codes
from .shared import load_checker

if TYPE_CHECKING:
    from .shared import ErrorOutput

EXIT_OK, EXIT_ERROR = 0, 2


def _show(args: argparse.Namespace) -> int:
    reference = load_checker(args.rules).rulebook.reference
    folder = store.data_dir()
    rows = listing.rows(reference, loaded(folder), dt.date.today())
    if args.format == "json":
        print(json.dumps({"data_dir": str(folder), "lists": rows}, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"Data folder: {folder}")
    print(f"{'list':<26} {'origin':<9} {'entries':>7}  {'date':<10} {'age':>6}  title")
    for row in rows:
        if row["origin"] == "official" and not row["entries"]:
            print(
                f"{row['id']:<26} {'official':<9} {'-':>7}  {'-':<10} {'-':>6}  "
                f"{row['title']} — not imported"
            )
            continue
        age = f"{row['age_days']}d" if row["age_days"] is not None else "?"
        flag = "  OLD" if row["old"] else ""
        dated = " (import date)" if row.get("dated_by") == "import" else ""
        print(
            f"{row['id']:<26} {row['origin']:<9} {row['entries']:>7}  {row['date'] or '?':<10} "
            f"{age:>6}  {row['title']}{dated}{flag}"
        )
    if any(r["old"] for r in rows):
        print(
            f"OLD: official lists over {listing.OFFICIAL_OLD_DAYS} days, curated lists not "
            f"reviewed for {listing.CURATED_OLD_DAYS} days; run 'armscheck lists fetch'."
        )
    return EXIT_OK


def _report(label: str, result: store.Imported, err: ErrorOutput) -> None:
    m = result.stored
    lists = ", ".join(f"{k} {v}" for k, v in m.lists.items())
    print(
        f"{label}: {result.status} — {m.count} entries ({lists}), dated {m.generated or '?'}, "
        f"sha256 {m.sha256[:12]}"
    )
    for note in result.notes:
        err.print(f"Note: {label}: {note}")


def _import(args: argparse.Namespace, err: ErrorOutput) -> int:
    codes = country_codes(load_checker(args.rules).rulebook.reference)
    failed = changed = False
    for name in args.files:
        try:
            done = store.import_file(Path(name), codes)
            _report(name, done, err)
            changed = changed or done.status == "imported"
        except ListError as exc:
            err.print(f"Error: {exc}", markup=False, highlight=False)
            failed = True
    if changed:
        from ..official import lookup  # the on-disk index (sqlite3)

        lookup.build(store.data_dir())
    return EXIT_ERROR if failed else EXIT_OK


def _fetch(args: argparse.Namespace, err: ErrorOutput) -> int:
    codes = country_codes(load_checker(args.rules).rulebook.reference)
    names = args.only or list(fetch.OFFICIAL)
    failed = False
    for url, result in fetch.fetch(names, codes, args.url_base, timeout=args.timeout):
        if isinstance(result, ListError):
            err.print(f"Error: {result}", markup=False, highlight=False)
            failed = True
        else:
            _report(url, result, err)
    return EXIT_ERROR if failed else EXIT_OK


def cmd_lists(args: argparse.Namespace, err: ErrorOutput) -> int:
    """``armscheck lists [import FILE... | fetch]``."""
    if args.lists_command == "import":
        return _import(args, err)
    if args.lists_command == "fetch":
        return _fetch(args, err)
    return _show(args)


def add_parsers(sub: Any) -> None:
    """Register ``lists`` and its subcommands."""
    from .examples import examples

    ls = sub.add_parser(
        "lists",
        description="Without a subcommand: each list with its entries, date and age. "
        f"Imported lists are kept in $ARMSCHECK_DATA_DIR (default {store.data_dir()}).",
        **examples("lists"),
    )
    ls.add_argument("--format", choices=["human", "json"], default="human")
    inner = ls.add_subparsers(dest="lists_command", parser_class=sub._parser_class)
    im = inner.add_parser(
        "import", help="import official list files (UN XML, OFAC SDN XML, CSL CSV/JSON)"
    )
    im.add_argument("files", nargs="+", metavar="FILE")
    fe = inner.add_parser("fetch", help="download the official lists and import them")
    fe.add_argument(
        "--url-base",
        default=None,
        metavar="URL",
        help="fetch the files from URL/<file name> instead of the official addresses",
    )
    fe.add_argument(
        "--only", action="append", choices=sorted(fetch.OFFICIAL), help="fetch only this list"
    )
    fe.add_argument("--timeout", type=float, default=fetch.TIMEOUT, help="seconds per download")
