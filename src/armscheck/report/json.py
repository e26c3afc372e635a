"""JSON output (contract §2): one object per transfer, an array for several."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..verdict import Verdict


def dumps(value: Any) -> str:
    """Stable, readable JSON."""
    return json.dumps(value, indent=2, ensure_ascii=False)


def render(verdicts: Sequence[Verdict], *, many: bool) -> str:
    """One object, or an array when several files were given."""
    objs = [v.as_dict() for v in verdicts]
    return dumps(objs if many else objs[0])
