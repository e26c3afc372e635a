"""Where a run's decisions file is, and reading a file with a size limit.

Kept apart from the reader, so that a check with no decisions file loads nothing else.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError

DEFAULT_NAME = "armscheck-decisions.yaml"


def find_decisions(transfer_file: str, given: str | Path | None = None) -> Path | None:
    """The decisions file for a transfer: ``given``, else the default name beside it or here."""
    if given is not None:
        return Path(given)
    folders = [Path.cwd()]
    if transfer_file not in ("-", "<stdin>"):
        folders.insert(0, Path(transfer_file).parent)
    for folder in folders:
        candidate = folder / DEFAULT_NAME
        if candidate.is_file():
            return candidate
    return None


def read_limited(path: str | Path, limit: int, what: str) -> bytes:
    """The file at ``path`` if it holds at most ``limit`` bytes, else an :class:`InputError`.

    Reading stops one byte past ``limit``, so a huge file costs nothing.
    """
    label = str(path)
    if not Path(path).is_file():
        raise InputError(
            f"no such {what}" if not Path(path).exists() else "not a regular file",
            file=label,
            hint=f"give the path of a {what}",
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(
            f"cannot read the {what} ({exc.strerror})", file=label, hint="check the path"
        ) from None
    if len(data) > limit:
        raise InputError(
            f"the {what} is over the {limit:,}-byte limit",
            file=label,
            hint=f"give a smaller {what}",
        )
    return data
