"""Checking many files: parallel workers, each compiling the rules once.

Results come back in the order of the input files whatever the number of
workers. A file that cannot be checked becomes an error result; it never stops
the batch.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .compact import encode, verdict_bytes
from .errors import ComplianceError
from .records import record, replace

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from .checker import Checker
    from .decisions.session import Session, Settings
from .verdict import Verdict


@record(frozen=True)
class BatchResult:
    """One file's outcome, small enough to pass between processes cheaply.

    ``payload`` is the file's JSON object (contract §2) as compact text in UTF-8 (text
    only in the rare case of :func:`_utf8`), or ``{"file", "error"}`` when it could not
    be checked: ``json.loads`` reads it as it is, and JSON Lines are written as they
    are; ``reasons`` lists the findings as ``rule: why`` for reports that need them.
    """

    file: str
    verdict: str | None
    families: dict[str, str]
    error: str | None
    seconds: float
    payload: bytes | str  # text only where it cannot be UTF-8 (see _utf8)
    reasons: str = ""
    warmup: bool = False  # the first file of its worker: timed with the worker's warm-up

    def __init__(  # noqa: PLR0913 - the fields
        self,
        file: str,
        verdict: str | None,
        families: dict[str, str],
        error: str | None,
        seconds: float,
        payload: bytes | str,
        reasons: str = "",
        warmup: bool = False,
    ) -> None:
        # one per file: the fields written straight into the instance (it stays frozen)
        own = self.__dict__
        own["file"], own["verdict"], own["families"], own["error"] = file, verdict, families, error
        own["seconds"], own["payload"], own["reasons"], own["warmup"] = (
            seconds,
            payload,
            reasons,
            warmup,
        )


def result_of(file: str, verdict: Verdict | None, error: str | None, seconds: float) -> BatchResult:
    """Pack a verdict (or an error) into a :class:`BatchResult`."""
    if verdict is None:
        text = encode({"file": file, "error": error})
        return BatchResult(file, None, {}, error, seconds, _utf8(text, str.encode))
    return BatchResult(
        file,
        verdict.verdict,
        dict(verdict.families),
        None,
        seconds,
        _utf8(verdict, verdict_bytes),
        "; ".join(f"{f.rule}: {f.why}" for f in verdict.findings),
    )


def _utf8(value: Any, encoded: Callable[[Any], bytes]) -> bytes | str:
    """``encoded(value)``; the text itself where it holds a lone surrogate (no UTF-8 has it).

    A file name that is not UTF-8 reaches its result as such a text: it is written the way
    the output's own error handler writes it, as before results were kept as UTF-8.
    """
    try:
        return encoded(value)
    except UnicodeEncodeError:
        return encode(value.as_dict()) if isinstance(value, Verdict) else str(value)


NOT_TRANSFERS = {"armscheck-decisions.yaml", "armscheck-decisions.yml"}  # skipped in folders
_Init = tuple[Path | None, dt.date | None, bool, "Settings | None"]  # _init's arguments


@record
class _Worker:
    """What a process checking files holds between files (see :func:`_init`)."""

    checker: Checker
    as_of: dt.date | None
    session: Session | None
    warm: bool = False


_STATE: dict[str, _Worker] = {}


def _init(
    rules: Path | None, as_of: dt.date | None, fresh: bool = False, settings: Settings | None = None
) -> None:
    from .api import load_checker

    if fresh:  # a worker compiles its own engine rather than inherit the parent's
        load_checker.cache_clear()
    session = None
    if settings is not None:
        from .decisions.session import Session

        session = Session(load_checker(rules).rulebook, settings)
    _STATE["worker"] = _Worker(load_checker(rules), as_of, session)


def _check_one(file: str) -> BatchResult:
    worker = _STATE["worker"]
    checker, session = worker.checker, worker.session
    first = not worker.warm
    worker.warm = True
    start = time.perf_counter()
    try:
        if session is None:  # the commonest case
            verdict = checker.check_file(file, worker.as_of)
        elif not session.needs_transfer(file):  # no decisions, no record: the run only
            verdict = session.with_run(checker.check_file(file, worker.as_of))
        else:
            from .api import read_transfer
            from .transfer.loader import read_input

            data, label = read_input(file)
            transfer = read_transfer(data, label, checker.rulebook.reference)
            verdict = session.finish(transfer, checker.check(transfer, worker.as_of), data)
        res = result_of(file, verdict, None, time.perf_counter() - start)
        return replace(res, warmup=True) if first else res
    except ComplianceError as exc:
        return result_of(file, None, str(exc), time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the batch
        message = f"{file}: internal error {exc!r} — please report it with this file"
        return result_of(file, None, message, time.perf_counter() - start)


def yaml_files(paths: Iterable[str | Path]) -> list[str]:
    """Every ``*.yaml`` / ``*.yml`` under ``paths``, sorted, each once.

    Files named directly are kept as given, whatever their ending. Nothing is
    skipped silently: a folder that cannot be listed and a symbolic link to
    nothing are kept too, so that they become error rows (see :func:`run_batch`).
    """
    out: dict[str, None] = {}
    for raw in paths:
        top = str(raw)
        try:
            is_dir = stat.S_ISDIR(os.stat(top).st_mode)
        except (OSError, ValueError):  # missing, dangling, unsearchable: the check says why
            is_dir = False
        if not is_dir:
            out[top] = None
            continue
        out.update((f, None) for f in sorted(_walk(top)))
    return list(out)


def _walk(top: str) -> list[str]:
    """The YAML files under ``top``, plus every folder below it that cannot be listed."""
    found: list[str] = []
    for folder, subdirs, names in os.walk(top, onerror=lambda e: found.append(str(e.filename))):
        subdirs.sort()
        found.extend(
            os.path.join(folder, n)
            for n in names
            if n.endswith((".yaml", ".yml")) and n not in NOT_TRANSFERS
        )
    return found


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
    settings: Settings | None = None,
) -> Iterator[BatchResult]:
    """Check ``files``; yield results in input order.

    With ``settings``, each verdict gets its decisions applied and the run attached, and
    is recorded when the settings ask for it (see :class:`~armscheck.decisions.session.Session`).
    """
    jobs = max(1, min(jobs, len(files) or 1))
    if jobs == 1:
        _init(rules, as_of, False, settings)
        for f in files:
            res = _check_one(f)
            if on_result:
                on_result(res)
            yield res
        return
    import multiprocessing as mp  # the pool's modules, only for more than one worker

    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    for res in _pooled(files, (rules, as_of, True, settings), jobs, mp.get_context(method)):
        if on_result:
            on_result(res)
        yield res


def _pool(workers: int, init: _Init, ctx: Any) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=init)


def _pooled(files: list[str], init: _Init, jobs: int, ctx: Any) -> Iterator[BatchResult]:
    """Run ``files`` on a pool of ``jobs`` workers, in order, surviving dead workers.

    A worker that dies (a signal, ``os._exit``, the engine aborting) breaks the
    whole pool, and every file in flight fails with it. Those files are then run
    again one at a time, each in a pool of its own: the file that kills its
    worker again becomes an error row, the others get their verdicts, and the
    rest of the batch goes on in a new pool.
    """
    from concurrent.futures.process import BrokenProcessPool

    todo = iter(files)
    window = jobs * 4  # files in flight: enough to keep workers busy, few to re-run
    pending: deque[tuple[str, Future[BatchResult]]] = deque()
    pool = _pool(jobs, init, ctx)
    try:
        while True:
            while len(pending) < window and (nxt := next(todo, None)) is not None:
                pending.append((nxt, pool.submit(_check_one, nxt)))
            if not pending:
                return
            file, fut = pending.popleft()
            try:
                res = fut.result()
            except BrokenProcessPool:
                again = [file, *(f for f, _ in pending)]
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                for f in again:
                    yield _alone(f, init, ctx)
                pool = _pool(jobs, init, ctx)
                continue
            yield res
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _alone(file: str, init: _Init, ctx: Any) -> BatchResult:
    """Check ``file`` in a worker of its own; its death becomes the file's error row."""
    from concurrent.futures.process import BrokenProcessPool

    start = time.perf_counter()
    with _pool(1, init, ctx) as pool:
        try:
            return pool.submit(_check_one, file).result()
        except BrokenProcessPool:
            message = (
                f"{file}: the worker checking this file stopped abruptly (it crashed or was "
                "killed) — please report it with this file; the rest of the batch was checked"
            )
            return result_of(file, None, message, time.perf_counter() - start)
