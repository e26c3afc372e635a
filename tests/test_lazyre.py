"""Patterns compiled when first used answer as the compiled ones do."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from armscheck.families import register
from armscheck.families.caatsa import ventures
from armscheck.lazyre import Deferred, deferred
from armscheck.rulebook import rulefile
from armscheck.screening.normalise import _APOSTROPHES, _NO_APOSTROPHES, text_key
from armscheck.transfer import characters, reader, scalars, values, vocab

DEFERRED = {
    "values._CONTROL": values._CONTROL,
    "characters._HIDDEN_BREAKS": characters._HIDDEN_BREAKS,
    "scalars._FLOAT": scalars._FLOAT,
    "vocab._ECCN": vocab._ECCN,
    "vocab._SIX_HUNDRED": vocab._SIX_HUNDRED,
    "vocab._DOT_Y": vocab._DOT_Y,
    "rulefile._ID": rulefile._ID,
    "reader._WHITESPACE": reader._WHITESPACE,
    "register._MANPADS": register._MANPADS,
}
SAMPLES = st.text(
    alphabet=st.sampled_from("aZ09 -._/'`\t\n\r\x00\x1f\x7f\x85\x9f\u2028\u2029\ufeffYé")
)


def test_a_deferred_pattern_is_compiled_once_on_first_use() -> None:
    pattern = Deferred(r"[\u2028\u2029]+", re.IGNORECASE)
    assert pattern._compiled is None
    assert pattern.sub(" ", "a\u2028\u2029b") == "a b"
    assert pattern._compiled is re.compile(r"[\u2028\u2029]+", re.IGNORECASE)
    assert (pattern.pattern, pattern.flags) == (pattern._compiled.pattern, pattern._compiled.flags)
    assert type(deferred("x")) is Deferred


@given(SAMPLES)
def test_each_deferred_pattern_answers_as_compiled(text: str) -> None:
    for name, pattern in DEFERRED.items():
        assert type(pattern) is Deferred, name
        compiled = re.compile(pattern.pattern, pattern.flags)
        assert pattern.sub("~", text) == compiled.sub("~", text), name
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ], name
        a, b = pattern.match(text), compiled.match(text)
        assert (a and a.span()) == (b and b.span()), name


def test_the_joint_ventures_prefilter_is_deferred_and_finds_as_compiled() -> None:
    from armscheck.rulebook.book import load_rulebook

    _, pairs, _, every, _ = ventures._prepared(load_rulebook().reference)
    assert type(every) is Deferred
    compiled = re.compile(every.pattern)
    keys = [text_key(n) for venture, _ in pairs for n in ventures._names(venture)]
    for key in [*keys, *(f"the {k} group" for k in keys), "nothing of the kind"]:
        a, b = every.search(key), compiled.search(key)
        assert (a and a.span()) == (b and b.span())


@given(st.text())
def test_apostrophes_are_dropped_as_the_pattern_dropped_them(text: str) -> None:
    assert text.translate(_NO_APOSTROPHES) == re.sub(r"['`´‘’ʼʻʿʾ]", "", text)
    assert set(_APOSTROPHES) == set("'`´‘’ʼʻʿʾ")
