"""Every list file is checked against its schema before use: each mutation is one located error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from armscheck.errors import RuleError
from armscheck.rulebook.reference import load_reference
from armscheck.rulebook.schema import Map, load_schemas

ROOT = Path(__file__).resolve().parents[1]
LISTS = sorted(p.stem for p in (ROOT / "rules" / "lists").glob("*.yaml"))
COMMON = {"title", "last_reviewed", "sources", "url"}
_KEY = re.compile(r"(?:^\s+(?:- )?|\{\s*|, )(?P<key>[a-z_]{5,}):", re.M)
_DATE = re.compile(r"^\s+(?:- )?[a-z_]+: ['\"]?(?P<date>\d{4}-\d{2}-\d{2})['\"]?\s*$", re.M)


def _copy(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    return rules


def _error(rules: Path) -> RuleError:
    with pytest.raises(RuleError) as info:
        load_reference(rules)
    return info.value


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def test_every_list_file_has_a_schema_and_passes_it() -> None:
    schemas = load_schemas(ROOT / "rules" / "lists" / "schema" / "lists.yaml")
    assert set(schemas) == set(LISTS)
    assert all(isinstance(s, Map) for s in schemas.values())
    load_reference(ROOT / "rules")


@pytest.mark.parametrize("name", LISTS)
def test_a_misspelt_key_is_refused_with_did_you_mean(name: str, tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    path = rules / "lists" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    m = next(m for m in _KEY.finditer(text) if m["key"] not in COMMON)
    key = m["key"]
    wrong = key[:-2] + key[-1] + key[-2]  # listed_from -> listed_frmo
    path.write_text(text[: m.start("key")] + wrong + text[m.end("key") :], encoding="utf-8")
    err = _error(rules)
    assert err.file == str(path) and err.line == _line_of(text, m.start(m.lastgroup or 0)), str(err)
    assert f"unknown key {wrong!r}" in str(err) and f"did you mean {key!r}" in str(err)


@pytest.mark.parametrize("name", LISTS)
def test_an_impossible_date_is_refused(name: str, tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    path = rules / "lists" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    m = next(_DATE.finditer(text), None)
    if m is None:
        pytest.skip(f"{name} has no dates below the top level")
    bad = m["date"][:5] + "02-30"
    path.write_text(text[: m.start("date")] + bad + text[m.end("date") :], encoding="utf-8")
    err = _error(rules)
    assert err.file == str(path) and err.line == _line_of(text, m.start(m.lastgroup or 0)), str(err)
    assert "expected a date" in str(err) and err.column is not None


def test_listed_form_for_listed_from_is_caught(tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    path = rules / "lists" / "caatsa-specified-persons.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("listed_from:", "listed_form:", 1), encoding="utf-8")
    err = _error(rules)
    assert "unknown key 'listed_form'" in str(err) and "did you mean 'listed_from'" in str(err)


@pytest.mark.parametrize(
    ("name", "old", "new", "fragment"),
    [
        ("caatsa-specified-persons", "sector: defense", "sector: [defense]", "plain string"),
        ("congress-thresholds", "unconfirmed: true", "unconfirmed: maybe", "true or false"),
        ("congress-thresholds", "review_days: 30", "review_days: thirty", "whole number"),
        ("un-listed-groups", "  - id: ", "  - idd: ", "did you mean 'id'"),
        ("countries", "- code: AD\n", "- alpha2: AD\n", "unknown key 'alpha2'"),
        ("systems", "https://", "ftp://", "expected an http(s) link"),
    ],
)  # fmt: skip
def test_wrong_types_are_refused(
    name: str, old: str, new: str, fragment: str, tmp_path: Path
) -> None:
    rules = _copy(tmp_path)
    path = rules / "lists" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    err = _error(rules)
    assert err.file == str(path) and err.line is not None and fragment in str(err), str(err)


def test_a_list_without_a_schema_is_refused(tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    extra = rules / "lists" / "new-list.yaml"
    extra.write_text("title: New\nlast_reviewed: '2026-01-01'\nsources: []\n")
    err = _error(rules)
    assert err.file == str(extra) and "has no schema" in str(err)


RULE = "un-embargo/supplier-export-ban.yaml"


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("    pinpoint: Article 25", "    pinpiont: Article 25", "did you mean 'pinpoint'"),
        ("  where: {role: supplier,", "  wehre: {role: supplier,", "did you mean 'where'"),
        ("effective_from:", "effective_form:", "did you mean 'effective_from'"),
        ('effective_from: "1945-10-24"', 'effective_from: "1945-02-30"', "YYYY-MM-DD"),
    ],
)
def test_rule_files_are_checked_the_same_way(
    old: str, new: str, fragment: str, tmp_path: Path
) -> None:
    from armscheck.rulebook.book import load_rulebook

    rules = _copy(tmp_path)
    path = rules / RULE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rulebook(rules)
    err = info.value
    assert err.file == str(path) and err.line is not None and fragment in str(err), str(err)


@pytest.mark.parametrize(
    "template",
    [
        "{key} and {ctx.a[0].b!r:>{n}}",
        "{a:{n}}",
        "{a:{n:{n}}}",
        "{a!x}",
        "{a!é}",
        "{n:d}",
        "{a:d}",
        "{f:,.2f} {b:>5}",
        "{a:{{}}}",
        "{n:{a}}",
        "{ctx:{zz}}",
        "{a:99999999999999999999}",
    ],
)
def test_a_template_is_refused_with_the_words_of_python_s_formatter(template: str) -> None:
    import string

    from armscheck.rulebook.patterns import _Anything, check_template

    types = {"a": "str", "n": "int", "f": "float", "b": "bool"}
    sample = {"a": "x", "n": 1, "f": 1.5, "b": True, "key": "x", "ctx": _Anything()}
    try:
        string.Formatter().vformat(template, (), sample)
        expected = None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        expected = f"the template cannot be filled ({exc})"

    def fail(path: tuple[str | int, ...], message: str, hint: str) -> RuleError:
        return RuleError(message, hint=hint)

    try:
        check_template(template, ("explanation",), types, fail)
        got = None
    except RuleError as exc:
        got = exc.message
    assert got == expected, template
