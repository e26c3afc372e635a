"""A listed company's distinctive leading words, and a name that begins with them.

"Mansudae Overseas Project Group of Companies" is listed; "Mansudae Overseas Project
Architectural and Technical Services (Proprietary) Limited", its subsidiary in Namibia, is
not, and neither contains the other. Dropping the listed name's generic words from its end
leaves its distinctive leading words ("Mansudae Overseas Project"); a name that begins with
them is a possible match (never an exact one), wherever the party is registered.

The leading words are indexed once per alias (a key like the others, see :mod:`.keys`); a
screened name looks up its own first words, so the rule costs a few look-ups per name,
whatever the size of the lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from .forms import DESCRIPTORS, GENERIC, PLAIN
from .model import Normalised

HEAD_MIN = 8  # letters the distinctive leading words of a listed name need to be a key
HEAD_ONE_WORD = 10  # and letters of a single such word


def head(norm: Normalised) -> int:
    """How many leading words of a listed name are distinctive, or 0 for no such key.

    The name's generic words (:data:`~.forms.GENERIC`: "group", "companies", "trading") are
    dropped from its end; the words left lead the name ("Mansudae Overseas Project" of
    "Mansudae Overseas Project Group of Companies"). They count only when some word was
    dropped (a name that merely contains the whole alias is matched otherwise) and when they
    are distinctive: several words of at least :data:`HEAD_MIN` letters, or one word of at
    least :data:`HEAD_ONE_WORD` ("Wagner" of "Wagner Group" is not enough), one of them not
    an ordinary word (:data:`~.forms.PLAIN`: "External Technology" is not enough).
    """
    return lead_of(norm.words)


def lead_of(words: Sequence[str]) -> int:
    """:func:`head` of a name of ``words``."""
    k = len(words)
    while k and words[k - 1] in GENERIC:
        k -= 1
    if k == len(words) or not k:
        return 0
    leading = words[:k]
    if sum(map(len, leading)) < (HEAD_MIN if k > 1 else HEAD_ONE_WORD) or PLAIN.issuperset(leading):
        return 0
    return k


def begins(
    query: Normalised, alias: Normalised, k: int
) -> tuple[tuple[str, ...], tuple[str, ...], float, str]:
    """How ``query``, whose first ``k`` words are ``alias``'s leading words, matches it.

    The alias's words matched, the name's other words that do more than describe, the
    score (that of a name containing those words among others) and the reason.
    """
    lead = head(alias)
    matched = alias.words[:lead]
    plain = tuple(w for w in query.words[k:] if w not in DESCRIPTORS)
    score = 0.80 + 0.012 * min(sum(map(len, matched)), 12)
    why = (
        f"the name begins with '{' '.join(matched)}', the listed name '{alias.original}' "
        f"without its generic words ({', '.join(alias.words[lead:])})"
    )
    return matched, plain, score, why
