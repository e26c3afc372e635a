"""PyYAML imported through :mod:`armscheck.pyyaml`: its reader's pattern deferred, nothing else.

The deferred pattern finds what the compiled one finds; the pattern deferred is the one
PyYAML's reader compiles; ``re.compile`` is itself again after the import.
"""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from armscheck.pyyaml import NON_PRINTABLE, Deferred


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


def test_first_import_defers_only_the_readers_pattern() -> None:
    code = """
import re
compile = re.compile
import armscheck.pyyaml, yaml, yaml.reader
from armscheck.pyyaml import NON_PRINTABLE, Deferred
assert re.compile is compile
pattern = yaml.reader.Reader.NON_PRINTABLE
assert type(pattern) is Deferred and pattern.pattern == NON_PRINTABLE
assert all(type(r) is re.Pattern for rs in yaml.resolver.Resolver.yaml_implicit_resolvers.values()
           for _, r in rs)
assert yaml.safe_load("a: [1, b]") == {"a": [1, "b"]}
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
