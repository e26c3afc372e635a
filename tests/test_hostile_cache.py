"""The rulebook cache: plain data, keyed by content, checked by a digest, rebuilt on any doubt."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from armscheck.rulebook import cache, fingerprint
from armscheck.rulebook.book import default_rules_dir, load_rulebook

ROOT = Path(__file__).resolve().parents[1]
IRAN = str(ROOT / "scenarios" / "seeds" / "iraq-iran-arms-2014.yaml")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.delenv("ARMSCHECK_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))

    def too_slow(*_: object) -> None:
        raise TimeoutError("the cache blocked")

    old = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(60)
    yield tmp_path / "xdg" / "armscheck"
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _cached_file() -> Path:
    key = cache.key(default_rules_dir())
    assert key is not None
    return cache._path(key)


def _verdict() -> str:
    from armscheck.checker import Checker

    return Checker(load_rulebook()).check_file(IRAN).verdict


def test_the_cache_is_json_with_a_digest(own_cache: Path) -> None:
    book = load_rulebook()
    path = _cached_file()
    head, _, payload = path.read_bytes().partition(b"\n")
    meta = json.loads(head)
    assert meta["format"] == cache.FORMAT and meta["key"] in path.name
    rulebook, _, rest = payload.partition(b"\n")
    json.loads(rulebook)  # plain data, nothing to execute
    for name, size in meta["parts"]:  # then each screening index, as plain marshal data
        assert name.startswith("screening:")
        assert type(marshal.loads(rest[:size])) is dict
        rest = rest[size:]
    assert not rest
    again = load_rulebook()
    assert again.rules == book.rules
    assert again.reference.countries == book.reference.countries
    assert {n: r.data for n, r in again.reference.lists.items()} == {
        n: r.data for n, r in book.reference.lists.items()
    }


def _hazards() -> dict[str, object]:
    def random_bytes(p: Path) -> None:
        p.write_bytes(os.urandom(4096))

    def truncated(p: Path) -> None:
        p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])

    def one_byte_edit(p: Path) -> None:  # Iran's code IR becomes IX; the digest no longer fits
        data = p.read_bytes()
        assert b'"IR"' in data
        p.write_bytes(data.replace(b'"IR"', b'"IX"'))

    def fifo(p: Path) -> None:
        p.unlink()
        os.mkfifo(p)

    def folder(p: Path) -> None:
        p.unlink()
        p.mkdir()

    def symlink(p: Path) -> None:
        target = p.with_suffix(".elsewhere")
        p.rename(target)
        p.symlink_to(target)

    def empty(p: Path) -> None:
        p.write_bytes(b"")

    def foreign_class(p: Path) -> None:
        payload = json.dumps(["C", "Popen", "args", "touch pwned"]).encode()
        head, _, _ = p.read_bytes().partition(b"\n")
        meta = json.loads(head)
        meta["crc32"] = fingerprint.check_digest(payload)
        meta["parts"] = []
        p.write_bytes(json.dumps(meta).encode() + b"\n" + payload)

    def doubtful_index(p: Path) -> None:  # a well-formed file whose index parts are not ours
        head, _, payload = p.read_bytes().partition(b"\n")
        meta = json.loads(head)
        bad = marshal.dumps({"entries": [{"ref": "x"}]})
        meta["parts"] = [[name, len(bad)] for name, _ in meta["parts"]]
        payload = payload.partition(b"\n")[0] + b"\n" + bad * len(meta["parts"])
        meta["crc32"] = fingerprint.check_digest(payload)
        p.write_bytes(json.dumps(meta).encode() + b"\n" + payload)

    def pickle_bomb(p: Path) -> None:
        class Boom:
            def __reduce__(self) -> tuple[object, tuple[str]]:
                return (os.system, (f"touch {p.parent / 'pwned'}",))

        p.write_bytes(pickle.dumps(Boom()))

    return {
        f.__name__: f
        for f in (
            random_bytes,
            truncated,
            one_byte_edit,
            fifo,
            folder,
            symlink,
            empty,
            foreign_class,
            doubtful_index,
            pickle_bomb,
        )
    }


HAZARDS = _hazards()


@pytest.mark.parametrize("hazard", sorted(HAZARDS))
def test_a_damaged_cache_is_never_trusted(hazard: str, own_cache: Path) -> None:
    load_rulebook()
    path = _cached_file()
    HAZARDS[hazard](path)  # type: ignore[operator]
    start = time.perf_counter()
    assert _verdict() == "prohibited"  # rebuilt from rules/, not read from the damage
    assert time.perf_counter() - start < 30
    assert not (own_cache / "pwned").exists()
    if hazard in ("fifo", "folder", "symlink"):
        assert not path.is_file() or path.is_symlink()  # left alone, never opened
    else:  # repaired: the next run reads a good cache
        head = path.read_bytes().partition(b"\n")[0]
        assert json.loads(head)["format"] == cache.FORMAT
        assert _verdict() == "prohibited"


def test_the_key_follows_content_not_size_or_time(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    target = rules / "lists" / "countries.yaml"
    before = cache.key(rules)
    st = target.stat()
    text = target.read_bytes()
    assert b"code: IR" in text
    target.write_bytes(text.replace(b"code: IR", b"code: IX", 1))  # same size
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # same time
    assert cache.key(rules) != before


def test_a_fifo_among_the_rules_turns_caching_off(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    os.mkfifo(rules / "lists" / "zz.yaml")
    assert cache.key(rules) is None  # returned at once, without opening the pipe


def test_a_fifo_rule_file_is_a_located_error(tmp_path: Path) -> None:
    from armscheck.errors import RuleError

    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    os.mkfifo(rules / "lists" / "zz.yaml")
    with pytest.raises(RuleError, match="not a regular file"):
        load_rulebook(rules)


def test_a_cache_that_cannot_be_written_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert _verdict() == "prohibited"


def _settle_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the stat record be written for files changed a moment ago."""
    from armscheck.rulebook import fingerprint

    monkeypatch.setattr(fingerprint, "SETTLED_NS", 0)


