"""``armscheck diff``: the verdicts, family outcomes and findings a rule change flips."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..checker import Checker
    from .shared import ErrorOutput


def add_parsers(sub: Any) -> None:
    """Add the ``diff`` parser."""
    from .examples import examples
    from .shared import date_arg

    d = sub.add_parser(
        "diff",
        **examples("diff"),
        description="Check every transfer or scenario under two versions of the rules: git "
        "revisions of the rules folder (--base REV [--head REV]; the head defaults to the "
        "rules folder as it is on disk) or two folders (--base-rules DIR --head-rules DIR).",
    )
    d.add_argument("paths", nargs="+", metavar="PATH")
    d.add_argument("--base", metavar="REV", help="git revision of the base rules")
    d.add_argument("--head", metavar="REV", help="git revision of the head rules")
    d.add_argument("--base-rules", type=Path, metavar="DIR", help="base rules folder")
    d.add_argument("--head-rules", type=Path, metavar="DIR", help="head rules folder")
    d.add_argument("--as-of", type=date_arg, default=None, metavar="DATE")
    d.add_argument("--format", choices=["human", "json"], default=None)
    d.add_argument(
        "--fail-on-change", action="store_true", help="exit 1 when anything changes (for CI)"
    )


def _side(
    stack: ExitStack, rules: Path, rev: str | None, folder: Path | None, name: str
) -> tuple[Checker, str]:
    from ..errors import InputError
    from ..explore.rulediff import load_rulebook_from, rules_at_revision, temporary_folder

    if rev is not None and folder is not None:
        raise InputError(
            f"--{name} and --{name}-rules both given",
            file="diff",
            hint=f"give a git revision (--{name}) or a folder (--{name}-rules), not both",
        )
    if rev is not None:
        tmp = Path(stack.enter_context(temporary_folder()))
        return load_rulebook_from(rules_at_revision(rules, rev, tmp)), rev
    target = folder or rules
    try:
        label = str(target.resolve().relative_to(Path.cwd()))
    except ValueError:
        label = str(target)
    return load_rulebook_from(target), label if folder else f"{label} (as on disk)"


def cmd_diff(args: argparse.Namespace, err: ErrorOutput) -> int:
    """Exit 0 (or 1 with ``--fail-on-change`` when something changed), 2 on bad usage."""
    from ..batch import yaml_files
    from ..errors import InputError
    from ..explore.rulediff import diff_rules
    from ..rulebook.book import default_rules_dir

    if args.base is None and args.base_rules is None:
        raise InputError("no base rules", file="diff", hint="give --base REV or --base-rules DIR")
    rules = args.rules or default_rules_dir()
    files = yaml_files(args.paths)
    with ExitStack() as stack:
        base, base_name = _side(stack, rules, args.base, args.base_rules, "base")
        head, head_name = _side(stack, rules, args.head, args.head_rules, "head")
        diffs = diff_rules(files, base, head, args.as_of)
    fmt = args.format or ("human" if sys.stdout.isatty() else "json")
    if fmt == "json":
        doc = {
            "base": base_name,
            "head": head_name,
            "files": len(files),
            "changed": [d.as_dict() for d in diffs],
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        from rich.console import Console

        from ..report.rulediff import render

        render(Console(highlight=False, emoji=False), diffs, base_name, head_name, len(files))
    return 1 if diffs and args.fail_on_change else 0
