"""Reading a YAML document from libyaml's event stream, one event at a time.

This is the reader of record: every refusal of hostile input is made here, at the
event that shows it, with its line and column. :mod:`.nodes` reads the common
documents faster and hands everything it is not sure of to this reader.

* only the core YAML tags are accepted (no Python objects);
* documents nested deeper than :data:`MAX_DEPTH` or expanding (through aliases) to more
  than :data:`MAX_NODES` values are refused;
* duplicate mapping keys are errors;
* timestamps stay strings, so the caller validates dates itself.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import ComplianceError
from ..pyyaml import yaml
from .nodes import MAX_DEPTH, MAX_NODES
from .scalars import CORE, fail_at, scalar

Path = tuple[str | int, ...]
Marks = dict[Path, tuple[int, int]]

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def read_events(text: str, file: str, error: type[ComplianceError]) -> tuple[Any, Marks, Marks]:
    """(data, marks, key marks) of the one YAML document in ``text``, refusing unsafe input."""
    marks: Marks = {}
    key_marks: Marks = {}
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
            raise fail_at(
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
                raise fail_at(
                    error,
                    file,
                    mark,
                    "a mapping key must be a plain value",
                    "write keys as plain words",
                )
            key = value if isinstance(value, str) else str(value)
            if key in container or key in top[6]:
                raise fail_at(
                    error, file, mark, f"duplicate key {key!r}", "remove one of the two entries"
                )
            top[2] = key
            top[3] = mark
            marks.setdefault((*top[1], key), _pos(mark))
            key_marks[(*top[1], key)] = _pos(mark)
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
                    value = scalar(ev, file, error)
                    if is_key and value is not None:
                        value = ev.value
                if not is_key:
                    marks[path] = _pos(ev.start_mark)
                attach(value, 1, ev.start_mark, ev.anchor)
            elif isinstance(ev, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise fail_at(
                        error,
                        file,
                        ev.start_mark,
                        "the file holds more than one YAML document",
                        "put one transfer per file (remove the extra '---')",
                    )
            elif isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                want = "map" if isinstance(ev, yaml.MappingStartEvent) else "seq"
                if ev.tag not in (None, "!", CORE + want):
                    raise fail_at(
                        error,
                        file,
                        ev.start_mark,
                        f"the YAML tag {ev.tag!r} is not allowed",
                        "remove the tag; only plain values, lists and mappings are accepted",
                    )
                if len(stack) >= MAX_DEPTH:
                    raise fail_at(
                        error,
                        file,
                        ev.start_mark,
                        f"the document is nested more than {MAX_DEPTH} levels deep",
                        "flatten the structure",
                    )
                path = child_path()
                if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY:
                    raise fail_at(
                        error,
                        file,
                        ev.start_mark,
                        "a mapping key must be a plain value",
                        "write keys as plain words",
                    )
                marks.setdefault(path, _pos(ev.start_mark))
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
                    raise fail_at(
                        error,
                        file,
                        ev.start_mark,
                        f"unknown alias *{ev.anchor}",
                        "define the anchor before using it",
                    )
                value, weight = anchors[ev.anchor]
                path = child_path()
                marks.setdefault(path, _pos(ev.start_mark))
                attach(value, max(weight, 1), ev.start_mark, None)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        hint = "check indentation, colons and quotes around this line"
        if "nesting depth" in problem:
            # libyaml (bundled with PyYAML 6.0.2 and later) has a nesting limit of its own,
            # reached before the parser emits the events that MAX_DEPTH is checked on.
            problem = f"the document is nested more than {MAX_DEPTH} levels deep"
            raise fail_at(error, file, mark, problem, "flatten the structure") from None
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            hint = "indent with spaces, not tabs"
        raise fail_at(error, file, mark, f"YAML syntax error: {problem}", hint) from None
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
    return result, marks, key_marks


def _char_at(text: str, line: int, column: int) -> str:
    """The character at 0-based ``line`` and ``column`` of ``text``, or ''."""
    lines = _BREAKS.split(text, line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


_NO_KEY = object()
