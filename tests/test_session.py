"""A run's decisions, run record and records, in single checks and in batches."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from armscheck import load_checker
from armscheck.batch import run_batch
from armscheck.decisions.reader import DEFAULT_NAME
from armscheck.decisions.record import read_record, run_info
from armscheck.decisions.session import Session, Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "scenarios" / "seeds"
T129 = "iraq-turkey-t129-2021.yaml"
DECISIONS = """\
decisions:
  - {ref: W-1, kind: waiver, rule: congress/third-party-3d, files: ["*t129*"], reason: r,
     approver: a, expires: 2030-01-01}
"""


def _deals(tmp_path: Path) -> Path:
    deals = tmp_path / "deals"
    deals.mkdir()
    for name in (T129, "iraq-iran-arms-2014.yaml"):
        shutil.copy(SEEDS / name, deals / name)
    (deals / DEFAULT_NAME).write_text(DECISIONS, encoding="utf-8")
    return deals


def test_decisions_beside_the_transfer_are_found(tmp_path: Path) -> None:
    deals = _deals(tmp_path)
    session = Session(load_checker().rulebook, Settings(today=dt.date(2026, 1, 1)))
    found = session.decisions_for(str(deals / T129))
    assert found is not None and found.entries[0].ref == "W-1"
    off = Session(load_checker().rulebook, Settings(look_for_decisions=False))
    assert off.decisions_for(str(deals / T129)) is None


def test_batch_applies_decisions_attaches_the_run_and_records(tmp_path: Path) -> None:
    deals = _deals(tmp_path)
    records = tmp_path / "records"
    run = run_info(load_checker().rulebook)
    settings = Settings(record=str(records), run=run, today=dt.date(2026, 1, 1))
    files = sorted(str(p) for p in deals.glob("*-20*.yaml"))
    for jobs in (1, 2):
        out = [json.loads(r.payload) for r in run_batch(files, jobs=jobs, settings=settings)]
        t129 = next(o for o in out if o["file"].endswith(T129))
        assert "error" not in t129, t129
        assert t129["decisions"]["applied"][0]["ref"] == "W-1"
        assert t129["run"]["decisions"]["applied"] == ["W-1"]
        assert all(o["run"]["rules"] == run["rules"] for o in out)
        assert t129["families"]["congress"] == "clear"
    written = sorted(records.glob("*.json"))
    assert len(written) == 4
    record = read_record(written[0])
    assert record["decisions_text"] in (DECISIONS, None)


def test_batch_skips_decisions_files_in_folders(tmp_path: Path) -> None:
    from armscheck.batch import yaml_files

    deals = _deals(tmp_path)
    found = [Path(f).name for f in yaml_files([deals])]
    assert DEFAULT_NAME not in found and T129 in found
    assert yaml_files([deals / DEFAULT_NAME]) == [str(deals / DEFAULT_NAME)]  # named: kept


def test_with_run_is_finish_where_no_decisions_apply(tmp_path: Path) -> None:
    deals = _deals(tmp_path)
    (deals / DEFAULT_NAME).unlink()
    checker = load_checker()
    run = run_info(checker.rulebook)
    for settings in (Settings(run=run), Settings(run=run, look_for_decisions=False), Settings()):
        session = Session(checker.rulebook, settings)
        file = str(deals / T129)
        assert not session.needs_transfer(file)
        verdict = checker.check_file(file)
        assert session.with_run(verdict) == session.finish(None, verdict)
