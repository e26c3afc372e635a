"""Names folded for matching: the quick way for plain words gives what the steps give."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from armscheck.transfer.values import fold


def _fold_by_steps(name: str) -> str:
    if not name.isascii():
        name = "".join(
            ch
            for ch in unicodedata.normalize("NFKD", name)
            if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
        )
    text = re.sub(r"[^\w]+", " ", name.casefold().replace("&", " and "))
    return " ".join(text.split())


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aZ09 _&-.\t\néİß", max_size=16))
def test_a_name_folds_as_its_steps_give(name: str) -> None:
    assert fold.__wrapped__(name) == _fold_by_steps(name)


def test_plain_names_fold_to_lower_case() -> None:
    for name in ("IQ", "IRQ", "Iraq", "United Arab Emirates", "Congo 2", " Iraq", "Iraq  2", "a_b"):
        assert fold.__wrapped__(name) == _fold_by_steps(name)
