"""``{% cachedbody %}…{% endcachedbody %}``: a page's main part, rendered once per change of
the published data and served from the cache until the next one.

At the Forum size, rendering the dashboard's tables, charts and map takes longer than
building their data, so caching the data alone is not enough. The view puts two things in
the context: ``body_cache_key`` (from ``pledges.published.body_cache_key``, which holds the
published-data version, the language, the day and whatever else the body depends on; empty
when this reader's body must not be shared) and ``build_body``, a function returning the
context the body needs, called only when the body is not in the cache. Nothing the body
shows may depend on the reader beyond what the key holds (no CSRF token, no "you follow").

``{% cachedfragment key %}…{% endcachedfragment %}``: the same for one part of a page that
other readers see too (a pledge's row in the workspace, an update's card in the review
queue), rendered per request around it. ``key`` (from ``pledges.published.cache_key``)
holds everything the part shows; empty, the part is rendered and not kept. The same rule
holds: no CSRF token, nothing of the reader's that the key does not hold. A view that
knows its parts' keys puts ``cached_fragments`` in the context
(``pledges.published.cached_fragments(keys)``: one read of the cache for them all) rather
than have each part read it.
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


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist = nodelist
        self.key = key

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        found = context.get("cached_fragments")
        html = found.get(key) if found is not None else cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.GRFNET_CACHE_SECONDS)
        return html


@register.tag
def cachedfragment(parser, token):
    try:
        _tag, key = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError(
            "{% cachedfragment %} takes one argument, the key"
        ) from None
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, parser.compile_filter(key))
