"""``{% translations_needed_counts as counts %}``: for the secretariat's review page, which
``pledges`` renders but whose counts cover meetings too (read side, ``dashboards``)."""

from django import template

from dashboards.translations import translations_needed_counts as counts_of

register = template.Library()


@register.simple_tag
def translations_needed_counts():
    return counts_of()
