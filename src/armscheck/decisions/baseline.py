"""Baselines for CI: a previous JSON or JSON Lines result whose findings are accepted.

A finding is the same as a baseline finding when the file, the rule and the evidence
paths agree; line numbers are ignored, so edits above a finding do not make it new.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..verdict import level, rank
from .locate import read_limited

MAX_BASELINE_BYTES = 50_000_000
Key = tuple[str, str, tuple[str, ...]]


def _norm(file: str) -> str:
    return posixpath.normpath(file.replace("\\", "/"))


def finding_key(file: str, finding: dict[str, Any]) -> Key:
    """(file, rule, evidence paths) of a finding in its JSON form."""
    paths = tuple(str(e.get("path")) for e in finding.get("evidence") or [] if isinstance(e, dict))
    return (_norm(file), str(finding.get("rule")), paths)


def _objects(text: str, label: str) -> Iterable[Any]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise InputError(
                f"not JSON ({str(exc)[:80]})", file=label, hint="give a --format json result"
            ) from None
        yield from data
        return
    try:
        yield json.loads(text)
        return
    except ValueError:
        pass
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except ValueError:
            raise InputError(
                "neither JSON nor JSON Lines",
                file=label,
                line=n,
                hint="give the output of 'armscheck check --format json' or "
                "'armscheck batch --format jsonl'",
            ) from None


def load_baseline(path: str | Path) -> set[Key]:
    """The findings of a previous result, as keys."""
    label = str(path)
    raw = read_limited(path, MAX_BASELINE_BYTES, "baseline")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("the baseline is not UTF-8 text", file=label, hint="give JSON") from None
    keys: set[Key] = set()
    for obj in _objects(text, label):
        if not isinstance(obj, dict) or "file" not in obj:
            raise InputError(
                "the baseline holds something that is not a checked file's result",
                file=label,
                hint="give the output of 'armscheck check --format json' or 'batch --format jsonl'",
            )
        for f in obj.get("findings") or []:
            if isinstance(f, dict):
                keys.add(finding_key(str(obj["file"]), f))
    return keys


def new_findings(result: dict[str, Any], baseline: set[Key]) -> list[dict[str, Any]]:
    """The open findings of a result (its JSON form) that the baseline does not hold."""
    file = str(result.get("file"))
    return [
        f
        for f in result.get("findings") or []
        if not f.get("satisfied_by")
        and not f.get("waived_by")
        and finding_key(file, f) not in baseline
    ]


def fails(result: dict[str, Any], baseline: set[Key] | None, fail_on: str) -> bool:
    """Whether a result fails the run at ``fail_on``, counting only findings new to it."""
    limit = rank(fail_on)
    if baseline is None:
        return 0 <= rank(str(result.get("verdict"))) <= limit
    return any(0 <= rank(level(f["outcome"])) <= limit for f in new_findings(result, baseline))
