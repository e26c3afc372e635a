"""The verdicts a rule change would flip: every file checked under two rulebooks.

The two rulebooks are two folders, or two git revisions of the rules folder extracted
with ``git archive`` into temporary folders (:func:`rules_at_revision`).
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from ..api import load_transfer
from ..checker import Checker
from ..errors import ComplianceError, InputError, RuleError
from ..records import field, record
from ..rulebook.book import load_rulebook


def load_rulebook_from(folder: str | Path) -> Checker:
    """A compiled checker for the rules folder at ``folder`` (any folder, not only shipped)."""
    root = Path(folder)
    if not (root / "lists").is_dir():
        raise RuleError(
            "not a rules folder (no lists/ inside)",
            file=str(root),
            hint="give a folder laid out like rules/: lists/ and one folder per family",
        )
    return Checker(load_rulebook(root))


def _git(repo: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, check=False, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InputError(f"cannot run git ({exc})", file=str(repo), hint="install git") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            f"git {args[0]} failed: {message[-1] if message else 'no message'}",
            file=str(repo),
            hint="give a revision that exists (a commit, branch or tag) in a git checkout",
        )
    return done.stdout


def rules_at_revision(rules: Path, rev: str, into: Path) -> Path:
    """Extract the rules folder ``rules`` as it was at git revision ``rev`` under ``into``."""
    rules = rules.resolve()
    top = Path(_git(rules, "rev-parse", "--show-toplevel").decode().strip())
    rel = rules.relative_to(top).as_posix()
    data = _git(top, "archive", "--format=tar", rev, "--", rel)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in tar.getmembers():
            name = PurePosixPath(member.name)
            if not member.isfile() or name.is_absolute() or ".." in name.parts:
                continue
            target = into.joinpath(*name.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            src = tar.extractfile(member)
            if src is not None:
                target.write_bytes(src.read())
    out = into.joinpath(*PurePosixPath(rel).parts)
    if not out.is_dir():
        raise InputError(
            f"revision {rev} has no {rel}/ folder", file=str(top), hint="give a later revision"
        )
    return out


@record
class FileDiff:
    """What changes for one file between the base and head rules."""

    file: str
    base: str  # the verdict (or "error")
    head: str
    changes: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of ``armscheck diff``."""
        return {"file": self.file, "base": self.base, "head": self.head, "changes": self.changes}


def _outcome(checker: Checker, file: str, as_of: dt.date | None) -> dict[str, Any]:
    try:
        transfer = load_transfer(file, checker.rulebook.reference)
        return checker.check(transfer, as_of).as_dict()
    except ComplianceError as exc:
        return {"verdict": "error", "families": {}, "findings": [], "error": str(exc)}


def _findings(result: dict[str, Any]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for f in result.get("findings") or []:
        where = ", ".join(str(e.get("path")) for e in f.get("evidence") or [])
        out[(str(f["rule"]), where)] = str(f["outcome"])
    return out


def compare_results(file: str, base: dict[str, Any], head: dict[str, Any]) -> FileDiff:
    """Every verdict, family outcome and finding that differs between two results."""
    diff = FileDiff(file, str(base["verdict"]), str(head["verdict"]))
    if base["verdict"] != head["verdict"]:
        diff.changes.append(
            {"kind": "verdict", "name": "verdict", "base": base["verdict"], "head": head["verdict"]}
        )
    if base.get("error") != head.get("error"):
        diff.changes.append(
            {"kind": "error", "name": "error", "base": base.get("error"), "head": head.get("error")}
        )
    fb, fh = base.get("families") or {}, head.get("families") or {}
    for fam in dict.fromkeys([*fb, *fh]):
        if fb.get(fam) != fh.get(fam):
            diff.changes.append(
                {"kind": "family", "name": fam, "base": fb.get(fam), "head": fh.get(fam)}
            )
    ob, oh = _findings(base), _findings(head)
    for rule, where in sorted(ob.keys() | oh.keys()):
        if ob.get((rule, where)) != oh.get((rule, where)):
            diff.changes.append(
                {
                    "kind": "finding",
                    "name": rule,
                    "evidence": where,
                    "base": ob.get((rule, where)),
                    "head": oh.get((rule, where)),
                }
            )
    return diff


def diff_rules(
    files: Iterable[str | Path],
    base: Checker,
    head: Checker,
    as_of: dt.date | None = None,
) -> list[FileDiff]:
    """Check every file under both rulebooks; the files whose results differ, in order."""
    out = []
    for f in files:
        name = str(f)
        d = compare_results(name, _outcome(base, name, as_of), _outcome(head, name, as_of))
        if d.changes:
            out.append(d)
    return out


def temporary_folder() -> tempfile.TemporaryDirectory[str]:
    """A temporary folder for extracted rules, removed when closed."""
    return tempfile.TemporaryDirectory(prefix="armscheck-rules-")
