"""Each record class's ``__init__``, as :mod:`.records` writes it, compiled with the
package.

Written by ``python tests/test_recordinits.py`` from the package's record classes; do not
edit. :mod:`.records` looks a class's ``__init__`` text up in :data:`CODE` and compiles it
only when it is not here (a test checks that this module is current and that each code is
that of its text).
"""
# ruff: noqa
# mypy: ignore-errors

from __future__ import annotations

from types import CodeType

CODE: dict[str, CodeType] = {}


def __init__(self, alias, kind, where):
  __record_object.__setattr__(self, 'alias', alias)
  __record_object.__setattr__(self, 'kind', kind)
  __record_object.__setattr__(self, 'where', where)


CODE["def __init__(self, alias, kind, where):\n  __record_object.__setattr__(self, 'alias', alias)\n  __record_object.__setattr__(self, 'kind', kind)\n  __record_object.__setattr__(self, 'where', where)"] = __init__.__code__

__record_default_settings = __record_factory = None

def __init__(self, book, settings=__record_default_settings, _read=__record_factory, _found=__record_factory):
  self.book = book
  self.settings = settings
  self._read = __record_make__read() if _read is __record_factory else _read
  self._found = __record_make__found() if _found is __record_factory else _found


CODE['def __init__(self, book, settings=__record_default_settings, _read=__record_factory, _found=__record_factory):\n  self.book = book\n  self.settings = settings\n  self._read = __record_make__read() if _read is __record_factory else _read\n  self._found = __record_make__found() if _found is __record_factory else _found'] = __init__.__code__

__record_default_review_rows = __record_default_territory = None

def __init__(self, channel, lines, rows, values, member, notes, territory=__record_default_territory, review_rows=__record_default_review_rows):
  __record_object.__setattr__(self, 'channel', channel)
  __record_object.__setattr__(self, 'lines', lines)
  __record_object.__setattr__(self, 'rows', rows)
  __record_object.__setattr__(self, 'values', values)
  __record_object.__setattr__(self, 'member', member)
  __record_object.__setattr__(self, 'notes', notes)
  __record_object.__setattr__(self, 'territory', territory)
  __record_object.__setattr__(self, 'review_rows', review_rows)


CODE["def __init__(self, channel, lines, rows, values, member, notes, territory=__record_default_territory, review_rows=__record_default_review_rows):\n  __record_object.__setattr__(self, 'channel', channel)\n  __record_object.__setattr__(self, 'lines', lines)\n  __record_object.__setattr__(self, 'rows', rows)\n  __record_object.__setattr__(self, 'values', values)\n  __record_object.__setattr__(self, 'member', member)\n  __record_object.__setattr__(self, 'notes', notes)\n  __record_object.__setattr__(self, 'territory', territory)\n  __record_object.__setattr__(self, 'review_rows', review_rows)"] = __init__.__code__

__record_default_note = __record_default_territory_condition = __record_default_unconfirmed = None

def __init__(self, channel, tier, measure, amount, review_days, start, end, citations, unconfirmed=__record_default_unconfirmed, note=__record_default_note, territory_condition=__record_default_territory_condition):
  __record_object.__setattr__(self, 'channel', channel)
  __record_object.__setattr__(self, 'tier', tier)
  __record_object.__setattr__(self, 'measure', measure)
  __record_object.__setattr__(self, 'amount', amount)
  __record_object.__setattr__(self, 'review_days', review_days)
  __record_object.__setattr__(self, 'start', start)
  __record_object.__setattr__(self, 'end', end)
  __record_object.__setattr__(self, 'citations', citations)
  __record_object.__setattr__(self, 'unconfirmed', unconfirmed)
  __record_object.__setattr__(self, 'note', note)
  __record_object.__setattr__(self, 'territory_condition', territory_condition)


CODE["def __init__(self, channel, tier, measure, amount, review_days, start, end, citations, unconfirmed=__record_default_unconfirmed, note=__record_default_note, territory_condition=__record_default_territory_condition):\n  __record_object.__setattr__(self, 'channel', channel)\n  __record_object.__setattr__(self, 'tier', tier)\n  __record_object.__setattr__(self, 'measure', measure)\n  __record_object.__setattr__(self, 'amount', amount)\n  __record_object.__setattr__(self, 'review_days', review_days)\n  __record_object.__setattr__(self, 'start', start)\n  __record_object.__setattr__(self, 'end', end)\n  __record_object.__setattr__(self, 'citations', citations)\n  __record_object.__setattr__(self, 'unconfirmed', unconfirmed)\n  __record_object.__setattr__(self, 'note', note)\n  __record_object.__setattr__(self, 'territory_condition', territory_condition)"] = __init__.__code__

__record_default_warm = None

def __init__(self, checker, as_of, session, warm=__record_default_warm):
  self.checker = checker
  self.as_of = as_of
  self.session = session
  self.warm = warm


CODE['def __init__(self, checker, as_of, session, warm=__record_default_warm):\n  self.checker = checker\n  self.as_of = as_of\n  self.session = session\n  self.warm = warm'] = __init__.__code__

__record_default_existed_from = __record_default_existed_to = __record_default_historic = None

def __init__(self, code, name, historic=__record_default_historic, existed_from=__record_default_existed_from, existed_to=__record_default_existed_to):
  __record_object.__setattr__(self, 'code', code)
  __record_object.__setattr__(self, 'name', name)
  __record_object.__setattr__(self, 'historic', historic)
  __record_object.__setattr__(self, 'existed_from', existed_from)
  __record_object.__setattr__(self, 'existed_to', existed_to)


CODE["def __init__(self, code, name, historic=__record_default_historic, existed_from=__record_default_existed_from, existed_to=__record_default_existed_to):\n  __record_object.__setattr__(self, 'code', code)\n  __record_object.__setattr__(self, 'name', name)\n  __record_object.__setattr__(self, 'historic', historic)\n  __record_object.__setattr__(self, 'existed_from', existed_from)\n  __record_object.__setattr__(self, 'existed_to', existed_to)"] = __init__.__code__


def __init__(self, content, percent, group, row, start):
  __record_object.__setattr__(self, 'content', content)
  __record_object.__setattr__(self, 'percent', percent)
  __record_object.__setattr__(self, 'group', group)
  __record_object.__setattr__(self, 'row', row)
  __record_object.__setattr__(self, 'start', start)


CODE["def __init__(self, content, percent, group, row, start):\n  __record_object.__setattr__(self, 'content', content)\n  __record_object.__setattr__(self, 'percent', percent)\n  __record_object.__setattr__(self, 'group', group)\n  __record_object.__setattr__(self, 'row', row)\n  __record_object.__setattr__(self, 'start', start)"] = __init__.__code__

__record_default_end_user = __record_default_end_user_type = __record_default_end_user_type_given = __record_default_end_user_unit = __record_default_region = None

def __init__(self, country, country_name, entities, loc, end_user=__record_default_end_user, end_user_type=__record_default_end_user_type, end_user_type_given=__record_default_end_user_type_given, region=__record_default_region, end_user_unit=__record_default_end_user_unit):
  __record_object.__setattr__(self, 'country', country)
  __record_object.__setattr__(self, 'country_name', country_name)
  __record_object.__setattr__(self, 'entities', entities)
  __record_object.__setattr__(self, 'loc', loc)
  __record_object.__setattr__(self, 'end_user', end_user)
  __record_object.__setattr__(self, 'end_user_type', end_user_type)
  __record_object.__setattr__(self, 'end_user_type_given', end_user_type_given)
  __record_object.__setattr__(self, 'region', region)
  __record_object.__setattr__(self, 'end_user_unit', end_user_unit)