def test_the_stat_record_saves_reading_but_not_an_edit(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from armscheck.rulebook import fingerprint

    _settle_now(monkeypatch)
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    time.sleep(0.05)
    before = cache.fingerprint(rules)
    assert before is not None and list(own_cache.glob("stat-*.json"))
    reads: list[object] = []
    real = fingerprint.compute
    monkeypatch.setattr(fingerprint, "compute", lambda *a: reads.append(a) or real(*a))
    assert cache.fingerprint(rules) == before and not reads  # from the record
    target = rules / "lists" / "countries.yaml"
    st = target.stat()
    text = target.read_bytes()
    time.sleep(0.05)
    target.write_bytes(text.replace(b"code: IR", b"code: IX", 1))  # same size
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # same time
    after = cache.fingerprint(rules)
    assert reads and after is not None and after[0] != before[0] and after[1] != before[1]


def test_the_rules_digest_is_the_one_of_the_files(own_cache: Path) -> None:
    from armscheck.decisions.record import rules_hash

    found = cache.fingerprint(default_rules_dir())
    assert found is not None and found[1] == rules_hash(default_rules_dir())
    assert load_rulebook().files_digest() == found[1]


@pytest.mark.parametrize("damage", ["random", "edited", "other-files", "fifo"])
def test_a_damaged_stat_record_is_never_trusted(
    damage: str, tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _settle_now(monkeypatch)
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    time.sleep(0.05)
    good = cache.fingerprint(rules)
    (record,) = own_cache.glob("stat-*.json")
    head, _, body = record.read_bytes().partition(b"\n")
    doc = json.loads(body)
    if damage == "random":
        record.write_bytes(os.urandom(2048))
    elif damage == "edited":  # another key, the digest left as it was
        record.write_bytes(head + b"\n" + body.replace(good[0].encode(), b"0" * 64))  # type: ignore[index]
    elif damage == "other-files":  # a consistent record of other files, with another key
        doc["files"] = doc["files"][1:]
        doc["key"] = "0" * 64
        body = json.dumps(doc).encode()
        meta = {
            "format": json.loads(head)["format"],
            "crc32": fingerprint.check_digest(body),
        }
        record.write_bytes(json.dumps(meta).encode() + b"\n" + body)
    else:
        record.unlink()
        os.mkfifo(record)
    assert cache.fingerprint(rules) == good


def test_the_cached_screening_indexes_are_the_built_ones(own_cache: Path) -> None:
    from armscheck.screening import curated, saved

    load_rulebook()
    cached = load_rulebook().reference  # indexes from the cache
    families = load_rulebook().families
    built = load_rulebook(families=families).reference  # no cache
    every = curated.every_index(built)
    for family in families:
        every.update(family.indexes(built))
    assert "screening:un-listed-entities" in every  # the bundled UN entities' index
    for name, get in every.items():
        fresh = get()
        assert name in cached._memo_kept, name
        kept = cached.memo(name, lambda: None)  # read from the cache, when first asked for
        assert _content(kept) == _content(fresh), name
        again = saved.thawed(marshal.loads(marshal.dumps(saved.frozen(fresh))))
        assert _content(again) == _content(fresh), name
    assert _verdict() == "prohibited"


def _content(index: Any) -> tuple[Any, ...]:
    """Everything an index screens with: its entries, aliases and keys, in order."""
    aliases = range(len(index.owner))
    return (
        [index.entry(e) for e in range(len(index))],
        [index.alias(a) for a in aliases],
        index.flats(aliases),
        {key: list(ids) for key, ids in index.buckets(list(index.keys)).items()},
    )


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {"entries": [], "owner": (0,), "texts": ("a",), "norms": (), "keys": {}},
        {"entries": [], "owner": (), "texts": (), "norms": (), "keys": {"=a": (3,)}},
        {"entries": [], "owner": (), "texts": (), "norms": (), "keys": {"=a": [0]}},
        {"entries": [{"ref": "x"}], "owner": (), "texts": (), "norms": (), "keys": {}},
        {"entries": [], "owner": (), "texts": (), "norms": (("x",) * 9,), "keys": {}},
        {"entries": [], "owner": [], "texts": [], "norms": [], "keys": {}},
    ],
)
def test_a_doubtful_index_state_is_refused(bad: dict[str, object]) -> None:
    from armscheck.screening import saved

    with pytest.raises(ValueError):
        saved.thawed(bad)


