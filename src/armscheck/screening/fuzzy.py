"""Spelling similarity as rapidfuzz measures it, without loading rapidfuzz for a few names.

``fuzz.ratio`` is 100 x (1 - Indel distance / sum of the lengths), the Indel distance being
that sum less twice the longest common subsequence. A single check compares a handful of
names, for which loading rapidfuzz costs more than the comparisons: the first
:data:`PYTHON_COMPARISONS` of a process are made here, measuring the common subsequence
bit-parallel as rapidfuzz does and with the same floating-point steps, so every score is
the one rapidfuzz gives (the tests compare them). Later comparisons, and a process that
has loaded rapidfuzz anyway, use rapidfuzz.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

PYTHON_COMPARISONS = 2000  # comparisons a process makes before it loads rapidfuzz
_made = 0


def _in_python(count: int) -> bool:
    """Whether the next ``count`` comparisons are made here (and count them if so)."""
    global _made
    if _made + count > PYTHON_COMPARISONS or "rapidfuzz" in sys.modules:
        return False
    _made += count
    return True


def _masks(a: str) -> dict[str, int]:
    """For each character of ``a``, the bits of the places where it occurs."""
    masks: dict[str, int] = {}
    bit = 1
    for c in a:
        masks[c] = masks.get(c, 0) | bit
        bit <<= 1
    return masks


def _lcs(masks: dict[str, int], size: int, b: str) -> int:
    """The length of the longest common subsequence of ``b`` and a text (Hyyrö's bit-vectors).

    ``masks`` are the text's :func:`_masks`, ``size`` its length. A character of ``b`` that
    the text lacks would leave the vector as it is, and is passed over.
    """
    full = v = (1 << size) - 1
    for c in b:
        m = masks.get(c)
        if m is not None:
            u = v & m
            v = ((v + u) | (v - u)) & full
    return size - v.bit_count()


def _common(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``."""
    return _lcs(_masks(a), len(a), b)


def _similarity(a: str, b: str) -> float:
    """The normalised Indel similarity, 0..1, worked out as rapidfuzz does."""
    total = len(a) + len(b)
    return 1.0 - (total - 2 * _common(a, b)) / total if total else 1.0


def _sorted_similarity(a: str, b: str) -> float:
    """:func:`_similarity` of the two texts' words, each in sorted order."""
    return _similarity(" ".join(sorted(a.split())), " ".join(sorted(b.split())))


def ratio(a: str, b: str) -> float:
    """``rapidfuzz.fuzz.ratio(a, b)``."""
    if _in_python(1):
        return _similarity(a, b) * 100
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


def token_sort_ratio(a: str, b: str) -> float:
    """``rapidfuzz.fuzz.token_sort_ratio(a, b)``: the ratio of the sorted words."""
    if _in_python(1):
        return _sorted_similarity(a, b) * 100
    from rapidfuzz import fuzz

    return fuzz.token_sort_ratio(a, b)


def matches(text: str, pool: Sequence[str], cutoff: float) -> list[int]:
    """The positions in ``pool`` whose ratio with ``text`` is at least ``cutoff``.

    In the order of rapidfuzz's ``process.extract``: best first, then by position.
    """
    if not _in_python(len(pool)):
        from rapidfuzz import fuzz, process

        got = process.extract(text, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        return [k for _, _, k in got]
    return [k for _, k in passing(text, pool, cutoff)]


def passing(text: str, pool: Sequence[str], cutoff: float) -> list[tuple[float, int]]:
    """(ratio, position) of each string of ``pool`` that :func:`matches` finds, in its order."""
    floor = cutoff / 100
    out: list[tuple[float, int]] = []
    size = len(text)
    masks = _masks(text)  # once for the whole pool (as _similarity would make them each time)
    for k, other in enumerate(pool):
        total = size + len(other)
        if total and 2 * min(size, len(other)) < floor * total - 1:
            continue  # too different in length to reach the cutoff, whatever the letters
        similarity = 1.0 - (total - 2 * _lcs(masks, size, other)) / total if total else 1.0
        if similarity >= floor:
            out.append((similarity * 100, k))
    return sorted(out, key=lambda sk: (-sk[0], sk[1]))
