"""``{% cachedbody %}…{% endcachedbody %}``: a page's main part, rendered once per change of
the published data and served from the cache until the next one.

At the Forum size, rendering the dashboard's tables, charts and map takes longer than
building their data, so caching the data alone is not enough. The view puts two things in
the context: ``body_cache_key`` (from ``pledges.published.body_cache_key``, which holds the
published-data version, the language, the day and whatever else the body depends on; empty
when this reader's body must not be shared) and ``build_body``, a function returning the
context the body needs, called only when the body is not in the cache. Nothing the body
shows may depend on the reader beyond what the key holds (no CSRF token, no "you follow").
"""

from django import template
from django.conf import settings
from django.core.cache import cache

register = template.Library()


class CachedBodyNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        key = context.get("body_cache_key")
        if key:
            html = cache.get(key)
            if html is not None:
                return html
        build = context.get("build_body")
        with context.push(build() if build else {}):
            html = self.nodelist.render(context)
        if key:
            cache.set(key, html, settings.GRFNET_CACHE_SECONDS)
        return html


@register.tag
def cachedbody(parser, token):
    nodelist = parser.parse(("endcachedbody",))
    parser.delete_first_token()
    return CachedBodyNode(nodelist)
