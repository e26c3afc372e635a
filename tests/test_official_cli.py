"""``armscheck lists``, ``lists import`` and ``lists fetch`` (from a local server)."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from armscheck.cli import main
from armscheck.official import fetch

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "official"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("ARMSCHECK_DATA_DIR", str(folder))
    return folder


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A local HTTP server on 127.0.0.1 serving a folder named as the official files."""
    root = tmp_path / "www" / "lists"
    root.mkdir(parents=True)
    shutil.copy(FIXTURES / "un-consolidated.xml", root / "consolidated.xml")
    shutil.copy(FIXTURES / "csl.json", root / "consolidated.json")
    shutil.copy(FIXTURES / "sdn.xml", root / "SDN.XML")
    handler = functools.partial(_Quiet, directory=str(root.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/lists", root
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_lists_before_any_import(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["data_dir"] == str(data)
    rows = {r["id"]: r for r in out["lists"]}
    assert rows["un-listed-groups"]["origin"] == "curated" and rows["un-listed-groups"]["entries"]
    assert rows["us-el"]["entries"] == 0 and rows["us-el"]["date"] is None


def test_import_then_list_then_reimport(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(FIXTURES / n) for n in ("un-consolidated.xml", "csl.json", "sdn.xml")]
    assert main(["lists", "import", *files]) == 0
    out = capsys.readouterr().out
    assert out.count(": imported — ") == 3 and "dated 2026-11-27" in out
    assert main(["lists"]) == 0
    table = capsys.readouterr().out
    assert "un-sc" in table and "us-dtc" in table and "not imported" not in table
    assert main(["lists", "import", *files]) == 0
    assert capsys.readouterr().out.count(": unchanged — ") == 3


def test_import_error_exits_2_without_traceback(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<?xml version='1.0'?><CONSOLIDATED_LIST><INDIVIDUALS>")
    assert main(["lists", "import", str(bad), str(FIXTURES / "sdn.xml")]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert f"Error: {bad}:1: the XML ends before its last element" in captured.err
    assert "sdn.xml: imported" in captured.out  # the good file still goes in


def test_fetch_from_a_local_server(
    data: Path, server: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ = server
    assert main(["lists", "fetch", "--url-base", base, "--timeout", "10"]) == 0
    out = capsys.readouterr().out
    assert out.count(": imported — ") == 3
    assert f"{base}/consolidated.xml: imported" in out
    assert sorted(p.name for p in data.glob("*.json")) == [
        "index.json",
        "un-sc.json",
        "us-csl.json",
        "us-sdn.json",
    ]
    assert main(["lists", "fetch", "--url-base", base, "--only", "un-sc"]) == 0
    assert ": unchanged — " in capsys.readouterr().out


def test_fetch_failure_keeps_earlier_data(
    data: Path, server: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, root = server
    assert main(["lists", "fetch", "--url-base", base]) == 0
    before = (data / "un-sc.json").read_bytes()
    (root / "consolidated.xml").write_bytes(b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIV")
    (root / "SDN.XML").unlink()
    capsys.readouterr()
    assert main(["lists", "fetch", "--url-base", base]) == 2
    err = capsys.readouterr().err
    assert "consolidated.xml:1: the XML ends before" in err
    assert "SDN.XML: the server answered HTTP 404" in err
    assert (data / "un-sc.json").read_bytes() == before


def test_fetch_refuses_an_oversized_download(
    data: Path, server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, _ = server
    monkeypatch.setattr(fetch, "MAX_BYTES", 1000)
    results = fetch.fetch(["un-sc"], lambda s: None, base, data)
    assert "limit" in str(results[0][1])
    assert not data.exists()


def test_fetch_unreachable_server(data: Path) -> None:
    results = fetch.fetch(["us-sdn"], lambda s: None, "http://127.0.0.1:9", data, timeout=5)
    assert "cannot reach the server" in str(results[0][1])


def test_official_addresses() -> None:
    assert fetch.url_for("un-sc", None) == (
        "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
    )
    assert fetch.url_for("us-sdn", "http://127.0.0.1:1/x/") == "http://127.0.0.1:1/x/SDN.XML"