def _ids(*numbers: int) -> bytes:
    return array("I", numbers).tobytes()


_EMPTY_INDEX = {
    "byteorder": sys.byteorder,
    "entries": ((),) * 10,
    "owner": (),
    "texts": (),
    "norms": ((), ((), b""), ((), b""), (), (b"", b""), ((), b""), ((), b""), (), ()),
    "keys": (),
    "ends": b"",
    "ids": b"",
}


@pytest.mark.parametrize(
    "table",
    [
        {"keys": ("=a",), "ends": _ids(1), "ids": _ids(0)},  # no alias 0
        {"keys": ("=a",), "ends": _ids(1), "ids": b""},  # ends after the ids
        {"keys": ("=a",), "ends": _ids(0), "ids": _ids(0)},  # an id after the last end
        {"keys": ("=a", "=b"), "ends": _ids(0), "ids": b""},  # an end missing
        {"keys": (1,), "ends": _ids(0), "ids": b""},
        {"keys": ["=a"], "ends": _ids(0), "ids": b""},
        {"keys": ("=a",), "ends": (0,), "ids": b""},
        {"keys": ("=a",), "ends": _ids(0), "ids": b"\0"},
    ],
)
def test_a_doubtful_key_table_is_refused(table: dict[str, object]) -> None:
    from armscheck.screening import saved

    assert len(saved.thawed(_EMPTY_INDEX)) == 0  # the table alone is at fault
    with pytest.raises(ValueError):
        saved.thawed({**_EMPTY_INDEX, **table})


_ONE_ALIAS = {
    **_EMPTY_INDEX,
    "entries": (
        ("l",),
        ("r",),
        (("A b",),),
        ("org",),
        ((),),
        (None,),
        (None,),
        ((),),
        ("s",),
        ({},),
    ),
    "owner": (0,),
    "texts": ("A b",),
    "norms": (
        ("A b",),
        (("a", "b"), _ids(2)),
        (("a", "b"), _ids(2)),
        ("ab",),
        (b"\1\0", _ids(2)),
        ((), _ids(0)),
        (("Latin",), _ids(1)),
        ("",),
        ("",),
    ),
}


def test_a_cached_alias_is_made_from_its_columns() -> None:
    from armscheck.screening import saved
    from armscheck.screening.model import Normalised

    index = saved.thawed(_ONE_ALIAS)
    made = Normalised("A b", ("a", "b"), ("a", "b"), "ab", (True, False), (), ("Latin",), "", "")
    assert index.alias(0) == (0, "A b", made)
    assert index.alias(0)[2].upper == (True, False)  # flags, not numbers
    assert all(type(u) is bool for u in index.alias(0)[2].upper)


def _norm_column(at: int, column: object) -> dict[str, object]:
    norms = list(_ONE_ALIAS["norms"])  # type: ignore[call-overload]
    norms[at] = column
    return {**_ONE_ALIAS, "norms": tuple(norms)}


