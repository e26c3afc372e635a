"""The library's entry points, with the compiled checker cached per process.

The transfer loaders here check a file's ``expect`` block against the verdict's vocabulary.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .checker import Checker
from .rulebook.book import load_rulebook
from .rulebook.reference import Reference
from .transfer import loader
from .transfer.model import Transfer
from .transfer.yamldoc import Doc
from .verdict import check_expect


@lru_cache(maxsize=4)
def load_checker(rules: Path | None = None) -> Checker:
    """Load, validate and compile the rulebook once per process and folder."""
    return Checker(load_rulebook(rules))


def load_transfer(path: str | Path, ref: Reference, *, name: str | None = None) -> Transfer:
    """Read and validate the transfer file at ``path`` (``-`` is standard input)."""
    return loader.load_transfer(path, ref, name=name, expect_check=check_expect)


def read_transfer(data: bytes | str, label: str, ref: Reference) -> Transfer:
    """Validate transfer YAML given as bytes or text."""
    return loader.read_transfer(data, label, ref, check_expect)


def read_doc(doc: Doc, ref: Reference) -> Transfer:
    """Validate an already parsed transfer document."""
    return loader.read_doc(doc, ref, check_expect)
