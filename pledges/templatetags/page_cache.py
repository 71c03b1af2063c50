"""``{% cachedbody %}…{% endcachedbody %}``: a page's main part, rendered once per change of
the published data and served from the cache until the next one.

At the Forum size, rendering the dashboard's tables, charts and map takes longer than
building their data, so caching the data alone is not enough. The view puts two things in
the context (``pledges.published.cached_body`` makes both): ``body_cache_key`` (from
``pledges.published.body_cache_key``, which holds the
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

``{% cachedchrome "name" part… %}…{% endcachedchrome %}``: a part of every page's frame (the
navigation, the footer, the stylesheet links) that depends on nothing but the templates, the
URLs, the static files' manifest, the language and the ``part`` values (say the current view's
name and the reader's role), kept in this process's memory: no cache round trip, rendered once
per process for each language and parts. Never around a CSRF token, a CSP nonce, the reader's
name or anything from the database. Not kept with ``DEBUG`` (templates reload), and forgotten
when a test changes a setting.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.utils import translation

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


# (name, language, script prefix, parts…) -> html. The keys are few (a part is a view's name
# or a role flag), so the bound only guards against a part that was not meant to vary.
_chrome: dict[tuple, str] = {}
CHROME_MAX_ENTRIES = 2000


def _forget_chrome(**kwargs):
    _chrome.clear()


setting_changed.connect(_forget_chrome)


class CachedChromeNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        if settings.DEBUG:
            return self.nodelist.render(context)
        key = (
            self.name,
            translation.get_language(),
            get_script_prefix(),
            *(part.resolve(context) for part in self.parts),
        )
        html = _chrome.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if len(_chrome) < CHROME_MAX_ENTRIES:
                _chrome[key] = html
        return html


@register.tag
def cachedchrome(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            "{% cachedchrome %} takes a quoted name, then the values the part depends on"
        )
    nodelist = parser.parse(("endcachedchrome",))
    parser.delete_first_token()
    return CachedChromeNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
