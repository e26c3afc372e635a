"""A verdict's JSON object (contract §2) as compact UTF-8, written from pieces.

:func:`verdict_bytes` gives exactly what ``json.dumps(verdict.as_dict(), ensure_ascii=False)``
encoded as UTF-8 gives, without building the dictionaries first (:func:`verdict_text` is the
same as text). What a rule makes the same in every check (a finding's rule, family, title and
outcome; each citation) is encoded once per process, to UTF-8 too: a batch writes a result's
bytes as they are, where encoding the whole text again would read it character by character
(a line of a few kilobytes holding a single ``§`` is not ASCII). A finding's name matches, a
verdict's decisions and run, and whatever is not of its declared type, are encoded the
ordinary way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import partial
from json.encoder import encode_basestring
from typing import Any

from .facts import Citation, kept_for
from .transfer.loc import Loc
from .verdict import Finding, Verdict

MAX_KEPT = 4096  # encoded citations and finding heads kept per process (then started afresh)
# what json.dumps(value, ensure_ascii=False) writes, from one encoder made once
encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
_TEXT = encode_basestring  # a str as JSON text, as encode writes it (C)
_CITED: dict[int, tuple[Any, bytes]] = {}
_CITES: dict[int, tuple[Any, bytes]] = {}  # each tuple of a finding's citations, joined
_HEADS: dict[tuple[str, str, str, str], bytes] = {}
_KNOWN: dict[str, bytes] = {}  # notes and assumptions: most recur from check to check
MAX_KNOWN = 512  # few: the texts that recur are kept again at once after a clear
_ADVICE: dict[str, bytes] = {}  # findings' advice, most of it the same text at every use
_FAMILIES: dict[tuple[tuple[str, str], ...], bytes] = {}
_RUN_PARTS: dict[int, tuple[Any, bytes]] = {}
_RUN_LAST: list[tuple[Any, ...]] = [(), (), ()]  # the last run's keys, values and their items
_UNCHANGING = (str, int, bool, type(None))  # values whose text is the same at every use


# each byte as 1, but 0 for those JSON writes escaped: control characters, '"' and '\\'
_PLAIN = bytes(0 if b < 0x20 or b in b'"\\' else 1 for b in range(256))


def _quoted(text: str) -> bytes:
    """``_TEXT(text)`` in UTF-8: a text with nothing to escape (the usual) is the text quoted.

    The bytes are looked at, one table lookup each, where the encoder looks at each
    character several times over (for a sentence of a few hundred, half the work).
    """
    raw = text.encode()
    if 0 in raw.translate(_PLAIN):
        return _TEXT(text).encode()
    return b'"' + raw + b'"'


def _value(value: Any) -> str:
    """One plain value as JSON text (str, bool, int, None; anything else the ordinary way)."""
    kind = type(value)
    if kind is str:
        return _TEXT(value)
    if kind is bool:
        return "true" if value else "false"
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    return encode(value)


def _utf8(value: Any) -> bytes:
    """``value`` as ``encode`` writes it, in UTF-8."""
    return encode(value).encode()


def _texts(values: Iterable[Any]) -> str:
    """A list of values (usually text) as a JSON array."""
    values = list(values)
    try:
        return "[" + ", ".join(map(_TEXT, values)) + "]"
    except TypeError:  # not all text
        return "[" + ", ".join(map(_value, values)) + "]"


def _known(values: Iterable[Any]) -> bytes:
    """A list of notes or assumptions as a JSON array, each text encoded once per process."""
    out = []
    for value in values:
        text = _KNOWN.get(value) if type(value) is str else None
        if text is None:
            text = _value(value).encode()
            if type(value) is str:
                if len(_KNOWN) >= MAX_KNOWN:
                    _KNOWN.clear()
                _KNOWN[value] = text
        out.append(text)
    return b"[" + b", ".join(out) + b"]"


def _families(families: dict[str, str]) -> bytes:
    try:
        key = tuple(families.items())
        text = _FAMILIES.get(key)
    except TypeError:  # an outcome that is not text
        return encode(dict(families)).encode()
    if text is None:
        text = encode(dict(families)).encode()
        if len(_FAMILIES) >= MAX_KEPT:
            _FAMILIES.clear()
        _FAMILIES[key] = text
    return text


def _run(run: dict[str, Any]) -> bytes:
    """A verdict's ``run`` as ``encode`` writes it; its mappings encoded once per object.

    Every verdict of one invocation carries a copy of the same ``run`` (see
    :func:`~armscheck.decisions.record.with_run`): its ``rules`` and ``lists`` are the same
    objects, made from the rulebook and not changed after, so each is encoded once. An item
    holding the very object the last run held under the same key, in a run of the same keys,
    is written as it was then, where that object is text, a number, a boolean or ``None``
    (which cannot change) or one of those mappings: most often only ``as_of`` is new.
    """
    keys, values = tuple(run), tuple(run.values())
    last_keys, last_values, last_parts = _RUN_LAST
    if keys != last_keys:
        last_values, last_parts = values, (None,) * len(keys)
    parts: list[bytes] = []
    kept: list[bytes | None] = []
    for key, value, last_value, last in zip(keys, values, last_values, last_parts, strict=True):
        if last is not None and value is last_value:
            parts.append(last)
            kept.append(last)
            continue
        if type(value) is not dict or key not in ("rules", "lists"):
            part = f"{_TEXT(key)}: {_value(value)}".encode()
            kept.append(part if type(value) in _UNCHANGING else None)
        else:
            if (got := _RUN_PARTS.get(id(value))) is not None and got[0] is value:
                text = got[1]
            else:
                text = kept_for(_RUN_PARTS, value, partial(_utf8, value))
            part = _TEXT(key).encode() + b": " + text
            kept.append(part)
        parts.append(part)
    _RUN_LAST[:] = keys, values, tuple(kept)
    return b"{" + b", ".join(parts) + b"}"


def _citations(cites: tuple[Citation, ...]) -> bytes:
    """A finding's citations, joined: a rule's tuple of them recurs check after check."""
    if type(cites) is not tuple:
        return b", ".join([_citation(c) for c in cites])
    kept = _CITES.get(id(cites))  # (most are kept: looked up in line)
    if kept is not None and kept[0] is cites:
        return kept[1]
    return kept_for(_CITES, cites, lambda: b", ".join([_citation(c) for c in cites]))


def _citation(c: Citation) -> bytes:
    kept = _CITED.get(id(c))  # (most are kept: looked up in line)
    if kept is not None and kept[0] is c:
        return kept[1]
    return kept_for(_CITED, c, lambda: _utf8(c.as_dict()))


def _place(e: Loc) -> str:
    # (the usual types written in line, as _value writes them, without a call each)
    path, line, value = e.path, e.line, e.value
    head = (
        f'{{"path": {_TEXT(path) if type(path) is str else _value(path)}, '
        f'"line": {int.__repr__(line) if type(line) is int else _value(line)}'
    )
    if not value:
        return head + "}"
    return f'{head}, "value": {_TEXT(value) if type(value) is str else _value(value)}}}'


def _head(f: Finding) -> bytes:
    """``{"rule": ..., "family": ..., "title": ..., "outcome": ..., "why": `` for a finding."""
    ident = (f.rule, f.family, f.title, f.outcome)
    text = _HEADS.get(ident)
    if text is None:
        head = encode(dict(zip(("rule", "family", "title", "outcome"), ident, strict=True)))
        text = (head[:-1] + ', "why": ').encode()
        if len(_HEADS) >= MAX_KEPT:
            _HEADS.clear()
        _HEADS[ident] = text
    return text


def _answered(f: Finding) -> str:
    """The keys a finding has after its counterfactuals: its name matches, its decision."""
    out = ""
    best = f.best
    if best is not None:
        matches = encode([m.as_dict() for m in f.matches])
        out += f', "match": {_value(f.match)}, "score": {_value(best.score)}'
        out += f', "alias": {_value(best.alias)}, "matches": {matches}'
    if f.satisfied_by:
        out += f', "satisfied_by": {_value(f.satisfied_by)}'
    if f.waived_by:
        out += f', "waived_by": {_value(f.waived_by)}'
    return out


def finding_bytes(f: Finding) -> bytes:
    """What ``json.dumps(f.as_dict(), ensure_ascii=False)`` writes, as UTF-8."""
    if type(f.why) is not str:
        return encode(f.as_dict()).encode()
    advice = b""
    if f.advice:
        known = _ADVICE.get(f.advice) if type(f.advice) is str else None
        advice = known or f', "advice": {_value(f.advice)}'.encode()
        if known is None and type(f.advice) is str:
            if len(_ADVICE) >= MAX_KNOWN:
                _ADVICE.clear()
            _ADVICE[f.advice] = advice
    contested = f.contested
    disputed = ("true" if contested else "false") if type(contested) is bool else _value(contested)
    days = "null" if f.review_days is None else _value(f.review_days)
    counter = (
        encode([{"change": c, "outcome": o} for c, o in f.counterfactuals])
        if f.counterfactuals
        else "[]"
    )
    places = ", ".join([_place(e) for e in f.evidence])
    answered = _answered(f) if f.matches or f.satisfied_by or f.waived_by else ""
    return b"".join(
        [
            _head(f),
            _quoted(f.why),  # (a sentence: long enough to look at as bytes)
            b', "citations": [',
            _citations(f.citations),
            f'], "evidence": [{places}], "assumptions": '.encode(),
            _known(f.assumptions),
            f', "contested": {disputed}, "review_days": {days}'.encode(),
            advice,
            f', "counterfactuals": {counter}{answered}}}'.encode(),
        ]
    )


def finding_text(f: Finding) -> str:
    """What ``json.dumps(f.as_dict(), ensure_ascii=False)`` writes."""
    try:
        return finding_bytes(f).decode()
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8
        return encode(f.as_dict())


def verdict_bytes(v: Verdict) -> bytes:
    """What ``json.dumps(v.as_dict(), ensure_ascii=False)`` writes, as UTF-8."""
    note = v.possible_match_note()
    missing = v.not_evaluated
    notes = [note, *v.notes] if note else v.notes
    # text and booleans written in line, as _value writes them, without a call each
    head = [v.file, v.name, v.date, v.verdict]
    file, name, date, verdict = [_TEXT(t) if type(t) is str else _value(t) for t in head]
    contested = v.contested
    disputed = ("true" if contested else "false") if type(contested) is bool else _value(contested)
    reviewed = v.law_reviewed
    tail = (
        f', "complete": {"false" if missing else "true"}, "not_evaluated": {_texts(missing)}, '
        f'"law_reviewed": {_TEXT(reviewed) if type(reviewed) is str else _value(reviewed)}'
    )
    if v.decisions is not None:
        tail += f', "decisions": {encode(v.decisions)}'
    return b"".join(
        [
            f'{{"file": {file}, "name": {name}, "date": {date}, '
            f'"verdict": {verdict}, "families": '.encode(),
            _families(v.families),
            f', "contested": {disputed}, '
            f'"rests_on_possible_match": {"false" if note is None else "true"}, '
            '"findings": ['.encode(),
            b", ".join([finding_bytes(f) for f in v.findings]),
            b'], "assumptions": ',
            _known(v.assumptions),
            b', "notes": ',
            _known(notes),
            tail.encode(),
            b"" if v.run is None else b', "run": ' + _run(v.run),
            b"}",
        ]
    )


def verdict_text(v: Verdict) -> str:
    """What ``json.dumps(v.as_dict(), ensure_ascii=False)`` writes."""
    try:
        return verdict_bytes(v).decode()
    except UnicodeEncodeError:  # a lone surrogate (a file name that is not UTF-8): no UTF-8
        return encode(v.as_dict())
