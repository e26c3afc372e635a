"""The rulebook: rule files under ``rules/<family>/`` read, checked and dated."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeGuard

from ..errors import RuleError
from ..facts import Citation, Family
from ..garbage import no_collection
from ..records import field, record, replace
from ..screening import Index, curated, saved
from ..screening.index import Searchable
from ..transfer.decoding import yaml_files
from ..transfer.yamldoc import Doc
from . import caching_off
from .fingerprint import rules_hash
from .patterns import Pattern
from .reference import Country, Reference, RefList, load_reference
from .rulefile import Rule, read_citations, read_rule

__all__ = ["Pattern", "Rule", "Rulebook", "default_rules_dir", "load_rulebook", "read_citations"]


@record
class Rulebook:
    """Every rule and reference list, with the families that use them."""

    root: Path
    rules: tuple[Rule, ...]
    reference: Reference
    families: tuple[Family, ...]
    # (sha256, number) of the rule and list files, when the cache key's pass computed it
    digest: tuple[str, int] | None = field(default=None, repr=False, compare=False)

    def files_digest(self) -> tuple[str, int]:
        """(sha256, number of files) over every rule and list file (see :func:`rules_hash`)."""
        if self.digest is None:
            self.digest = rules_hash(self.root)
        return self.digest

    @functools.cached_property
    def law_reviewed(self) -> dt.date | None:
        """The latest review date of the law data: every rule's and list's ``last_reviewed``."""
        stamps = [r.last_reviewed for r in self.rules]
        stamps += [str(r.data.get("last_reviewed") or "") for r in self.reference.lists.values()]
        days = []
        for stamp in stamps:
            m = re.match(r"\d{4}-\d{2}-\d{2}", stamp)
            if m:
                try:
                    days.append(dt.date.fromisoformat(m.group()))
                except ValueError:
                    continue
        return max(days, default=None)

    def rule(self, rule_id: str) -> Rule:
        """The rule with id ``rule_id``."""
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


def default_rules_dir() -> Path:
    """The ``rules/`` folder shipped with the package, or of the source checkout."""
    here = Path(__file__).resolve().parents[1]  # the armscheck package
    for candidate in (here / "rules", here.parents[1] / "rules"):
        if (candidate / "lists").is_dir():
            return candidate
    raise RuleError(
        "cannot find the rules/ folder",
        file=str(here),
        hint="run from a checkout or pass --rules PATH",
    )


def load_rulebook(root: Path | None = None, families: tuple[Family, ...] | None = None) -> Rulebook:
    """Read, check and return the rulebook under ``root`` (default: the shipped rules).

    A validated rulebook is cached as plain data (see :mod:`armscheck.rulebook.cache`), keyed by
    the content of every rule, list and source file, so an unchanged rulebook is not
    parsed again by the next process.
    """
    from ..families import FAMILIES

    root = root or default_rules_dir()
    fams = families if families is not None else FAMILIES
    if families is not None or caching_off():
        return _load_rulebook(root, fams)  # not cached
    from . import cache

    found = cache.fingerprint(root)
    stored = cache.read(found[0], _CACHED) if found else None
    if stored is not None and _is_cached_book(stored[0]):
        reference, rules = stored[0]
        _thaw(reference, stored[1], fams)
        return Rulebook(root, rules, reference, fams, found[1] if found else None)
    book = _load_rulebook(root, fams)
    if found:
        indexes = _freeze(book.reference, fams)
        cache.write(found[0], (_without_marks(book.reference), book.rules), indexes)
        book.digest = found[1]
    return book


_CACHED: dict[str, type] = {
    c.__name__: c for c in (Reference, RefList, Doc, Country, Rule, Pattern, Citation)
}


def _is_cached_book(stored: object) -> TypeGuard[tuple[Reference, tuple[Rule, ...]]]:
    """Whether ``stored`` has the shape :func:`load_rulebook` caches."""
    return (
        isinstance(stored, tuple)
        and len(stored) == 2
        and isinstance(stored[0], Reference)
        and isinstance(stored[1], tuple)
        and all(isinstance(r, Rule) for r in stored[1])
    )


def _indexes(reference: Reference, fams: tuple[Family, ...]) -> dict[str, Callable[[], Index]]:
    """How to get each screening index kept in the cache: the curated lists', the families'."""
    out = curated.every_index(reference)
    for fam in fams:
        out.update(fam.indexes(reference))
    return out


def _freeze(reference: Reference, fams: tuple[Family, ...]) -> dict[str, Any]:
    """Each cached screening index, as plain data (see :mod:`..screening.saved`).

    A list whose index cannot be built is left out: its error shows when a check needs it.
    """
    out: dict[str, Any] = {}
    for name, build in _indexes(reference, fams).items():
        try:
            out[name] = saved.frozen(build())
        except Exception:  # noqa: BLE001 - not kept; the check that needs it reports it
            continue
    return out


def _thaw(reference: Reference, parts: dict[str, memoryview], fams: tuple[Family, ...]) -> None:
    """Let ``reference``'s memo take each cached index, read when a check first needs it.

    An index whose cached state is doubtful is built again from the lists.
    """
    for name in _indexes(reference, fams):
        if name in parts:
            reference.keep(name, functools.partial(_thawed, parts[name]))


def _thawed(raw: memoryview) -> Searchable | None:
    """The index whose cached state is ``raw``, or ``None`` if it is doubtful.

    Reading it makes many objects and no garbage cycles: no collection runs meanwhile.
    """
    from . import cache

    try:
        with no_collection():
            return saved.thawed(cache.part(raw))
    except (ValueError, TypeError, RecursionError):
        return None


def _without_marks(reference: Reference) -> Reference:
    """A copy of ``reference`` whose documents drop their line marks (a smaller cache).

    The lists were validated before caching; an error found later in a cached list
    still names its file and key, without a line number.
    """
    lists = {
        name: RefList(r.name, Doc(r.doc.data, r.doc.file)) for name, r in reference.lists.items()
    }
    return replace(reference, lists=lists, _memo={})  # every other field as it is


def _load_rulebook(root: Path, fams: tuple[Family, ...]) -> Rulebook:
    kinds = {k.kind: k for f in fams for k in f.kinds}
    reference = load_reference(root)
    rules: list[Rule] = []
    for fam in fams:
        folder = root / fam.id
        for path in yaml_files(folder) if folder.is_dir() else []:
            if path.stem != "index":
                rules.append(read_rule(path, fam, kinds))
    seen: dict[str, str] = {}
    for r in rules:
        if r.id in seen:
            raise RuleError(
                f"duplicate rule id {r.id!r} (also in {seen[r.id]})",
                file=r.file,
                hint="give each rule a unique id",
            )
        seen[r.id] = r.file
    return Rulebook(root, tuple(rules), reference, fams)
