"""Examples shown at the end of each command's ``--help``."""

from __future__ import annotations

import argparse
from typing import Any

EXAMPLES = {
    "check": """\
examples:
  armscheck check deal.yaml                       the report, on a terminal
  armscheck check deal.yaml --as-of 2019-01-01    under the law of another day
  armscheck check a.yaml b.yaml --format json     one JSON array
  armscheck check deal.yaml --format html > report.html
  cat deal.yaml | armscheck check -               from standard input
  armscheck check deal.yaml --decisions held.yaml licences and adjudications held
  armscheck check deal.yaml --record records/     keep an audit record of the result
  armscheck check deal.yaml --format sarif        for code-scanning tools
""",
    "rules": """\
examples:
  armscheck rules                                 every rule, by family, with its title
  armscheck rules show us-content/itar-retransfer one rule in full
  armscheck rules --format json
""",
    "test": """\
examples:
  armscheck test scenarios/                       run every expect block
  armscheck test --coverage scenarios/            which scenarios fire each rule
""",
    "batch": """\
examples:
  armscheck batch deals/                          every file's verdict, then a summary
  armscheck batch deals/ --brief                  one line per file
  armscheck batch deals/ --format jsonl > out.jsonl
  armscheck batch deals/ --format html > batch.html
  armscheck batch deals/ --fail-on approval-required --quiet
  armscheck batch deals/ --format sarif > armscheck.sarif
  armscheck batch deals/ --baseline last.jsonl    fail only on findings not in last.jsonl
""",
    "verify": """\
examples:
  armscheck verify records/*.json                 same verdicts under today's rules?
  armscheck verify record.json --format json
""",
    "diff": """\
examples:
  armscheck diff --base main scenarios/           rules at git revision main vs on disk
  armscheck diff --base v0.1.0 --head HEAD --fail-on-change scenarios/
  armscheck diff --base-rules old/rules --head-rules rules deals/ --format json
""",
    "lists": """\
examples:
  armscheck lists                                 each list with its entries, date and age
  armscheck lists import consolidated.xml         import an official list file
  armscheck lists fetch --only un                 download and import one official list
""",
}


def examples(command: str) -> dict[str, Any]:
    """Keyword arguments for ``add_parser``: the command's examples as its epilog."""
    return {"epilog": EXAMPLES[command], "formatter_class": argparse.RawDescriptionHelpFormatter}
