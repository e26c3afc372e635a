"""``no_collection``: no collection inside, the collector left as it was found."""

from __future__ import annotations

import gc

import pytest

from armscheck.garbage import no_collection


def test_the_collector_is_paused_inside_and_left_as_found() -> None:
    assert gc.isenabled()
    with no_collection():
        assert not gc.isenabled()
        with no_collection():  # nested: the inner one leaves it paused
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with no_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()  # paused before: still paused
    finally:
        gc.enable()


def test_an_error_inside_still_resumes_the_collector() -> None:
    with pytest.raises(KeyError), no_collection():
        raise KeyError("x")
    assert gc.isenabled()
    pause = no_collection()
    with pause:
        assert not gc.isenabled()
    with pause:  # one object used again
        assert not gc.isenabled()
    assert gc.isenabled()
