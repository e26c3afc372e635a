"""Alias numbers packed in bytes are checked below a bound as one comparison each would."""

from __future__ import annotations

import random
from array import array

import pytest

from armscheck.screening.packed import IDS, below

BOUNDS = [1, 2, 255, 256, 257, 1081, 4096, 65_535, 65_536, 65_537, 100_000]


def _packed(numbers: list[int]) -> bytes:
    return array(IDS, numbers).tobytes()


@pytest.mark.parametrize("bound", [0, *BOUNDS])
def test_numbers_are_below_a_bound_as_each_compared_says(bound: int) -> None:
    rng = random.Random(bound)
    near = [max(bound + d, 0) for d in (-257, -256, -255, -2, -1, 0, 1, 255, 256, 257)]
    far = [65_535, 65_536, 65_791, 16_777_216, 2**32 - 1]
    for _ in range(300):
        numbers = rng.choices(list(range(min(bound, 300))) or [0], k=rng.randrange(0, 6))
        if rng.random() < 0.5:
            numbers.insert(rng.randrange(len(numbers) + 1), rng.choice(near + far))
        assert below(_packed(numbers), bound) == all(n < bound for n in numbers), numbers
    assert below(b"", bound)
    assert below(_packed(list(range(bound))[-1000:]), bound)


def test_each_number_is_seen_wherever_it_sits() -> None:
    for at in range(40):
        numbers = [7] * 40
        for bad in (300, 256 * 5, 65_536, 1 << 24):
            numbers[at] = bad
            assert not below(_packed(numbers), 300)
        numbers[at] = 299
        assert below(_packed(numbers), 300)
