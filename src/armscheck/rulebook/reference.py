"""Dated reference lists under ``rules/lists/``: loading, checking, name lookup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import RuleError
from ..records import field, record
from ..transfer.decoding import read_file, yaml_files
from ..transfer.values import ValueProblem, fold, parse_date, suggest_names
from ..transfer.yamldoc import Doc

LIST_KEYS = ("title", "last_reviewed", "sources")
T = TypeVar("T")


@record(frozen=True)
class Country:
    """A country or territory from the country table."""

    code: str
    name: str
    historic: bool = False  # a withdrawn code (Yugoslavia), kept for past embargoes
    existed_from: dt.date | None = None  # a historic state's first day
    existed_to: dt.date | None = None  # the day it ceased to exist (exclusive)

    def exists_on(self, day: dt.date) -> bool:
        """Whether the state existed on ``day`` (always true for a current country)."""
        if self.existed_from and day < self.existed_from:
            return False
        return not (self.existed_to and day >= self.existed_to)

    def lifetime(self) -> str:
        """``1949-10-07 to 1990-10-03`` (or ``... until 1991-12-26``), empty if current."""
        if not (self.existed_from or self.existed_to):
            return ""
        if not self.existed_from:
            return f"until {self.existed_to}"
        return f"{self.existed_from} to {self.existed_to or 'now'}"


@record
class RefList:
    """One reference list file: its data and where each value sits."""

    name: str
    doc: Doc

    @property
    def data(self) -> dict[str, Any]:
        """The list's top-level mapping (shared: do not modify it)."""
        data: dict[str, Any] = self.doc.data
        return data

    def error(self, path: tuple[str | int, ...], message: str, hint: str) -> RuleError:
        """A :class:`RuleError` located at ``path`` in this file."""
        return self.doc.error(RuleError, path, message, hint)

    def date(self, raw: Any, path: tuple[str | int, ...]) -> dt.date | None:
        """Read an optional date at ``path``; ``None`` stays ``None``."""
        if raw is None:
            return None
        try:
            return parse_date(raw)
        except ValueProblem as exc:
            raise self.error(path, str(exc), exc.hint) from None


@record
class Reference:
    """All reference lists, plus the country and category vocabularies."""

    lists: dict[str, RefList]
    countries: dict[str, Country] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)
    categories: dict[str, dict[str, Any]] = field(default_factory=dict)
    _ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)
    display_names: dict[str, str] = field(default_factory=dict)  # as written -> code
    _memo_kept: dict[str, Callable[[], Any]] = field(default_factory=dict, repr=False)  # keep()

    def memo(self, name: str, build: Callable[[], T]) -> T:
        """A value derived from the lists, built once per process and reused."""
        try:
            value: T = self._memo[name]
        except KeyError:
            found = self._memo_kept.pop(name, lambda: None)()  # see keep()
            value = self._memo[name] = build() if found is None else found
        return value

    def keep(self, name: str, read: Callable[[], Any]) -> None:
        """Take :meth:`memo` ``name`` from ``read()`` (kept elsewhere) unless that is ``None``."""
        self._memo_kept[name] = read

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_memo": {}, "_memo_kept": {}}

    def get(self, name: str) -> RefList:
        """The list called ``name`` (its file stem); a clear error if absent."""
        if name not in self.lists:
            raise RuleError(
                f"the reference list {name!r} is missing",
                file=f"rules/lists/{name}.yaml",
                hint="restore the file",
            )
        return self.lists[name]

    def country(self, raw: str) -> Country | None:
        """Resolve an ISO code, English name or alias to a country."""
        code = self._names.get(fold(raw))
        return self.countries[code] if code else None

    def historic_notes(self, codes: tuple[str, ...], day: dt.date) -> list[str]:
        """What a check assumes when a party is a historic state (USSR, East Germany, ...)."""
        out = []
        for code in dict.fromkeys(codes):
            state = self.countries[code]
            if not state.historic:
                continue
            if not state.exists_on(day):
                out.append(
                    f"{state.name} ({code}) existed {state.lifetime()}, not on {day}: "
                    "the result is what the encoded law would say of it, not a real case"
                )
            out.append(
                f"{state.name} ({code}) is a historic state: the rules apply to it only the "
                f"list entries that name it ({code}), not those of its successors; where none "
                "does, 'clear' means nothing encoded applies, and the 22 CFR 126.1 country list "
                "before 22 Jul 1993 is encoded only in part, as unconfirmed entries"
            )
        return out

    def ambiguous(self, raw: str) -> tuple[Country, ...]:
        """The countries a name such as "Congo" may mean (empty when it is not ambiguous)."""
        return tuple(self.countries[c] for c in self._ambiguous.get(fold(raw), ()))

    def country_hint(self, raw: str) -> str:
        """A suggestion for an unknown country name (or what to write instead)."""
        group = self.non_state_group(raw)
        if group:
            name, code = group
            where = f" ({self.countries[code].name})" if code in self.countries else ""
            return (
                f"{name} is not a country: write it as recipient.end_user with "
                f"end_user_type: non-state, and give the country where it operates{where} "
                "as recipient.country"
            )
        shown: dict[str, str] = {}
        for name in suggest_names(raw, list(self.display_names)):
            shown.setdefault(self.display_names[name], name)  # one name per country
        if shown:
            return "did you mean " + " or ".join(f"{n!r}" for n in shown.values()) + "?"
        return (
            "use an ISO 3166 code (IQ, TR) or an English name (Iraq, Türkiye); "
            "'armscheck countries' lists every name"
        )

    def non_state_group(self, raw: str) -> tuple[str, str] | None:
        """(name, country code) of a non-state group that ``raw`` names, if any."""
        key = fold(raw)
        lists = self.lists.get("un-listed-groups")
        for entry in (lists.data.get("groups") or []) if lists else []:
            names = [entry.get("name"), *(entry.get("aliases") or [])]
            if any(n and fold(str(n)) == key for n in names):
                return str(entry.get("name")), str(entry.get("country") or "")
        embargoes = self.lists.get("un-embargoes")
        for entry in (embargoes.data.get("embargoes") or []) if embargoes else []:
            for n in entry.get("non_state_actors") or []:
                if fold(str(n)) == key:
                    return str(n), str(entry.get("target") or "")
        return None


