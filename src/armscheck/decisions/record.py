"""The audit record of a run: which tool, rules, lists, date and decisions gave a verdict.

:func:`run_info` is the ``run`` object every JSON and Markdown report carries (a plain
dict, so any report can render it); :func:`write_record` stores one checked file with
its result, never overwriting (:mod:`.verify` checks a stored record again under
today's rules and says what changed).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import copied
from ..rulebook.book import Rulebook
from ..rulebook.fingerprint import rules_hash as rules_hash  # where it used to live
from ..verdict import Verdict

RECORD_VERSION = 1
MAX_RECORD_BYTES = 8_000_000
LIST_KEYS = ("version", "last_reviewed", "generated", "sha256", "source_url")

ListInfo = Callable[[Rulebook], dict[str, dict[str, Any]]]
_LIST_INFO: list[ListInfo] = []


def register_list_info(provider: ListInfo) -> None:
    """Add a provider of list facts (e.g. imported official lists' generation date and hash).

    The provider returns ``{list name: {key: value}}``; its keys are merged into the
    ``run.lists`` entries (new names are added).
    """
    if provider not in _LIST_INFO:
        _LIST_INFO.append(provider)


def list_info(book: Rulebook) -> dict[str, dict[str, Any]]:
    """Each reference list's version or review date (and provenance, when recorded)."""
    out: dict[str, dict[str, Any]] = {}
    for name in sorted(book.reference.lists):
        data = book.reference.lists[name].doc.data
        info = {k: str(data[k]) for k in LIST_KEYS if isinstance(data, dict) and data.get(k)}
        out[name] = info
    for provider in _LIST_INFO:
        for name, extra in provider(book).items():
            out.setdefault(name, {}).update(extra)
    return out


def timestamp(now: dt.datetime | None = None) -> str:
    """UTC time in ISO form, to the second: ``2026-12-01T16:40:05Z``.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds convention) fixes
    it, so that two runs over the same input give byte-identical output.
    """
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "")
    if now is None and fixed.isdigit():
        now = dt.datetime.fromtimestamp(int(fixed), dt.timezone.utc)
    moment = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def run_info(book: Rulebook, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """The parts of ``run`` shared by every file of one invocation."""
    from ..version import __version__

    digest, count = book.files_digest()
    return {
        "tool": "armscheck",
        "version": __version__,
        "rules": {"sha256": digest, "files": count},
        "lists": list_info(book),
        "as_of": None,
        "decisions": None,
        "timestamp": timestamp(now),
    }


def with_run(verdict: Verdict, run: dict[str, Any]) -> Verdict:
    """``verdict`` carrying ``run``, with its own as-of date and decisions filled in."""
    mine = dict(run, as_of=verdict.date)
    if verdict.decisions is not None:
        d = verdict.decisions
        mine["decisions"] = {
            "file": d["file"],
            "sha256": d["sha256"],
            "applied": [a["ref"] for a in d["applied"]],
        }
    return copied(verdict, run=mine)


def _clock() -> dt.datetime:
    """Now, in UTC (a record's file name is the moment it is written)."""
    return dt.datetime.now(dt.timezone.utc)


def sha256_text(data: bytes) -> str:
    """The hex sha256 of ``data``."""
    import hashlib  # only a record written or read needs it

    return hashlib.sha256(data).hexdigest()


def write_record(
    folder: str | Path,
    label: str,
    data: bytes,
    verdict: Verdict,
    decisions_text: str | None = None,
) -> Path:
    """Write one record of a checked file into ``folder``; refuse to overwrite one."""
    if verdict.run is None:
        raise ValueError("the verdict carries no run")
    digest = sha256_text(data)
    out = Path(folder)
    stamp = _clock().strftime("%Y%m%dT%H%M%S%fZ")
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in Path(label).stem)[:60]
    path = out / f"{stem or 'input'}-{digest[:12]}-{stamp}.json"
    record = {
        "armscheck_record": RECORD_VERSION,
        "input": {"file": label, "sha256": digest, "text": data.decode("utf-8", "replace")},
        "decisions_text": decisions_text,
        "result": verdict.as_dict(),
        "run": verdict.run,
    }
    try:
        out.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as fh:
            json.dump(record, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    except FileExistsError:
        raise InputError(
            "a record with this name already exists; records are never overwritten",
            file=str(path),
            hint="run again, or record into another folder",
        ) from None
    except OSError as exc:
        raise InputError(
            f"cannot write the record ({exc.strerror or exc})",
            file=str(path),
            hint="give a writable folder to --record",
        ) from None
    return path


def read_record(path: str | Path) -> dict[str, Any]:
    """A record file, checked to be one."""
    from .locate import read_limited

    label = str(path)
    raw = read_limited(path, MAX_RECORD_BYTES, "record")
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(
            f"not a JSON record ({str(exc)[:80]})", file=label, hint="give a file --record wrote"
        ) from None
    ok = (
        isinstance(record, dict)
        and record.get("armscheck_record") == RECORD_VERSION
        and isinstance(record.get("input"), dict)
        and isinstance(record["input"].get("text"), str)
        and isinstance(record.get("result"), dict)
        and isinstance(record.get("run"), dict)
        and isinstance(record["run"].get("as_of"), str)
    )
    if not ok:
        raise InputError(
            "not an armscheck record (missing armscheck_record, input, result or run)",
            file=label,
            hint="give a file that 'armscheck check --record DIR' wrote",
        )
    data = record["input"]["text"].encode("utf-8")
    if sha256_text(data) != record["input"].get("sha256"):
        raise InputError(
            "the recorded input does not match its hash: the record was altered",
            file=label,
            hint="use an unaltered record",
        )
    out: dict[str, Any] = record
    return out
