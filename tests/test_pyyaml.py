"""PyYAML imported through :mod:`armscheck.pyyaml`: two patterns deferred, nothing else.

The deferred pattern finds what the compiled one finds; the patterns deferred are the ones
PyYAML's reader and constructor compile; ``re.compile`` is itself again after the import.
"""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from armscheck.pyyaml import NON_PRINTABLE, TIMESTAMP, Deferred


def test_deferred_pattern_finds_what_the_compiled_one_finds() -> None:
    compiled = re.compile(NON_PRINTABLE)
    deferred = Deferred(NON_PRINTABLE)
    texts = ["", "plain", "tab\there", "bell\x07", "\x85\xa0é§", "\ud800", "\ufffe", "\U0001f600"]
    for text in texts:
        a, b = compiled.search(text), deferred.search(text)
        assert (a and (a.group(), a.start())) == (b and (b.group(), b.start()))
    assert deferred.pattern == compiled.pattern and deferred.flags == compiled.flags


@given(st.text())
def test_deferred_pattern_on_any_text(text: str) -> None:
    a, b = re.compile(NON_PRINTABLE).search(text), Deferred(NON_PRINTABLE).search(text)
    assert (a and (a.group(), a.start())) == (b and (b.group(), b.start()))


def test_first_import_defers_only_the_two_patterns() -> None:
    code = """
import re
compile = re.compile
import armscheck.pyyaml, yaml, yaml.reader
from armscheck.pyyaml import NON_PRINTABLE, TIMESTAMP, Deferred
assert re.compile is compile
pattern = yaml.reader.Reader.NON_PRINTABLE
assert type(pattern) is Deferred and pattern.pattern == NON_PRINTABLE
stamp = yaml.constructor.SafeConstructor.timestamp_regexp
assert type(stamp) is Deferred and stamp.pattern == TIMESTAMP and stamp.flags == re.X | re.U
assert all(type(r) is re.Pattern for rs in yaml.resolver.Resolver.yaml_implicit_resolvers.values()
           for _, r in rs)
assert yaml.safe_load("a: [1, b]") == {"a": [1, "b"]}
when = yaml.safe_load("a: 2001-12-14 21:59:43.10 -5")["a"]
assert when.isoformat() == "2001-12-14T21:59:43.100000-05:00", when
try:
    yaml.safe_load("a: \\x07")
except yaml.YAMLError as exc:
    assert "#x0007" in str(exc), exc
else:
    raise AssertionError("a non-printable character was read")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_deferred_text_is_pyyamls() -> None:
    import yaml.reader

    assert yaml.reader.Reader.NON_PRINTABLE.pattern == NON_PRINTABLE  # compiled or deferred
    stamp = yaml.constructor.SafeConstructor.timestamp_regexp
    assert (stamp.pattern, stamp.flags) == (TIMESTAMP, re.X | re.U)