CODE["def __init__(self, country, country_name, entities, loc, end_user=__record_default_end_user, end_user_type=__record_default_end_user_type, end_user_type_given=__record_default_end_user_type_given, region=__record_default_region, end_user_unit=__record_default_end_user_unit):\n  __record_object.__setattr__(self, 'country', country)\n  __record_object.__setattr__(self, 'country_name', country_name)\n  __record_object.__setattr__(self, 'entities', entities)\n  __record_object.__setattr__(self, 'loc', loc)\n  __record_object.__setattr__(self, 'end_user', end_user)\n  __record_object.__setattr__(self, 'end_user_type', end_user_type)\n  __record_object.__setattr__(self, 'end_user_type_given', end_user_type_given)\n  __record_object.__setattr__(self, 'region', region)\n  __record_object.__setattr__(self, 'end_user_unit', end_user_unit)"] = __init__.__code__

__record_default_destination_only = __record_default_regions = None

def __init__(self, country, index, start, end, raw, regions=__record_default_regions, destination_only=__record_default_destination_only):
  __record_object.__setattr__(self, 'country', country)
  __record_object.__setattr__(self, 'index', index)
  __record_object.__setattr__(self, 'start', start)
  __record_object.__setattr__(self, 'end', end)
  __record_object.__setattr__(self, 'raw', raw)
  __record_object.__setattr__(self, 'regions', regions)
  __record_object.__setattr__(self, 'destination_only', destination_only)
  __record_object.__setattr__(self, '_said', __record_make__said())


CODE["def __init__(self, country, index, start, end, raw, regions=__record_default_regions, destination_only=__record_default_destination_only):\n  __record_object.__setattr__(self, 'country', country)\n  __record_object.__setattr__(self, 'index', index)\n  __record_object.__setattr__(self, 'start', start)\n  __record_object.__setattr__(self, 'end', end)\n  __record_object.__setattr__(self, 'raw', raw)\n  __record_object.__setattr__(self, 'regions', regions)\n  __record_object.__setattr__(self, 'destination_only', destination_only)\n  __record_object.__setattr__(self, '_said', __record_make__said())"] = __init__.__code__

__record_default_key_marks = __record_default_marks = None

def __init__(self, data, file, marks=__record_default_marks, key_marks=__record_default_key_marks):
  self.data = data
  self.file = file
  self.marks = marks
  self.key_marks = key_marks


CODE['def __init__(self, data, file, marks=__record_default_marks, key_marks=__record_default_key_marks):\n  self.data = data\n  self.file = file\n  self.marks = marks\n  self.key_marks = key_marks'] = __init__.__code__


def __init__(self, date, value, mde_value, description, loc):
  __record_object.__setattr__(self, 'date', date)
  __record_object.__setattr__(self, 'value', value)
  __record_object.__setattr__(self, 'mde_value', mde_value)
  __record_object.__setattr__(self, 'description', description)
  __record_object.__setattr__(self, 'loc', loc)


CODE["def __init__(self, date, value, mde_value, description, loc):\n  __record_object.__setattr__(self, 'date', date)\n  __record_object.__setattr__(self, 'value', value)\n  __record_object.__setattr__(self, 'mde_value', mde_value)\n  __record_object.__setattr__(self, 'description', description)\n  __record_object.__setattr__(self, 'loc', loc)"] = __init__.__code__

__record_default_decisions = __record_default_look_for_decisions = __record_default_record = __record_default_run = __record_default_today = None

def __init__(self, decisions=__record_default_decisions, look_for_decisions=__record_default_look_for_decisions, record=__record_default_record, run=__record_default_run, today=__record_default_today):
  __record_object.__setattr__(self, 'decisions', decisions)
  __record_object.__setattr__(self, 'look_for_decisions', look_for_decisions)
  __record_object.__setattr__(self, 'record', record)
  __record_object.__setattr__(self, 'run', run)
  __record_object.__setattr__(self, 'today', today)


CODE["def __init__(self, decisions=__record_default_decisions, look_for_decisions=__record_default_look_for_decisions, record=__record_default_record, run=__record_default_run, today=__record_default_today):\n  __record_object.__setattr__(self, 'decisions', decisions)\n  __record_object.__setattr__(self, 'look_for_decisions', look_for_decisions)\n  __record_object.__setattr__(self, 'record', record)\n  __record_object.__setattr__(self, 'run', run)\n  __record_object.__setattr__(self, 'today', today)"] = __init__.__code__

__record_default_extras = __record_default_from_catalogue = None

def __init__(self, description, origin, control, per_unit, unit_value, value, usml_category, mde, loc, from_catalogue=__record_default_from_catalogue, extras=__record_default_extras):
  __record_object.__setattr__(self, 'description', description)
  __record_object.__setattr__(self, 'origin', origin)
  __record_object.__setattr__(self, 'control', control)
  __record_object.__setattr__(self, 'per_unit', per_unit)
  __record_object.__setattr__(self, 'unit_value', unit_value)
  __record_object.__setattr__(self, 'value', value)
  __record_object.__setattr__(self, 'usml_category', usml_category)
  __record_object.__setattr__(self, 'mde', mde)
  __record_object.__setattr__(self, 'loc', loc)
  __record_object.__setattr__(self, 'from_catalogue', from_catalogue)
  __record_object.__setattr__(self, 'extras', extras)


CODE["def __init__(self, description, origin, control, per_unit, unit_value, value, usml_category, mde, loc, from_catalogue=__record_default_from_catalogue, extras=__record_default_extras):\n  __record_object.__setattr__(self, 'description', description)\n  __record_object.__setattr__(self, 'origin', origin)\n  __record_object.__setattr__(self, 'control', control)\n  __record_object.__setattr__(self, 'per_unit', per_unit)\n  __record_object.__setattr__(self, 'unit_value', unit_value)\n  __record_object.__setattr__(self, 'value', value)\n  __record_object.__setattr__(self, 'usml_category', usml_category)\n  __record_object.__setattr__(self, 'mde', mde)\n  __record_object.__setattr__(self, 'loc', loc)\n  __record_object.__setattr__(self, 'from_catalogue', from_catalogue)\n  __record_object.__setattr__(self, 'extras', extras)"] = __init__.__code__


def __init__(self, entry, matched, found, start, end):
  __record_object.__setattr__(self, 'entry', entry)
  __record_object.__setattr__(self, 'matched', matched)
  __record_object.__setattr__(self, 'found', found)
  __record_object.__setattr__(self, 'start', start)
  __record_object.__setattr__(self, 'end', end)


CODE["def __init__(self, entry, matched, found, start, end):\n  __record_object.__setattr__(self, 'entry', entry)\n  __record_object.__setattr__(self, 'matched', matched)\n  __record_object.__setattr__(self, 'found', found)\n  __record_object.__setattr__(self, 'start', start)\n  __record_object.__setattr__(self, 'end', end)"] = __init__.__code__

__record_default_list = None

def __init__(self, entry, named, found, start, end, list=__record_default_list):
  __record_object.__setattr__(self, 'entry', entry)
  __record_object.__setattr__(self, 'named', named)
  __record_object.__setattr__(self, 'found', found)
  __record_object.__setattr__(self, 'start', start)
  __record_object.__setattr__(self, 'end', end)
  __record_object.__setattr__(self, 'list', list)


CODE["def __init__(self, entry, named, found, start, end, list=__record_default_list):\n  __record_object.__setattr__(self, 'entry', entry)\n  __record_object.__setattr__(self, 'named', named)\n  __record_object.__setattr__(self, 'found', found)\n  __record_object.__setattr__(self, 'start', start)\n  __record_object.__setattr__(self, 'end', end)\n  __record_object.__setattr__(self, 'list', list)"] = __init__.__code__

__record_default_leading = None

def __init__(self, entry, tier, score, alias, matched_tokens, normalised, reasons, leading=__record_default_leading):
  __record_object.__setattr__(self, 'entry', entry)
  __record_object.__setattr__(self, 'tier', tier)
  __record_object.__setattr__(self, 'score', score)
  __record_object.__setattr__(self, 'alias', alias)
  __record_object.__setattr__(self, 'matched_tokens', matched_tokens)
  __record_object.__setattr__(self, 'normalised', normalised)
  __record_object.__setattr__(self, 'reasons', reasons)
  __record_object.__setattr__(self, 'leading', leading)


