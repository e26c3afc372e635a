"""Declared fact kinds of the us-content family, and the authorities a US export cites."""

from __future__ import annotations

from ...facts import Citation, FactKind

FAMILY_ID = "us-content"
PIECE = FactKind(
    "us-origin-piece",
    FAMILY_ID,
    {
        "level": "str",
        "control": "str",
        "control_given": "bool",
        "licence_needed": "bool",
        "what": "str",
        "usml_text": "str",
        "share_text": "str",
        "supplier": "str",
        "recipient": "str",
    },
    "a US-controlled item or component transferred by a non-US supplier",
)
EXPORT = FactKind(
    "us-export",
    FAMILY_ID,
    {
        "channel": "str",
        "control": "str",
        "control_given": "bool",
        "licence_needed": "bool",
        "item": "str",
        "value_text": "str",
        "recipient": "str",
        "authority_text": "str",
    },
    "an item exported by a US supplier",
)
DE_MINIMIS = FactKind(
    "de-minimis",
    FAMILY_ID,
    {
        "item": "str",
        "share": "float",
        "threshold": "float",
        "group": "str",
        "over": "bool",
        "value_assumed": "bool",
        "share_text": "str",
        "threshold_text": "str",
        "classes_text": "str",
        "destination": "str",
        "embargoed": "bool",
    },
    "the EAR de minimis test of a foreign-made item with US content",
)
PROSCRIBED = FactKind(
    "proscribed-country",
    FAMILY_ID,
    {
        "country": "str",
        "role": "str",
        "policy": "str",
        "status": "str",
        "paragraph": "str",
        "since": "str",
        "until": "str",
        "end_user_type": "str",
        "defense_content": "bool",
        "content_text": "str",
        "direction_text": "str",
        "status_text": "str",
    },
    "the supplier or recipient country is under 22 CFR 126.1 on the date",
)
UNREAD = FactKind(
    "proscribed-list-unread",
    FAMILY_ID,
    {"countries": "str", "before": "str", "content_text": "str"},
    "US defense content, and a party country with no 22 CFR 126.1 entry on a date before the "
    "earliest text read",
)
BARRED = FactKind(
    "barred-party",
    FAMILY_ID,
    {
        "party": "str",
        "matched": "str",
        "named": "str",
        "since": "str",
        "us_authorization": "bool",
        "authorization_text": "str",
        "blocked": "bool",
        "us_supplier": "bool",
    },
    "a party on the buying side is barred from US export licences and authorizations",
)
CATALOGUE = FactKind(
    "catalogue-entry",
    FAMILY_ID,
    {"item": "str", "system": "str", "filled": "str"},
    "an item's facts were filled in from the systems catalogue",
)

_ECFR = "https://www.ecfr.gov/current/title-"
_EAR = f"{_ECFR}15/subtitle-B/chapter-VII/subchapter-C"
AUTHORITY = {
    "drawdown": (
        "as a Presidential drawdown from Department of Defense stocks (FAA §506) it needs a "
        "Presidential determination and, for any later transfer, US consent",
        (
            Citation(
                "Foreign Assistance Act of 1961 §506(a)",
                "https://www.law.cornell.edu/uscode/text/22/2318",
                "22 U.S.C. 2318(a)",
            ),
        ),
    ),
    "fms": (
        "as a Foreign Military Sale it needs a Letter of Offer and Acceptance approved by the "
        "US government",
        (
            Citation(
                "Arms Export Control Act §21",
                "https://www.law.cornell.edu/uscode/text/22/2761",
                "22 U.S.C. 2761",
            ),
            Citation(
                "Security Assistance Management Manual",
                "https://samm.dsca.mil/chapter/chapter-5",
                "chapter 5 (LOA)",
            ),
        ),
    ),
    "itar": (
        "as a direct commercial sale of a defense article it needs a DDTC export licence",
        (
            Citation(
                "22 CFR 123.1", f"{_ECFR}22/chapter-I/subchapter-M/part-123/section-123.1", "(a)"
            ),
        ),
    ),
    "ear": (
        "as an item subject to the EAR it needs a BIS export licence to this destination",
        (
            Citation("15 CFR 734.3", f"{_EAR}/part-734/section-734.3", "(a)(1)"),
            Citation("15 CFR part 742", f"{_EAR}/part-742", "licence requirements by reason"),
        ),
    ),
}
