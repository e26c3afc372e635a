"""Importing the official lists: formats, provenance, re-import, hostile files."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from armscheck.errors import ListError
from armscheck.official import store
from armscheck.official.loaded import held, loaded, using
from armscheck.official.model import country_codes
from armscheck.rulebook.reference import Reference

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "official"
ALL = ["un-consolidated.xml", "sdn.xml", "csl.json"]


@pytest.fixture
def codes(reference: Reference):  # type: ignore[no-untyped-def]
    return country_codes(reference)


def _import(name: str, folder: Path, codes) -> store.Imported:  # type: ignore[no-untyped-def]
    return store.import_file(FIXTURES / name, codes, folder)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


def test_un_list_imports_with_provenance(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    done = _import("un-consolidated.xml", tmp_path, codes)
    assert done.status == "imported"
    meta = done.stored
    assert (meta.format, meta.generated, meta.count) == ("un-xml", "2026-11-27", 7)
    assert meta.lists == {"un-sc": 7}
    assert len(meta.sha256) == 64 and meta.imported_at.endswith("+00:00")
    entries, _ = store.load(tmp_path)
    komid = next(e for e in entries if e.ref == "KPe.001")
    assert komid.kind == "entity" and komid.countries == ("KP",)
    assert komid.listed_from == dt.date(2009, 4, 24)
    assert "KOMID" in komid.names and "조선광업개발무역회사" in komid.names
    assert komid.extra["regime"] == "KP" and komid.programs == ("DPRK",)
    zawahiri = next(e for e in entries if e.ref == "QDi.006")
    assert zawahiri.names[0] == "AIMAN MUHAMMED RABI AL-ZAWAHIRI"
    assert "Ahmed Fuad Salim" in zawahiri.names  # "; "-separated aliases are split
    assert "Abu Mohammed" not in zawahiri.names  # low-quality aliases are not matched on
    assert zawahiri.extra["weak_aliases"] == "Abu Mohammed"
    assert zawahiri.countries == ("EG",)


def test_sdn_xml_imports_in_its_namespace(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    meta = _import("sdn.xml", tmp_path, codes).stored
    assert (meta.format, meta.generated, meta.count, meta.lists) == (
        "sdn-xml",
        "2026-11-27",
        6,
        {"us-sdn": 6},
    )
    entries, _ = store.load(tmp_path)
    edd = next(e for e in entries if e.ref == "24827")
    assert edd.programs == ("CAATSA - RUSSIA",) and "EDD" in edd.names
    assert edd.countries == ("CN",)
    li = next(e for e in entries if e.ref == "24828")
    assert li.kind == "individual" and li.names == ("Shangfu LI",)
    assert next(e for e in entries if e.ref == "31122").kind == "vessel"


@pytest.mark.parametrize("name", ["csl.json", "csl.csv"])
def test_csl_maps_each_source_to_a_list(tmp_path: Path, codes, name: str) -> None:  # type: ignore[no-untyped-def]
    meta = _import(name, tmp_path, codes).stored
    assert meta.lists == {
        "us-dpl": 2,
        "us-dtc": 1,
        "us-el": 2,
        "us-isn": 1,
        "us-meu": 1,
        "us-sdn": 1,
        "us-uvl": 1,
    }
    entries, _ = store.load(tmp_path)
    kvs = next(e for e in entries if e.names[0] == "KAZAN HELICOPTER SERVICE JSC")
    assert kvs.list_id == "us-el" and kvs.countries == ("RU",)
    assert kvs.extra["license_policy"].startswith("Policy of denial")
    assert kvs.extra["license_requirement"].startswith("For all items subject to the EAR")
    assert kvs.extra["federal_register_notice"] == "87 FR 22130"
    assert kvs.names[1:] == ("KVS", "Kazanskiy Vertolyotny Servis")
    dpl = next(e for e in entries if e.names[0] == "AERO PARTS EXPRESS LLC")
    # a denial order's end date is its last day: the entry runs until the day after
    assert (dpl.listed_from, dpl.listed_to) == (dt.date(2024, 3, 1), dt.date(2027, 3, 2))
    sdn = next(e for e in entries if e.list_id == "us-sdn")
    assert sdn.ref == "24827"  # the OFAC uid, as in sdn.xml


def test_csl_json_takes_its_date_from_sources_used(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    assert _import("csl.json", tmp_path, codes).stored.generated == "2026-11-26"
    shutil.rmtree(tmp_path)
    assert _import("csl.csv", tmp_path, codes).stored.generated is None


def test_reimport_changes_nothing(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    for name in ALL:
        _import(name, tmp_path, codes)
    before = _snapshot(tmp_path)
    for name in ALL:
        assert _import(name, tmp_path, codes).status == "unchanged"
    assert _snapshot(tmp_path) == before


def test_newer_file_owns_a_list_both_carry(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    _import("sdn.xml", tmp_path, codes)  # 2026-11-27, six SDN entries
    _import("csl.json", tmp_path, codes)  # 2026-11-26, one SDN entry
    entries, _ = store.load(tmp_path)
    sdn = [e for e in entries if e.list_id == "us-sdn"]
    assert len(sdn) == 6 and {e.source for e in sdn} == {"OFAC SDN List"}
    assert len([e for e in entries if e.list_id == "us-el"]) == 2  # the CSL's other lists stay
    newer = (
        (FIXTURES / "csl.json").read_text(encoding="utf-8").replace("2026-11-26T", "2026-11-28T")
    )
    (tmp_path / "newer.json").write_text(newer, encoding="utf-8")
    store.import_file(tmp_path / "newer.json", codes, tmp_path)
    entries, _ = store.load(tmp_path)
    sdn = [e for e in entries if e.list_id == "us-sdn"]
    assert [e.ref for e in sdn] == ["24827"] and sdn[0].source.startswith("Consolidated")


def test_loaded_is_shared_until_a_file_changes(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    first = loaded(tmp_path)
    assert first.entries == [] and "Entity List (BIS)" in first.missing()
    assert loaded(tmp_path) is first
    _import("csl.json", tmp_path, codes)
    second = loaded(tmp_path)
    assert second is not first and not {"Entity List (BIS)"} & set(second.missing())
    assert [h.entry.ref for h in second.index().screen("Kazanskiy Vertolyotny Servis")] == [
        "a4c6f2e3b0d24b0f1c3d1e2f3a4b5c6d7e8f9a01"
    ]


def test_held_lists_stay_the_default_until_released(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    with using(tmp_path), held() as lists:
        assert loaded() is lists and lists.folder == tmp_path
        _import("csl.json", tmp_path, codes)
        assert loaded() is lists  # one set of lists for every check made meanwhile
        assert loaded(tmp_path / "other").folder == tmp_path / "other"
        with using(tmp_path / "other"):
            assert loaded().folder == tmp_path / "other"
        assert loaded() is lists
    with using(tmp_path):
        assert loaded() is not lists and not {"Entity List (BIS)"} & set(loaded().missing())


def test_stored_file_is_plain_json(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    _import("un-consolidated.xml", tmp_path, codes)
    doc = json.loads((tmp_path / "un-sc.json").read_text(encoding="utf-8"))
    assert doc["schema"] == 1 and doc["meta"]["count"] == len(doc["entries"]) == 7


# ---------------------------------------------------------------- hostile and broken files

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<CONSOLIDATED_LIST dateGenerated="2026-11-27T00:00:00Z"><INDIVIDUALS><INDIVIDUAL>
<DATAID>1</DATAID><FIRST_NAME>&lol9;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE sdnList [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<sdnList><sdnEntry><uid>1</uid><lastName>&xxe;</lastName></sdnEntry></sdnList>
"""
TRUNCATED = (FIXTURES / "un-consolidated.xml").read_bytes()[:2000]
WRONG_ROOT = b'<?xml version="1.0"?>\n<export xmlns="http://eu.europa.ec/fpi/fsd/export"/>\n'
BAD_CSV = b"id,full_name,list\n1,ACME,EL\n"
SHIFTED_CSV = (
    b"_id,source,name,programs\n"
    b"1,Entity List (EL) - Bureau of Industry and Security,ACME,EAR,EXTRA\n"
)
BINARY = b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4
BAD_JSON = b'{"results": [{"source": "SDN", "name": "X"},'
BAD_DATE = (FIXTURES / "un-consolidated.xml").read_bytes().replace(b"2009-04-24", b"24/04/2009")


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (BILLION_LAUGHS, "declares a document type", 2),
        (EXTERNAL, "declares a document type", 2),
        (TRUNCATED, "ends before its last element", 28),
        (WRONG_ROOT, "root element is <export>", 1),
        (BAD_CSV, "not a supported list", 1),
        (SHIFTED_CSV, "the row has 5 fields, the header 4", 2),
        (BINARY, "binary", None),
        (BAD_JSON, "not valid JSON", 1),
        (BAD_DATE, "'24/04/2009' is not a date", None),
        (b"", "empty", None),
    ],
    ids=[
        "billion-laughs",
        "external-entity",
        "truncated",
        "wrong-root",
        "csv-bad-columns",
        "csv-shifted-row",
        "binary",
        "bad-json",
        "bad-date",
        "empty",
    ],
)
def test_bad_file_is_one_clear_error_and_keeps_earlier_data(
    tmp_path: Path,
    codes,
    data: bytes,
    message: str,
    line: int | None,  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "data"
    for name in ALL:
        _import(name, folder, codes)
    before = _snapshot(folder)
    bad = tmp_path / "bad.file"
    bad.write_bytes(data)
    with pytest.raises(ListError) as caught:
        store.import_file(bad, codes, folder)
    err = caught.value
    assert message in err.message and err.hint
    assert err.file == str(bad) and err.line == line
    assert str(err).startswith(str(bad))
    assert _snapshot(folder) == before
    assert not list(folder.glob(".*.tmp"))


def test_csv_without_required_columns(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "list.csv"
    bad.write_bytes(b"_id,source,entity_number\n1,Entity List (EL),\n")
    with pytest.raises(ListError, match="lacks the column"):
        store.import_file(bad, codes, tmp_path / "data")


def test_oversized_file_is_refused_before_parsing(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "consolidated.xml"
    size = 200 * 1024 * 1024
    with big.open("wb") as fh:  # sparse: no disk is used for the 200 MB
        fh.write(b'<?xml version="1.0"?><CONSOLIDATED_LIST>')
        fh.truncate(size)
    assert big.stat().st_size == size
    with pytest.raises(ListError) as caught:
        store.import_file(big, codes, tmp_path / "data")
    assert "210 MB, over the 128 MiB limit" in caught.value.message
    assert not (tmp_path / "data").exists()


def test_unwritable_data_folder(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ListError, match="cannot write to the data folder"):
        _import("csl.json", blocker / "sub", codes)


def test_data_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARMSCHECK_DATA_DIR", str(tmp_path / "x"))
    assert store.data_dir() == tmp_path / "x"
    monkeypatch.delenv("ARMSCHECK_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert store.data_dir() == tmp_path / "xdg" / "armscheck"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert store.data_dir() == Path.home() / ".local" / "share" / "armscheck"


# ---------------------------------------------------------------- the on-disk index

QUERIES = [
    ("Kazanskiy Vertolyotny Servis", "RU"),
    ("Kazan Helicopter Service", None),
    ("KVS", "RU"),
    ("Korea Mining Development Trading Corp", "KP"),
    ("Equipment Development Dept", "CN"),
    ("Rosoboroneksport", "RU"),
    ("Almaz Antey", "RU"),
    ("Gulf Defense Brokers FZE", "AE"),
    ("Unrelated Trading Company", "IN"),
]


def _answers(index, day=None):  # type: ignore[no-untyped-def]
    return [
        [
            (h.entry.list_id, h.entry.ref, h.tier, h.score, h.alias)
            for h in index.screen(q, country=c, on=day)
        ]
        for q, c in QUERIES
    ]


def test_disk_index_answers_as_the_memory_index(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    from armscheck.official import lookup
    from armscheck.screening import Index

    for name in ALL:
        _import(name, tmp_path, codes)
    assert lookup.build(tmp_path) == tmp_path / "index.sqlite"
    opened = lookup.open_index(tmp_path)
    assert opened is not None
    disk, counts, stored = opened
    memory = Index(store.load(tmp_path)[0])
    assert _answers(disk) == _answers(memory)
    assert _answers(disk, dt.date(2010, 1, 1)) == _answers(memory, dt.date(2010, 1, 1))
    assert any(_answers(disk)) and counts["un-sc"] == 7 and len(stored) == 3


def test_disk_index_is_rebuilt_when_a_list_changes(tmp_path: Path, codes) -> None:  # type: ignore[no-untyped-def]
    from armscheck.official import lookup

    _import("un-consolidated.xml", tmp_path, codes)
    first = lookup.open_index(tmp_path)  # built on first use
    assert first is not None and set(first[1]) == {"un-sc"}
    _import("csl.json", tmp_path, codes)
    second = lookup.open_index(tmp_path)
    assert second is not None and "us-el" in second[1]
    (tmp_path / "index.sqlite").write_bytes(b"not a database")
    third = lookup.open_index(tmp_path)
    assert third is not None and third[1] == second[1]


def test_loaded_lists_work_without_a_writable_folder(tmp_path: Path, codes, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from armscheck.official import lookup
    from armscheck.screening.disk import DiskIndex

    _import("csl.json", tmp_path, codes)
    monkeypatch.setattr(lookup, "build", lambda folder: None)
    lists = loaded(tmp_path)
    assert not isinstance(lists.index(), DiskIndex)
    assert lists.counts()["us-el"] == 2 and [s.stem for s in lists.stored] == ["us-csl"]


def test_data_dir_follows_a_replaced_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """An os.environ put in place of the usual one is read as it is, not its old table."""
    values = {**os.environ, "ARMSCHECK_DATA_DIR": "/tmp/elsewhere-data"}
    monkeypatch.setattr(os, "environ", os._Environ(values, str, str, str, str))  # type: ignore[attr-defined]
    assert store.data_dir() == Path("/tmp/elsewhere-data")
    monkeypatch.setattr(os, "environ", {"ARMSCHECK_DATA_DIR": "/tmp/plain-dict-data"})
    assert store.data_dir() == Path("/tmp/plain-dict-data")