@pytest.mark.parametrize(
    "bad",
    [
        {**_ONE_ALIAS, "norms": _ONE_ALIAS["norms"][:8]},  # type: ignore[index]
        {**_ONE_ALIAS, "norms": list(_ONE_ALIAS["norms"])},  # type: ignore[call-overload]
        _norm_column(0, ("A b", "c")),  # columns of different lengths
        _norm_column(0, (1,)),
        _norm_column(1, (("a", 2), _ids(2))),
        _norm_column(1, (["a", "b"], _ids(2))),
        _norm_column(1, (("a", "b"), _ids(3))),  # the last end is not the values' end
        _norm_column(1, (("a", "b"), _ids(1, 2))),  # an end too many
        _norm_column(1, (("a", "b"), b"\2")),
        _norm_column(1, (("a", "b"),)),
        _norm_column(4, (b"\2\0", _ids(2))),  # a flag neither 0 nor 1
        _norm_column(4, ((True, False), _ids(2))),
        _norm_column(5, ((), (0,))),
    ],
)
def test_a_doubtful_normalised_name_column_is_refused(bad: dict[str, object]) -> None:
    from armscheck.screening import saved

    assert len(saved.thawed(_ONE_ALIAS)) == 1  # the column alone is at fault
    with pytest.raises(ValueError):
        saved.thawed(bad)


def test_a_copy_of_the_rules_elsewhere_is_not_read_from_the_first_copys_cache(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a" / "rules", tmp_path / "b" / "rules"
    shutil.copytree(default_rules_dir(), first)
    shutil.copytree(default_rules_dir(), second)
    load_rulebook(first)  # cached
    load_rulebook(first)  # read from the cache
    files = {r.file for r in load_rulebook(second).rules}
    assert files and all(f.startswith(str(second)) for f in files)


def test_a_check_that_reads_its_cache_loads_no_openssl(own_cache: Path) -> None:
    """The cache's own digests need no OpenSSL (``hashlib``), which takes time to load."""
    code = (
        "import io, sys\n"
        "from armscheck.cli import main\n"
        "sys.stdout = io.StringIO()\n"
        f"main(['check', '--format', 'json', {IRAN!r}])\n"
        "sys.__stdout__.write(' '.join(m for m in ('_hashlib', 'rich') if m in sys.modules))\n"
    )
    for run in ("writes the cache", "reads it"):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.returncode == 0, (run, done.stderr)
    assert done.stdout == ""
    assert list(own_cache.glob("rulebook-*.json"))


def test_a_cached_value_reads_back_as_it_was_written() -> None:
    from armscheck.rulebook.book import _CACHED

    book = load_rulebook(families=load_rulebook().families)  # built from the files
    value = (book.reference.countries, book.rules, ((), [], {1: "a"}, "x", None))
    assert cache.decode(json.loads(json.dumps(cache.encode(value))), _CACHED) == value


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"J": 1},
        ["J"],
        ["J", 1, 2],
        ["X", 1],
        ["D", "a"],
        ["d", 20210101],
        ["d", "2021-01-01", "x"],
        ["C", "Country", "code"],
        ["C", "Country", "code", "IQ", "nickname", "x"],
        ["C", "Popen", "args", "x"],
        ["T", ["C", "Country", "code", "IQ"]],  # a country needs its name
        ["L", ["T", ["?"]]],
    ],
)
def test_a_doubtful_cached_value_is_refused(data: object) -> None:
    from armscheck.rulebook.book import _CACHED

    with pytest.raises((ValueError, TypeError, cache._Doubt)):
        cache.decode(data, _CACHED)


def test_an_openssl_without_sha256_leaves_the_digest_to_hashlib(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a broken or restrictive OpenSSL configuration: hashlib then uses Python's own SHA-256
    import _hashlib
    import hashlib
    import types

    fake = types.ModuleType("_hashlib")
    fake.__dict__.update({k: v for k, v in vars(_hashlib).items() if not k.startswith("__")})

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise ValueError("[digital envelope routines] unsupported")

    rules = default_rules_dir()
    before = fingerprint.rules_hash(rules)
    fake.openssl_sha256 = refused
    monkeypatch.setitem(sys.modules, "_hashlib", fake)
    assert fingerprint._sha256(b"abc").hexdigest() == hashlib.sha256(b"abc").hexdigest()
    assert fingerprint.rules_hash(rules) == before
