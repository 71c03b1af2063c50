"""Form widgets of the read side."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class LongSelect(forms.Select):
    """A ``<select>`` of plain options written straight from its choices, with the same
    elements and attributes as Django's. Django builds a dictionary and renders a template
    for each option: for the pledge list's organization (1,300 options at the Forum size)
    and country (250) filters that took 100 ms of every page that missed the cache."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>',
            (
                (key, " selected" if key in selected else "", label)
                for key, label in ((str(v), label) for v, label in self.choices)
            ),
        )
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            options,
        )