CODE["def __init__(self, entry, tier, score, alias, matched_tokens, normalised, reasons, leading=__record_default_leading):\n  __record_object.__setattr__(self, 'entry', entry)\n  __record_object.__setattr__(self, 'tier', tier)\n  __record_object.__setattr__(self, 'score', score)\n  __record_object.__setattr__(self, 'alias', alias)\n  __record_object.__setattr__(self, 'matched_tokens', matched_tokens)\n  __record_object.__setattr__(self, 'normalised', normalised)\n  __record_object.__setattr__(self, 'reasons', reasons)\n  __record_object.__setattr__(self, 'leading', leading)"] = __init__.__code__

__record_default_exact_false = __record_default_exact_true = __record_default_missed = __record_default_possible_false = __record_default_possible_true = __record_default_silent_false = __record_factory = None

def __init__(self, exact_true=__record_default_exact_true, exact_false=__record_default_exact_false, possible_true=__record_default_possible_true, possible_false=__record_default_possible_false, missed=__record_default_missed, silent_false=__record_default_silent_false, wrong=__record_factory):
  self.exact_true = exact_true
  self.exact_false = exact_false
  self.possible_true = possible_true
  self.possible_false = possible_false
  self.missed = missed
  self.silent_false = silent_false
  self.wrong = __record_make_wrong() if wrong is __record_factory else wrong


CODE['def __init__(self, exact_true=__record_default_exact_true, exact_false=__record_default_exact_false, possible_true=__record_default_possible_true, possible_false=__record_default_possible_false, missed=__record_default_missed, silent_false=__record_default_silent_false, wrong=__record_factory):\n  self.exact_true = exact_true\n  self.exact_false = exact_false\n  self.possible_true = possible_true\n  self.possible_false = possible_false\n  self.missed = missed\n  self.silent_false = silent_false\n  self.wrong = __record_make_wrong() if wrong is __record_factory else wrong'] = __init__.__code__

__record_default_values = __record_factory = None

def __init__(self, fields=__record_factory, required=__record_factory, values=__record_default_values):
  __record_object.__setattr__(self, 'fields', __record_make_fields() if fields is __record_factory else fields)
  __record_object.__setattr__(self, 'required', __record_make_required() if required is __record_factory else required)
  __record_object.__setattr__(self, 'values', values)


CODE["def __init__(self, fields=__record_factory, required=__record_factory, values=__record_default_values):\n  __record_object.__setattr__(self, 'fields', __record_make_fields() if fields is __record_factory else fields)\n  __record_object.__setattr__(self, 'required', __record_make_required() if required is __record_factory else required)\n  __record_object.__setattr__(self, 'values', values)"] = __init__.__code__

__record_factory = None

def __init__(self, file, base, head, changes=__record_factory):
  self.file = file
  self.base = base
  self.head = head
  self.changes = __record_make_changes() if changes is __record_factory else changes


CODE['def __init__(self, file, base, head, changes=__record_factory):\n  self.file = file\n  self.base = base\n  self.head = head\n  self.changes = __record_make_changes() if changes is __record_factory else changes'] = __init__.__code__

__record_default_by_country = __record_default_end = __record_default_home = __record_default_start = None

def __init__(self, file, key, list_id, home=__record_default_home, start=__record_default_start, end=__record_default_end, by_country=__record_default_by_country):
  __record_object.__setattr__(self, 'file', file)
  __record_object.__setattr__(self, 'key', key)
  __record_object.__setattr__(self, 'list_id', list_id)
  __record_object.__setattr__(self, 'home', home)
  __record_object.__setattr__(self, 'start', start)
  __record_object.__setattr__(self, 'end', end)
  __record_object.__setattr__(self, 'by_country', by_country)


CODE["def __init__(self, file, key, list_id, home=__record_default_home, start=__record_default_start, end=__record_default_end, by_country=__record_default_by_country):\n  __record_object.__setattr__(self, 'file', file)\n  __record_object.__setattr__(self, 'key', key)\n  __record_object.__setattr__(self, 'list_id', list_id)\n  __record_object.__setattr__(self, 'home', home)\n  __record_object.__setattr__(self, 'start', start)\n  __record_object.__setattr__(self, 'end', end)\n  __record_object.__setattr__(self, 'by_country', by_country)"] = __init__.__code__

__record_default_sales_territory = None

def __init__(self, file, name, date, source, supplier, recipient, channel, items, related_sales, expect, known_gap, doc, sales_territory=__record_default_sales_territory):
  __record_object.__setattr__(self, 'file', file)
  __record_object.__setattr__(self, 'name', name)
  __record_object.__setattr__(self, 'date', date)
  __record_object.__setattr__(self, 'source', source)
  __record_object.__setattr__(self, 'supplier', supplier)
  __record_object.__setattr__(self, 'recipient', recipient)
  __record_object.__setattr__(self, 'channel', channel)
  __record_object.__setattr__(self, 'items', items)
  __record_object.__setattr__(self, 'related_sales', related_sales)
  __record_object.__setattr__(self, 'expect', expect)
  __record_object.__setattr__(self, 'known_gap', known_gap)
  __record_object.__setattr__(self, 'doc', doc)
  __record_object.__setattr__(self, 'sales_territory', sales_territory)


CODE["def __init__(self, file, name, date, source, supplier, recipient, channel, items, related_sales, expect, known_gap, doc, sales_territory=__record_default_sales_territory):\n  __record_object.__setattr__(self, 'file', file)\n  __record_object.__setattr__(self, 'name', name)\n  __record_object.__setattr__(self, 'date', date)\n  __record_object.__setattr__(self, 'source', source)\n  __record_object.__setattr__(self, 'supplier', supplier)\n  __record_object.__setattr__(self, 'recipient', recipient)\n  __record_object.__setattr__(self, 'channel', channel)\n  __record_object.__setattr__(self, 'items', items)\n  __record_object.__setattr__(self, 'related_sales', related_sales)\n  __record_object.__setattr__(self, 'expect', expect)\n  __record_object.__setattr__(self, 'known_gap', known_gap)\n  __record_object.__setattr__(self, 'doc', doc)\n  __record_object.__setattr__(self, 'sales_territory', sales_territory)"] = __init__.__code__

__record_default_contested = __record_default_decisions = __record_default_law_reviewed = __record_default_run = __record_factory = None

def __init__(self, file, name, date, verdict, families, findings, notes=__record_factory, assumptions=__record_factory, contested=__record_default_contested, decisions=__record_default_decisions, run=__record_default_run, law_reviewed=__record_default_law_reviewed):
  self.file = file
  self.name = name
  self.date = date
  self.verdict = verdict
  self.families = families
  self.findings = findings
  self.notes = __record_make_notes() if notes is __record_factory else notes
  self.assumptions = __record_make_assumptions() if assumptions is __record_factory else assumptions
  self.contested = contested
  self.decisions = decisions
  self.run = run
  self.law_reviewed = law_reviewed


CODE['def __init__(self, file, name, date, verdict, families, findings, notes=__record_factory, assumptions=__record_factory, contested=__record_default_contested, decisions=__record_default_decisions, run=__record_default_run, law_reviewed=__record_default_law_reviewed):\n  self.file = file\n  self.name = name\n  self.date = date\n  self.verdict = verdict\n  self.families = families\n  self.findings = findings\n  self.notes = __record_make_notes() if notes is __record_factory else notes\n  self.assumptions = __record_make_assumptions() if assumptions is __record_factory else assumptions\n  self.contested = contested\n  self.decisions = decisions\n  self.run = run\n  self.law_reviewed = law_reviewed'] = __init__.__code__

__record_factory = None

def __init__(self, file, same, before, after, changes=__record_factory, notes=__record_factory):
  self.file = file
  self.same = same
  self.before = before
  self.after = after
  self.changes = __record_make_changes() if changes is __record_factory else changes
  self.notes = __record_make_notes() if notes is __record_factory else notes


CODE['def __init__(self, file, same, before, after, changes=__record_factory, notes=__record_factory):\n  self.file = file\n  self.same = same\n  self.before = before\n  self.after = after\n  self.changes = __record_make_changes() if changes is __record_factory else changes\n  self.notes = __record_make_notes() if notes is __record_factory else notes'] = __init__.__code__

