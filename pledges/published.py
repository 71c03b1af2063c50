"""The version of the published data, and caches keyed by it.

Every write that changes what the read side shows calls ``published_data_changed()`` in its
transaction: the services when an update is published or corrected, and the receivers in
``pledges.signals`` / ``meetings.signals`` when the admin changes a pledge, an organization or
a meeting. Pages cache what they build from published data under a key that holds the
version (``cached``), so a change shows on the next request in every process, and a draft,
which changes no published data, never reaches a cache.

With ``CACHE_URL`` (Redis) the app processes share the cache; without it each process keeps
its own in local memory, colder but never stale, because the version lives in the database.
"""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.utils import timezone, translation

from accounts.access import is_secretariat

from .models import PublishedData

T = TypeVar("T")
ROW = 1


@dataclass(frozen=True)
class PublishedState:
    version: int
    changed_at: datetime.datetime


def published_data_changed() -> None:
    """Bump the version (call inside the writing transaction; the row stays locked until it
    ends, so two writers bump it one after the other)."""
    now = timezone.now()
    if not PublishedData.objects.filter(pk=ROW).update(version=F("version") + 1, changed_at=now):
        PublishedData.objects.get_or_create(pk=ROW, defaults={"version": 1, "changed_at": now})


# Built once: every page asks for the version, and building the filter and the ordering of
# ``.first()`` each time cost more than the query's round trip. Cloned (``.all()``) per use.
_STATE_QUERY = PublishedData.objects.filter(pk=ROW).values_list("version", "changed_at")[:1]


def published_state() -> PublishedState:
    """The current version and the time of the last change. One query."""
    row = next(iter(_STATE_QUERY.all()), None)
    if row is None:
        return PublishedState(0, datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    return PublishedState(*row)


def cache_key(name: str, *parts, state: PublishedState) -> str:
    """``grfnet:<name>:<version>:<digest of the parts, the language and today>``."""
    words = [*map(str, parts), translation.get_language() or "", str(timezone.localdate())]
    digest = hashlib.sha256("\x1f".join(words).encode()).hexdigest()[:32]
    return f"grfnet:{name}:{state.version}:{digest}"


def cached(name: str, build: Callable[[], T], *parts, state: PublishedState | None = None) -> T:
    """``build()``'s result, from the cache when the published data has not changed since it
    was built for these ``parts`` (in this language, today). One query for the version
    unless ``state`` is given, none more when cached."""
    key = cache_key(name, *parts, state=state or published_state())
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.GRFNET_CACHE_SECONDS)
    return value


def cached_fragments(keys) -> dict[str, str]:
    """The page parts (``{% cachedfragment %}``) already cached under ``keys``, empty keys
    left out, in one read of the cache."""
    return cache.get_many([key for key in keys if key])


def body_cache_key(
    request, name: str, *parts, state: PublishedState, anonymous_only: bool = False
) -> str:
    """The key of a page body that ``{% cachedbody %}`` (``pledges.templatetags.page_cache``)
    may share between readers: every reader sees the same body but the secretariat, which
    sees its own tools. The query string (filters, page) is part of the key. With
    ``anonymous_only`` (bodies with a follow button or a form) only visitors who are not
    signed in share it; for everyone else the key is empty and the body is rendered."""
    if anonymous_only and request.user.is_authenticated:
        return ""
    role = "secretariat" if is_secretariat(request.user) else "reader"
    query = request.META.get("QUERY_STRING", "")
    return cache_key(f"body-{name}", role, *parts, query, state=state)


def cached_body(
    request,
    name: str,
    *parts,
    build: Callable[[], dict],
    state: PublishedState | None = None,
    anonymous_only: bool = False,
) -> dict:
    """What a view puts in the context of a page whose body is a ``{% cachedbody %}``:
    ``body_cache_key`` (``body_cache_key()`` of these arguments) and ``build_body``,
    ``build``, which the tag calls only when the body is not in the cache."""
    key = body_cache_key(
        request, name, *parts, state=state or published_state(), anonymous_only=anonymous_only
    )
    return {"body_cache_key": key, "build_body": build}
