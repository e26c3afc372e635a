"""The reports print user text literally and keep their layout with long values."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from armscheck.api import load_checker, read_transfer
from armscheck.checker import Checker
from armscheck.report import human, markdown
from armscheck.verdict import Verdict

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 100

TEXT = """\
name: '{name}'
date: 2014-02-24
supplier:
  country: Iran
  entities: ['[red]Tehran|Works']
recipient:
  country: Iraq
  end_user: '[red]'
items:
  - description: 'Rifles [blink]|pipes|'
    category: small-arms
    quantity: 3
    unit_value_usd: {value}
"""


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker(None)


def verdict(checker: Checker, name: str, value: str = "45m") -> Verdict:
    text = TEXT.format(name=name, value=value)
    return checker.check(read_transfer(text, "r.yaml", checker.rulebook.reference))


def rendered(v: Verdict) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=WIDTH, color_system=None)
    human.render(console, v)
    human.disclaimer(console)
    return buf.getvalue()


def test_markup_in_user_text_is_printed_not_interpreted(checker: Checker) -> None:
    out = rendered(verdict(checker, "Deal [bold]x[/bold] :smile:"))
    assert "Deal [bold]x[/bold] :smile:" in out
    assert "Rifles [blink]|pipes|" in out  # the item, quoted in a finding's reason
    assert "PROHIBITED" in out


def test_long_names_and_values_keep_the_layout(checker: Checker) -> None:
    out = rendered(verdict(checker, "N" * 5_000, value="3,333,333,333,333"))
    assert out.count("N") >= 5_000
    assert all(len(line) <= WIDTH for line in out.splitlines())


def test_markdown_escapes_pipes(checker: Checker) -> None:
    v = verdict(checker, "A | B")
    out = markdown.render([v])
    assert "A \\| B" in out and "A | B" not in out
    for line in out.splitlines():
        if line.startswith("|"):
            assert line.count("|") - line.count("\\|") == 3
