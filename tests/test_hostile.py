"""Broken and hostile input: one located message, exit 2, nothing else.

Every case is written to a temporary folder and run through the command line.
It must end with exit 2, nothing on standard output, and exactly one line on
standard error, ``Error: <file>:<line>:<col>: what — how to fix it`` (just
``Error: <file>: ...`` for files that have no line to point at), within a few
seconds and without a traceback.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from armscheck.cli import main
from armscheck.transfer.decoding import MAX_BYTES
from armscheck.transfer.yamldoc import MAX_DEPTH

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
SEEDS = sorted((ROOT / "scenarios" / "seeds").glob("*.yaml"))
SEED = str(ROOT / "scenarios" / "seeds" / "iraq-iran-arms-2014.yaml")

BASE = """\
name: Test transfer
date: 2021-08-27
supplier:
  country: Turkey
recipient:
  country: Iraq
items:
  - description: Helicopter
    category: attack-helicopter
    quantity: 2
    unit_value_usd: 60m
"""


def _laughs() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


def _deep_block_map(depth: int) -> str:
    return "".join(" " * i + "k:\n" for i in range(depth)) + " " * depth + "v\n"


# id -> (content, fragment expected in the message, located: whether a line is knowable)
BROKEN: dict[str, tuple[str | bytes, str, bool]] = {
    "yaml-syntax": (BASE + "  - [\n", "YAML syntax error", True),
    "empty": (b"", "empty", False),
    "only-comments": ("# nothing here\n\n", "empty", False),
    "binary": (b"\x00\x01\x02\x03binary\xff", "binary", False),
    "non-utf8": (b"name: caf\xe9\n", "not UTF-8", False),
    "utf16": (BASE.encode("utf-16"), "UTF-16", False),
    "control-char": (BASE + 'source: "a\x07b"\n', "control character", True),
    "top-level-list": ("- a\n- b\n", "expected a mapping", True),
    "top-level-scalar": ("hello\n", "expected a mapping", True),
    "two-documents": (BASE + "---\n" + BASE, "more than one YAML document", True),
    "tabs": (BASE.replace("  country: Iraq", "\tcountry: Iraq"), "tabs", True),
    "unknown-key": (BASE + "colour: red\n", "unknown key 'colour'", True),
    "misspelt-key": (BASE.replace("quantity: 2", "quantty: 2"), "did you mean 'quantity'", True),
    "duplicate-key": (BASE + "name: Again\n", "duplicate key 'name'", True),
    "merge-key": (
        BASE.replace("recipient:\n  country: Iraq", "recipient:\n  <<: {country: Iraq}"),
        "merge keys",
        True,
    ),
    "complex-key": (BASE + "? [a, b]\n: c\n", "mapping key must be a plain value", True),
    "null-key": (BASE + "!!null ~: c\n", "mapping key must be a plain value", True),
    "python-object": (
        BASE + "source: !!python/object/apply:os.system [echo hacked]\n",
        "is not allowed",
        True,
    ),
    "python-name": (BASE + "source: !!python/name:os.system\n", "is not allowed", True),
    "binary-tag": (BASE + "source: !!binary aGVsbG8=\n", "is not allowed", True),
    "local-tag": (BASE + "source: !custom x\n", "is not allowed", True),
    "set-tag": (BASE + "source: !!set {a, b}\n", "is not allowed", True),
    "unknown-alias": (BASE + "source: *nowhere\n", "unknown alias", True),
    "billion-laughs": (_laughs(), f"more than {50_000:,} values", True),
    "deep-flow": ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", f"{MAX_DEPTH} levels", True),
    "deep-flow-map": ("a: " + "{b: " * 10_000 + "c" + "}" * 10_000 + "\n", "levels", True),
    "deep-block-seq": ("a:\n" + "- " * 10_000 + "x\n", f"{MAX_DEPTH} levels", True),
    "deep-block-map": (_deep_block_map(1_000), f"{MAX_DEPTH} levels", True),
    "five-megabytes": (BASE + "# " + "x" * 5_000_000 + "\n", "limit", False),
    "wrong-type-supplier": (
        BASE.replace("supplier:\n  country: Turkey", "supplier: Turkey"),
        "expected a mapping",
        True,
    ),
    "wrong-type-name": (BASE.replace("Test transfer", "[a, b]"), "expected text", True),
    "unknown-country": (BASE.replace("Iraq", "Irak"), "did you mean 'Iraq'", True),
    "unknown-category": (
        BASE.replace("attack-helicopter", "attack-helicopters"),
        "did you mean 'attack-helicopter'",
        True,
    ),
    "unknown-control": (BASE + "    control: itr\n", "did you mean 'itar'", True),
    "unknown-end-user-type": (
        BASE.replace("  country: Iraq", "  country: Iraq\n  end_user_type: goverment"),
        "did you mean 'government'",
        True,
    ),
    "empty-int-tag": (BASE.replace("quantity: 2", 'quantity: !!int ""'), "cannot read", True),
    "empty-float-tag": (BASE.replace("60m", '!!float "_"'), "cannot read", True),
    "hex-quantity": (BASE.replace("quantity: 2", "quantity: 0x10"), "whole number", True),
    "sexagesimal-money": (BASE.replace("60m", "60:00"), "amount of money", True),
    "comma-decimal-money": (BASE.replace("60m", "'$ 1,5m'"), "amount of money", True),
    "sub-cent-money": (BASE.replace("60m", "0.004"), "less than a cent", True),
    "line-over-10tn": (
        BASE.replace("quantity: 2", "quantity: 1000000").replace("60m", "9000bn"),
        "over $10 trillion",
        True,
    ),
    "usml-nonsense": (
        BASE.replace("quantity: 2", "quantity: 2\n    usml_category: 42"),
        "USML category",
        True,
    ),
    "channel-foreign-supplier": (
        BASE.replace("items:", "channel: fms\nitems:"),
        "only to a US supplier",
        True,
    ),
    "items-null": (BASE.split("items:")[0] + "items:\n", "'items' is empty", True),
    "later-related-sale": (
        BASE + "related_sales:\n  - {date: 2035-01-01, value_usd: 5m}\n",
        "later than the transfer",
        True,
    ),
    "too-many-entities": (
        BASE.replace(
            "  country: Iraq",
            "  country: Iraq\n  entities: [" + ", ".join(f"E{i}" for i in range(150)) + "]",
        ),
        "over the limit",
        True,
    ),
    "bad-expect-verdict": (BASE + "expect: {verdict: forbidden}\n", "unknown verdict", True),
    "money-nan": (BASE.replace("60m", ".nan"), "finite", True),
    "money-inf": (BASE.replace("60m", ".inf"), "finite", True),
    "money-minus-inf": (BASE.replace("60m", "-.inf"), "finite", True),
    "money-1e400": (BASE.replace("60m", "1e400"), "amount", True),
    "money-huge-int": (BASE.replace("60m", "1" + "0" * 400), "over $10 trillion", True),
    "money-negative": (BASE.replace("60m", "-3m"), "more than zero", True),
    "money-zero": (BASE.replace("60m", "0"), "more than zero", True),
    "money-absurd": (BASE.replace("60m", "20 trillion"), "amount", True),
    "money-long-spaces": (BASE.replace("60m", "'1" + " " * 50_000 + "!'"), "amount of money", True),
    "quantity-zero": (BASE.replace("quantity: 2", "quantity: 0"), "out of range", True),
    "quantity-fraction": (BASE.replace("quantity: 2", "quantity: 2.5"), "whole number", True),
    "quantity-bool": (BASE.replace("quantity: 2", "quantity: true"), "whole number", True),
    "quantity-huge": (BASE.replace("quantity: 2", "quantity: " + "9" * 5_000), "int", True),
    "value-mismatch": (BASE + "    value_usd: 100m\n", "disagrees", True),
    "us-without-channel": (BASE.replace("Turkey", "US"), "channel", True),
    "date-feb-29": (BASE.replace("2021-08-27", "2021-02-29"), "not a real date", True),
    "date-short": (BASE.replace("2021-08-27", "2021-2-3"), "as a date", True),
    "date-time": (BASE.replace("2021-08-27", "2021-08-27 10:00:00"), "as a date", True),
    "date-number": (BASE.replace("2021-08-27", "20210827"), "not a date", True),
    "no-items": (BASE.split("items:")[0] + "items: []\n", "at least one item", True),
}


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / f"{name}.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str, float]:
    start = time.perf_counter()
    code = main(list(argv))
    elapsed = time.perf_counter() - start
    out, err = capsys.readouterr()
    return code, out, err, elapsed


def _assert_one_error(err: str, file: str, located: bool) -> None:
    assert "Traceback" not in err
    assert err.endswith("\n") and err.count("\n") == 1, err
    where = re.escape(file) + (r":\d+:\d+: " if located else r": ")
    assert re.match(rf"^Error: {where}", err), err
    assert " — " in err, f"no hint: {err}"


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_file_is_one_located_error(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, fragment, located = BROKEN[case]
    path = _write(tmp_path, case, content)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err, elapsed = _run(capsys, "check", "--format", "json", str(path))
    assert code == 2, err
    assert out == ""
    _assert_one_error(err, str(path), located)
    assert fragment in err, err
    assert elapsed < 15, f"{case} took {elapsed:.1f}s"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no side effect


def test_python_tag_never_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "pwned"
    text = BASE + f"source: !!python/object/apply:os.system ['touch {marker}']\n"
    code, _, err, _ = _run(capsys, "check", str(_write(tmp_path, "evil", text)))
    assert code == 2 and "is not allowed" in err and not marker.exists()


def test_limits_are_the_documented_ones() -> None:
    readme = (ROOT / "README.md").read_text()
    assert f"{MAX_BYTES:,} bytes" in readme and f"{MAX_DEPTH} levels" in readme


def test_oversize_file_is_not_read_whole(tmp_path: Path) -> None:
    from armscheck.api import load_transfer
    from armscheck.errors import InputError
    from armscheck.rulebook.reference import load_reference

    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(200 * MAX_BYTES)  # sparse: 200 MB of nothing
    with pytest.raises(InputError, match="over the"):
        load_transfer(big, load_reference(RULES))


# Unusual but valid files: these must check fine.
VALID: dict[str, str | bytes] = {
    "crlf": BASE.replace("\n", "\r\n"),
    "bom": "\ufeff" + BASE,
    "bom-crlf": "\ufeff" + BASE.replace("\n", "\r\n"),
    "quoted-date": BASE.replace("2021-08-27", "'2021-08-27'"),
    "anchors": BASE.replace("name: Test transfer", "name: &n Test transfer") + "source: *n\n",
    "long-name": BASE.replace("Test transfer", "N" * 100_000),
    "markup-name": BASE.replace("Test transfer", "'[bold]x[/bold] :smile:'"),
    "norway-no": BASE.replace("Turkey", "NO"),
    "expect-block": BASE + "expect: {verdict: clear, families: {un-embargo: clear}}\n",
}


@pytest.mark.parametrize("case", sorted(VALID))
def test_unusual_but_valid_files_check(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, case, VALID[case])
    code, out, err, elapsed = _run(capsys, "check", "--format", "json", str(path))
    assert code == 0, err
    assert err == ""
    data = json.loads(out)
    assert data["verdict"] in ("clear", "approval-required", "sanctions-exposure")
    assert elapsed < 5
    if case == "long-name":
        assert data["name"] == "N" * 100_000
    if case == "markup-name":
        assert data["name"] == "[bold]x[/bold] :smile:"
    if case == "norway-no":
        assert data["findings"] is not None


def test_crlf_gives_the_same_verdict_and_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unix = _write(tmp_path, "unix", BASE)
    dos = _write(tmp_path, "dos", BASE.replace("\n", "\r\n"))
    _, out_unix, _, _ = _run(capsys, "check", "--format", "json", str(unix))
    _, out_dos, _, _ = _run(capsys, "check", "--format", "json", str(dos))
    a, b = json.loads(out_unix), json.loads(out_dos)
    a.pop("file"), b.pop("file")
    assert a == b


# Broken rules: copy rules/ and break one file at a time.

RULE = "un-embargo/supplier-export-ban.yaml"


RULE_BREAKS: dict[str, tuple[str, object, str]] = {
    # id -> (file under rules/, edit, key the message must name)
    "unknown-key": (RULE, lambda t: t + "colour: red\n", "colour"),
    "bad-outcome": (
        RULE,
        lambda t: t.replace("outcome: violation", "outcome: forbidden"),
        "outcome",
    ),
    "where-field": (RULE, lambda t: t.replace("{role: supplier,", "{rolle: supplier,"), "rolle"),
    "bad-operator": (
        RULE,
        lambda t: t.replace("status: prohibited", "status: {between: 3}"),
        "status",
    ),
    "missing-citations": (
        RULE,
        lambda t: re.sub(r"citations:\n(?:  .*\n)+", "", t),
        "citations",
    ),
    "citation-without-url": (RULE, lambda t: re.sub(r"    url: .*\n", "", t, count=1), "citations"),
    "template-field": (RULE, lambda t: t.replace("{party}", "{partyy}"), "explanation"),
    "template-syntax": (RULE, lambda t: t.replace("{party}", "{party"), "explanation"),
    "when-not-mapping": (
        RULE,
        lambda t: re.sub(r"when:\n(?:  .*\n)+", "when: 3\n", t),
        "when",
    ),
    "title-not-text": (
        RULE,
        lambda t: re.sub(r"^title: .*$", "title: [a, b]", t, flags=re.M),
        "title",
    ),
    "bad-date": (
        RULE,
        lambda t: re.sub(r"^effective_from: .*$", "effective_from: '2020-13-01'", t, flags=re.M),
        "effective_from",
    ),
    "aliases-not-list": (RULE, lambda t: t + "aliases: 3\n", "aliases"),
    "malformed-yaml": (RULE, lambda t: t + "extra: [\n", "YAML syntax error"),
    "python-tag": (RULE, lambda t: t + "x: !!python/object/apply:os.system [ls]\n", "not allowed"),
    "list-without-sources": (
        "lists/nato-plus.yaml",
        lambda t: re.sub(r"^sources:\n(?:[ -].*\n)+", "", t, flags=re.M),
        "sources",
    ),
    "list-bad-sources": (
        "lists/nato-plus.yaml",
        lambda t: re.sub(r"^sources:", "sources: 3\nold_sources:", t, flags=re.M),
        "sources",
    ),
    "list-not-mapping": ("lists/nato-plus.yaml", lambda t: "- a\n- b\n", "mapping"),
    "list-malformed": ("lists/countries.yaml", lambda t: t + "  - [\n", "YAML syntax error"),
    "countries-not-list": (
        "lists/countries.yaml",
        lambda t: re.sub(r"^countries:", "countries: 3\nold:", t, flags=re.M),
        "countries",
    ),
    "category-not-mapping": (
        "lists/categories.yaml",
        lambda t: re.sub(r"^  battle-tank: .*$", "  battle-tank: 3", t, flags=re.M),
        "battle-tank",
    ),
}


@pytest.mark.parametrize("case", sorted(RULE_BREAKS))
def test_broken_rules_are_one_error_naming_file_and_key(
    case: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARMSCHECK_NO_CACHE", "1")
    rel, edit, key = RULE_BREAKS[case]
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    target = rules / rel
    new = edit(target.read_text(encoding="utf-8"))  # type: ignore[operator]
    assert new != target.read_text(encoding="utf-8"), "the edit changed nothing"
    target.write_text(new, encoding="utf-8")
    code, out, err, elapsed = _run(capsys, "--rules", str(rules), "check", "--format", "json", SEED)
    assert code == 2, err
    assert out == ""
    _assert_one_error(err, str(target), located=True)
    assert key in err, err
    assert elapsed < 10


# Batches: bad files become error rows, the rest are still checked.


def _mixed_folder(tmp_path: Path) -> tuple[Path, set[str]]:
    folder = tmp_path / "batch"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    bad = ["yaml-syntax", "binary", "billion-laughs", "deep-flow", "python-object", "date-feb-29"]
    names = set()
    for case in bad:
        names.add(str(_write(folder, f"bad-{case}", BROKEN[case][0])))
    return folder, names


def test_mixed_batch_reports_bad_files_and_checks_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, bad = _mixed_folder(tmp_path)
    code, out, _, elapsed = _run(capsys, "batch", "--format", "jsonl", "--jobs", "2", str(folder))
    assert code == 2
    rows = [json.loads(line) for line in out.splitlines()]
    files = [r["file"] for r in rows]
    assert files == sorted(str(p) for p in folder.glob("*.yaml"))
    for row in rows:
        if row["file"] in bad:
            assert set(row) == {"file", "error"}
            assert row["error"].startswith(row["file"] + ":") and " — " in row["error"]
            assert "Traceback" not in row["error"]
        else:
            assert row["verdict"] in (
                "prohibited",
                "sanctions-exposure",
                "approval-required",
                "clear",
            )
    assert sum("error" in r for r in rows) == len(bad)
    assert elapsed < 60

    code1, out1, _, _ = _run(capsys, "batch", "--format", "jsonl", "--jobs", "1", str(folder))
    assert code1 == 2 and out1 == out


def test_batch_of_good_files_only_is_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "good"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / SEEDS[0].name)
    code, out, _, _ = _run(capsys, "batch", "--format", "jsonl", "--jobs", "1", str(folder))
    assert code in (0, 1) and "error" not in json.loads(out)


def test_a_pipe_is_refused_not_waited_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    code, out, err, elapsed = _run(capsys, "check", str(fifo))
    assert code == 2 and "not a regular file" in err and elapsed < 15


def test_batch_skips_folders_named_like_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "odd.yaml").mkdir()
    shutil.copy(SEED, tmp_path / "seed.yaml")
    code, out, err, _ = _run(capsys, "batch", "--format", "jsonl", "--jobs", "1", str(tmp_path))
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(tmp_path / "seed.yaml")]
    assert code == 1  # the seed is prohibited; the folder is not an error row


@pytest.mark.parametrize(
    ("raw", "roman"),
    [("I", "I"), ("1", "I"), ("Cat. I", "I"), ("xix", "XIX"), ("XI(a)", "XI"), (19, "XIX")],
)
def test_usml_categories_are_normalised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: object, roman: str
) -> None:
    from armscheck.api import load_checker, read_transfer

    text = BASE.replace("quantity: 2", f"quantity: 2\n    usml_category: {raw!r}")
    t = read_transfer(text, "t.yaml", load_checker().rulebook.reference)
    assert t.items[0].usml_category == roman


def test_control_characters_in_names_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "esc.yaml"
    path.write_text(BASE.replace("Test transfer", '"\\e[31mRED\\e[0m"'))
    assert main(["check", "--format", "markdown", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[31mRED" in out
