"""Broken and hostile decisions files: one located error, quickly, never a traceback.

The same cases transfers get in test_hostile.py, for the decisions file.
"""

from __future__ import annotations

import re
import time

import pytest

from armscheck import load_checker
from armscheck.decisions import read_decisions
from armscheck.errors import InputError
from armscheck.transfer.yamldoc import MAX_DEPTH
from test_hostile import _laughs

LABEL = "armscheck-decisions.yaml"
BASE = """\
decisions:
  - ref: DDTC-1
    kind: licence
    authority: DDTC
    number: GC 1
    covers:
      rules: [us-content/itar-retransfer]
      destination: Iraq
    issued: 2021-07-01
    expires: 2025-06-30
"""


def _many(n: int) -> str:
    entry = "  - {{ref: W{i}, kind: waiver, rule: congress/third-party-3d, files: ['*'], "
    entry += "reason: r, approver: a, expires: 2030-01-01}}\n"
    return "decisions:\n" + "".join(entry.format(i=i) for i in range(n))


# id -> (content, fragment expected in the message, located)
BROKEN: dict[str, tuple[str | bytes, str, bool]] = {
    "yaml-syntax": (BASE + "  - [\n", "YAML syntax error", True),
    "empty": (b"", "empty", False),
    "only-comments": ("# nothing\n", "empty", False),
    "binary": (b"\x00\x01binary\xff", "binary", False),
    "non-utf8": (b"decisions: caf\xe9\n", "not UTF-8", False),
    "utf16": (BASE.encode("utf-16"), "UTF-16", False),
    "control-char": (BASE.replace("GC 1", '"G\x07C"'), "control character", True),
    "escaped-control-char": (BASE.replace("GC 1", '"G\\aC"'), "control character", True),
    "top-level-list": ("- a\n", "expected a mapping", True),
    "decisions-not-list": ("decisions: {a: 1}\n", "expected a list of decisions", True),
    "two-documents": (BASE + "---\n" + BASE, "more than one YAML document", True),
    "tabs": (BASE.replace("    kind: licence", "\tkind: licence"), "tabs", True),
    "unknown-top-key": (BASE + "decision: []\n", "did you mean 'decisions'", True),
    "misspelt-key": (BASE.replace("expires:", "expries:"), "did you mean 'expires'", True),
    "misspelt-covers": (BASE.replace("destination:", "destinaton:"), "did you mean", True),
    "unknown-kind": (
        BASE.replace("kind: licence", "kind: license"),
        "did you mean 'licence'",
        True,
    ),
    "missing-kind": (BASE.replace("    kind: licence\n", ""), "missing required key 'kind'", True),
    "missing-ref": (BASE.replace("  - ref: DDTC-1\n    kind", "  - kind"), "'ref'", True),
    "duplicate-key": (BASE + "    number: GC 2\n", "duplicate key 'number'", True),
    "duplicate-ref": (BASE + BASE.split("decisions:\n")[1], "duplicate reference", True),
    "merge-key": (BASE.replace("    number: GC 1", "    <<: {number: GC 1}"), "merge keys", True),
    "python-object": (
        BASE.replace("GC 1", "!!python/object/apply:os.system [echo hacked]"),
        "is not allowed",
        True,
    ),
    "local-tag": (BASE.replace("GC 1", "!custom x"), "is not allowed", True),
    "billion-laughs": (_laughs(), f"more than {50_000:,} values", True),
    "deep-flow": ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", f"{MAX_DEPTH} levels", True),
    "deep-block-map": ("".join(" " * i + "k:\n" for i in range(1_000)), "levels", True),
    "five-megabytes": (BASE + "# " + "x" * 5_000_000 + "\n", "limit", False),
    "bad-date": (BASE.replace("2025-06-30", "2025-02-30"), "not a real date", True),
    "date-time": (BASE.replace("2025-06-30", "2025-06-30 10:00"), "as a date", True),
    "expires-before-issued": (BASE.replace("2025-06-30", "2020-01-01"), "before it is", True),
    "unknown-rule": (BASE.replace("itar-retransfer", "itar-retransfers"), "did you mean", True),
    "unknown-authority": (BASE.replace("DDTC\n", "DTC\n"), "use one of: ddtc, bis, state", True),
    "unknown-country": (BASE.replace("Iraq", "Irak"), "did you mean 'Iraq'", True),
    "unknown-list": (
        "decisions:\n  - {ref: N, kind: not-a-match, party: P, entry: e, list: un-groups,"
        " reason: r, by: b, date: 2026-01-01}\n",
        "unknown list",
        True,
    ),
    "wrong-type-ref": (BASE.replace("ref: DDTC-1", "ref: [a, b]"), "expected text", True),
    "long-text": (BASE.replace("GC 1", "x" * 5_000), "over the limit", True),
    "waiver-without-files": (
        "decisions:\n  - {ref: W, kind: waiver, rule: congress/third-party-3d, reason: r,"
        " approver: a, expires: 2030-01-01}\n",
        "missing required key 'files'",
        True,
    ),
    "too-many": (_many(2_001), "over the limit", True),
    "waiver-for-violation": (
        BASE.replace("us-content/itar-retransfer", "un-embargo/listed-group"),
        "cannot be licensed away",
        True,
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_decisions_file_is_one_located_error(case: str) -> None:
    content, fragment, located = BROKEN[case]
    book = load_checker().rulebook
    rules = {r.id: r.outcome for r in book.rules}
    start = time.perf_counter()
    with pytest.raises(InputError) as exc:
        read_decisions(content, LABEL, book.reference, rules)
    assert time.perf_counter() - start < 10
    message = str(exc.value)
    where = re.escape(LABEL) + (r":\d+:\d+: " if located else r": ")
    assert re.match(where, message), message
    assert fragment in message, message
    assert " — " in message, f"no hint: {message}"
    assert "\n" not in message


def test_good_file_reads() -> None:
    book = load_checker().rulebook
    found = read_decisions(BASE, LABEL, book.reference, {r.id: r.outcome for r in book.rules})
    [d] = found.entries
    assert (d.ref, d.kind, d.authority, d.scope.destination) == ("DDTC-1", "licence", "ddtc", "IQ")
    assert len(found.sha256) == 64