__record_default_text = None

def __init__(self, file, sha256, entries, text=__record_default_text):
  __record_object.__setattr__(self, 'file', file)
  __record_object.__setattr__(self, 'sha256', sha256)
  __record_object.__setattr__(self, 'entries', entries)
  __record_object.__setattr__(self, 'text', text)


CODE["def __init__(self, file, sha256, entries, text=__record_default_text):\n  __record_object.__setattr__(self, 'file', file)\n  __record_object.__setattr__(self, 'sha256', sha256)\n  __record_object.__setattr__(self, 'entries', entries)\n  __record_object.__setattr__(self, 'text', text)"] = __init__.__code__

__record_default_error = __record_default_known_gap = __record_factory = None

def __init__(self, file, verdict, mismatches=__record_factory, error=__record_default_error, known_gap=__record_default_known_gap):
  self.file = file
  self.verdict = verdict
  self.mismatches = __record_make_mismatches() if mismatches is __record_factory else mismatches
  self.error = error
  self.known_gap = known_gap


CODE['def __init__(self, file, verdict, mismatches=__record_factory, error=__record_default_error, known_gap=__record_default_known_gap):\n  self.file = file\n  self.verdict = verdict\n  self.mismatches = __record_make_mismatches() if mismatches is __record_factory else mismatches\n  self.error = error\n  self.known_gap = known_gap'] = __init__.__code__


def __init__(self, fill, ink, pattern, words):
  __record_object.__setattr__(self, 'fill', fill)
  __record_object.__setattr__(self, 'ink', ink)
  __record_object.__setattr__(self, 'pattern', pattern)
  __record_object.__setattr__(self, 'words', words)


CODE["def __init__(self, fill, ink, pattern, words):\n  __record_object.__setattr__(self, 'fill', fill)\n  __record_object.__setattr__(self, 'ink', ink)\n  __record_object.__setattr__(self, 'pattern', pattern)\n  __record_object.__setattr__(self, 'words', words)"] = __init__.__code__

__record_default_notes = None

def __init__(self, format, generated, entries, notes=__record_default_notes):
  __record_object.__setattr__(self, 'format', format)
  __record_object.__setattr__(self, 'generated', generated)
  __record_object.__setattr__(self, 'entries', entries)
  __record_object.__setattr__(self, 'notes', notes)


CODE["def __init__(self, format, generated, entries, notes=__record_default_notes):\n  __record_object.__setattr__(self, 'format', format)\n  __record_object.__setattr__(self, 'generated', generated)\n  __record_object.__setattr__(self, 'entries', entries)\n  __record_object.__setattr__(self, 'notes', notes)"] = __init__.__code__


def __init__(self, how, score, matched, reasons, plain, distinct):
  __record_object.__setattr__(self, 'how', how)
  __record_object.__setattr__(self, 'score', score)
  __record_object.__setattr__(self, 'matched', matched)
  __record_object.__setattr__(self, 'reasons', reasons)
  __record_object.__setattr__(self, 'plain', plain)
  __record_object.__setattr__(self, 'distinct', distinct)


CODE["def __init__(self, how, score, matched, reasons, plain, distinct):\n  __record_object.__setattr__(self, 'how', how)\n  __record_object.__setattr__(self, 'score', score)\n  __record_object.__setattr__(self, 'matched', matched)\n  __record_object.__setattr__(self, 'reasons', reasons)\n  __record_object.__setattr__(self, 'plain', plain)\n  __record_object.__setattr__(self, 'distinct', distinct)"] = __init__.__code__

__record_default_advice = __record_default_aliases = __record_default_examples = __record_default_rationale = None

def __init__(self, id, family, title, outcome, patterns, explanation, citations, effective_from, effective_to, last_reviewed, file, rationale=__record_default_rationale, advice=__record_default_advice, aliases=__record_default_aliases, examples=__record_default_examples):
  __record_object.__setattr__(self, 'id', id)
  __record_object.__setattr__(self, 'family', family)
  __record_object.__setattr__(self, 'title', title)
  __record_object.__setattr__(self, 'outcome', outcome)
  __record_object.__setattr__(self, 'patterns', patterns)
  __record_object.__setattr__(self, 'explanation', explanation)
  __record_object.__setattr__(self, 'citations', citations)
  __record_object.__setattr__(self, 'effective_from', effective_from)
  __record_object.__setattr__(self, 'effective_to', effective_to)
  __record_object.__setattr__(self, 'last_reviewed', last_reviewed)
  __record_object.__setattr__(self, 'file', file)
  __record_object.__setattr__(self, 'rationale', rationale)
  __record_object.__setattr__(self, 'advice', advice)
  __record_object.__setattr__(self, 'aliases', aliases)
  __record_object.__setattr__(self, 'examples', examples)


CODE["def __init__(self, id, family, title, outcome, patterns, explanation, citations, effective_from, effective_to, last_reviewed, file, rationale=__record_default_rationale, advice=__record_default_advice, aliases=__record_default_aliases, examples=__record_default_examples):\n  __record_object.__setattr__(self, 'id', id)\n  __record_object.__setattr__(self, 'family', family)\n  __record_object.__setattr__(self, 'title', title)\n  __record_object.__setattr__(self, 'outcome', outcome)\n  __record_object.__setattr__(self, 'patterns', patterns)\n  __record_object.__setattr__(self, 'explanation', explanation)\n  __record_object.__setattr__(self, 'citations', citations)\n  __record_object.__setattr__(self, 'effective_from', effective_from)\n  __record_object.__setattr__(self, 'effective_to', effective_to)\n  __record_object.__setattr__(self, 'last_reviewed', last_reviewed)\n  __record_object.__setattr__(self, 'file', file)\n  __record_object.__setattr__(self, 'rationale', rationale)\n  __record_object.__setattr__(self, 'advice', advice)\n  __record_object.__setattr__(self, 'aliases', aliases)\n  __record_object.__setattr__(self, 'examples', examples)"] = __init__.__code__

__record_default_change_dates = __record_default_indexes = None

def __init__(self, id, title, outcomes, kinds, build, change_dates=__record_default_change_dates, indexes=__record_default_indexes):
  __record_object.__setattr__(self, 'id', id)
  __record_object.__setattr__(self, 'title', title)
  __record_object.__setattr__(self, 'outcomes', outcomes)
  __record_object.__setattr__(self, 'kinds', kinds)
  __record_object.__setattr__(self, 'build', build)
  __record_object.__setattr__(self, 'change_dates', change_dates)
  __record_object.__setattr__(self, 'indexes', indexes)


CODE["def __init__(self, id, title, outcomes, kinds, build, change_dates=__record_default_change_dates, indexes=__record_default_indexes):\n  __record_object.__setattr__(self, 'id', id)\n  __record_object.__setattr__(self, 'title', title)\n  __record_object.__setattr__(self, 'outcomes', outcomes)\n  __record_object.__setattr__(self, 'kinds', kinds)\n  __record_object.__setattr__(self, 'build', build)\n  __record_object.__setattr__(self, 'change_dates', change_dates)\n  __record_object.__setattr__(self, 'indexes', indexes)"] = __init__.__code__

__record_default_extras = __record_default_filled = None

def __init__(self, index, description, category, quantity, unit_value, value, origin, control, mde, usml_category, system, components, loc, filled=__record_default_filled, extras=__record_default_extras):
  __record_object.__setattr__(self, 'index', index)
  __record_object.__setattr__(self, 'description', description)
  __record_object.__setattr__(self, 'category', category)
  __record_object.__setattr__(self, 'quantity', quantity)
  __record_object.__setattr__(self, 'unit_value', unit_value)
  __record_object.__setattr__(self, 'value', value)
  __record_object.__setattr__(self, 'origin', origin)
  __record_object.__setattr__(self, 'control', control)
  __record_object.__setattr__(self, 'mde', mde)
  __record_object.__setattr__(self, 'usml_category', usml_category)
  __record_object.__setattr__(self, 'system', system)
  __record_object.__setattr__(self, 'components', components)
  __record_object.__setattr__(self, 'loc', loc)
  __record_object.__setattr__(self, 'filled', filled)
  __record_object.__setattr__(self, 'extras', extras)


