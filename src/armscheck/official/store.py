"""The per-user store of imported official lists.

One JSON file per source under the data directory (``$ARMSCHECK_DATA_DIR``,
else ``$XDG_DATA_HOME/armscheck``, else ``~/.local/share/armscheck``):
``un-sc.json``, ``us-csl.json``, ``us-sdn.json``. Each holds the provenance of
the file it came from (format, name, sha256, the file's own date, the import
time, entry counts per list) and its entries. A file is replaced atomically
(temporary file, then ``os.replace``), so a failed import leaves the earlier
data in place, and importing a file with the same hash again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import ListError
from ..records import fields, record
from ..screening import Entry
from ..screening.model import entry_dict, entry_from
from .model import CountryFn, Parsed

ENV = "ARMSCHECK_DATA_DIR"
SCHEMA = 1
MAX_BYTES = 128 * 1024 * 1024  # the largest official file is well under 60 MB
STEMS = {"un-xml": "un-sc", "csl-json": "us-csl", "csl-csv": "us-csl", "sdn-xml": "us-sdn"}


def data_dir() -> Path:
    """Where imported lists are kept (not created here).

    Asked for every check: the three variables are read from the environment's own table
    (``os.environ`` keeps it as ``_data``, by encoded name) where there is one, as a lookup
    each, where ``os.environ.get`` raises and catches two ``KeyError`` for each one unset.
    Only while ``os.environ`` is the object this module found at import: one put in its
    place (of another class, or keeping its table by text) is read as it is.
    """
    env = os.environ
    raw = getattr(env, "_data", None) if env is _ENVIRON else None
    if type(raw) is dict and _RAW_NAMES:
        return _raw_data_dir(raw.get(_RAW_NAMES[0]), raw.get(_RAW_NAMES[1]), raw.get(_RAW_NAMES[2]))
    return _data_dir(env.get(ENV), env.get("XDG_DATA_HOME"), env.get("HOME"))


def _encoded(names: tuple[str, ...]) -> tuple[Any, ...]:
    """``names`` as ``os.environ`` keeps them in its table (none if it cannot say)."""
    try:
        return tuple(os.environ.encodekey(name) for name in names)
    except Exception:  # noqa: BLE001 - no such table: data_dir reads os.environ as it is
        return ()


_ENVIRON = os.environ
_RAW_NAMES = _encoded((ENV, "XDG_DATA_HOME", "HOME")) if type(_ENVIRON) is os._Environ else ()


@functools.lru_cache(maxsize=8)
def _raw_data_dir(override: Any, xdg: Any, home: Any) -> Path:
    """:func:`_data_dir` for the environment's values as its table keeps them."""
    decode = _ENVIRON.decodevalue
    return _data_dir(*(None if v is None else decode(v) for v in (override, xdg, home)))


@functools.lru_cache(maxsize=8)
def _data_dir(override: str | None, xdg: str | None, home: str | None) -> Path:
    """The data folder for these environment values (``home`` only keys the cache)."""
    if override:
        return Path(override)
    base = xdg or str(Path.home() / ".local" / "share")
    return Path(base) / "armscheck"


@record(frozen=True)
class Stored:
    """The provenance of one stored import."""

    stem: str
    format: str
    file: str
    sha256: str
    generated: str | None  # the file's own date, ISO
    imported_at: str  # UTC, ISO seconds
    count: int
    lists: dict[str, int]


@record(frozen=True)
class Imported:
    """What importing one file did: ``imported`` or ``unchanged``."""

    status: str
    stored: Stored
    notes: tuple[str, ...] = ()


