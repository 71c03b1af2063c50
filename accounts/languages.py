"""Content in two languages: which one a reader sees, and how to say it is the other one.

Content fields (titles, names, summaries, update narratives) have a Japanese and an English
column (django-modeltranslation). A reader sees their own language and, where that column
is empty, the other one, marked with ``lang`` so screen readers switch voice, and with a
short note ("Written in Japanese"). ``shown()`` is the one place that decides; the
``bilingual`` template library (``{% text %}``, ``|shown``) and the emails use it.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("ja", "en")
LANGUAGE_NAMES = {"ja": _("Japanese"), "en": _("English")}
WRITTEN_IN = {"ja": _("Written in Japanese"), "en": _("Written in English")}


def reader_language(language: str | None = None) -> str:
    language = (language or translation.get_language() or "ja")[:2]
    return language if language in LANGUAGES else "ja"


def other_language(language: str) -> str:
    return "en" if language == "ja" else "ja"


@dataclass(frozen=True)
class Shown:
    """The text a reader sees, the language it is in, and whether that is not theirs."""

    text: str
    language: str
    fallback: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def lang_attr(self) -> str:
        """` lang="ja"` for text in the other language, else nothing (safe HTML)."""
        return format_html(' lang="{}"', self.language) if self.fallback else ""

    @property
    def note(self) -> str:
        """ "Written in Japanese" for text in the other language, else ""."""
        return str(WRITTEN_IN[self.language]) if self.fallback else ""


def shown(obj, field: str, language: str | None = None) -> Shown:
    """``obj``'s ``field`` in ``language`` (the active one by default), or in the other
    language when that is empty. Works on any model registered with modeltranslation; a
    field without language columns is returned as it is."""
    reader = reader_language(language)
    if obj is None:
        return Shown("", reader, False)
    if not hasattr(obj, f"{field}_{reader}"):
        return Shown(str(getattr(obj, field, "") or ""), reader, False)
    own = getattr(obj, f"{field}_{reader}") or ""
    if own.strip():
        return Shown(own, reader, False)
    other = other_language(reader)
    theirs = getattr(obj, f"{field}_{other}") or ""
    if theirs.strip():
        return Shown(theirs, other, True)
    return Shown("", reader, False)


def missing_language(obj, field: str) -> str | None:
    """The language ``field`` lacks when it has text in only one, else None."""
    values = {lang: (getattr(obj, f"{field}_{lang}", "") or "").strip() for lang in LANGUAGES}
    present = [lang for lang, value in values.items() if value]
    if len(present) == 1:
        return other_language(present[0])
    return None
