"""The quick way to read a YAML document: libyaml composes the node tree, one walk reads it.

libyaml's composer builds the tree of nodes, each with its start mark, in C. One walk
then turns the tree into plain Python data by armscheck's own scalar rules; line marks
are not copied out per value but looked up in the tree when a location is asked for.

The walk accepts only what the event-stream reader (:mod:`.stream`) reads the same way:
no aliases (an alias to an anchor never defined is libyaml's error), no explicit tags, no
duplicate or non-plain keys, nothing near the depth or size limits. Anything else, and
every document libyaml refuses, raises :class:`Unsure`, and the caller reads the text
again with the event-stream reader, which gives the located error (or the data, for what
is merely unusual).
"""

from __future__ import annotations

from typing import Any

from ..pyyaml import yaml
from .composer import _NOTHING, MADE, _Composer, _CParser, lent
from .composer import Mapping as _Mapping
from .composer import Scalar as _Scalar
from .composer import Sequence as _Sequence
from .scalars import REFUSED, TRIGGERS, plain

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "_NOTHING",
    "Tree",
    "Unsure",
    "_CParser",
    "_Composer",
    "compose",
    "usable",
]

MAX_DEPTH = 40
MAX_NODES = 50_000

Path = tuple[str | int, ...]
Pos = tuple[int, int]


class Unsure(Exception):
    """The quick walk does not read this document; the event-stream reader must."""


MAX_KNOWN = 4096
# the values of plain scalars that may be more than text (numbers, words like "no"), by their
# text, kept for the next document: looked up in line, without a call (false values not kept)
KNOWN: dict[str, Any] = {}


PROBE_DEPTH = 2_000  # the nesting the probe composes (when libyaml lets it)


def _nesting_is_limited() -> bool:
    """Whether libyaml stops deep nesting itself (so its recursive composer is safe).

    A libyaml that says the depth it stops nesting at (``yaml_get_max_nest_level``, asked
    through ctypes: about 7 M instructions) is taken at its word; another is asked by the
    probe, which composes lists nested deeper than libyaml's limit (about 13 M).
    """
    level = said_limit()
    return _composing_stops() if level is None else 0 < level < PROBE_DEPTH


def said_limit() -> int | None:
    """The depth libyaml says it stops nesting at; ``None`` where it cannot be asked."""
    try:
        import ctypes  # (only here: a long text asks once)

        return int(ctypes.CDLL(yaml._yaml.__file__).yaml_get_max_nest_level())
    except Exception:  # noqa: BLE001 - no ctypes, no such function: the probe answers
        return None


def _composing_stops() -> bool:
    """Whether libyaml refuses to compose lists nested :data:`PROBE_DEPTH` deep."""
    try:
        _Composer("[" * PROBE_DEPTH + "]" * PROBE_DEPTH).get_single_node()
    except yaml.YAMLError:
        return True
    return False


# libyaml's composer is there and leaves implicit tags to the walk
USABLE = _CParser is not object and None not in yaml.resolver.Resolver.yaml_implicit_resolvers
_limited: list[bool] = []  # what _nesting_is_limited answered, once asked


def usable(text: str) -> bool:
    """Whether libyaml's recursive composer may be given ``text``.

    Each level of nesting takes at least one character, so a text of at most
    :data:`PROBE_DEPTH` characters nests no deeper than the probe itself does, and is
    composed without asking. A longer one needs libyaml to stop deep nesting itself:
    that is asked once, for the first such text, of libyaml itself or else of the probe
    (quadratic in libyaml's scanner, about 13 M instructions): :func:`_nesting_is_limited`.
    """
    if not USABLE:
        return False
    if len(text) <= PROBE_DEPTH:
        return True
    if not _limited:
        _limited.append(_nesting_is_limited())
    return _limited[0]


def compose(text: str) -> tuple[Any, Tree | None]:
    """(data, node tree) of the one YAML document in ``text``; :class:`Unsure` if not sure.

    The nodes are :mod:`.composer`'s (with other threads running, :class:`Unsure`: the
    event-stream reader reads the document).
    """
    if ("&" in text and "*" in text) or not usable(text):
        raise Unsure  # maybe an alias: the event-stream reader counts what it expands to
    try:
        root = lent(text)
    except Exception:  # noqa: BLE001 - a syntax error, a second document...: the other reader says which
        raise Unsure from None
    if root is None:
        return None, None
    if type(root) not in MADE or len(root.args) != 5:
        raise Unsure  # a PyYAML whose composer does not make the lent classes
    tree = Tree(root)
    try:
        data = tree.read(root, ())
    except TypeError:  # a mapping or a list as a key (see Tree.read)
        raise Unsure from None
    if tree.count > MAX_NODES:
        raise Unsure
    return data, tree