CODE["def __init__(self, index, description, category, quantity, unit_value, value, origin, control, mde, usml_category, system, components, loc, filled=__record_default_filled, extras=__record_default_extras):\n  __record_object.__setattr__(self, 'index', index)\n  __record_object.__setattr__(self, 'description', description)\n  __record_object.__setattr__(self, 'category', category)\n  __record_object.__setattr__(self, 'quantity', quantity)\n  __record_object.__setattr__(self, 'unit_value', unit_value)\n  __record_object.__setattr__(self, 'value', value)\n  __record_object.__setattr__(self, 'origin', origin)\n  __record_object.__setattr__(self, 'control', control)\n  __record_object.__setattr__(self, 'mde', mde)\n  __record_object.__setattr__(self, 'usml_category', usml_category)\n  __record_object.__setattr__(self, 'system', system)\n  __record_object.__setattr__(self, 'components', components)\n  __record_object.__setattr__(self, 'loc', loc)\n  __record_object.__setattr__(self, 'filled', filled)\n  __record_object.__setattr__(self, 'extras', extras)"] = __init__.__code__


def __init__(self, index, raw, start, end, names, systems, related, end_users, any_end_user, unstated, unconfirmed, systems_only, lethal_only):
  __record_object.__setattr__(self, 'index', index)
  __record_object.__setattr__(self, 'raw', raw)
  __record_object.__setattr__(self, 'start', start)
  __record_object.__setattr__(self, 'end', end)
  __record_object.__setattr__(self, 'names', names)
  __record_object.__setattr__(self, 'systems', systems)
  __record_object.__setattr__(self, 'related', related)
  __record_object.__setattr__(self, 'end_users', end_users)
  __record_object.__setattr__(self, 'any_end_user', any_end_user)
  __record_object.__setattr__(self, 'unstated', unstated)
  __record_object.__setattr__(self, 'unconfirmed', unconfirmed)
  __record_object.__setattr__(self, 'systems_only', systems_only)
  __record_object.__setattr__(self, 'lethal_only', lethal_only)


CODE["def __init__(self, index, raw, start, end, names, systems, related, end_users, any_end_user, unstated, unconfirmed, systems_only, lethal_only):\n  __record_object.__setattr__(self, 'index', index)\n  __record_object.__setattr__(self, 'raw', raw)\n  __record_object.__setattr__(self, 'start', start)\n  __record_object.__setattr__(self, 'end', end)\n  __record_object.__setattr__(self, 'names', names)\n  __record_object.__setattr__(self, 'systems', systems)\n  __record_object.__setattr__(self, 'related', related)\n  __record_object.__setattr__(self, 'end_users', end_users)\n  __record_object.__setattr__(self, 'any_end_user', any_end_user)\n  __record_object.__setattr__(self, 'unstated', unstated)\n  __record_object.__setattr__(self, 'unconfirmed', unconfirmed)\n  __record_object.__setattr__(self, 'systems_only', systems_only)\n  __record_object.__setattr__(self, 'lethal_only', lethal_only)"] = __init__.__code__

__record_default_pinpoint = __record_default_quote = None

def __init__(self, instrument, url, pinpoint=__record_default_pinpoint, quote=__record_default_quote):
  __record_object.__setattr__(self, 'instrument', instrument)
  __record_object.__setattr__(self, 'url', url)
  __record_object.__setattr__(self, 'pinpoint', pinpoint)
  __record_object.__setattr__(self, 'quote', quote)


CODE["def __init__(self, instrument, url, pinpoint=__record_default_pinpoint, quote=__record_default_quote):\n  __record_object.__setattr__(self, 'instrument', instrument)\n  __record_object.__setattr__(self, 'url', url)\n  __record_object.__setattr__(self, 'pinpoint', pinpoint)\n  __record_object.__setattr__(self, 'quote', quote)"] = __init__.__code__


def __init__(self, item):
  __record_object.__setattr__(self, 'item', item)


CODE["def __init__(self, item):\n  __record_object.__setattr__(self, 'item', item)"] = __init__.__code__


def __init__(self, item, comp, control, control_given, loc, value, assumptions):
  __record_object.__setattr__(self, 'item', item)
  __record_object.__setattr__(self, 'comp', comp)
  __record_object.__setattr__(self, 'control', control)
  __record_object.__setattr__(self, 'control_given', control_given)
  __record_object.__setattr__(self, 'loc', loc)
  __record_object.__setattr__(self, 'value', value)
  __record_object.__setattr__(self, 'assumptions', assumptions)


CODE["def __init__(self, item, comp, control, control_given, loc, value, assumptions):\n  __record_object.__setattr__(self, 'item', item)\n  __record_object.__setattr__(self, 'comp', comp)\n  __record_object.__setattr__(self, 'control', control)\n  __record_object.__setattr__(self, 'control_given', control_given)\n  __record_object.__setattr__(self, 'loc', loc)\n  __record_object.__setattr__(self, 'value', value)\n  __record_object.__setattr__(self, 'assumptions', assumptions)"] = __init__.__code__

__record_default_excluded_text = None

def __init__(self, item, counted, threshold, value, share, over, value_assumed, classes_text, excluded_text=__record_default_excluded_text):
  __record_object.__setattr__(self, 'item', item)
  __record_object.__setattr__(self, 'counted', counted)
  __record_object.__setattr__(self, 'threshold', threshold)
  __record_object.__setattr__(self, 'value', value)
  __record_object.__setattr__(self, 'share', share)
  __record_object.__setattr__(self, 'over', over)
  __record_object.__setattr__(self, 'value_assumed', value_assumed)
  __record_object.__setattr__(self, 'classes_text', classes_text)
  __record_object.__setattr__(self, 'excluded_text', excluded_text)


CODE["def __init__(self, item, counted, threshold, value, share, over, value_assumed, classes_text, excluded_text=__record_default_excluded_text):\n  __record_object.__setattr__(self, 'item', item)\n  __record_object.__setattr__(self, 'counted', counted)\n  __record_object.__setattr__(self, 'threshold', threshold)\n  __record_object.__setattr__(self, 'value', value)\n  __record_object.__setattr__(self, 'share', share)\n  __record_object.__setattr__(self, 'over', over)\n  __record_object.__setattr__(self, 'value_assumed', value_assumed)\n  __record_object.__setattr__(self, 'classes_text', classes_text)\n  __record_object.__setattr__(self, 'excluded_text', excluded_text)"] = __init__.__code__

__record_factory = None

def __init__(self, item, status, assumptions=__record_factory, changes=__record_factory):
  self.item = item
  self.status = status
  self.assumptions = __record_make_assumptions() if assumptions is __record_factory else assumptions
  self.changes = __record_make_changes() if changes is __record_factory else changes


CODE['def __init__(self, item, status, assumptions=__record_factory, changes=__record_factory):\n  self.item = item\n  self.status = status\n  self.assumptions = __record_make_assumptions() if assumptions is __record_factory else assumptions\n  self.changes = __record_make_changes() if changes is __record_factory else changes'] = __init__.__code__


def __init__(self, kind):
  __record_object.__setattr__(self, 'kind', kind)


CODE["def __init__(self, kind):\n  __record_object.__setattr__(self, 'kind', kind)"] = __init__.__code__

__record_default_doc = None

def __init__(self, kind, family, fields, doc=__record_default_doc):
  __record_object.__setattr__(self, 'kind', kind)
  __record_object.__setattr__(self, 'family', family)
  __record_object.__setattr__(self, 'fields', fields)
  __record_object.__setattr__(self, 'doc', doc)


CODE["def __init__(self, kind, family, fields, doc=__record_default_doc):\n  __record_object.__setattr__(self, 'kind', kind)\n  __record_object.__setattr__(self, 'family', family)\n  __record_object.__setattr__(self, 'fields', fields)\n  __record_object.__setattr__(self, 'doc', doc)"] = __init__.__code__

__record_default_calibre_mm = __record_default_eccn = __record_default_for_system = __record_default_lethal = __record_default_serves_category = __record_default_sme = None