def read_limited(path: Path, file: str) -> bytes:
    """The bytes of ``path``, refusing a file over :data:`MAX_BYTES` before reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ListError(
                f"the file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MiB limit "
                "for an official list",
                file=file,
                hint="official lists are well under 60 MB; check that this is the right file",
            )
        with path.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise ListError("is a folder, not a list file", file=file, hint="name a file") from None
    except OSError as exc:
        raise ListError(
            f"cannot read the file: {exc.strerror or exc}", file=file, hint="check the path"
        ) from None


def _path(folder: Path, stem: str) -> Path:
    return folder / f"{stem}.json"


def _read(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            doc = json.load(fh)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as exc:
        raise ListError(
            f"the stored list cannot be read: {exc}",
            file=str(path),
            hint="import the list again (armscheck lists import FILE) or delete this file",
        ) from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or "meta" not in doc:
        raise ListError(
            "the stored list is not in the format this armscheck writes",
            file=str(path),
            hint="import the list again (armscheck lists import FILE)",
        )
    return doc


def _meta(doc: dict[str, Any]) -> Stored:
    m = doc["meta"]
    return Stored(**{f.name: m[f.name] for f in fields(Stored)})


def stored(folder: Path | None = None) -> list[Stored]:
    """The provenance of every stored import, by stem."""
    folder = folder or data_dir()
    out = []
    for stem in sorted(set(STEMS.values())):
        doc = _read(_path(folder, stem))
        if doc is not None:
            out.append(_meta(doc))
    return out


def write_atomic(path: Path, doc: dict[str, Any]) -> None:
    """Write ``doc`` as JSON to ``path`` through a temporary file and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ListError(
            f"cannot write to the data folder: {exc.strerror or exc}",
            file=str(path.parent),
            hint=f"make it writable, or set {ENV} to another folder",
        ) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, ensure_ascii=False, separators=(",", ":"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ListError(
            f"cannot write the list: {exc.strerror or exc}",
            file=str(path),
            hint="free some disk space; the earlier data is unchanged",
        ) from None


def import_bytes(
    data: bytes,
    file: str,
    country: CountryFn,
    folder: Path | None = None,
    generated: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Imported:
    """Import one official file's bytes; ``generated`` is used when the file has no date."""
    if len(data) > MAX_BYTES:
        raise ListError(
            f"the file is over the {MAX_BYTES // 2**20} MiB limit for an official list",
            file=file,
            hint="official lists are well under 60 MB; check that this is the right file",
        )
    folder = folder or data_dir()
    import hashlib

    from . import detect  # the list parsers, loaded only to import a file

    digest = hashlib.sha256(data).hexdigest()
    fmt = detect.detect(data, file)
    path = _path(folder, STEMS[fmt])
    old = _read(path)
    if old is not None and old["meta"]["sha256"] == digest:
        return Imported("unchanged", _meta(old))
    parsed: Parsed = detect.parse(data, file, country)
    when = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    date = parsed.generated or generated
    meta = Stored(
        stem=STEMS[fmt],
        format=parsed.format,
        file=Path(file).name if "://" not in file else file,
        sha256=digest,
        generated=date.isoformat() if date else None,
        imported_at=when.isoformat(),
        count=len(parsed.entries),
        lists=dict(sorted(Counter(e.list_id for e in parsed.entries).items())),
    )
    from dataclasses import asdict

    doc = {
        "schema": SCHEMA,
        "meta": asdict(meta),
        "notes": list(parsed.notes),
        "entries": [entry_dict(e) for e in parsed.entries],
    }
    write_atomic(path, doc)
    return Imported("imported", meta, parsed.notes)


def import_file(path: Path, country: CountryFn, folder: Path | None = None) -> Imported:
    """Import the official file at ``path`` (format detected from its content)."""
    return import_bytes(read_limited(path, str(path)), str(path), country, folder)


def load(folder: Path | None = None) -> tuple[list[Entry], list[Stored]]:
    """Every stored entry, and the provenance of each stored file.

    Where two files carry the same list (the SDN list comes both in OFAC's XML
    and in the CSL), only the newer file's entries of that list are kept, so a
    party removed from the newer file does not survive from the older one.
    """
    folder = folder or data_dir()
    docs = [d for d in (_read(_path(folder, s)) for s in sorted(set(STEMS.values()))) if d]
    owner: dict[str, tuple[str, str, str]] = {}
    for doc in docs:
        m = doc["meta"]
        stamp = (m.get("generated") or m["imported_at"][:10], m["imported_at"], m["stem"])
        for list_id in m["lists"]:
            if list_id not in owner or stamp > owner[list_id]:
                owner[list_id] = stamp
    entries: list[Entry] = []
    for doc in docs:
        m = doc["meta"]
        stamp = (m.get("generated") or m["imported_at"][:10], m["imported_at"], m["stem"])
        keep = {lid for lid in m["lists"] if owner[lid] == stamp}
        entries.extend(entry_from(raw) for raw in doc["entries"] if raw["list_id"] in keep)
    return entries, [_meta(d) for d in docs]
