"""Search pledges in Japanese and English: the one place that decides what ``q`` finds.

Every word must be found (words combine with AND; Japanese and English words mix freely),
each as a substring, case-insensitively, in at least one of:

* the pledge's title or description, in either language;
* the name or short name of its lead or a co-pledging organization, in either language;
* the text of one of its *published* updates, in either language (drafts, submissions
  and returned updates are never searched: a reader must not find what they cannot see).

Substrings, not words, because Japanese has no spaces: 難民 finds 難民支援 and 日本の難民.
On PostgreSQL each word is an ``ILIKE '%word%'`` that the pg_trgm GIN indexes of migration
``pledges.0006`` serve (a trigram index answers substring matches); on SQLite it is the
plain ``LIKE`` of ``icontains``. Costs one query, which finds the matching pledges' ids.
"""

from django.db.models import CharField, Lookup, Q, TextField

from accounts.search import search_words
from organizations.models import Organization

from .models import Pledge, ProgressUpdate

PLEDGE_FIELDS = ("title_ja", "title_en", "description_ja", "description_en")
ORGANIZATION_FIELDS = ("name_ja", "name_en", "short_name_ja", "short_name_en")
UPDATE_FIELDS = tuple(
    f"{name}_{lang}"
    for name in ("achievements", "challenges", "next_steps", "refugee_participation")
    for lang in ("ja", "en")
)


@CharField.register_lookup
@TextField.register_lookup
class SubstringLookup(Lookup):
    """``field__substring="難民"``: contains, case-insensitively.

    On PostgreSQL ``"column" ILIKE '%...%'`` on the bare column, which a GIN index with
    ``gin_trgm_ops`` serves (Django's ``icontains`` wraps the column in UPPER(), which the
    index does not). Elsewhere the same as ``icontains``.
    """

    lookup_name = "substring"

    def _pattern(self, connection):
        escaped = connection.ops.prep_for_like_query(self.rhs)
        return f"%{escaped}%"

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} ILIKE %s", [*lhs_params, self._pattern(connection)]

    def as_sql(self, compiler, connection):
        lookup = self.lhs.get_lookup("icontains")(self.lhs, self.rhs)
        return lookup.as_sql(compiler, connection)


def words(text: str) -> list[str]:
    """The words of a query: split on any space, the Japanese full-width one included;
    distinct and at most eight, as every search box keeps them (``accounts.search``), so a
    URL of thousands of words costs what a short search does."""
    return search_words(text)


def _any_field(fields, word: str, prefix: str = "") -> Q:
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{prefix}{name}__substring": word})
    return condition


def _word_condition(word: str) -> Q:
    # Each table is searched in its own subquery, so that each can use its trigram index
    # (an OR across tables in one WHERE cannot).
    organizations = Organization.objects.filter(_any_field(ORGANIZATION_FIELDS, word))
    co_pledged = Pledge.co_organizations.through.objects.filter(organization__in=organizations)
    updates = ProgressUpdate.objects.published().filter(_any_field(UPDATE_FIELDS, word))
    return (
        Q(pk__in=Pledge.objects.filter(_any_field(PLEDGE_FIELDS, word)).values("pk"))
        | Q(lead_organization__in=organizations.values("pk"))
        | Q(pk__in=co_pledged.values("pledge_id"))
        | Q(pk__in=updates.values("pledge_id"))
    )


def search_pledges(queryset, text: str):
    """``queryset`` narrowed to the pledges that contain every word of ``text``.

    The matching pledges are found once, in one query, and the list's count and page then
    read them by id: at the Forum size a common word matches most of 166,000 published
    updates, and running that scan for the count and again for the page took twice as long."""
    search_words = words(text)
    if not search_words:
        return queryset
    matching = Pledge.objects.order_by()
    for word in search_words:
        matching = matching.filter(_word_condition(word))
    return queryset.filter(pk__in=list(matching.values_list("pk", flat=True)))
