"""Reads of one app's models that views and services share."""

from collections.abc import Container

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from .changes import changes_since_return, update_changes
from .models import Indicator, IndicatorValue, ProgressUpdate
from .published import PublishedState, cache_key


def _indicator_values() -> QuerySet:
    return IndicatorValue.objects.select_related("indicator").order_by(
        "indicator__order", "indicator__id"
    )


def _with_indicator_values(updates: QuerySet) -> QuerySet:
    return updates.prefetch_related(Prefetch("indicator_values", queryset=_indicator_values()))


def latest_published_update(pledge, organization=None) -> ProgressUpdate | None:
    """The pledge's latest published update (by ``organization`` when it has one, else
    by anyone), with its indicator values; None when nothing is published. Two to four
    queries."""
    published = _with_indicator_values(
        ProgressUpdate.objects.published().filter(pledge=pledge).order_by("-published_at", "-pk")
    )
    if organization is not None:
        own = published.filter(organization=organization).first()
        if own is not None:
            return own
    return published.first()


def review_queue_ids() -> list[int]:
    """The submitted updates' ids, oldest submission first. One query."""
    return list(
        ProgressUpdate.objects.filter(state=ProgressUpdate.State.SUBMITTED)
        .order_by("submitted_at", "pk")
        .values_list("pk", flat=True)
    )


def _latest_published(field: str) -> Subquery:
    """``field`` of the latest published update of the outer update's pledge."""
    return Subquery(
        ProgressUpdate.objects.published()
        .filter(pledge=OuterRef("pledge"))
        .order_by("-published_at", "-pk")
        .values(field)[:1]
    )


def review_cards(ids: list[int], state: PublishedState) -> list[ProgressUpdate]:
    """The updates ``ids`` in that order, each with ``card_key`` (``review_card_key``) and
    no more: what it takes to know whether its card is cached. One query;
    ``with_review_details`` gives the others what a card shows."""
    found = (
        ProgressUpdate.objects.select_related("author")
        .only("version", "author")
        .annotate(
            previous_id=_latest_published("pk"), previous_version=_latest_published("version")
        )
    )
    by_pk = found.in_bulk(ids)
    updates = [by_pk[pk] for pk in ids if pk in by_pk]
    for update in updates:
        update.card_key = review_card_key(update, state)
    return updates


def with_review_details(cards: list[ProgressUpdate], cached: Container[str]) -> list:
    """``cards`` (from ``review_cards``), those whose ``card_key`` is not in ``cached``
    replaced by their update in full with what its card shows: its pledge, organization,
    indicator values and evidence files, ``previous`` (its pledge's last published update,
    or None) and ``changes`` from it, and, when it was returned before, the changes since.
    No query when every card is cached; else four whatever their number, one more for
    resubmitted updates."""
    missing = {card.pk: card for card in cards if card.card_key not in cached}
    if not missing:
        return cards
    updates = list(
        _with_indicator_values(
            ProgressUpdate.objects.filter(pk__in=missing)
            .select_related("pledge", "organization", "author", "reviewer")
            .prefetch_related("attachments")
        )
    )
    for update in updates:
        card = missing[update.pk]
        update.card_key, update.previous_id = card.card_key, card.previous_id
    previous = {
        u.pk: u
        for u in _with_indicator_values(
            ProgressUpdate.objects.filter(
                pk__in={u.previous_id for u in updates if u.previous_id}
            ).select_related("organization")
        )
    }
    for update in updates:
        update.previous = previous.get(update.previous_id)
        update.changes = update_changes(update, update.previous)
    _add_returned_versions(updates)
    built = {update.pk: update for update in updates}
    return [built.get(card.pk, card) for card in cards]


def review_card_key(update: ProgressUpdate, state: PublishedState) -> str:
    """The key a review card's content (everything but its form) is cached under: the
    update's version (every write bumps it: its text, its evidence files, its return),
    the published update it is compared with and that one's version, the author's name,
    and the published data version (pledge titles, organization and indicator names),
    with the language and the day. ``update`` carries ``previous_id`` and
    ``previous_version`` (``review_cards``)."""
    return cache_key(
        "review-card",
        update.pk,
        update.version,
        update.previous_id,
        update.previous_version,
        update.author or "",
        state=state,
    )


def review_form_key(pk: int, form, state: PublishedState) -> str:
    """The key the form fields and buttons of update ``pk``'s review card are cached under
    while the form is empty (they then depend only on the update and the language); empty,
    so not cached, for a form sent back with what was typed and its errors."""
    return "" if form.is_bound else cache_key("review-form", pk, state=state)


def _add_returned_versions(queue: list[ProgressUpdate]) -> None:
    """A resubmitted update (returned, then submitted again: it still carries the
    secretariat's comment) gets ``returned_version``, the historical version as it was
    returned, and ``changes_since_return`` from it, indicator values included. One query
    for the whole queue, and one more when a value reported then has since been removed."""
    resubmitted = {u.pk: u for u in queue if u.review_comment}
    for update in queue:
        update.returned_version, update.changes_since_return = None, []
    if not resubmitted:
        return
    # The version as returned is the last change from submitted to returned that kept the
    # submission time: the secretariat's return. (Withdrawing a resubmitted update also
    # takes it from submitted to returned, but clears the submission time; the focal
    # point's corrections are saved while it stays returned.)
    returned_at = {}
    previous_state = {}
    history = ProgressUpdate.history.filter(id__in=resubmitted).order_by("id", "history_date")
    for version in history:
        if (
            version.state == ProgressUpdate.State.RETURNED
            and previous_state.get(version.id) == ProgressUpdate.State.SUBMITTED
            and version.submitted_at is not None
        ):
            returned_at[version.id] = version
        previous_state[version.id] = version.state
    # Indicators whose value was removed since the return: no longer among the prefetched.
    missing = {
        int(indicator_id)
        for pk, version in returned_at.items()
        for indicator_id in (version.returned_values or {})
    } - {v.indicator_id for update in resubmitted.values() for v in update.indicator_values.all()}
    indicators = Indicator.objects.in_bulk(missing) if missing else {}
    for pk, version in returned_at.items():
        update = resubmitted[pk]
        update.returned_version = version
        update.changes_since_return = changes_since_return(update, version, indicators)