def __init__(self, lethal=__record_default_lethal, calibre_mm=__record_default_calibre_mm, for_system=__record_default_for_system, serves_category=__record_default_serves_category, sme=__record_default_sme, eccn=__record_default_eccn):
  __record_object.__setattr__(self, 'lethal', lethal)
  __record_object.__setattr__(self, 'calibre_mm', calibre_mm)
  __record_object.__setattr__(self, 'for_system', for_system)
  __record_object.__setattr__(self, 'serves_category', serves_category)
  __record_object.__setattr__(self, 'sme', sme)
  __record_object.__setattr__(self, 'eccn', eccn)


CODE["def __init__(self, lethal=__record_default_lethal, calibre_mm=__record_default_calibre_mm, for_system=__record_default_for_system, serves_category=__record_default_serves_category, sme=__record_default_sme, eccn=__record_default_eccn):\n  __record_object.__setattr__(self, 'lethal', lethal)\n  __record_object.__setattr__(self, 'calibre_mm', calibre_mm)\n  __record_object.__setattr__(self, 'for_system', for_system)\n  __record_object.__setattr__(self, 'serves_category', serves_category)\n  __record_object.__setattr__(self, 'sme', sme)\n  __record_object.__setattr__(self, 'eccn', eccn)"] = __init__.__code__

__record_default_countries = __record_default_kind = __record_default_listed_from = __record_default_listed_to = __record_default_programs = __record_default_source = __record_factory = None

def __init__(self, list_id, ref, names, kind=__record_default_kind, countries=__record_default_countries, listed_from=__record_default_listed_from, listed_to=__record_default_listed_to, programs=__record_default_programs, source=__record_default_source, extra=__record_factory):
  __record_object.__setattr__(self, 'list_id', list_id)
  __record_object.__setattr__(self, 'ref', ref)
  __record_object.__setattr__(self, 'names', names)
  __record_object.__setattr__(self, 'kind', kind)
  __record_object.__setattr__(self, 'countries', countries)
  __record_object.__setattr__(self, 'listed_from', listed_from)
  __record_object.__setattr__(self, 'listed_to', listed_to)
  __record_object.__setattr__(self, 'programs', programs)
  __record_object.__setattr__(self, 'source', source)
  __record_object.__setattr__(self, 'extra', __record_make_extra() if extra is __record_factory else extra)


CODE["def __init__(self, list_id, ref, names, kind=__record_default_kind, countries=__record_default_countries, listed_from=__record_default_listed_from, listed_to=__record_default_listed_to, programs=__record_default_programs, source=__record_default_source, extra=__record_factory):\n  __record_object.__setattr__(self, 'list_id', list_id)\n  __record_object.__setattr__(self, 'ref', ref)\n  __record_object.__setattr__(self, 'names', names)\n  __record_object.__setattr__(self, 'kind', kind)\n  __record_object.__setattr__(self, 'countries', countries)\n  __record_object.__setattr__(self, 'listed_from', listed_from)\n  __record_object.__setattr__(self, 'listed_to', listed_to)\n  __record_object.__setattr__(self, 'programs', programs)\n  __record_object.__setattr__(self, 'source', source)\n  __record_object.__setattr__(self, 'extra', __record_make_extra() if extra is __record_factory else extra)"] = __init__.__code__

__record_factory = None

def __init__(self, lists, countries=__record_factory, _names=__record_factory, categories=__record_factory, _ambiguous=__record_factory, _memo=__record_factory, display_names=__record_factory, _memo_kept=__record_factory):
  self.lists = lists
  self.countries = __record_make_countries() if countries is __record_factory else countries
  self._names = __record_make__names() if _names is __record_factory else _names
  self.categories = __record_make_categories() if categories is __record_factory else categories
  self._ambiguous = __record_make__ambiguous() if _ambiguous is __record_factory else _ambiguous
  self._memo = __record_make__memo() if _memo is __record_factory else _memo
  self.display_names = __record_make_display_names() if display_names is __record_factory else display_names
  self._memo_kept = __record_make__memo_kept() if _memo_kept is __record_factory else _memo_kept


CODE['def __init__(self, lists, countries=__record_factory, _names=__record_factory, categories=__record_factory, _ambiguous=__record_factory, _memo=__record_factory, display_names=__record_factory, _memo_kept=__record_factory):\n  self.lists = lists\n  self.countries = __record_make_countries() if countries is __record_factory else countries\n  self._names = __record_make__names() if _names is __record_factory else _names\n  self.categories = __record_make_categories() if categories is __record_factory else categories\n  self._ambiguous = __record_make__ambiguous() if _ambiguous is __record_factory else _ambiguous\n  self._memo = __record_make__memo() if _memo is __record_factory else _memo\n  self.display_names = __record_make_display_names() if display_names is __record_factory else display_names\n  self._memo_kept = __record_make__memo_kept() if _memo_kept is __record_factory else _memo_kept'] = __init__.__code__

__record_default_evaluated = __record_factory = None

def __init__(self, matches=__record_factory, unmatched=__record_factory, evaluated=__record_default_evaluated, errors=__record_factory):
  self.matches = __record_make_matches() if matches is __record_factory else matches
  self.unmatched = __record_make_unmatched() if unmatched is __record_factory else unmatched
  self.evaluated = evaluated
  self.errors = __record_make_errors() if errors is __record_factory else errors


CODE['def __init__(self, matches=__record_factory, unmatched=__record_factory, evaluated=__record_default_evaluated, errors=__record_factory):\n  self.matches = __record_make_matches() if matches is __record_factory else matches\n  self.unmatched = __record_make_unmatched() if unmatched is __record_factory else unmatched\n  self.evaluated = evaluated\n  self.errors = __record_make_errors() if errors is __record_factory else errors'] = __init__.__code__


def __init__(self, name, country, ref, same, kind):
  __record_object.__setattr__(self, 'name', name)
  __record_object.__setattr__(self, 'country', country)
  __record_object.__setattr__(self, 'ref', ref)
  __record_object.__setattr__(self, 'same', same)
  __record_object.__setattr__(self, 'kind', kind)


CODE["def __init__(self, name, country, ref, same, kind):\n  __record_object.__setattr__(self, 'name', name)\n  __record_object.__setattr__(self, 'country', country)\n  __record_object.__setattr__(self, 'ref', ref)\n  __record_object.__setattr__(self, 'same', same)\n  __record_object.__setattr__(self, 'kind', kind)"] = __init__.__code__


def __init__(self, name, doc):
  self.name = name
  self.doc = doc


CODE['def __init__(self, name, doc):\n  self.name = name\n  self.doc = doc'] = __init__.__code__


def __init__(self, named, hit, list_date):
  __record_object.__setattr__(self, 'named', named)
  __record_object.__setattr__(self, 'hit', hit)
  __record_object.__setattr__(self, 'list_date', list_date)


CODE["def __init__(self, named, hit, list_date):\n  __record_object.__setattr__(self, 'named', named)\n  __record_object.__setattr__(self, 'hit', hit)\n  __record_object.__setattr__(self, 'list_date', list_date)"] = __init__.__code__


def __init__(self, options):
  __record_object.__setattr__(self, 'options', options)


CODE["def __init__(self, options):\n  __record_object.__setattr__(self, 'options', options)"] = __init__.__code__

__record_default_core = __record_default_skeleton = None

def __init__(self, original, words, tokens, flat, upper, steps, scripts, skeleton=__record_default_skeleton, core=__record_default_core):
  self.original = original
  self.words = words
  self.tokens = tokens
  self.flat = flat
  self.upper = upper
  self.steps = steps
  self.scripts = scripts
  self.skeleton = skeleton
  self.core = core


CODE['def __init__(self, original, words, tokens, flat, upper, steps, scripts, skeleton=__record_default_skeleton, core=__record_default_core):\n  self.original = original\n  self.words = words\n  self.tokens = tokens\n  self.flat = flat\n  self.upper = upper\n  self.steps = steps\n  self.scripts = scripts\n  self.skeleton = skeleton\n  self.core = core'] = __init__.__code__

