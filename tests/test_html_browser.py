"""Every kind of HTML report, opened from a file:// URL in headless Chromium.

Chromium dumps the DOM it built and logs every console message to standard error;
the reports carry a Content-Security-Policy that blocks any outside request and
any script, and Chromium logs each blocked attempt as a console message. So: no
console line means no script error and no outside request. In CI (``CI=true``)
Chromium must be installed (``.ci/run`` installs it); elsewhere the tests are
skipped when it is missing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from armscheck.api import load_checker, read_transfer
from armscheck.checker import Checker
from armscheck.explore.counterfactuals import counterfactuals, timeline
from armscheck.explore.overtime import over_time
from armscheck.explore.recipients import matrix
from armscheck.report import html
from armscheck.report.svg import timeline_svg
from armscheck.report.svgmap import heatmap_svg, map_svg

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "scenarios/seeds/iraq-turkey-t129-2021.yaml"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium() -> str:
    """The Chromium binary; skip (fail in CI) when there is none."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
    pytest.skip("chromium is not installed (apt-get install chromium); the CI run requires it")


def load(page: Path) -> tuple[str, list[str]]:
    """(the DOM Chromium built, its console messages) for a page opened from a file."""
    binary = chromium()
    with tempfile.TemporaryDirectory() as profile:
        run = subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return run.stdout, console


@pytest.fixture(scope="module")
def checker() -> Checker:
    return load_checker(None)


@pytest.fixture(scope="module")
def reports(checker: Checker, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("reports")
    ref = checker.rulebook.reference
    text = SEED.read_text()
    t = read_transfer(text, str(SEED), ref)
    v = counterfactuals(checker, t, checker.check(t)).as_dict()
    v["run"] = {"armscheck": "0.1.0", "rules": "shipped"}
    periods = [p.as_dict() for p in timeline(checker, t)]
    codes = ["IQ", "IR", "US", "FR", "KP", "SY"]
    rows = matrix(checker, t, codes)
    start, end = dt.date(1990, 1, 1), dt.date(2026, 1, 1)
    history = [h.as_dict() for h in over_time(checker, t, codes, start, end)]
    seeds = sorted((ROOT / "scenarios/seeds").glob("*.yaml"))
    batch = [checker.check_file(str(f)).as_dict() for f in seeds]
    batch.append({"file": "broken.yaml", "error": "broken.yaml:1:1: bad"})
    pages = {
        "check": html.check_report([v], {str(SEED): text}),
        "batch": html.batch_report(batch),
        "timeline": html.picture_report(
            "timeline", t.name, str(SEED), timeline_svg(t.name, periods), periods=periods
        ),
        "matrix": html.picture_report(
            "matrix", t.name, str(SEED), map_svg(t.name, rows), rows=rows
        ),
        "overtime": html.picture_report(
            "overtime", t.name, str(SEED), heatmap_svg(t.name, history, start, end), rows=history
        ),
    }
    files = {}
    for kind, page in pages.items():
        files[kind] = out / f"{kind}.html"
        files[kind].write_text(page, encoding="utf-8")
    return {"files": files, "verdict": v, "batch": batch, "rows": rows, "periods": periods}


@pytest.mark.parametrize("kind", ["check", "batch", "timeline", "matrix", "overtime"])
def test_report_loads_without_console_messages(reports: dict[str, Any], kind: str) -> None:
    dom, console = load(reports["files"][kind])
    assert console == [], "\n".join(console)
    assert "<main" in dom and "Not legal advice" in dom
    if kind == "check":
        v = reports["verdict"]
        assert f'class="badge {v["verdict"]}"' in dom
        for f in v["findings"]:
            assert f'data-rule="{f["rule"]}"' in dom
        assert "Run record" in dom
    elif kind == "batch":
        assert dom.count('class="transfer"') == len(reports["batch"])
        assert "<svg" in dom and dom.count('data-verdict="') >= 5
    elif kind == "timeline":
        assert dom.count('class="period"') == len(reports["periods"])
        assert len(re.findall(r"<rect [^>]*data-outcome=", dom)) == 5 * len(reports["periods"])
    elif kind == "matrix":
        assert dom.count('class="tile"') == len(reports["rows"])
        assert dom.count('class="recipient"') == len(reports["rows"])
    else:
        assert "<svg" in dom and dom.count("data-verdict=") >= 6


def test_an_outside_request_would_be_caught(reports: dict[str, Any], tmp_path: Path) -> None:
    page = reports["files"]["check"].read_text()
    bad = tmp_path / "bad.html"
    bad.write_text(page.replace("</main>", '<img src="http://192.0.2.1/x.png" alt=""></main>'))
    _, console = load(bad)
    assert any("192.0.2.1" in line for line in console)


def test_the_report_prints_to_pdf(reports: dict[str, Any], tmp_path: Path) -> None:
    binary = chromium()
    pdf = tmp_path / "report.pdf"
    with tempfile.TemporaryDirectory() as profile:
        run = subprocess.run(
            [
                binary,
                *FLAGS,
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                reports["files"]["check"].as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert run.returncode == 0, run.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") >= 2
