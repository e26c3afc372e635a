"""US restricted parties from the imported Consolidated Screening List and SDN list.

One ``us-listed-party`` fact per party that matches an entry of the Entity List (15 CFR
744.11), the Denied Persons List (denial orders) or the ITAR debarred list (22 CFR 127.7),
with the entry's own licence requirement and review policy, and what the transfer carries
that US law controls: items subject to the EAR, defense articles under the ITAR. One
``us-sdn-party`` fact per party on the SDN list, for a US supplier (blocked property).
Where the curated ``us-barred-parties.yaml`` already names the same party, its finding
cites the official entry instead. Without the lists, one ``us-list-missing`` fact.
"""

from __future__ import annotations

from ...facts import Context, Fact, FactKind
from ...newfact import new_fact
from ..ofac_programs import blocking_citations
from ..official_names import OfficialHit, cite_also, hits, missing, missing_fact, same_party
from .pieces import EAR_CLASSES, pieces
from .shares import share

FAMILY_ID = "us-content"
LISTS = ("us-el", "us-dpl", "us-dtc", "us-sdn")
LIST_SET = frozenset(LISTS)
PARTY = FactKind(
    "us-listed-party",
    FAMILY_ID,
    {
        "party": "str",
        "side": "str",
        "list": "str",
        "entry": "str",
        "since": "str",
        "requirement": "str",
        "policy": "str",
        "denial_policy": "bool",
        "ear_items": "bool",
        "ear_text": "str",
        "itar_items": "bool",
        "itar_text": "str",
        "match": "str",
    },
    "a party is on the Entity List, the Denied Persons List or the ITAR debarred list",
)
SDN = FactKind(
    "us-sdn-party",
    FAMILY_ID,
    {
        "party": "str",
        "side": "str",
        "entry": "str",
        "programs": "str",
        "us_supplier": "bool",
        "match": "str",
    },
    "a party is on OFAC's SDN list (its property is blocked)",
)
MISSING = FactKind(
    "us-list-missing",
    FAMILY_ID,
    {"lists": "str"},
    "the transfer names parties, and some US restricted-party lists have not been imported",
)
KINDS = (PARTY, SDN, MISSING)


def controlled(ctx: Context) -> tuple[list[str], list[str]]:
    """What the transfer carries that is subject to the EAR, and what is ITAR-controlled."""
    t = ctx.transfer
    ear: list[str] = []
    itar: list[str] = []
    if t.supplier.country == "US":
        for item in t.items:
            control = item.control or (
                "ear"
                if (ctx.reference.categories.get(item.category) or {}).get("military") is False
                else "itar"
            )
            (itar if control == "itar" else ear if control in EAR_CLASSES else []).append(
                f"{item.description} ({control})"
            )
        return ear, itar
    found = pieces(ctx)
    for p in found:
        if p.control == "itar":
            itar.append(f"{p.description} ({p.path})")
        elif p.comp is None and p.control in EAR_CLASSES:
            ear.append(f"{p.description} ({p.path}, US-origin)")
    for item in t.items:
        mine = [p for p in found if p.item is item and p.comp and p.control in EAR_CLASSES]
        test = share(ctx, item, mine) if mine else None
        if test is not None and test.over:
            ear.append(f"{item.description} (US content over the de minimis level)")
    return ear, itar


def _policy(found: OfficialHit) -> tuple[str, bool]:
    policy = found.entry.extra.get("license_policy", "")
    return policy, "denial" in policy.lower()


def build(ctx: Context, curated: list[Fact]) -> list[Fact]:
    """Official US facts; ``curated`` barred-party facts naming the same party gain the citation."""
    gone = missing(ctx, LISTS)
    out: list[Fact] = []
    if gone:
        out.append(missing_fact(ctx, MISSING.kind, "us:official:missing", gone))
    found_hits = hits(ctx, LIST_SET)
    if not found_hits:
        return out
    ear, itar = controlled(ctx)  # only a hit's fact names them
    barred = ctx.reference.get("us-barred-parties").data.get("parties") or []
    t = ctx.transfer
    for found in found_hits:
        e, named = found.entry, found.named
        twins = [p for p in barred if same_party(found, p)]
        ids = {f"us:barred:{p.get('id')}" for p in twins}
        mine = [f for f in curated if f.kind == "barred-party" and f.key in ids]
        if mine:
            curated[:] = [cite_also(f, found) if f in mine else f for f in curated]
            continue
        key = f"us:official:{e.list_id}:{e.ref}:{named.loc.path}"
        if e.list_id == "us-sdn":
            out.append(
                new_fact(
                    SDN.kind,
                    key,
                    {
                        "party": named.name,
                        "side": named.side,
                        "entry": found.label(),
                        "programs": ", ".join(e.programs) or "none given",
                        "us_supplier": t.supplier.country == "US",
                        "match": found.match_text(),
                    },
                    evidence=(named.loc, ctx.loc("supplier", "country")),
                    citations=(found.citation(), *blocking_citations(ctx, e.programs)),
                    assumptions=found.assumptions(),
                    matches=(found.match(),),
                )
            )
            continue
        policy, denial = _policy(found)
        out.append(
            new_fact(
                PARTY.kind,
                key,
                {
                    "party": named.name,
                    "side": named.side,
                    "list": e.list_id,
                    "entry": found.label(),
                    "since": e.listed_from.isoformat() if e.listed_from else "?",
                    "requirement": e.extra.get("license_requirement", "") or "not given",
                    "policy": policy or "not given",
                    "denial_policy": denial,
                    "ear_items": bool(ear),
                    "ear_text": "; ".join(ear) or "none",
                    "itar_items": bool(itar),
                    "itar_text": "; ".join(itar) or "none",
                    "match": found.match_text(),
                },
                evidence=(named.loc,),
                citations=(found.citation(),),
                assumptions=found.assumptions(),
                matches=(found.match(),),
            )
        )
    return out