__record_default_matches = None

def __init__(self, party, evidence, items, assumptions, matches=__record_default_matches):
  __record_object.__setattr__(self, 'party', party)
  __record_object.__setattr__(self, 'evidence', evidence)
  __record_object.__setattr__(self, 'items', items)
  __record_object.__setattr__(self, 'assumptions', assumptions)
  __record_object.__setattr__(self, 'matches', matches)


CODE["def __init__(self, party, evidence, items, assumptions, matches=__record_default_matches):\n  __record_object.__setattr__(self, 'party', party)\n  __record_object.__setattr__(self, 'evidence', evidence)\n  __record_object.__setattr__(self, 'items', items)\n  __record_object.__setattr__(self, 'assumptions', assumptions)\n  __record_object.__setattr__(self, 'matches', matches)"] = __init__.__code__

__record_default_alias = __record_default_exact = __record_default_score = __record_default_why = None

def __init__(self, party, list, entry, exact=__record_default_exact, score=__record_default_score, alias=__record_default_alias, why=__record_default_why):
  __record_object.__setattr__(self, 'party', party)
  __record_object.__setattr__(self, 'list', list)
  __record_object.__setattr__(self, 'entry', entry)
  __record_object.__setattr__(self, 'exact', exact)
  __record_object.__setattr__(self, 'score', score)
  __record_object.__setattr__(self, 'alias', alias)
  __record_object.__setattr__(self, 'why', why)


CODE["def __init__(self, party, list, entry, exact=__record_default_exact, score=__record_default_score, alias=__record_default_alias, why=__record_default_why):\n  __record_object.__setattr__(self, 'party', party)\n  __record_object.__setattr__(self, 'list', list)\n  __record_object.__setattr__(self, 'entry', entry)\n  __record_object.__setattr__(self, 'exact', exact)\n  __record_object.__setattr__(self, 'score', score)\n  __record_object.__setattr__(self, 'alias', alias)\n  __record_object.__setattr__(self, 'why', why)"] = __init__.__code__


def __init__(self, path, loc, description, item_index, value, mde_value, firearm_value, design_construction, scales, origin_path, count):
  __record_object.__setattr__(self, 'path', path)
  __record_object.__setattr__(self, 'loc', loc)
  __record_object.__setattr__(self, 'description', description)
  __record_object.__setattr__(self, 'item_index', item_index)
  __record_object.__setattr__(self, 'value', value)
  __record_object.__setattr__(self, 'mde_value', mde_value)
  __record_object.__setattr__(self, 'firearm_value', firearm_value)
  __record_object.__setattr__(self, 'design_construction', design_construction)
  __record_object.__setattr__(self, 'scales', scales)
  __record_object.__setattr__(self, 'origin_path', origin_path)
  __record_object.__setattr__(self, 'count', count)


CODE["def __init__(self, path, loc, description, item_index, value, mde_value, firearm_value, design_construction, scales, origin_path, count):\n  __record_object.__setattr__(self, 'path', path)\n  __record_object.__setattr__(self, 'loc', loc)\n  __record_object.__setattr__(self, 'description', description)\n  __record_object.__setattr__(self, 'item_index', item_index)\n  __record_object.__setattr__(self, 'value', value)\n  __record_object.__setattr__(self, 'mde_value', mde_value)\n  __record_object.__setattr__(self, 'firearm_value', firearm_value)\n  __record_object.__setattr__(self, 'design_construction', design_construction)\n  __record_object.__setattr__(self, 'scales', scales)\n  __record_object.__setattr__(self, 'origin_path', origin_path)\n  __record_object.__setattr__(self, 'count', count)"] = __init__.__code__


def __init__(self, query, alias, norm, how):
  __record_object.__setattr__(self, 'query', query)
  __record_object.__setattr__(self, 'alias', alias)
  __record_object.__setattr__(self, 'norm', norm)
  __record_object.__setattr__(self, 'how', how)


CODE["def __init__(self, query, alias, norm, how):\n  __record_object.__setattr__(self, 'query', query)\n  __record_object.__setattr__(self, 'alias', alias)\n  __record_object.__setattr__(self, 'norm', norm)\n  __record_object.__setattr__(self, 'how', how)"] = __init__.__code__


def __init__(self, recipient, name, periods):
  self.recipient = recipient
  self.name = name
  self.periods = periods


CODE['def __init__(self, recipient, name, periods):\n  self.recipient = recipient\n  self.name = name\n  self.periods = periods'] = __init__.__code__

__record_default_authority = __record_default_by = __record_default_end = __record_default_entry = __record_default_files = __record_default_list = __record_default_number = __record_default_party = __record_default_reason = __record_default_rule = __record_default_scope = __record_default_start = None

def __init__(self, ref, kind, line, start=__record_default_start, end=__record_default_end, scope=__record_default_scope, files=__record_default_files, rule=__record_default_rule, party=__record_default_party, entry=__record_default_entry, list=__record_default_list, authority=__record_default_authority, number=__record_default_number, reason=__record_default_reason, by=__record_default_by):
  __record_object.__setattr__(self, 'ref', ref)
  __record_object.__setattr__(self, 'kind', kind)
  __record_object.__setattr__(self, 'line', line)
  __record_object.__setattr__(self, 'start', start)
  __record_object.__setattr__(self, 'end', end)
  __record_object.__setattr__(self, 'scope', scope)
  __record_object.__setattr__(self, 'files', files)
  __record_object.__setattr__(self, 'rule', rule)
  __record_object.__setattr__(self, 'party', party)
  __record_object.__setattr__(self, 'entry', entry)
  __record_object.__setattr__(self, 'list', list)
  __record_object.__setattr__(self, 'authority', authority)
  __record_object.__setattr__(self, 'number', number)
  __record_object.__setattr__(self, 'reason', reason)
  __record_object.__setattr__(self, 'by', by)


CODE["def __init__(self, ref, kind, line, start=__record_default_start, end=__record_default_end, scope=__record_default_scope, files=__record_default_files, rule=__record_default_rule, party=__record_default_party, entry=__record_default_entry, list=__record_default_list, authority=__record_default_authority, number=__record_default_number, reason=__record_default_reason, by=__record_default_by):\n  __record_object.__setattr__(self, 'ref', ref)\n  __record_object.__setattr__(self, 'kind', kind)\n  __record_object.__setattr__(self, 'line', line)\n  __record_object.__setattr__(self, 'start', start)\n  __record_object.__setattr__(self, 'end', end)\n  __record_object.__setattr__(self, 'scope', scope)\n  __record_object.__setattr__(self, 'files', files)\n  __record_object.__setattr__(self, 'rule', rule)\n  __record_object.__setattr__(self, 'party', party)\n  __record_object.__setattr__(self, 'entry', entry)\n  __record_object.__setattr__(self, 'list', list)\n  __record_object.__setattr__(self, 'authority', authority)\n  __record_object.__setattr__(self, 'number', number)\n  __record_object.__setattr__(self, 'reason', reason)\n  __record_object.__setattr__(self, 'by', by)"] = __init__.__code__

__record_default_digest = None

def __init__(self, root, rules, reference, families, digest=__record_default_digest):
  self.root = root
  self.rules = rules
  self.reference = reference
  self.families = families
  self.digest = digest


CODE['def __init__(self, root, rules, reference, families, digest=__record_default_digest):\n  self.root = root\n  self.rules = rules\n  self.reference = reference\n  self.families = families\n  self.digest = digest'] = __init__.__code__

__record_factory = None

def __init__(self, rule, fires=__record_factory, silent=__record_factory):
  self.rule = rule
  self.fires = __record_make_fires() if fires is __record_factory else fires
  self.silent = __record_make_silent() if silent is __record_factory else silent


CODE['def __init__(self, rule, fires=__record_factory, silent=__record_factory):\n  self.rule = rule\n  self.fires = __record_make_fires() if fires is __record_factory else fires\n  self.silent = __record_make_silent() if silent is __record_factory else silent'] = __init__.__code__


def __init__(self, rule, keys):
  self.rule = rule
  self.keys = keys


