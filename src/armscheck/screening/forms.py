"""Words that do not identify a party: legal forms, articles and generic descriptors.

Every form is written as it reads after normalisation (transliterated, lower case,
punctuation removed, runs of single letters joined: ``S.A.`` reads ``sa``, ``A.Ş.``
``as``, ``ОАО`` ``oao``, ``有限公司`` ``you xian gong si``).
"""

from __future__ import annotations

# Legal forms, one word each, by language or region.
LEGAL_FORMS = frozenset(
    (
        # Russian and post-Soviet (Latin and transliterated Cyrillic)
        "ooo oao zao ao pao pjsc jsc ojsc cjsc ojsk zaok fgup fsue gup mup fgbu fku ano tov"
        " prat tdv uab sia"
        # English
        " ltd llc lllp llp lp inc corp co plc pty pvt pte limited incorporated corporation company"
        " cic"
        # German, Dutch, Nordic
        " gmbh ag kg ohg ug mbh kgaa bv nv vof ab oy oyj asa aps"
        # French, Spanish, Italian, Portuguese
        " sa sas sasu sarl eurl sca snc scs spa srl sapa sl slu ltda"
        # Central and eastern Europe, Balkans, Turkey
        " sro spzoo zrt nyrt kft bt doo dd ad ead ood eood as sti"
        # Middle East, Asia
        " sal wll fze fzco fzc fzllc bsc qsc pjs kk gk bhd sdn tbk jituan gongsi"
        # Arabic and Persian script, transliterated (shirka, sherkat, mu'assasa)
        " shrkh shrkt shrk"
    ).split()
)

# Legal forms of several words (after the single-letter runs are joined).
LEGAL_PHRASES: tuple[tuple[str, ...], ...] = (
    ("you", "xian", "ze", "ren", "gong", "si"),
    ("gu", "fen", "you", "xian", "gong", "si"),
    ("you", "xian", "gong", "si"),
    ("youxian", "gongsi"),
    ("youxian", "zeren", "gongsi"),
    ("gufen", "youxian", "gongsi"),
    ("zong", "gong", "si"),
    ("gong", "si"),
    ("ji", "tuan"),
    ("sp", "zoo"),
    ("sdn", "bhd"),
    ("ltd", "sti"),
    ("limited", "liability", "company"),
    ("limited", "liability", "partnership"),
    ("public", "limited", "company"),
    ("joint", "stock", "company"),
    ("public", "joint", "stock", "company"),
    ("open", "joint", "stock", "company"),
    ("closed", "joint", "stock", "company"),
    ("private", "limited"),
    ("aktsionernoe", "obshchestvo"),
    ("otkritoe", "aktsionernoe", "obshchestvo"),
    ("publichnoe", "aktsionernoe", "obshchestvo"),
    ("obshchestvo", "s", "ogranichennoi", "otvetstvennostiu"),
)

# Articles and joining words dropped from every name ("Al-Shabaab" and "Shabaab" compare equal).
ARTICLES = frozenset("the al el ul of and".split())

# Words that only describe a party; a name that adds only these to an alias still matches it
# exactly ("Houthi forces", "Hezbollah militia", "Wagner Group").
DESCRIPTORS = frozenset(
    (
        "forces force militia militias movement group groups rebels rebel fighters members"
        " faction organisation organization network brigades units unit wing"
    ).split()
)

# Generic words of company names ("group of companies", "trading", "holdings"). Dropped from the
# end of a listed name, they leave its distinctive leading words: "Mansudae Overseas Project
# Group of Companies" leads with "Mansudae Overseas Project", and a party whose name begins
# with those words (a subsidiary, a branch) is a possible match. Legal forms, articles and
# descriptors are dropped too.
GENERIC = (
    frozenset(
        (
            "companies company corporations corporation enterprises enterprise holdings holding"
            " industries trading traders general associated international incorporated limited"
            " co corp inc ltd"
        ).split()
    )
    | DESCRIPTORS
)

# Words too common to tell a party apart, however many of them lead a listed name: a name's
# leading words are a key (see above) only when one of them is not among these ("External
# Technology", "Abu Ahmed", "Iran Electronics" and "Ammunition" are not distinctive;
# "Green Pine", "Korea Ryonbong" and "Namchongang" are).
PLAIN = frozenset(
    (
        # places and peoples
        "korea korean iran iranian china chinese russia russian turkey turkish republic"
        " national state people peoples hong kong eastern western northern southern"
        # ordinary words of company, ministry and group names
        " new green united first general ammunition metallurgy industry industrial technology"
        " technical external aviation aerospace aircraft electronics chemical missile cruise"
        " naval defence defense ministry presidency undersecretariat for strategic rocket"
        " research production manufacturing development economics equipment mining leader"
        " directorate aeronautics islamic armed allied democratic humanitarian commander army"
        " emigrants supporters youth resistance trust combatant fighting jihad battalions"
        " revolutionary"
        # personal names common enough to begin many unrelated firms' names
        " abu ahmed ahmad muhammad mohammed mohammad jamal ali hassan"
    ).split()
)
