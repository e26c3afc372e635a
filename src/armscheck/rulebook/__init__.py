"""The rulebook: rule files, the reference lists they rely on, and the compiled cache."""

import os


def caching_off() -> bool:
    """Whether ``ARMSCHECK_NO_CACHE`` turns the rulebook cache off for this run."""
    return bool(os.environ.get("ARMSCHECK_NO_CACHE"))
