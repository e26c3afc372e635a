"""Reading a YAML file's bytes and decoding them to text, refusing what is not UTF-8.

Files larger than :data:`MAX_BYTES` are refused, as are UTF-16/UTF-32 and binary
files, and text holding invisible line breaks or a byte-order mark in the middle.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import ComplianceError, InputError
from .characters import describe, invisible_break, sniff_encoding

MAX_BYTES = 1_000_000
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # (looked up once: a miss raises)


def yaml_files(folder: Path) -> list[Path]:
    """The entries of ``folder`` named ``*.yaml``, sorted: ``sorted(folder.glob("*.yaml"))``.

    Read with one ``listdir`` (no pattern compiled, no paths compared part by part); a folder
    that may not be listed has none, as for ``glob``.
    """
    try:
        names = os.listdir(folder)
    except PermissionError:
        return []
    return [folder / name for name in sorted(names) if name.endswith(".yaml")]


def read_file(path: str | os.PathLike[str], error: type[ComplianceError] = InputError) -> bytes:
    """The bytes of the regular file at ``path`` (never waits on a pipe), up to the limit."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise error(
                "not a regular file",
                file=str(path),
                hint="give the path of a YAML file (not a folder, pipe or device)",
            )
        return read_at_most(path, st.st_size)
    except OSError as exc:
        raise error(
            f"cannot read the file ({exc.strerror})", file=str(path), hint="check the path"
        ) from None


def read_at_most(path: str | os.PathLike[str], size: int) -> bytes:
    """Up to :data:`MAX_BYTES` + 1 bytes of the file at ``path`` (enough to tell it is too large).

    ``size`` is the file's size when it was looked at: reading that much first spares
    setting aside a buffer of the limit's size for every file; a file that has grown
    since is read on, up to the same limit. A first read that asked for a byte more
    than ``size`` and got exactly ``size`` bytes met the end of the file: there is no
    second read to find it.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        want = MAX_BYTES + 1
        data = os.read(fd, min(size + 1, want))
        if len(data) == size < want - 1:  # the end, met by the first read
            return data
        while len(data) < want:  # to the end, or the limit if the file has grown
            more = os.read(fd, want - len(data))
            if not more:
                break
            data += more
        return data
    finally:
        os.close(fd)


def decode(text: str | bytes, file: str, error: type[ComplianceError] = InputError) -> str:
    """``text`` as checked YAML text: UTF-8, within the limit, no invisible breaks."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise error(
                f"the file is over the {MAX_BYTES:,}-byte limit",
                file=file,
                hint="split it into smaller transfer files",
            )
        if b"\x00" in text or text.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = sniff_encoding(text)
            if encoding:
                raise error(
                    f"the file is {encoding}, not UTF-8",
                    file=file,
                    hint="save the file as UTF-8 (in most editors: Save As, encoding UTF-8)",
                )
            nul = text.index(b"\x00")
            if text.count(0) <= len(text) // 100 + 1 and _utf8(text.replace(b"\x00", b"")):
                before = text[:nul]
                line = before.count(b"\n") + 1
                col = nul - (before.rfind(b"\n") + 1) + 1
                raise error(
                    f"a NUL character (byte 0) at line {line}, column {col}",
                    file=file,
                    hint="remove it: NUL is not allowed in YAML text (the file may be damaged)",
                )
            raise error(
                "the file is binary, not YAML text", file=file, hint="give a UTF-8 YAML file"
            )
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise error(
                f"the file is not UTF-8 text (bad byte at offset {exc.start})",
                file=file,
                hint="save the file as UTF-8",
            ) from None
    if len(text) > MAX_BYTES:
        raise error(
            f"the file is over the {MAX_BYTES:,}-character limit",
            file=file,
            hint="split it into smaller transfer files",
        )
    hidden = invisible_break(text)
    if hidden:
        at_line, at_col, ch = hidden
        what = (
            "a byte-order mark in the middle of the file (files pasted together carry them)"
            if ch == "\ufeff"
            else "YAML reads it as a line break, but editors show none"
        )
        raise error(
            f"the file holds an invisible {describe(ch)}: {what}",
            file=file,
            line=at_line,
            column=at_col,
            hint="delete it (retype the text around it, or replace it with a plain line break)",
        )
    return text


def _utf8(data: bytes) -> bool:
    """Whether ``data`` decodes as UTF-8."""
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True
