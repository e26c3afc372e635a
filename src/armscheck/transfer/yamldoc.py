"""Safe YAML loading that remembers where every value came from.

The document is built from the parser's event stream (libyaml when available),
so hostile input is refused before it can cost memory or recursion:

* only the core YAML tags are accepted (no Python objects);
* documents larger than :data:`MAX_BYTES`, nested deeper than :data:`MAX_DEPTH`
  or expanding (through aliases) to more than :data:`MAX_NODES` values are refused;
* duplicate mapping keys are errors;
* timestamps stay strings, so the caller validates dates itself.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any, TypeVar

import yaml

from ..errors import ComplianceError, InputError
from .characters import describe, invisible_break, sniff_encoding
from .values import shorten

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_NODES = 50_000

Path = tuple[str | int, ...]
E = TypeVar("E", bound=ComplianceError)

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE = "tag:yaml.org,2002:"
_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks
_INT = re.compile(r"^[-+]?[0-9][0-9_]*$")
_FLOAT = re.compile(r"^[-+]?(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?$")
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}
_RESOLVER = yaml.resolver.Resolver()


@dataclass
class Doc:
    """A loaded YAML document: plain Python data and a mark for every path."""

    data: Any
    file: str
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path) -> tuple[int | None, int | None]:
        """Return (line, column) of ``path``, or of its nearest marked ancestor."""
        p = tuple(path)
        while True:
            if p in self.marks:
                return self.marks[p]
            if not p:
                return (None, None)
            p = p[:-1]

    def where_key(self, path: Path) -> tuple[int | None, int | None]:
        """Return (line, column) of the key that ends ``path`` (else as :meth:`where`)."""
        return self.key_marks.get(tuple(path)) or self.where(path)

    def value_text(self, path: tuple[str | int, ...]) -> str | None:
        """The plain value at ``path`` as short text; ``None`` for mappings, lists or gaps."""
        node: Any = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        if isinstance(node, (dict, list)) or node is None:
            return None
        text = str(node)
        return text if len(text) <= 80 else text[:77] + "..."

    def error(
        self,
        cls: type[E],
        path: tuple[str | int, ...],
        message: str,
        hint: str,
        *,
        at_key: bool = False,
    ) -> E:
        """An error of type ``cls`` located at ``path`` (its key with ``at_key``)."""
        line, col = self.where_key(path) if at_key else self.where(path)
        where = path_text(path)
        return cls(
            f"{where}: {message}" if where else message,
            file=self.file,
            line=line,
            column=col,
            hint=hint,
        )


def path_text(path: tuple[str | int, ...]) -> str:
    """A key path as the reports show it: ``items[0].components[1].origin``."""
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else p)
    return out


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _fail(
    cls: type[ComplianceError], file: str, mark: Any, message: str, hint: str
) -> ComplianceError:
    line = mark.line + 1 if mark is not None else None
    col = mark.column + 1 if mark is not None else None
    return cls(message, file=file, line=line, column=col, hint=hint)


def _scalar(ev: Any, file: str, cls: type[ComplianceError]) -> Any:
    tag = ev.tag
    if tag in (None, "!"):
        if not ev.style and ev.implicit[0]:
            tag = str(_RESOLVER.resolve(yaml.ScalarNode, ev.value, (True, False)))  # type: ignore[no-untyped-call]
        else:
            tag = _CORE + "str"
    if not tag.startswith(_CORE) or tag[len(_CORE) :] not in _SCALAR_TAGS:
        raise _fail(
            cls,
            file,
            ev.start_mark,
            f"the YAML tag {tag!r} is not allowed",
            "remove the tag; only plain values, lists and mappings are accepted",
        )
    kind = tag[len(_CORE) :]
    explicit = ev.tag not in (None, "!")
    if kind in ("str", "timestamp"):
        return ev.value
    value = _core_value(kind, ev.value)
    if value is not _NOT_CORE:
        return value
    if not explicit:
        return ev.value  # YAML 1.2 reads it as text: yes/no, 0x10, 0o17, 1:30 (Norway stays "NO")
    raise _fail(
        cls,
        file,
        ev.start_mark,
        f"cannot read {shorten(ev.value)!r} as !!{kind}: {_TAG_RULES[kind]}",
        _TAG_HINTS[kind],
    )


_NOT_CORE = object()
_TAG_RULES = {
    "int": "whole numbers are read in decimal only, never as octal, hex, binary or 1:30",
    "float": "numbers are read in decimal only, never as 1:30:00 or hex",
    "bool": "YAML 1.2 knows only true and false (yes, no, on and off are text)",
    "null": "YAML 1.2 writes null as null, ~ or nothing",
}
_TAG_HINTS = {
    "int": "write a decimal whole number such as 14000000 (no octal, hex or 1:30 forms)",
    "float": "write a decimal number such as 1.5 or 2e6 (no 1:30:00 or hex forms)",
    "bool": "write true or false",
    "null": "write null, or leave the value empty",
}


def _core_value(kind: str, text: str) -> Any:
    """``text`` read as ``kind`` by YAML 1.2's core schema, or :data:`_NOT_CORE`.

    The same rules apply with and without an explicit tag: ``!!int 014000000`` is
    fourteen million (never octal), and hex, octal, binary and sexagesimal forms are
    never numbers. Digits may be grouped with ``_`` as in plain values.
    """
    number = text.replace("_", "")
    try:
        if kind == "int" and _INT.match(text):
            return int(number)
        if kind == "float" and _FLOAT.match(text) and any(c.isdigit() for c in text):
            return float(number)
        if kind == "float" and number.lower().lstrip("+-") in (".inf", ".nan"):
            return float(number.lower().replace(".", ""))
    except ValueError:  # e.g. more digits than Python converts
        return _NOT_CORE
    if kind == "bool" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    if kind == "null" and text in ("", "~", "null", "Null", "NULL"):
        return None
    return _NOT_CORE


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
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise error(
            f"cannot read the file ({exc.strerror})", file=str(path), hint="check the path"
        ) from None


def parse(text: str | bytes, file: str, error: type[ComplianceError] = InputError) -> Doc:
    """Parse one YAML document into a :class:`Doc`, refusing unsafe input."""
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
    doc = Doc(data=None, file=file)
    anchors: dict[str, tuple[Any, int]] = {}
    # stack entries: [container, path, pending_key, key_mark, weight, anchor, keys_seen]
    stack: list[list[Any]] = []
    total = 0
    documents = 0
    result: Any = None

    def attach(value: Any, weight: int, mark: Any, anchor: str | None) -> None:
        nonlocal result, total
        total += weight
        if total > MAX_NODES:
            raise _fail(
                error,
                file,
                mark,
                f"the document expands to more than {MAX_NODES:,} values",
                "remove repeated aliases or split the file",
            )
        if anchor:
            anchors[anchor] = (value, weight)
        if not stack:
            result = value
            return
        top = stack[-1]
        container = top[0]
        top[4] += weight
        if isinstance(container, list):
            container.append(value)
            return
        if top[2] is _NO_KEY:
            if isinstance(value, (dict, list)) or value is None:
                raise _fail(
                    error,
                    file,
                    mark,
                    "a mapping key must be a plain value",
                    "write keys as plain words",
                )
            key = value if isinstance(value, str) else str(value)
            if key in container or key in top[6]:
                raise _fail(
                    error, file, mark, f"duplicate key {key!r}", "remove one of the two entries"
                )
            top[2] = key
            top[3] = mark
            doc.marks.setdefault((*top[1], key), _pos(mark))
            doc.key_marks[(*top[1], key)] = _pos(mark)
            return
        key = top[2]
        container[key] = value
        top[6].add(key)
        top[2] = _NO_KEY

    def child_path() -> Path:
        if not stack:
            return ()
        top = stack[-1]
        base: Path = top[1]
        if isinstance(top[0], list):
            return (*base, len(top[0]))
        if top[2] is _NO_KEY:
            return base
        return (*base, str(top[2]))

    try:
        for ev in yaml.parse(text, Loader=_Parser):
            if type(ev) is yaml.ScalarEvent:  # the commonest event first
                path = child_path()
                is_key = bool(stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY)
                if is_key and ev.tag in (None, "!"):
                    value = ev.value  # a key is its text: 'true:' is "true", '<<:' is "<<"
                else:
                    value = _scalar(ev, file, error)
                    if is_key and value is not None:
                        value = ev.value
                if not is_key:
                    doc.marks[path] = _pos(ev.start_mark)
                attach(value, 1, ev.start_mark, ev.anchor)
            elif isinstance(ev, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _fail(
                        error,
                        file,
                        ev.start_mark,
                        "the file holds more than one YAML document",
                        "put one transfer per file (remove the extra '---')",
                    )
            elif isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                want = "map" if isinstance(ev, yaml.MappingStartEvent) else "seq"
                if ev.tag not in (None, "!", _CORE + want):
                    raise _fail(
                        error,
                        file,
                        ev.start_mark,
                        f"the YAML tag {ev.tag!r} is not allowed",
                        "remove the tag; only plain values, lists and mappings are accepted",
                    )
                if len(stack) >= MAX_DEPTH:
                    raise _fail(
                        error,
                        file,
                        ev.start_mark,
                        f"the document is nested more than {MAX_DEPTH} levels deep",
                        "flatten the structure",
                    )
                path = child_path()
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                    raise _fail(
                        error,
                        file,
                        ev.start_mark,
                        "a mapping key must be a plain value",
                        "write keys as plain words",
                    )
                doc.marks.setdefault(path, _pos(ev.start_mark))
                box: Any = {} if want == "map" else []
                stack.append([box, path, _NO_KEY, None, 1, ev.anchor, set(), ev.start_mark])
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                top = stack.pop()
                attach(top[0], 0, top[7], None)
                if top[5]:
                    anchors[top[5]] = (top[0], top[4])
                if stack:
                    stack[-1][4] += top[4]
            elif isinstance(ev, yaml.AliasEvent):
                if ev.anchor not in anchors:
                    raise _fail(
                        error,
                        file,
                        ev.start_mark,
                        f"unknown alias *{ev.anchor}",
                        "define the anchor before using it",
                    )
                value, weight = anchors[ev.anchor]
                path = child_path()
                doc.marks.setdefault(path, _pos(ev.start_mark))
                attach(value, max(weight, 1), ev.start_mark, None)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        hint = "check indentation, colons and quotes around this line"
        if "nesting depth" in problem:
            # libyaml (bundled with PyYAML 6.0.2 and later) has a nesting limit of its own,
            # reached before the parser emits the events that MAX_DEPTH is checked on.
            problem = f"the document is nested more than {MAX_DEPTH} levels deep"
            raise _fail(error, file, mark, problem, "flatten the structure") from None
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            hint = "indent with spaces, not tabs"
        raise _fail(error, file, mark, f"YAML syntax error: {problem}", hint) from None
    except yaml.reader.ReaderError as exc:
        bad = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        at = text.find(bad)
        before = _BREAKS.split(text[:at]) if at >= 0 else []
        line = len(before) if at >= 0 else None
        col = len(before[-1]) + 1 if at >= 0 else None
        raise error(
            f"the file holds the control character {bad!r}",
            file=file,
            line=line,
            column=col,
            hint="remove it, or write it as an escape such as \\t inside double quotes",
        ) from None
    except yaml.YAMLError as exc:
        raise error(f"YAML error: {exc}", file=file, hint="check the file's syntax") from None
    except RecursionError:
        raise error(
            "the document is nested too deeply", file=file, hint="flatten the structure"
        ) from None
    doc.data = result
    return doc


def _char_at(text: str, line: int, column: int) -> str:
    """The character at 0-based ``line`` and ``column`` of ``text``, or ''."""
    lines = _BREAKS.split(text, line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


_NO_KEY = object()
