from __future__ import annotations

from pathlib import Path

import pytest

from armscheck.reference import Reference, load_reference

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference(ROOT / "rules")
