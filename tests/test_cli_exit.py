"""A finished command ends its process at once (``armscheck.cli.run``): no output is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NORMAL_EXIT = "import sys; from armscheck.cli import main; sys.exit(main())"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "100"}


def _run(prefix: list[str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, *prefix, *args], capture_output=True, cwd=ROOT, env=_env(), check=False
    )


def test_quick_exit_writes_what_a_normal_exit_writes() -> None:
    seeds = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "scenarios" / "seeds").glob("*.yaml"))
    for args in (
        ["batch", "-j", "1", "--format", "jsonl", "--quiet", "scenarios"],
        ["check", "--format", "json", *seeds],
        ["check", "--format", "human", *seeds],
    ):
        quick = _run(["-m", "armscheck"], *args)
        normal = _run(["-c", NORMAL_EXIT], *args)
        assert quick.returncode == normal.returncode, args
        assert quick.stdout == normal.stdout, args
        assert len(quick.stdout) > 10_000, args


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "armscheck",
            "batch",
            "-j",
            "1",
            "--format",
            "jsonl",
            "--quiet",
            "scenarios",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert b"Traceback" not in err
