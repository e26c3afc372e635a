"""CAATSA designations found on the imported SDN list.

A party whose SDN entry carries a CAATSA programme tag (``CAATSA - RUSSIA``,
``CAATSA - IRAN``) or the tag of an executive order that CAATSA section 222 codified
(``UKRAINE-EO13660`` ... ``UKRAINE-EO13685``) is a designated party: one
``caatsa-sdn-party`` fact. Where ``caatsa-designations.yaml`` already names the same
party, its finding cites the SDN entry instead.
"""

from __future__ import annotations

from ...facts import Context, Fact, FactKind, list_citations
from ...newfact import new_fact
from ..ofac_programs import caatsa_tags
from ..official_names import cite_also, hits, missing, missing_fact, same_party

FAMILY_ID = "caatsa"
DESIGNATED = FactKind(
    "caatsa-sdn-party",
    FAMILY_ID,
    {
        "party": "str",
        "side": "str",
        "entry": "str",
        "programs": "str",
        "meaning": "str",
        "russia_deal": "bool",
        "match": "str",
    },
    "a party is on the SDN list under a CAATSA programme or one CAATSA codified",
)
MISSING = FactKind(
    "caatsa-list-missing",
    FAMILY_ID,
    {"lists": "str"},
    "the transfer names parties, and the SDN list has not been imported",
)
KINDS = (DESIGNATED, MISSING)


def build(ctx: Context, curated: list[Fact]) -> list[Fact]:
    """Official CAATSA facts; curated designation facts naming the same party gain the citation."""
    gone = missing(ctx, ("us-sdn",))
    if gone:
        return [missing_fact(ctx, MISSING.kind, "caatsa:official:missing", gone)]
    designations = ctx.reference.get("caatsa-designations").data.get("designations") or []
    exposed = {
        "recipient" if f.fields["side"] == "supplier" else "supplier"
        for f in curated
        if f.kind == "caatsa-russia-deal"
    }
    out: list[Fact] = []
    for found in hits(ctx, {"us-sdn"}):
        tags = caatsa_tags(ctx, found.entry.programs)
        if not tags:
            continue
        twins = [d for d in designations if same_party(found, d)]
        names = {str(d.get("name")) for d in twins}
        mine = [
            f for f in curated if f.kind == "caatsa-designated-party" and f.fields["name"] in names
        ]
        if mine:
            curated[:] = [cite_also(f, found) if f in mine else f for f in curated]
            continue
        cites = [c for _, row in tags for c in list_citations(row.get("citations"))]
        out.append(
            new_fact(
                DESIGNATED.kind,
                f"caatsa:official:{found.entry.ref}:{found.named.loc.path}",
                {
                    "party": found.named.name,
                    "side": found.named.side,
                    "entry": found.label(),
                    "programs": ", ".join(t for t, _ in tags),
                    "meaning": "; ".join(str(row.get("meaning") or t) for t, row in tags),
                    "russia_deal": found.named.side in exposed,
                    "match": found.match_text(),
                },
                evidence=(found.named.loc,),
                citations=(found.citation(), *dict.fromkeys(cites)),
                assumptions=found.assumptions(),
                matches=(found.match(),),
            )
        )
    return out
