"""What a run adds around each check: decisions, the run record, records on disk.

A :class:`Session` is built once per run (and once per batch worker) from plain
settings, so that it can be handed to worker processes.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import field, record
from ..rulebook.book import Rulebook
from ..transfer.model import Transfer
from ..verdict import Verdict
from .locate import find_decisions
from .record import with_run, write_record

if TYPE_CHECKING:
    from .model import Decisions


@record(frozen=True)
class Settings:
    """A run's options: ``--decisions``, ``--record`` and the shared ``run`` object."""

    decisions: str | None = None  # a file given on the command line
    look_for_decisions: bool = True  # else only the file given is read
    record: str | None = None  # the folder records are written to
    run: dict[str, Any] | None = None
    today: dt.date | None = None


@record
class Session:
    """Applies a run's settings to each verdict."""

    book: Rulebook
    settings: Settings = Settings()
    _read: dict[Path, Decisions] = field(default_factory=dict)
    _found: dict[str | None, Path | None] = field(default_factory=dict)  # by the transfer's folder

    def decisions_for(self, transfer_file: str) -> Decisions | None:
        """The decisions that apply to the transfer at ``transfer_file``, read once per file."""
        given = self.settings.decisions
        if given is None and not self.settings.look_for_decisions:
            return None
        folder = None if transfer_file in ("-", "<stdin>") else os.path.dirname(transfer_file)
        if folder in self._found:  # one look per folder in a run, not two per file
            path = self._found[folder]
        else:
            path = self._found[folder] = find_decisions(transfer_file, given)
        if path is None:
            return None
        key = path.resolve()
        if key not in self._read:
            from .reader import load_decisions  # only when a decisions file is found

            rules = {r.id: r.outcome for r in self.book.rules}
            self._read[key] = load_decisions(path, self.book.reference, rules)
        return self._read[key]

    @property
    def today(self) -> dt.date | None:
        """The day waivers expire against: given, else the run's timestamp (else today)."""
        if self.settings.today is not None:
            return self.settings.today
        stamp = str((self.settings.run or {}).get("timestamp") or "")
        return dt.date.fromisoformat(stamp[:10]) if stamp else None

    @property
    def wants_input(self) -> bool:
        """Whether the input's bytes are needed (to write a record)."""
        return self.settings.record is not None

    def needs_transfer(self, file: str) -> bool:
        """Whether checking ``file`` needs its transfer and bytes (decisions or a record)."""
        return self.wants_input or self.decisions_for(file) is not None

    def with_run(self, verdict: Verdict) -> Verdict:
        """:meth:`finish` of a verdict whose file :meth:`needs_transfer` said no to.

        No decisions apply to that file and no record is written: the run is attached (when
        there is one), and the decisions file is not looked for again.
        """
        run = self.settings.run
        return verdict if run is None else with_run(verdict, run)

    def finish(
        self, transfer: Transfer | None, verdict: Verdict, data: bytes | None = None
    ) -> Verdict:
        """``verdict`` with decisions applied and ``run`` attached; recorded when asked.

        ``transfer`` may be ``None`` only when :meth:`needs_transfer` said so.
        """
        found = self.decisions_for(verdict.file if transfer is None else transfer.file)
        if found is not None:
            if transfer is None:
                raise ValueError("decisions apply to this file: pass its transfer")
            from .apply import apply_decisions

            verdict = apply_decisions(verdict, transfer, found, today=self.today)
        if self.settings.run is not None:
            verdict = with_run(verdict, self.settings.run)
        if self.settings.record is not None and data is not None:
            write_record(
                self.settings.record,
                verdict.file,
                data,
                verdict,
                found.text if found is not None else None,
            )
        return verdict
