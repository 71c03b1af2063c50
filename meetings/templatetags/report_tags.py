from django import template

register = template.Library()


@register.filter
def beyond(total: int, shown: int) -> int:
    """How many of ``total`` items are not among the ``shown`` first (0 if none)."""
    return max(0, int(total) - int(shown))
