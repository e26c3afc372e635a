"""Safe, streaming reading of official XML files.

XML is parsed with defusedxml with document types forbidden: no official list
declares one, so a ``<!DOCTYPE>`` can only be an attempt at entity expansion
("billion laughs") or at reading other files (external entities), and is
refused before anything is expanded. Records are yielded one at a time and
cleared after use, with namespaces dropped from tag names.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as safe_et

from ..errors import ListError


def local(tag: str) -> str:
    """A tag name without its ``{namespace}``."""
    return tag.rsplit("}", 1)[-1]


def _line_of(data: bytes, needle: bytes) -> int | None:
    at = data.find(needle)
    return data.count(b"\n", 0, at) + 1 if at >= 0 else None


def records(
    data: bytes, file: str, root_name: str, record_names: frozenset[str]
) -> Iterator[tuple[Element, Element]]:
    """Yield ``(root, record)`` for each element named in ``record_names``.

    Raises :class:`ListError` for a DTD, an entity, an external reference, XML
    that is not well formed or ends early, and a root element other than
    ``root_name``. A record is cleared once the caller moves on.
    """
    root: Element | None = None
    try:
        for event, elem in safe_et.iterparse(
            io.BytesIO(data), events=("start", "end"), forbid_dtd=True
        ):
            if event == "start":
                if root is None:
                    root = elem
                    if local(elem.tag) != root_name:
                        raise ListError(
                            f"the root element is <{local(elem.tag)}>, not <{root_name}>",
                            file=file,
                            line=1,
                            hint="this is not the list it looks like; check the file",
                        )
                continue
            elem.tag = local(elem.tag)
            if elem.tag in record_names:
                yield root, elem  # type: ignore[misc]
                elem.clear()
    except defusedxml.DTDForbidden:
        raise ListError(
            "the file declares a document type (<!DOCTYPE>); official lists never do",
            file=file,
            line=_line_of(data, b"<!DOCTYPE"),
            hint="refused so that no entity can expand or reach outside the file; "
            "download the list again from its official address",
        ) from None
    except defusedxml.EntitiesForbidden:
        raise ListError(
            "the file declares an XML entity; official lists never do",
            file=file,
            line=_line_of(data, b"<!ENTITY"),
            hint="refused so that no entity can expand; download the list again",
        ) from None
    except defusedxml.ExternalReferenceForbidden:
        raise ListError(
            "the file refers to an external resource",
            file=file,
            hint="refused so that nothing outside the file is read; download the list again",
        ) from None
    except ParseError as exc:
        line, column = getattr(exc, "position", (None, None))
        message = re.sub(r":\s*line \d+, column \d+$", "", str(exc))
        if message.startswith("no element found") or message.startswith("unclosed token"):
            raise ListError(
                "the XML ends before its last element is closed (a truncated file?)",
                file=file,
                line=line,
                hint="download the list again; the copy is incomplete",
            ) from None
        raise ListError(
            f"not well-formed XML: {message}",
            file=file,
            line=line,
            column=(column + 1) if column is not None else None,
            hint="download the list again from its official address",
        ) from None
    if root is None:
        raise ListError("the file holds no XML element", file=file, hint="check the file")


def text(elem: Element | None, *path: str) -> str:
    """The stripped text at ``path`` below ``elem`` ('' when absent)."""
    for name in path:
        if elem is None:
            return ""
        elem = elem.find(name)
    return " ".join((elem.text or "").split()) if elem is not None else ""


def texts(elem: Element, path: str) -> list[str]:
    """The non-empty stripped texts of every element at ``path`` below ``elem``."""
    out = [" ".join((e.text or "").split()) for e in elem.findall(path)]
    return [t for t in out if t]
