"""The HTML report and the SVG pictures: escaping, structure, unknown keys, colours."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from armscheck.api import load_checker, read_transfer
from armscheck.checker import DISCLAIMER, Checker
from armscheck.explore.counterfactuals import counterfactuals, timeline
from armscheck.report import html
from armscheck.report.svg import PALETTE, bar_chart_svg, timeline_svg
from armscheck.report.svgmap import heatmap_svg, map_svg, tiles

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = """\
name: "Evil <script>alert('x')</script> & \\"quoted\\" \\e[31m\\a"
date: 2014-02-24
supplier:
  country: Iran
  entities: ['<b onmouseover="x">Tehran & Sons</b>']
recipient:
  country: Iraq
  end_user: '<img src=x onerror=alert(1)>'
items:
  - description: 'Rifles </code></pre><script>alert(2)</script>'
    category: small-arms
    quantity: 3
    unit_value_usd: 45m
"""


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker(None)


def hostile(checker: Checker) -> dict[str, Any]:
    t = read_transfer(HOSTILE, "evil<&>.yaml", checker.rulebook.reference)
    return counterfactuals(checker, t, checker.check(t)).as_dict()


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    p = Tags()
    p.feed(page)
    return p


def test_user_text_is_escaped_everywhere(checker: Checker) -> None:
    page = html.check_report([hostile(checker)], {"evil<&>.yaml": HOSTILE})
    tags = parse(page)
    names = {t for t, _ in tags.tags}
    assert "script" not in names and "img" not in names and "b" not in names
    assert not any(k.startswith("on") for _, a in tags.tags for k in a)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;quoted&#34;" in page
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", page)
    assert "\\x1b[31m\\x07" in page  # control characters shown as escapes
    assert "evil&lt;&amp;&gt;.yaml" in page
    assert "Rifles &lt;/code&gt;&lt;/pre&gt;&lt;script&gt;" in page  # in the YAML excerpt too


def test_check_report_contents(checker: Checker) -> None:
    path = ROOT / "scenarios/seeds/iraq-turkey-t129-2021.yaml"
    v = checker.check_file(str(path))
    t = read_transfer(path.read_text(), str(path), checker.rulebook.reference)
    d = counterfactuals(checker, t, v).as_dict()
    page = html.check_report([d], {str(path): path.read_text()})
    tags = parse(page)
    assert page.count(DISCLAIMER) == 1
    assert 'class="badge approval-required"' in page
    assert sum(1 for t, a in tags.tags if "finding" in (a.get("class") or "").split()) == len(
        d["findings"]
    )
    marks = re.findall(r'<mark><span class="ln">(\d+)</span>', page)
    assert {int(m) for m in marks} >= {e["line"] for f in d["findings"] for e in f["evidence"]}
    links = [a["href"] for t, a in tags.tags if t == "a" and (a.get("href") or "").startswith("h")]
    assert {c["url"] for f in d["findings"] for c in f["citations"]} <= set(links)
    assert "What would change it" in page and "rests on" in page
    assert all(a.get("scope") in ("col", "row") for t, a in tags.tags if t == "th")
    assert ("main", {"id": "main"}) in tags.tags
    assert "Content-Security-Policy" in page and "<link" not in page and "@import" not in page
    assert "@media print" in page


def test_keys_added_later_are_shown(checker: Checker) -> None:
    d = hostile(checker)
    d["run"] = {"armscheck": "9.9", "rules_digest": "sha256:feed", "inputs": ["a.yaml"]}
    d["findings"][0]["possible_matches"] = [{"name": "Tehran Sons", "score": 0.91}]
    d["findings"][0]["citations"].append({"instrument": "Bad", "url": "javascript:alert(1)"})
    page = html.check_report([d])
    assert "Run record" in page and "sha256:feed" in page
    assert "Possible matches" in page and "Tehran Sons" in page
    assert 'href="javascript' not in page and "Bad (javascript:alert(1))" in page


def test_excerpt_marks_hits_and_gaps() -> None:
    text = "\n".join(f"l{i}" for i in range(1, 21))
    lines = html.excerpt(text, [3, 15], context=1)
    assert [ln.get("number") for ln in lines] == [2, 3, 4, None, 14, 15, 16]
    assert [ln["number"] for ln in lines if ln.get("hit")] == [3, 15]
    assert html.excerpt(text, [99]) == []


def test_batch_report_lists_every_file(checker: Checker) -> None:
    files = sorted((ROOT / "scenarios/seeds").glob("*.yaml"))
    results: list[dict[str, Any]] = [checker.check_file(str(f)).as_dict() for f in files]
    results.append({"file": "broken.yaml", "error": "broken.yaml:1:1: bad <thing>"})
    page = html.batch_report(results)
    tags = parse(page)
    anchors = [a["href"] for t, a in tags.tags if t == "a" and (a.get("href") or "")[:2] == "#t"]
    assert anchors == [f"#t{i}" for i in range(1, len(results) + 1)]
    ids = {a.get("id") for _, a in tags.tags}
    assert all(a[1:] in ids for a in anchors)
    assert "<svg" in page and 'data-verdict="error"' in page and "bad &lt;thing&gt;" in page
    assert page.count(DISCLAIMER) == 1


def _luminance(colour: str) -> float:
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("key", list(PALETTE))
def test_palette_ink_has_enough_contrast(key: str) -> None:
    a, b = sorted([_luminance(PALETTE[key].fill), _luminance(PALETTE[key].ink)])
    assert (b + 0.05) / (a + 0.05) >= 4.5


def test_levels_are_told_apart_without_colour() -> None:
    patterns = [s.pattern for k, s in PALETTE.items() if k != "error"]
    assert len(set(patterns)) == len(patterns)


def test_pictures_are_well_formed_and_labelled(checker: Checker) -> None:
    path = ROOT / "scenarios/seeds/iraq-turkey-t129-2021.yaml"
    t = read_transfer(path.read_text(), str(path), checker.rulebook.reference)
    periods = [p.as_dict() for p in timeline(checker, t)]
    rows = [{"recipient": "IQ", "name": "Iraq <&>", "verdict": "prohibited", "families": {}}]
    history = [{"recipient": "IQ", "name": "Iraq", "periods": periods}]
    pictures = [
        timeline_svg(t.name + " <&>", periods),
        map_svg("m", rows),
        heatmap_svg("h", history, dt.date(1990, 1, 1), dt.date(2026, 1, 1)),
        bar_chart_svg({"clear": 3, "prohibited": 1}),
    ]
    ns = "{http://www.w3.org/2000/svg}"
    for svg in pictures:
        root = ET.fromstring(svg)
        assert root.get("role") == "img"
        assert root.find(f"{ns}title") is not None and root.find(f"{ns}desc") is not None
    timeline_text = ET.tostring(ET.fromstring(pictures[0]), encoding="unicode")
    assert "UNSCR 661" in timeline_text and "Legend" in timeline_text


def test_tile_grid_covers_every_current_country(checker: Checker) -> None:
    ref = checker.rulebook.reference
    current = {c for c, e in ref.countries.items() if not e.historic}
    assert current <= set(tiles())
    assert len(set(tiles().values())) == len(tiles())  # one country per square
