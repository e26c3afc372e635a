"""Findings, per-family outcomes and the overall verdict (contract §2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .facts import Change, Citation, Match
from .later import Later
from .records import field, record
from .transfer.model import EXPECT_KEYS, Loc

NOT_EVALUATED = "not-evaluated"
ERROR = "error"

FAMILY_OUTCOMES: dict[str, tuple[str, ...]] = {
    "un-embargo": ("violation", "conditional", "clear"),
    "us-content": ("denial", "authorization-required", "clear"),
    "congress": ("notification-required", "clear"),
    "caatsa": ("sanctioned", "exposure", "clear"),
}
VERDICTS = ("prohibited", "sanctions-exposure", "approval-required", "clear")
_LEVEL = {
    "violation": "prohibited",
    "denial": "prohibited",
    "sanctioned": "sanctions-exposure",
    "exposure": "sanctions-exposure",
    "conditional": "approval-required",
    "authorization-required": "approval-required",
    "notification-required": "approval-required",
    "clear": "clear",
}


@record(frozen=True)
class Finding:
    """One rule that fired on the transfer."""

    rule: str
    family: str
    title: str
    outcome: str
    why: str
    citations: tuple[Citation, ...]
    evidence: tuple[Loc, ...]
    assumptions: tuple[str, ...] = ()
    contested: bool = False
    review_days: int | None = None
    advice: str = ""
    counterfactuals: tuple[tuple[str, str], ...] = ()
    changes: Later[tuple[Change, ...]] = field(default=Later(()), compare=False)
    matches: tuple[Match, ...] = ()
    satisfied_by: str | None = None
    waived_by: str | None = None

    def __init__(
        self,
        rule: str,
        family: str,
        title: str,
        outcome: str,
        why: str,
        citations: tuple[Citation, ...],
        evidence: tuple[Loc, ...],
        assumptions: tuple[str, ...] = (),
        contested: bool = False,
        review_days: int | None = None,
        advice: str = "",
        counterfactuals: tuple[tuple[str, str], ...] = (),
        changes: tuple[Change, ...] | Callable[[], tuple[Change, ...]] = (),
        matches: tuple[Match, ...] = (),
        satisfied_by: str | None = None,
        waived_by: str | None = None,
    ) -> None:
        # a check makes a finding for each rule that fires: the instance is given its fields'
        # dictionary whole, made in one display, not each through object.__setattr__ (it stays
        # frozen; see Fact)
        own = {
            "rule": rule, "family": family, "title": title, "outcome": outcome, "why": why,
            "citations": citations, "evidence": evidence, "assumptions": assumptions,
            "contested": contested, "review_days": review_days, "advice": advice,
            "counterfactuals": counterfactuals, "matches": matches,
            "satisfied_by": satisfied_by, "waived_by": waived_by,
            "changes": () if isinstance(changes, Later) else changes,
        }  # fmt: skip
        object.__setattr__(self, "__dict__", own)

    @property
    def match(self) -> str | None:
        """``exact`` or ``possible`` when the finding rests on name matches, else None.

        Exact when any of its matches is exact: the finding stands on that one.
        """
        if not self.matches:
            return None
        return "exact" if any(m.exact for m in self.matches) else "possible"

    @property
    def best(self) -> Match | None:
        """The match the finding stands on most: an exact one first, then the best score."""
        return max(self.matches, key=lambda m: (m.exact, m.score)) if self.matches else None

    @property
    def open(self) -> bool:
        """Whether the finding counts toward the verdict (no decision answers it)."""
        return self.satisfied_by is None and self.waived_by is None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of contract §2."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "family": self.family,
            "title": self.title,
            "outcome": self.outcome,
            "why": self.why,
            "citations": [c.as_dict() for c in self.citations],
            "evidence": [
                {"path": e.path, "line": e.line, **({"value": e.value} if e.value else {})}
                for e in self.evidence
            ],
            "assumptions": list(self.assumptions),
            "contested": self.contested,
            "review_days": self.review_days,
        }
        if self.advice:
            out["advice"] = self.advice
        out["counterfactuals"] = [{"change": c, "outcome": o} for c, o in self.counterfactuals]
        best = self.best
        if best is not None:
            out["match"] = self.match
            out["score"] = best.score
            out["alias"] = best.alias
            out["matches"] = [m.as_dict() for m in self.matches]
        for key in ("satisfied_by", "waived_by"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


def level(outcome: str) -> str:
    """The overall verdict a family outcome leads to."""
    return _LEVEL.get(outcome, "clear")


def family_outcome(family: str, findings: list[Finding]) -> str:
    """The most severe outcome among a family's open findings, ``clear`` if none."""
    ranks = _RANKS[family]
    worst, rank = "clear", len(ranks)
    for f in findings:
        mine = ranks.get(f.outcome, rank) if f.family == family else rank
        if mine < rank and f.open:
            worst, rank = f.outcome, mine
    return worst


# each family's outcomes by severity (0 the most severe)
_RANKS = {fam: {o: i for i, o in enumerate(order)} for fam, order in FAMILY_OUTCOMES.items()}