class Tree:
    """A document's node tree, read once into data, then asked for marks.

    ``boxes`` holds the node of every mapping and list by its path, and ``spots`` the
    node whose start is its mark (the key's node when it is the value of a key), so
    the mark of a mapping, a list or a value in one is found without a search from
    the top.
    """

    __slots__ = ("boxes", "count", "root", "spots")

    def __init__(self, root: Any) -> None:
        self.root = root
        self.boxes: dict[Path, Any] = {(): root}
        self.spots: dict[Path, Any] = {(): root}
        self.count = 0  # values read, containers counted too (never fewer than there are)

    def read(self, node: Any, path: Path) -> Any:
        """The data of the mapping or list ``node`` at ``path`` (a scalar's, at the top)."""
        cls = type(node)
        if cls is _Scalar:
            return scalar_value(node)
        tag, pairs, _, _, _ = node.args
        if tag or len(path) >= MAX_DEPTH:
            raise Unsure  # an explicit tag (text), or too deep
        spots = self.spots
        boxes = self.boxes
        if cls is _Sequence:
            self.count += len(pairs)
            items: list[Any] = []
            for i, item in enumerate(pairs):
                if type(item) is not _Scalar:
                    sub = path + (i,)
                    spots[sub] = boxes[sub] = item
                    items.append(self.read(item, sub))
                    continue
                tag, text, _, _, style = item.args  # as scalar_value(item), written out
                if tag:
                    raise Unsure
                items.append(
                    text
                    if style or (text and text[0] not in TRIGGERS)
                    else KNOWN.get(text) or plain_value(text)
                )
            return items
        self.count += 2 * len(pairs)  # keys and values
        out: dict[str, Any] = {}
        for key, item in pairs:
            # (a key that is a mapping or a list has a list as its value: using it as a key
            # raises TypeError, which compose() answers with Unsure)
            tag, name, _, _, _ = key.args
            if tag:
                raise Unsure
            if type(item) is not _Scalar:
                sub = path + (name,)
                spots[sub] = key
                boxes[sub] = item
                out[name] = self.read(item, sub)
                continue
            tag, text, _, _, style = item.args  # as scalar_value(item), written out: most values
            if tag:
                raise Unsure
            out[name] = (
                text
                if style or (text and text[0] not in TRIGGERS)
                else KNOWN.get(text) or plain_value(text)
            )
        if len(out) < len(pairs):
            raise Unsure  # a key written twice
        return out

    def where(self, path: Path) -> Pos:
        """(line, column) of ``path``, or of its nearest ancestor in the document."""
        spot = self.spots.get(path)
        if spot is not None:
            return _pos(spot)
        box = self.boxes.get(path[:-1]) if path else None
        if box is None:
            return self.find(path)[0]
        step = path[-1]  # a value in a mapping or list, or a gap there
        if type(box) is _Mapping:
            if isinstance(step, str):
                for key, item in box.args[1]:
                    if key.args[1] == step:
                        return _pos(item)  # a scalar: a mapping or list has a spot
        elif isinstance(step, int) and 0 <= step < len(box.args[1]):
            return _pos(box.args[1][step])
        return _pos(self.spots[path[:-1]])

    def find(self, path: Path) -> tuple[Pos, Pos | None]:
        """(mark of ``path`` or of its nearest ancestor, mark of the key ending it if any)."""
        node = self.root
        pos = _pos(node)
        key_pos = None
        for step in path:
            key_pos = None
            cls = type(node)
            if cls is _Mapping:
                if not isinstance(step, str):
                    return pos, None
                for key, item in node.args[1]:
                    if key.args[1] == step:
                        key_pos = _pos(key)
                        pos = _pos(item) if type(item) is _Scalar else key_pos
                        node = item
                        break
                else:
                    return pos, None
            elif cls is _Sequence and isinstance(step, int) and 0 <= step < len(node.args[1]):
                node = node.args[1][step]
                pos = _pos(node)
            else:
                return pos, None
        return pos, key_pos

    def marks(self) -> tuple[dict[Path, Pos], dict[Path, Pos]]:
        """Every path's mark and every key's mark, as the event-stream reader records them."""
        marks: dict[Path, Pos] = {}
        key_marks: dict[Path, Pos] = {}

        def visit(node: Any, path: Path) -> None:
            cls = type(node)
            if cls is _Scalar:
                marks[path] = _pos(node)
                return
            marks.setdefault(path, _pos(node))
            if cls is _Sequence:
                for i, item in enumerate(node.args[1]):
                    visit(item, path + (i,))
                return
            for key, item in node.args[1]:
                sub = path + (key.args[1],)
                marks.setdefault(sub, _pos(key))
                key_marks[sub] = _pos(key)
                visit(item, sub)

        visit(self.root, ())
        return marks, key_marks


def scalar_value(node: Any) -> Any:
    """The value of a scalar node made by :func:`.composer.lent`; :class:`Unsure` if tagged."""
    tag, text, _, _, style = node.args
    if tag:
        raise Unsure
    return text if style or (text and text[0] not in TRIGGERS) else plain_value(text)


def plain_value(text: str) -> Any:
    """A plain scalar's value (kept in :data:`KNOWN`); :class:`Unsure` if refused."""
    value = plain(text)
    if value is REFUSED:
        raise Unsure
    if value and len(text) <= 64:  # (a false value is read again: the table gives no answer)
        if len(KNOWN) >= MAX_KNOWN:
            KNOWN.clear()
        KNOWN[text] = value
    return value


def _pos(node: Any) -> Pos:
    mark = node.args[2]
    return (mark.line + 1, mark.column + 1)
