"""The Japanese catalogue is complete, and the compiled .mo says what the .po says."""

from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "ja" / "LC_MESSAGES"


def _translated(entry):
    return entry.msgstr or any(entry.msgstr_plural.values())


def test_every_japanese_message_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    untranslated = [e.msgid for e in po if not e.obsolete and not _translated(e)]
    fuzzy = [e.msgid for e in po if not e.obsolete and "fuzzy" in e.flags]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    mo = {entry.msgid: entry for entry in polib.mofile(str(CATALOGUE / "django.mo"))}
    stale = [
        e.msgid
        for e in po
        if not e.obsolete
        and (
            e.msgid not in mo
            or (mo[e.msgid].msgstr or mo[e.msgid].msgstr_plural) != (e.msgstr or e.msgstr_plural)
        )
    ]
    assert stale == [], "run `make messages` to recompile locale/ja/LC_MESSAGES/django.mo"