def load_reference(root: Path) -> Reference:
    """Read and check every file in ``root/lists``."""
    from .aliases import parse_list  # not needed for a cached rulebook
    from .schema import check_list, load_schemas

    lists: dict[str, RefList] = {}
    folder = root / "lists"
    if not folder.is_dir():
        raise RuleError(
            "the rules folder has no lists/ folder",
            file=str(root),
            hint="point --rules at a complete rules folder",
        )
    schema_file = folder / "schema" / "lists.yaml"
    if not schema_file.is_file():
        raise RuleError(
            "the rules folder has no lists/schema/lists.yaml",
            file=str(root),
            hint="copy rules/lists/schema/ from armscheck's rules folder",
        )
    schemas = load_schemas(schema_file)
    for path in yaml_files(folder):
        doc = parse_list(read_file(path, RuleError), str(path))
        ref = RefList(path.stem, doc)
        if not isinstance(doc.data, dict):
            raise ref.error((), "a list file must be a mapping", "start with 'title:'")
        check_list(path.stem, doc, schemas)
        for key in LIST_KEYS:
            if not doc.data.get(key):
                raise ref.error(
                    (key,), f"missing {key!r}", "every list needs title, last_reviewed and sources"
                )
        ref.date(doc.data["last_reviewed"], ("last_reviewed",))
        sources = doc.data["sources"]
        if not isinstance(sources, list) or not all(
            isinstance(s, dict) and s.get("title") and s.get("url") for s in sources
        ):
            raise ref.error(
                ("sources",),
                "each source needs a title and a url",
                "e.g. - {title: 22 CFR 126.1, url: https://www.ecfr.gov/...}",
            )
        lists[path.stem] = ref
    reference = Reference(lists)
    _index_countries(reference)
    cats = reference.get("categories").data.get("categories")
    if not isinstance(cats, dict):
        raise reference.get("categories").error(
            ("categories",), "must be a mapping", "map each category to its register entry"
        )
    for name, info in cats.items():
        if not isinstance(info, dict):
            raise reference.get("categories").error(
                ("categories", name),
                "each category needs a mapping",
                'e.g. battle-tank: {register: "I"}',
            )
    reference.categories = cats
    return reference


def _index_countries(reference: Reference) -> None:
    table = reference.get("countries")
    entries = table.data.get("countries")
    if not isinstance(entries, list) or not entries:
        raise table.error(
            ("countries",), "must be a non-empty list", "e.g. - {code: IQ, alpha3: IRQ, name: Iraq}"
        )
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("code") or not entry.get("name"):
            raise table.error(
                ("countries", i),
                "each country needs code and name",
                "e.g. - {code: IQ, alpha3: IRQ, name: Iraq}",
            )
        code = str(entry["code"])
        historic = "historic" in str(entry.get("note") or "")
        existed = entry.get("existed") or {}
        if not isinstance(existed, dict):
            raise table.error(
                ("countries", i, "existed"),
                "must be a mapping",
                "e.g. existed: {from: '1922-12-30', to: '1991-12-26'}",
            )
        reference.countries[code] = Country(
            code,
            str(entry["name"]),
            historic,
            table.date(existed.get("from"), ("countries", i, "existed", "from")),
            table.date(existed.get("to"), ("countries", i, "existed", "to")),
        )
        names = [
            code,
            str(entry.get("alpha3") or ""),
            str(entry["name"]),
            *[str(a) for a in entry.get("aliases") or []],
        ]
        for name in names:
            if name:
                reference._names.setdefault(fold(name), code)
        for name in names[2:]:
            reference.display_names.setdefault(name, code)
    for i, entry in enumerate(table.data.get("ambiguous") or []):
        means = entry.get("means") if isinstance(entry, dict) else None
        if (
            not isinstance(entry, dict)
            or not entry.get("name")
            or not isinstance(means, list)
            or len(means) < 2
            or any(str(c) not in reference.countries for c in means)
        ):
            raise table.error(
                ("ambiguous", i),
                "an ambiguous name needs 'name' and 'means' (two or more country codes)",
                "e.g. - {name: Congo, means: [CG, CD], why: ...}",
            )
        key = fold(str(entry["name"]))
        if key in reference._names:
            raise table.error(
                ("ambiguous", i, "name"),
                f"{entry['name']!r} is also a name of {reference._names[key]}",
                "remove it from that country's aliases",
            )
        reference._ambiguous[key] = tuple(str(c) for c in means)
