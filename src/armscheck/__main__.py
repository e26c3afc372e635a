"""``python -m armscheck``."""

from __future__ import annotations

import gc

gc.disable()  # importing makes no garbage cycles: no collection need walk the new modules
from .cli import run  # noqa: E402

gc.freeze()  # and none need walk them later
gc.enable()
run()
