"""SARIF 2.1.0 output for code-scanning tools: one result per finding.

Results point at the YAML line and column of the finding's first piece of evidence;
each rule's metadata carries its rationale, advice and citation links. Findings that a
decision answers stay in the log as notes with a suppression saying which decision.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any

from ..errors import ComplianceError
from ..rulebook.book import Rule, Rulebook
from ..transfer.yamldoc import Doc, parse

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {
    "violation": "error",
    "denial": "error",
    "sanctioned": "error",
    "exposure": "warning",
    "conditional": "warning",
    "authorization-required": "warning",
    "notification-required": "warning",
}
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def level(outcome: str) -> str:
    """The SARIF level of a finding's outcome."""
    return LEVEL.get(outcome, "note")


def _steps(path: str) -> tuple[str | int, ...]:
    return tuple(int(i) if i else name for name, i in _STEP.findall(path))


@lru_cache(maxsize=64)
def _doc(file: str) -> Doc | None:
    p = Path(file)
    if not p.is_file():
        return None
    try:
        return parse(p.read_bytes(), file)
    except (ComplianceError, OSError):
        return None


def _region(file: str, evidence: dict[str, Any]) -> dict[str, int]:
    """The line and column of an evidence path, read again from the file when it can be."""
    doc = _doc(file)
    if doc is not None:
        line, col = doc.where(_steps(str(evidence.get("path") or "")))
        if line:
            return {"startLine": line, "startColumn": max(col or 1, 1)}
    line = evidence.get("line")
    return {"startLine": line if isinstance(line, int) and line > 0 else 1, "startColumn": 1}


def _uri(file: str) -> str:
    path = PurePath(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return path.as_posix()


def _rule_meta(rule: Rule) -> dict[str, Any]:
    cites = [c.as_dict() for c in rule.citations]
    lines = [" ".join(rule.rationale.split())] if rule.rationale else []
    if rule.advice:
        lines.append("What to do: " + " ".join(rule.advice.split()))
    lines += [f"{c['instrument']} {c.get('pinpoint') or ''}: {c['url']}".strip() for c in cites]
    md = [" ".join(rule.rationale.split())] if rule.rationale else []
    if rule.advice:
        md.append("**What to do:** " + " ".join(rule.advice.split()))
    md += [f"- [{c['instrument']} {c.get('pinpoint') or ''}]({c['url']})" for c in cites]
    return {
        "id": rule.id,
        "name": rule.id.replace("/", "-"),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": " ".join(rule.rationale.split()) or rule.title},
        "help": {"text": "\n".join(lines) or rule.title, "markdown": "\n\n".join(md)},
        **({"helpUri": cites[0]["url"]} if cites else {}),
        "defaultConfiguration": {"level": level(rule.outcome)},
        "properties": {
            "family": rule.family,
            "outcome": rule.outcome,
            "citations": cites,
            "tags": ["compliance", rule.family],
        },
    }


def _fingerprint(file: str, finding: dict[str, Any]) -> str:
    paths = ",".join(str(e.get("path")) for e in finding.get("evidence") or [])
    text = f"{PurePath(file).as_posix()}|{finding.get('rule')}|{paths}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _result(result: dict[str, Any], f: dict[str, Any], index: dict[str, int]) -> dict[str, Any]:
    file = str(result.get("file"))
    evidence = [e for e in f.get("evidence") or [] if isinstance(e, dict)] or [{"path": ""}]
    decided = f.get("satisfied_by") or f.get("waived_by")
    out: dict[str, Any] = {
        "ruleId": f["rule"],
        "level": "note" if decided else level(str(f.get("outcome"))),
        "message": {"text": f"{f.get('outcome')}: {f.get('why')}"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(file)},
                    "region": _region(file, evidence[0]),
                },
                "message": {"text": str(evidence[0].get("path") or "the transfer")},
            }
        ],
        "partialFingerprints": {"armscheckFinding/v1": _fingerprint(file, f)},
        "properties": {
            "outcome": f.get("outcome"),
            "family": f.get("family"),
            "verdict": result.get("verdict"),
            "evidence": [e.get("path") for e in evidence if e.get("path")],
        },
    }
    if f["rule"] in index:
        out["ruleIndex"] = index[f["rule"]]
    if decided:
        how = "satisfied by" if f.get("satisfied_by") else "waived by"
        out["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": f"{how} {decided}"}
        ]
    return out


def render(
    results: Iterable[dict[str, Any]],
    book: Rulebook,
    *,
    version: str,
    errors: Sequence[tuple[str, str]] = (),
    run: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The SARIF log for checked files' JSON results (and files that could not be checked)."""
    rules = [_rule_meta(r) for r in book.rules]
    index = {r["id"]: i for i, r in enumerate(rules)}
    out_results = [
        _result(res, f, index)
        for res in results
        for f in res.get("findings") or []
        if isinstance(f, dict) and f.get("rule")
    ]
    notes = [
        {
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file)}}}],
        }
        for file, message in errors
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    sarif_run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "armscheck",
                "version": version,
                "semanticVersion": version,
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "results": out_results,
        "columnKind": "unicodeCodePoints",
    }
    if run is not None:
        sarif_run["properties"] = {"run": run}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [sarif_run]}