CODE['def __init__(self, rule, keys):\n  self.rule = rule\n  self.keys = keys'] = __init__.__code__

__record_default_destination = __record_default_destination_name = __record_default_items = __record_default_parties = __record_default_rules = None

def __init__(self, rules=__record_default_rules, items=__record_default_items, parties=__record_default_parties, destination=__record_default_destination, destination_name=__record_default_destination_name):
  __record_object.__setattr__(self, 'rules', rules)
  __record_object.__setattr__(self, 'items', items)
  __record_object.__setattr__(self, 'parties', parties)
  __record_object.__setattr__(self, 'destination', destination)
  __record_object.__setattr__(self, 'destination_name', destination_name)


CODE["def __init__(self, rules=__record_default_rules, items=__record_default_items, parties=__record_default_parties, destination=__record_default_destination, destination_name=__record_default_destination_name):\n  __record_object.__setattr__(self, 'rules', rules)\n  __record_object.__setattr__(self, 'items', items)\n  __record_object.__setattr__(self, 'parties', parties)\n  __record_object.__setattr__(self, 'destination', destination)\n  __record_object.__setattr__(self, 'destination_name', destination_name)"] = __init__.__code__

__record_default_unconfirmed = None

def __init__(self, start, end, basis, note, citations, unconfirmed=__record_default_unconfirmed):
  __record_object.__setattr__(self, 'start', start)
  __record_object.__setattr__(self, 'end', end)
  __record_object.__setattr__(self, 'basis', basis)
  __record_object.__setattr__(self, 'note', note)
  __record_object.__setattr__(self, 'citations', citations)
  __record_object.__setattr__(self, 'unconfirmed', unconfirmed)


CODE["def __init__(self, start, end, basis, note, citations, unconfirmed=__record_default_unconfirmed):\n  __record_object.__setattr__(self, 'start', start)\n  __record_object.__setattr__(self, 'end', end)\n  __record_object.__setattr__(self, 'basis', basis)\n  __record_object.__setattr__(self, 'note', note)\n  __record_object.__setattr__(self, 'citations', citations)\n  __record_object.__setattr__(self, 'unconfirmed', unconfirmed)"] = __init__.__code__

__record_default_review_days = __record_factory = None

def __init__(self, start, end, verdict, families, contested, changed_by=__record_factory, review_days=__record_default_review_days):
  self.start = start
  self.end = end
  self.verdict = verdict
  self.families = families
  self.contested = contested
  self.changed_by = __record_make_changed_by() if changed_by is __record_factory else changed_by
  self.review_days = review_days


CODE['def __init__(self, start, end, verdict, families, contested, changed_by=__record_factory, review_days=__record_default_review_days):\n  self.start = start\n  self.end = end\n  self.verdict = verdict\n  self.families = families\n  self.contested = contested\n  self.changed_by = __record_make_changed_by() if changed_by is __record_factory else changed_by\n  self.review_days = review_days'] = __init__.__code__

__record_default_notes = None

def __init__(self, status, stored, notes=__record_default_notes):
  __record_object.__setattr__(self, 'status', status)
  __record_object.__setattr__(self, 'stored', stored)
  __record_object.__setattr__(self, 'notes', notes)


CODE["def __init__(self, status, stored, notes=__record_default_notes):\n  __record_object.__setattr__(self, 'status', status)\n  __record_object.__setattr__(self, 'stored', stored)\n  __record_object.__setattr__(self, 'notes', notes)"] = __init__.__code__


def __init__(self, stem, format, file, sha256, generated, imported_at, count, lists):
  __record_object.__setattr__(self, 'stem', stem)
  __record_object.__setattr__(self, 'format', format)
  __record_object.__setattr__(self, 'file', file)
  __record_object.__setattr__(self, 'sha256', sha256)
  __record_object.__setattr__(self, 'generated', generated)
  __record_object.__setattr__(self, 'imported_at', imported_at)
  __record_object.__setattr__(self, 'count', count)
  __record_object.__setattr__(self, 'lists', lists)


CODE["def __init__(self, stem, format, file, sha256, generated, imported_at, count, lists):\n  __record_object.__setattr__(self, 'stem', stem)\n  __record_object.__setattr__(self, 'format', format)\n  __record_object.__setattr__(self, 'file', file)\n  __record_object.__setattr__(self, 'sha256', sha256)\n  __record_object.__setattr__(self, 'generated', generated)\n  __record_object.__setattr__(self, 'imported_at', imported_at)\n  __record_object.__setattr__(self, 'count', count)\n  __record_object.__setattr__(self, 'lists', lists)"] = __init__.__code__


def __init__(self, text, edits):
  __record_object.__setattr__(self, 'text', text)
  __record_object.__setattr__(self, 'edits', edits)


CODE["def __init__(self, text, edits):\n  __record_object.__setattr__(self, 'text', text)\n  __record_object.__setattr__(self, 'edits', edits)"] = __init__.__code__


def __init__(self, transfer, date, reference):
  __record_object.__setattr__(self, 'transfer', transfer)
  __record_object.__setattr__(self, 'date', date)
  __record_object.__setattr__(self, 'reference', reference)
  __record_object.__setattr__(self, '_once', __record_make__once())
  __record_object.__setattr__(self, '_locs', __record_make__locs())


CODE["def __init__(self, transfer, date, reference):\n  __record_object.__setattr__(self, 'transfer', transfer)\n  __record_object.__setattr__(self, 'date', date)\n  __record_object.__setattr__(self, 'reference', reference)\n  __record_object.__setattr__(self, '_once', __record_make__once())\n  __record_object.__setattr__(self, '_locs', __record_make__locs())"] = __init__.__code__

__record_default_files = __record_default_hits = __record_default_warmups = __record_factory = None

def __init__(self, verdicts=__record_factory, families=__record_factory, errors=__record_factory, slowest=__record_factory, flagged=__record_factory, files=__record_default_files, hits=__record_default_hits, warmups=__record_default_warmups):
  self.verdicts = __record_make_verdicts() if verdicts is __record_factory else verdicts
  self.families = __record_make_families() if families is __record_factory else families
  self.errors = __record_make_errors() if errors is __record_factory else errors
  self.slowest = __record_make_slowest() if slowest is __record_factory else slowest
  self.flagged = __record_make_flagged() if flagged is __record_factory else flagged
  self.files = files
  self.hits = hits
  self.warmups = warmups


CODE['def __init__(self, verdicts=__record_factory, families=__record_factory, errors=__record_factory, slowest=__record_factory, flagged=__record_factory, files=__record_default_files, hits=__record_default_hits, warmups=__record_default_warmups):\n  self.verdicts = __record_make_verdicts() if verdicts is __record_factory else verdicts\n  self.families = __record_make_families() if families is __record_factory else families\n  self.errors = __record_make_errors() if errors is __record_factory else errors\n  self.slowest = __record_make_slowest() if slowest is __record_factory else slowest\n  self.flagged = __record_make_flagged() if flagged is __record_factory else flagged\n  self.files = files\n  self.hits = hits\n  self.warmups = warmups'] = __init__.__code__


def __init__(self, when, entry, sanctioned, system, label, brief, citations):
  __record_object.__setattr__(self, 'when', when)
  __record_object.__setattr__(self, 'entry', entry)
  __record_object.__setattr__(self, 'sanctioned', sanctioned)
  __record_object.__setattr__(self, 'system', system)
  __record_object.__setattr__(self, 'label', label)
  __record_object.__setattr__(self, 'brief', brief)
  __record_object.__setattr__(self, 'citations', citations)


CODE["def __init__(self, when, entry, sanctioned, system, label, brief, citations):\n  __record_object.__setattr__(self, 'when', when)\n  __record_object.__setattr__(self, 'entry', entry)\n  __record_object.__setattr__(self, 'sanctioned', sanctioned)\n  __record_object.__setattr__(self, 'system', system)\n  __record_object.__setattr__(self, 'label', label)\n  __record_object.__setattr__(self, 'brief', brief)\n  __record_object.__setattr__(self, 'citations', citations)"] = __init__.__code__

del __init__
