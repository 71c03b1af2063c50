"""``{% translations_needed_counts as counts %}``: for the secretariat's review page, which
``pledges`` renders but whose counts cover meetings too (read side, ``dashboards``).
``{% translations_needed_counts state as counts %}`` uses the published data version the
page has already read (a ``PublishedState``) rather than read it again."""

from django import template

from dashboards.translations import translations_needed_counts as counts_of

register = template.Library()


@register.simple_tag
def translations_needed_counts(state=None):
    return counts_of(state=state)