def overall(families: dict[str, str]) -> str:
    """The overall verdict from per-family outcomes, most severe first.

    Families that were not evaluated do not count; a family in error makes an
    otherwise clear verdict ``error``, never ``clear``.
    """
    levels = [_LEVEL[o] for o in families.values() if o in _LEVEL]
    worst = min(levels, key=VERDICTS.index) if levels else "clear"
    if worst == "clear" and any(o == ERROR for o in families.values()):
        return ERROR
    return worst


@record
class Verdict:
    """The result of checking one transfer."""

    file: str
    name: str
    date: str
    verdict: str
    families: dict[str, str]
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    contested: bool = False
    decisions: dict[str, Any] | None = None
    run: dict[str, Any] | None = None
    law_reviewed: str | None = None  # the latest review date of the law data

    @property
    def not_evaluated(self) -> list[str]:
        """The families that were not evaluated (no rule encoded or in force on the date)."""
        return [f for f, o in self.families.items() if o == NOT_EVALUATED]

    @property
    def after_review(self) -> bool:
        """Whether the check is dated after the law data was last reviewed."""
        return bool(self.law_reviewed) and self.date > str(self.law_reviewed)

    def headline(self) -> str:
        """The verdict in words, qualified when a family was not evaluated.

        ``clear`` reads "CLEAR for un-embargo — congress, caatsa not evaluated on
        1950-01-01", never an unqualified clear.
        """
        missing = self.not_evaluated
        if not missing:
            return self.verdict.upper()
        done = [f for f in self.families if f not in missing]
        scope = f" for {', '.join(done)}" if done else ""
        return f"{self.verdict.upper()}{scope} — {', '.join(missing)} not evaluated on {self.date}"

    @property
    def rests_on_possible_match(self) -> bool:
        """Whether every finding behind the verdict rests only on possible name matches."""
        behind = [f for f in self.findings if f.open and level(f.outcome) == self.verdict]
        return bool(behind) and all(f.match == "possible" for f in behind)

    def possible_match_note(self) -> str | None:
        """The sentence saying which possible matches the verdict rests on, if it does."""
        if not any(f.matches for f in self.findings) or not self.rests_on_possible_match:
            return None  # (no finding rests on a name match: the commonest case, known at once)
        behind = [f for f in self.findings if f.open and level(f.outcome) == self.verdict]
        pairs = dict.fromkeys(
            f"'{m.party}' may be '{m.alias or m.entry}' ({m.list}: {m.entry}, score {m.score:.3f})"
            for f in behind
            for m in f.matches
        )
        return (
            f"The verdict ({self.verdict}) rests on findings whose name matches are only "
            f"possible, to be confirmed: {'; '.join(pairs)}. Confirm each, or record a "
            "not-a-match decision."
        )

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of contract §2 (with ``decisions`` and ``run`` when known)."""
        note = self.possible_match_note()
        missing = self.not_evaluated
        out = {
            "file": self.file,
            "name": self.name,
            "date": self.date,
            "verdict": self.verdict,
            "families": dict(self.families),
            "contested": self.contested,
            "rests_on_possible_match": note is not None,
            "findings": [f.as_dict() for f in self.findings],
            "assumptions": list(self.assumptions),
            "notes": [*([note] if note else []), *self.notes],
            "complete": not missing,
            "not_evaluated": missing,
            "law_reviewed": self.law_reviewed,
        }
        if self.decisions is not None:
            out["decisions"] = self.decisions
        if self.run is not None:
            out["run"] = self.run
        return out


def rank(verdict: str) -> int:
    """0 for the most severe verdict; larger is milder."""
    return VERDICTS.index(verdict) if verdict in VERDICTS else -1


def check_expect(r: Any, expect: Any) -> None:
    """Check a transfer file's ``expect`` block: keys and vocabulary (contract §3).

    ``r`` is the :class:`~armscheck.transfer.reader.Reader` of the file; the transfer loader
    calls this for the block, so the verdict's vocabulary stays here.
    """
    block = r.mapping(expect, ("expect",), EXPECT_KEYS)
    if block.get("verdict") is not None:
        r.choice(block["verdict"], ("expect", "verdict"), VERDICTS, "verdict")
    families = block.get("families") or {}
    if not isinstance(families, dict):
        raise r.fail(
            ("expect", "families"),
            "expected a mapping of family: outcome",
            "e.g. families: {un-embargo: clear}",
        )
    for fam, outcome in families.items():
        r.choice(fam, ("expect", "families", fam), list(FAMILY_OUTCOMES), "family")
        allowed = (*FAMILY_OUTCOMES[fam], NOT_EVALUATED)  # a scenario may pin a gap in the law data
        r.choice(outcome, ("expect", "families", fam), allowed, f"{fam} outcome")
    for key in ("rules", "not_rules"):
        ids = block.get(key)
        if ids is not None and not (isinstance(ids, list) and all(isinstance(i, str) for i in ids)):
            raise r.fail(
                ("expect", key),
                "expected a list of rule ids",
                "e.g. [un-embargo/supplier-export-ban]",
            )
    lists = block.get("official_lists")
    if lists is not None and not (isinstance(lists, str) and lists.strip()):
        raise r.fail(
            ("expect", "official_lists"),
            "expected the path of a folder of official list files, relative to the scenario",
            "e.g. official_lists: ../../tests/fixtures/official",
        )
