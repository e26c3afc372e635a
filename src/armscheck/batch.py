"""Checking many files: parallel workers, each compiling the rules once.

Results come back in the order of the input files whatever the number of
workers. A file that cannot be checked becomes an error result; it never stops
the batch.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ComplianceError
from .verdict import Verdict


@dataclass(frozen=True)
class BatchResult:
    """One file's outcome, small enough to pass between processes cheaply.

    ``payload`` is the file's JSON object (contract §2) as compact text, or
    ``{"file", "error"}`` when it could not be checked; ``reasons`` lists the
    findings as ``rule: why`` for reports that need them.
    """

    file: str
    verdict: str | None
    families: dict[str, str]
    error: str | None
    seconds: float
    payload: str
    reasons: str = ""


def result_of(file: str, verdict: Verdict | None, error: str | None, seconds: float) -> BatchResult:
    """Pack a verdict (or an error) into a :class:`BatchResult`."""
    if verdict is None:
        payload = json.dumps({"file": file, "error": error}, ensure_ascii=False)
        return BatchResult(file, None, {}, error, seconds, payload)
    return BatchResult(
        file,
        verdict.verdict,
        dict(verdict.families),
        None,
        seconds,
        json.dumps(verdict.as_dict(), ensure_ascii=False),
        "; ".join(f"{f.rule}: {f.why}" for f in verdict.findings),
    )


_STATE: dict[str, object] = {}


def _init(rules: Path | None, as_of: dt.date | None, fresh: bool = False) -> None:
    from .api import load_checker

    if fresh:  # a worker compiles its own engine rather than inherit the parent's
        load_checker.cache_clear()
    _STATE["checker"] = load_checker(rules)
    _STATE["as_of"] = as_of


def _check_one(file: str) -> BatchResult:
    from .checker import Checker

    checker = _STATE["checker"]
    assert isinstance(checker, Checker)
    as_of = _STATE["as_of"]
    start = time.perf_counter()
    try:
        verdict = checker.check_file(file, as_of if isinstance(as_of, dt.date) else None)
        return result_of(file, verdict, None, time.perf_counter() - start)
    except ComplianceError as exc:
        return result_of(file, None, str(exc), time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the batch
        message = f"{file}: internal error {exc!r} — please report it with this file"
        return result_of(file, None, message, time.perf_counter() - start)


def yaml_files(paths: Iterable[str | Path]) -> list[str]:
    """Every ``*.yaml`` / ``*.yml`` under ``paths``, sorted, each once.

    Files named directly are kept as given, whatever their ending.
    """
    out: dict[str, None] = {}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = [f for f in (*p.rglob("*.yaml"), *p.rglob("*.yml")) if f.is_file()]
            out.update((str(f), None) for f in sorted(found))
        else:
            out[str(p)] = None
    return list(out)


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_batch(
    files: list[str],
    *,
    rules: Path | None = None,
    as_of: dt.date | None = None,
    jobs: int = 1,
    on_result: Callable[[BatchResult], None] | None = None,
) -> Iterator[BatchResult]:
    """Check ``files``; yield results in input order."""
    jobs = max(1, min(jobs, len(files) or 1))
    if jobs == 1:
        _init(rules, as_of)
        for f in files:
            res = _check_one(f)
            if on_result:
                on_result(res)
            yield res
        return
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    chunk = max(1, min(64, len(files) // (jobs * 8) or 1))
    with ctx.Pool(jobs, initializer=_init, initargs=(rules, as_of, True)) as pool:
        for res in pool.imap(_check_one, files, chunksize=chunk):
            if on_result:
                on_result(res)
            yield res
