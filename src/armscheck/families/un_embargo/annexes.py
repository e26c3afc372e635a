"""What an embargo phase means for each item: annexed item lists and lethality.

Some phases narrow their item scope to an annex of the resolution (the heavy weapons of UNSCR
1021, the Annex A items of UNSCR 2641) or set a different condition for some items: annexed
items that still need notification or approval, non-lethal equipment that needs neither. An
annex entry is matched on the item's category, the words of its description and
``for_system``, and its ``calibre_mm``; an item whose deciding fact is not given counts as
possibly inside the annex, and a rule applies to it only where that is the stricter reading
(said as an assumption, with the change that would decide it). An item whose ``lethal`` is not
given may be lethal.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ...facts import Change, Context
from ...records import field, record
from ...transfer.vocab import end_user_matches

SEVERITY = {"exempt": 0, "notification": 1, "approval": 2, "prohibited": 3}
IN, POSSIBLE, OUT = "in", "possible", "out"


@record
class Judged:
    """One item's status under a phase, and what that rests on."""

    item: Any
    status: str
    assumptions: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)


def annex_of(ctx: Context, annex_id: str) -> dict[str, Any]:
    """The annex called ``annex_id`` in ``lists/un-embargoes.yaml`` (shared: do not modify)."""
    found = ctx.reference.memo("un-embargo:annexes", lambda: _annexes(ctx)).get(annex_id)
    if found is None:
        raise KeyError(annex_id)
    return found


def _annexes(ctx: Context) -> dict[Any, dict[str, Any]]:
    """Each annex by id (the first of an id)."""
    out: dict[Any, dict[str, Any]] = {}
    for a in ctx.reference.get("un-embargoes").data.get("annexes") or []:
        out.setdefault(a.get("id"), a)
    return out


def _named(words: list[str], text: str) -> bool:
    """Whether ``text`` names one of ``words``: whole words, plurals allowed (TOW, not towed)."""
    return any(_word(w).search(text) for w in words)


@functools.lru_cache(maxsize=1024)
def _word(w: str) -> re.Pattern[str]:
    tail = r"(?:s|es)?(?![a-z0-9])" if w[-1:].isalnum() else ""
    return re.compile(rf"(?<![a-z0-9]){re.escape(w.lower())}{tail}")


def _entry_match(entry: dict[str, Any], item: Any) -> tuple[str, str]:
    """(in/possible/out, why possible) for one annex entry."""
    served = item.extras.serves_category in (entry.get("serves") or [])
    if item.category not in (entry.get("categories") or []) and not served:
        return OUT, ""
    text = f"{item.description} {item.extras.for_system or ''}".lower()
    words = entry.get("words") or []
    why = ""
    if words and not served and not _named(words, text):
        if item.category not in (entry.get("possible_unnamed") or []):
            return OUT, ""
        why = "its description does not say which kind it is"
    low, high = entry.get("min_calibre_mm"), entry.get("max_calibre_mm")
    if low is not None or high is not None:
        cal = item.extras.calibre_mm
        if cal is None:
            why = why or "its calibre is not given"
        elif (low is not None and cal < float(low)) or (high is not None and cal > float(high)):
            return OUT, ""
    return (POSSIBLE, why) if why else (IN, "")


def annex_match(annex: dict[str, Any], item: Any) -> tuple[str, list[str], str]:
    """(in/possible/out, labels of the entries concerned, why possible)."""
    hits = [(e, *_entry_match(e, item)) for e in annex.get("entries") or []]
    sure = [str(e.get("label")) for e, how, _ in hits if how == IN]
    if sure:
        return IN, sure, ""
    maybe = [(str(e.get("label")), why) for e, how, why in hits if how == POSSIBLE]
    if maybe:
        return POSSIBLE, [m[0] for m in maybe], maybe[0][1]
    return OUT, [], ""


def _possible_note(annex: dict[str, Any], item: Any, labels: list[str], why: str) -> str:
    return (
        f"items[{item.index}] ({item.description}) is taken to fall within "
        f"{annex.get('title')} ({'; '.join(labels)}) because {why}: the stricter reading. "
        f"If it is outside the annex (a calibre_mm or description that puts it outside "
        f"every entry), the annexed condition does not apply to it."
    )


def in_phase_annex(ctx: Context, phase: dict[str, Any], item: Any, out: Judged) -> bool:
    """Whether the item is inside the phase's own annex (all items when it has none)."""
    if not phase.get("annex"):
        return True
    annex = annex_of(ctx, str(phase["annex"]))
    how, labels, why = annex_match(annex, item)
    if how == POSSIBLE:
        out.assumptions.append(_possible_note(annex, item, labels, why))
    return how != OUT


def _rule_applies(rule: dict[str, Any], eut: str) -> bool:
    users = rule.get("end_users")
    return users is None or end_user_matches(eut, list(users))


def _chain(
    ctx: Context, rules: list[dict[str, Any]], item: Any, eut: str, base: str, out: Judged
) -> str:
    """The status given by the first rule that applies, else ``base``."""
    for n, rule in enumerate(rules):
        if not _rule_applies(rule, eut):
            continue
        status = str(rule["status"])
        if "lethal" in rule:
            if item.lethal is rule["lethal"]:
                return status
            if item.lethal is None and rule["lethal"] is False:
                rest = _chain(ctx, rules[n + 1 :], item, eut, base, Judged(item, base))
                if SEVERITY[status] < SEVERITY[rest]:
                    verb = (
                        "would need no notification or approval"
                        if status == "exempt"
                        else (f"would need {status} only")
                    )
                    out.assumptions.append(
                        f"items[{item.index}] ({item.description}): lethal not given, so it may "
                        f"be lethal (the stricter reading); if it is non-lethal "
                        f"(items[{item.index}].lethal: false) it {verb} here"
                        + (f" ({rule['condition']})" if rule.get("condition") else "")
                        + "."
                    )
                    out.changes.append(
                        Change(
                            f"items[{item.index}] stated to be non-lethal",
                            ((f"items[{item.index}].lethal", False),),
                        )
                    )
            continue
        if rule.get("annex"):
            annex = annex_of(ctx, str(rule["annex"]))
            how, labels, why = annex_match(annex, item)
            if how == IN:
                return status
            if how == POSSIBLE:
                rest = _chain(ctx, rules[n + 1 :], item, eut, base, out)
                if SEVERITY[status] > SEVERITY[rest]:
                    out.assumptions.append(_possible_note(annex, item, labels, why))
                    return status
                return rest
            continue
        return status
    return base


def judge_all(
    ctx: Context, phase: dict[str, Any], items: list[Any], eut: str, base: str, role: str
) -> list[Judged]:
    """Every item within the phase's item scope and annex, with its status."""
    out = []
    rules = list(phase.get("item_rules") or []) if role == "recipient" else []
    for item in items:
        j = Judged(item, base)
        if not in_phase_annex(ctx, phase, item, j):
            continue
        j.status = _chain(ctx, rules, item, eut, base, j)
        out.append(j)
    return out


def grouped(judged: list[Judged], base: str) -> list[tuple[str, list[Judged]]]:
    """The items by status, most severe first; exempt items only when all are exempt."""
    if not judged:
        return [(base, [])]
    live = sorted({j.status for j in judged if j.status != "exempt"}, key=lambda s: -SEVERITY[s])
    if not live:
        return [("exempt", judged)]
    return [(s, [j for j in judged if j.status == s]) for s in live]
