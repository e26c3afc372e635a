"""Checking a transfer: facts from every family, one engine run, a verdict."""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cache, partial
from typing import Any

from .engine import Engine
from .errors import EngineError
from .explanations import render
from .facts import Citation, Context, Fact, in_force, kept_for
from .gather import bounded, citations_once, each, first_time, places, unique
from .rulebook.book import Rule, Rulebook
from .shapes import check_fact, fact_shapes, fits
from .transfer.model import Loc, Transfer
from .verdict import (
    FAMILY_OUTCOMES,
    NOT_EVALUATED,
    Finding,
    Verdict,
    check_expect,
    family_outcome,
    level,
    overall,
)

DISCLAIMER = "Not legal advice: armscheck encodes public law for research and screening."
# A report stays readable whatever the input: a transfer with 4,000 ITAR parts gets the same
# family outcomes, but lists only the first findings of each rule, the first places of each
# finding, and long lists inside a sentence cut short with a count of the rest.
NOT_ASSESSED = "/not-assessed"  # a rule so named marks its family not evaluated when it fires
MAX_EVIDENCE = 50
MAX_NOTES = 256  # notes (citations) kept on facts (tuples) checks share, then started afresh
_NONE = (None, None)


class Checker:
    """A compiled rulebook that checks any number of transfers."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.engine = Engine(rulebook.rules)
        self._kinds = {k.kind: k for f in rulebook.families for k in f.kinds}
        self._shapes = fact_shapes(self._kinds)
        self._rules = {r.id: r for r in rulebook.rules}
        self._rule_cites: dict[str, tuple[Citation, ...]] = {}  # each rule's, each once
        self._notes: dict[tuple[str, int], tuple[Fact, str]] = {}  # on shared facts (_note)
        self._cited: dict[tuple[str, int], tuple[Any, tuple[Citation, ...]]] = {}  # _citations
        # facts with no place in the file judged against their kinds: most are made once per
        # process and shared by every check (a list not imported), and need judging only once
        self._judged: dict[int, tuple[Fact, None]] = {}
        self._built = {f.id for f in rulebook.families}
        self._first: dict[str, dt.date] = {}  # each family's first rule to take effect
        for r in rulebook.rules:
            self._first[r.family] = min(r.effective_from, self._first.get(r.family, dt.date.max))
        # the families with a rule in force, for each run of days between rules' start and end
        rules = rulebook.rules
        self._bounds = sorted({d for r in rules for d in (r.effective_from, r.effective_to) if d})
        self._in_force = [
            {r.family for r in rules if in_force(r.effective_from, r.effective_to, first)}
            for first in [dt.date.min, *self._bounds]
        ]

    def facts(
        self, transfer: Transfer, date: dt.date, shared: dict[str, Any] | None = None
    ) -> list[Fact]:
        """Every family's facts about ``transfer`` at ``date``, checked against their kinds.

        ``shared``: the values that do not depend on the recipient, kept for other checks of
        the same transfer and date with other recipients (see :meth:`Context.sharing`).
        """
        ctx = Context(transfer, date, self.rulebook.reference)
        if shared is not None:
            ctx.sharing(shared)
        facts: list[Fact] = []
        for family in self.rulebook.families:
            facts.extend(family.build(ctx))
        seen: set[str] = set()
        shapes = self._shapes
        judged = self._judged
        for fact in facts:
            try:
                if fact.evidence:
                    if not fits(fact, shapes):
                        check_fact(fact, self._kinds)
                elif judged.get(id(fact), _NONE)[0] is not fact:  # (see _judged)
                    if not fits(fact, shapes):
                        check_fact(fact, self._kinds)
                    if len(judged) >= MAX_NOTES:
                        judged.clear()
                    judged[id(fact)] = (fact, None)
            except ValueError as exc:
                raise EngineError(
                    f"invalid fact: {exc}",
                    file=transfer.file,
                    hint="this is a bug in a fact builder; please report it",
                ) from None
            if fact.key in seen:
                raise EngineError(f"duplicate fact key {fact.key!r}", file=transfer.file)
            seen.add(fact.key)
        return facts

    def check(
        self, transfer: Transfer, as_of: dt.date | None = None, *, facts: list[Fact] | None = None
    ) -> Verdict:
        """Check ``transfer`` under the law in force on ``as_of`` (default: its date).

        ``facts`` are the :meth:`facts` of ``transfer`` on that date when the caller built
        them already (they are not built again).
        """
        date = as_of or transfer.date
        if facts is None:
            facts = self.facts(transfer, date)
        try:
            result = self.engine.run(facts, date.toordinal())
        except EngineError as exc:
            exc.file = exc.file or transfer.file
            raise
        if result.errors or not result.evaluated:
            detail = "; ".join(result.errors) or "the rules did not run"
            raise EngineError(
                f"the check failed: {detail}",
                file=transfer.file,
                hint="no verdict can be given; please report this",
            )
        by_key = {f.key: f for f in facts}
        findings: list[Finding] = []
        notes: list[str] = []
        seen: dict[Any, list[tuple[Loc, ...]]] = {}
        unassessed: set[str] = set()
        matches = result.matches
        again = len({m.rule for m in matches}) < len(matches)  # else every match is a first
        for match in matches:
            rule = self._rules[match.rule]
            keys = match.keys  # (most name one fact: no comprehension's call for them)
            matched = [by_key[keys[0]]] if len(keys) == 1 else [by_key[k] for k in keys]
            evidence = places(matched)
            if again and not first_time(seen, rule.id, evidence):
                continue
            if rule.outcome == "clear":  # only its sentence is shown, among the notes
                notes.append(self._note(rule, matched, evidence))
                if rule.id.endswith(NOT_ASSESSED):
                    unassessed.add(rule.family)
            else:
                findings.append(self._finding(rule, matched, evidence))
        families = self._families(findings, date, notes, unassessed)
        if len(findings) > 1:
            order = list(FAMILY_OUTCOMES)
            findings.sort(
                key=lambda f: (
                    order.index(f.family),
                    FAMILY_OUTCOMES[f.family].index(f.outcome),
                    f.rule,
                )
            )
        assumptions = list(unique([a for f in facts if f.assumptions for a in f.assumptions]))
        findings = bounded(findings, notes)
        parties = (transfer.supplier.country, transfer.recipient.country)
        assumptions += self.rulebook.reference.historic_notes(parties, date)
        reviewed = self.rulebook.law_reviewed
        if reviewed and date > reviewed:
            notes.insert(
                0,
                f"Warning: checked at {date}, after the law data was last reviewed "
                f"({reviewed}); changes in the law since then are not known to armscheck.",
            )
        verdict = overall(families)
        law_reviewed = reviewed.isoformat() if reviewed else None
        contested = rests_on_contested(findings, verdict)
        # (fields by position: a class called with keywords packs them in a dictionary first)
        return Verdict(
            transfer.file, transfer.name, date.isoformat(), verdict, families, findings,
            notes, assumptions, contested, None, None, law_reviewed,
        )  # fmt: skip

    def _families(
        self, findings: list[Finding], date: dt.date, notes: list[str], unassessed: set[str]
    ) -> dict[str, str]:
        """Each family's outcome, ``not-evaluated`` where it cannot be known.

        That is a family whose rules are not encoded, or none of them in force on the
        date, or whose ``not-assessed`` rule fired (the law's data for the date is missing).
        """
        built = self._built
        live = self._in_force[bisect.bisect_right(self._bounds, date)]
        families: dict[str, str] = {}
        by_family: dict[str, list[Finding]] = {}
        for f in findings:
            by_family.setdefault(f.family, []).append(f)
        for fam in FAMILY_OUTCOMES:
            found = by_family.get(fam, [])
            if fam not in built:
                families[fam] = NOT_EVALUATED
                notes.append(f"{fam} not evaluated: its rules are not yet encoded.")
            elif fam not in live and not found:
                families[fam] = NOT_EVALUATED
                first = self._first.get(fam)
                since = f" (the first takes effect on {first})" if first and first > date else ""
                notes.append(f"{fam} not evaluated: no rule of it is in force on {date}{since}.")
            elif fam in unassessed and not found:
                families[fam] = NOT_EVALUATED
            else:
                families[fam] = family_outcome(fam, found) if found else "clear"
        return families

    def check_file(self, path: str, as_of: dt.date | None = None) -> Verdict:
        """Load the transfer file at ``path`` (``-`` for standard input) and check it."""
        transfer = _loader()(path, self.rulebook.reference, expect_check=check_expect)
        return self.check(transfer, as_of)

    def _note(self, rule: Rule, matched: list[Fact], evidence: tuple[Any, ...]) -> str:
        """A clear rule's sentence, as a note.

        A fact with no place in the file (a list not imported, say) is made once per process
        and shared by every check: the note on it is written once and kept with the fact.
        """

        def note() -> str:
            return f"{rule.id}: {_why(rule, matched, evidence)[0]}"

        fact = matched[0]
        if len(matched) != 1 or fact.evidence:
            return note()
        return kept_for(self._notes, fact, note, rule.id, MAX_NOTES)

    def _citations(self, rule: Rule, matched: list[Fact]) -> tuple[Citation, ...]:
        """The rule's citations, then the matched facts' own, each once.

        Most facts cite a list entry's citations, the same tuple in every check: the answer
        for a rule and one fact's tuple is kept with the tuple (a bounded number of them).
        """
        if len(matched) != 1:
            own = [c for f in matched for c in f.citations]
            return citations_once([*rule.citations, *own]) if own else self._rule_only(rule)
        mine = matched[0].citations
        if not mine:
            return self._rule_only(rule)
        return kept_for(
            self._cited, mine, lambda: citations_once([*rule.citations, *mine]), rule.id, MAX_NOTES
        )

    def _rule_only(self, rule: Rule) -> tuple[Citation, ...]:
        cites = self._rule_cites.get(rule.id)
        if cites is None:
            cites = self._rule_cites[rule.id] = citations_once(list(rule.citations))
        return cites

    def _finding(self, rule: Rule, matched: list[Fact], evidence: tuple[Any, ...]) -> Finding:
        outcome = rule.outcome
        review = matched[0].fields.get("review_days")
        why, evidence = _why(rule, matched, evidence)
        return Finding(
            rule.id,
            rule.family,
            rule.title,
            outcome,
            why,
            self._citations(rule, matched),
            evidence,
            each(matched, "assumptions"),
            any(f.contested for f in matched),
            int(review) if outcome == "notification-required" and isinstance(review, int) else None,
            render(rule.advice, matched) if rule.advice else "",
            (),
            partial(each, matched, "changes"),  # made when asked (counterfactuals)
            each(matched, "matches"),
        )


def _why(rule: Rule, matched: list[Fact], evidence: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """A finding's sentence and the places it lists (at most :data:`MAX_EVIDENCE`)."""
    why = render(rule.explanation, matched)
    if len(evidence) > MAX_EVIDENCE:
        why += f" (The first {MAX_EVIDENCE} of {len(evidence):,} places are listed.)"
        evidence = evidence[:MAX_EVIDENCE]
    return why, evidence


@cache
def _loader() -> Any:
    """The transfer reader, imported for the first file (an import in a function runs per call)."""
    from .transfer.loader import load_transfer

    return load_transfer


def rests_on_contested(findings: list[Finding], verdict: str) -> bool:
    """Whether every finding behind the overall verdict rests on contested law."""
    if not any(f.contested for f in findings):  # (the commonest case, known at once)
        return False
    behind = [f for f in findings if f.open and level(f.outcome) == verdict]
    return bool(behind) and all(f.contested for f in behind)
