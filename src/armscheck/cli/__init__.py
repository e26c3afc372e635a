"""The ``armscheck`` command: parse arguments, call the library, print, exit.

One module per command (``check.py``, ``batch.py``...), listed in ``commands.py``;
``shared.py`` holds what they share.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from ..errors import ComplianceError
from ..version import __version__

_COLLECTING = gc.isenabled()
gc.disable()  # for the ``armscheck`` script as for ``python -m armscheck``: see __main__.py
from .commands import add_subcommands, handler, preload  # noqa: E402
from .shared import EXIT_ERROR, EXIT_OK, ErrorOutput, Parser  # noqa: E402

if _COLLECTING:
    gc.enable()

__all__ = ["build_parser", "main", "run"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    p = Parser(
        prog="armscheck",
        description="Check proposed arms transfers against "
        "UN embargoes, US export law, AECA notification and CAATSA.",
    )
    p.add_argument("--version", action="version", version=f"armscheck {__version__}")
    p.add_argument("--rules", type=Path, default=None, help="rules folder (default: shipped)")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)

    add_subcommands(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    gc.freeze()  # the modules imported so far live as long as the process: not scanned again
    err = ErrorOutput()
    parser = build_parser()
    preload(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.rules is not None and not args.rules.is_dir():
        err.print(f"Error: --rules {args.rules}: no such folder — give the path of a rules/ folder")
        return EXIT_ERROR
    command = handler(args.command)
    try:
        return command(args, err)
    except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except ComplianceError as exc:
        err.print(f"Error: {exc}", markup=False, highlight=False)
        return EXIT_ERROR
    except KeyboardInterrupt:
        err.print("Interrupted.")
        return 130


def run() -> NoReturn:
    """The ``armscheck`` script and ``python -m armscheck``: :func:`main`, then exit.

    What a command made dies with the process. When nothing waits for the interpreter's
    shutdown (no exit handler, no other thread), the output is flushed and the process
    ends at once instead of freeing each object in turn, which after a check takes tens
    of milliseconds (more when the rulebook was read from its files).
    """
    code = main()
    import atexit
    import os

    threading = sys.modules.get("threading")
    alone = threading is None or threading.active_count() == 1
    if alone and getattr(atexit, "_ncallbacks", lambda: 1)() == 0:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # noqa: BLE001 - the interpreter's own shutdown reports it
            pass
        else:
            os._exit(code)
    sys.exit(code)
