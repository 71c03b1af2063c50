"""Content in the reader's language, or in the other one marked as such.

    {% load bilingual %}
    {% text pledge "title" %}                 -> Title, or <span lang="en">Title</span>
    {% text update "achievements" block=True %} -> paragraphs, with "Written in Japanese"
    {% with t=meeting|shown:"summary" %}<p{{ t.lang_attr }}>{{ t }}</p>{% endwith %}
    {% text update "achievements" plain=True %} -> for plain-text email: text (Written in ...)

All decisions are ``accounts.languages.shown()``'s.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.text import Truncator

from accounts.languages import Shown, reader_language
from accounts.languages import shown as shown_text

register = template.Library()


@register.filter
def shown(obj, field):
    """``obj|shown:"title"``: a ``Shown`` (prints as the text; ``.lang_attr``, ``.note``)."""
    return shown_text(obj, field)


@register.simple_tag
def text(obj, field, block=False, plain=False, note=True, truncate=None):
    """``obj``'s ``field`` for this reader; in the other language it carries ``lang`` and,
    for a block (or in plain text), the "Written in ..." note. ``truncate``: at most that
    many characters."""
    value = shown_text(obj, field)
    if truncate:
        value = Shown(Truncator(value.text).chars(int(truncate)), value.language, value.fallback)
    if plain:
        return f"{value.text} ({value.note})" if value.fallback and note else value.text
    if block:
        if not value.text:
            return ""
        if not value.fallback:
            return linebreaks_filter(value.text, autoescape=True)
        return format_html(
            '<div class="other-language-text"><div lang="{}">{}</div>{}</div>',
            value.language,
            linebreaks_filter(value.text, autoescape=True),
            format_html('<p class="lang-note">{}</p>', value.note) if note else "",
        )
    if value.fallback:
        return format_html('<span lang="{}">{}</span>', value.language, value.text)
    return value.text


@register.simple_tag
def list_separator():
    """Between the items of an inline list: 、 in Japanese (never an ASCII comma), ", "
    in English."""
    return "、" if reader_language() == "ja" else ", "
