"""Writes to progress updates and the pledge state they drive.

Views and admin actions call these functions; nothing else saves an update. Each runs in
one transaction and validates with ``full_clean()`` before saving. Authorisation (who may
call what) is the caller's job; these functions guard the life cycle:

    draft -> submitted -> published
             submitted -> returned -> submitted

Submitting, publishing and returning email the people concerned once the transaction
commits (``pledges.notifications``).
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization

from . import evidence, following, notifications
from .models import Indicator, IndicatorValue, Pledge, ProgressUpdate, Stage
from .published import published_data_changed

State = ProgressUpdate.State

TEXT_FIELDS = ProgressUpdate.TEXT_FIELDS
LANGUAGES = ProgressUpdate.LANGUAGES
TRANSLATED_TEXT_FIELDS = ProgressUpdate.TRANSLATED_TEXT_FIELDS
EDITABLE_FIELDS = ProgressUpdate.EDITABLE_FIELDS
CONTENT_FIELDS = ProgressUpdate.CONTENT_FIELDS


class TransitionNotAllowed(Exception):
    """The update is not in a state that allows this step (e.g. publishing it twice)."""


class NotAnEditor(TransitionNotAllowed):
    """The person acting is not an editor of the reporting organization: only its editors
    write and submit its updates; the secretariat reviews, publishes and corrects."""


def _check_editor(by, organization) -> None:
    """Refuse a write for ``organization`` by someone who is not one of its editors.
    ``by=None`` is a write by the system itself (a command, a data migration)."""
    if by is None:
        return
    if not Organization.objects.edited_by(by).filter(pk=organization.pk).exists():
        raise NotAnEditor(
            _("Only an editor of %(organization)s writes and submits its updates.")
            % {"organization": organization}
        )


class StaleUpdate(Exception):
    """Someone saved the update after the editor opened it; saving would overwrite them."""


def _apply_content(update: ProgressUpdate, content: dict) -> None:
    unknown = set(content) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"Not content fields of an update: {sorted(unknown)}")
    for name, value in content.items():
        setattr(update, name, value)


def _set_indicator_values(update: ProgressUpdate, values: dict[Indicator, Decimal | None]) -> None:
    """Store the reported value of each indicator; None removes a value."""
    for indicator, value in values.items():
        if indicator.pledge_id != update.pledge_id:
            raise ValueError(f"Indicator {indicator.pk} does not belong to this update's pledge")
        if value is None:
            IndicatorValue.objects.filter(update=update, indicator=indicator).delete()
        else:
            IndicatorValue.objects.update_or_create(
                update=update, indicator=indicator, defaults={"value": value}
            )


def _lock(update: ProgressUpdate) -> ProgressUpdate:
    """The row as it is now, locked until the transaction ends (PostgreSQL)."""
    return ProgressUpdate.objects.select_for_update().get(pk=update.pk)


def _check_version(current: ProgressUpdate, version: int | None) -> None:
    if version is not None and current.version != version:
        raise StaleUpdate(
            _(
                "This update was changed by someone else after you opened it. "
                "Reload the page to see their version before saving yours."
            )
        )


@transaction.atomic
def update_create(
    *,
    pledge: Pledge,
    organization,
    author,
    content: dict,
    indicator_values: dict[Indicator, Decimal | None] | None = None,
    attachments: dict | None = None,
    by=None,
) -> ProgressUpdate:
    """Create a draft update of ``organization`` on ``pledge``, written ``by`` one of the
    organization's editors (NotAnEditor otherwise), with the evidence files ``attachments``
    names (``{"add": [CheckedFile, ...]}``, see ``evidence``).

    An organization keeps one open (draft, returned or submitted) update per pledge:
    TransitionNotAllowed otherwise, so a double click or two colleagues do not fork it.
    """
    _check_editor(by, organization)
    Pledge.objects.select_for_update().filter(pk=pledge.pk).first()  # one creator at a time
    if open_update_of(pledge=pledge, organization=organization) is not None:
        raise TransitionNotAllowed(
            _("Your organization already has an update in progress on this pledge.")
        )
    update = ProgressUpdate(
        pledge=pledge, organization=organization, author=author, state=State.DRAFT
    )
    _apply_content(update, content)
    update.full_clean()
    update.save()
    _set_indicator_values(update, indicator_values or {})
    if attachments:
        evidence.attachments_change(update=update, user=author, **attachments)
    return update


@transaction.atomic
def update_edit(
    *,
    update: ProgressUpdate,
    version: int | None,
    content: dict,
    indicator_values: dict[Indicator, Decimal | None] | None = None,
    attachments: dict | None = None,
    by=None,
) -> ProgressUpdate:
    """Save new content of a draft or returned update, edited from ``version`` ``by`` one
    of the organization's editors (NotAnEditor otherwise), adding and removing the evidence
    files ``attachments`` names (``{"add": [...], "remove": [...]}``).

    Raises StaleUpdate if the update changed since that version, so a second editor never
    silently overwrites the first; TransitionNotAllowed once it is submitted or published.
    """
    current = _lock(update)
    _check_editor(by, current.organization)
    _check_version(current, version)
    if current.state not in (State.DRAFT, State.RETURNED):
        raise TransitionNotAllowed(
            _("A %(state)s update can no longer be edited.")
            % {"state": current.get_state_display().lower()}
        )
    _apply_content(current, content)
    current.full_clean()
    current.version += 1
    current.save()
    _set_indicator_values(current, indicator_values or {})
    if attachments:
        evidence.attachments_change(update=current, user=by, **attachments)
    return current


@transaction.atomic
def update_submit(*, update: ProgressUpdate, version: int | None = None, by=None) -> ProgressUpdate:
    """Send a draft or returned update to the secretariat for review, ``by`` one of the
    organization's editors (NotAnEditor otherwise): the secretariat does not submit on an
    organization's behalf."""
    current = _lock(update)
    _check_editor(by, current.organization)
    _check_version(current, version)
    if current.state not in (State.DRAFT, State.RETURNED):
        raise TransitionNotAllowed(_("Only a draft or returned update can be submitted."))
    current.full_clean()
    current.state = State.SUBMITTED
    current.submitted_at = timezone.now()
    current.version += 1
    current.save()
    transaction.on_commit(lambda: notifications.notify_update_submitted(current), robust=True)
    return current


@transaction.atomic
def update_withdraw(*, update: ProgressUpdate, version: int | None = None) -> ProgressUpdate:
    """Take a submitted update back before the secretariat has reviewed it, to fix it: it
    becomes a draft again (or returned, if the secretariat had returned it before, so
    that its comment stays in view). Refused once it has been published or returned."""
    current = _lock(update)
    _check_version(current, version)
    if current.state != State.SUBMITTED:
        raise TransitionNotAllowed(
            _("Only an update waiting for review can be withdrawn; this one is %(state)s.")
            % {"state": current.get_state_display().lower()}
        )
    current.state = State.RETURNED if current.review_comment else State.DRAFT
    current.submitted_at = None
    current.version += 1
    current.save()
    return current


@transaction.atomic
def update_publish(*, update: ProgressUpdate, reviewer) -> ProgressUpdate:
    """Publish a submitted update: it becomes its pledge's current state.

    Two reviewers publishing at once publish it once: the second finds it published and
    gets TransitionNotAllowed.
    """
    current = _lock(update)
    if current.state != State.SUBMITTED:
        raise TransitionNotAllowed(
            _("Only a submitted update can be published; this one is %(state)s.")
            % {"state": current.get_state_display().lower()}
        )
    current.state = State.PUBLISHED
    current.published_at = timezone.now()
    current.reviewer = reviewer
    current.review_comment = ""
    current.version += 1
    current.save()
    pledge_refresh_current_state(pledge=current.pledge)
    published_data_changed()
    transaction.on_commit(lambda: notifications.notify_update_published(current), robust=True)
    transaction.on_commit(lambda: following.notify_followers(current), robust=True)
    return current


@transaction.atomic
def update_return(*, update: ProgressUpdate, reviewer, comment: str) -> ProgressUpdate:
    """Send a submitted update back to its organization with the secretariat's comment."""
    if not comment or not comment.strip():
        raise TransitionNotAllowed(_("Say what needs to change: a comment is required."))
    current = _lock(update)
    if current.state != State.SUBMITTED:
        raise TransitionNotAllowed(
            _("Only a submitted update can be returned; this one is %(state)s.")
            % {"state": current.get_state_display().lower()}
        )
    current.state = State.RETURNED
    current.reviewer = reviewer
    current.review_comment = comment.strip()
    current.returned_values = {
        str(v.indicator_id): str(v.value) for v in current.indicator_values.all()
    }
    current.version += 1
    current.full_clean()
    current.save()
    transaction.on_commit(lambda: notifications.notify_update_returned(current), robust=True)
    return current


@transaction.atomic
def update_correct(
    *,
    update: ProgressUpdate,
    version: int | None,
    content: dict,
    indicator_values: dict[Indicator, Decimal | None] | None = None,
) -> ProgressUpdate:
    """The secretariat corrects a published update; the pledge's state follows.

    The previous content stays in the update's history.
    """
    current = _lock(update)
    _check_version(current, version)
    if current.state != State.PUBLISHED:
        raise TransitionNotAllowed(_("Only a published update is corrected this way."))
    _apply_content(current, content)
    current.full_clean()
    current.version += 1
    current.save()
    _set_indicator_values(current, indicator_values or {})
    pledge_refresh_current_state(pledge=current.pledge)
    published_data_changed()
    return current


@transaction.atomic
def update_add_translation(
    *, update: ProgressUpdate, version: int | None, language: str, texts: dict[str, str]
) -> ProgressUpdate:
    """The secretariat adds the ``language`` text of a published update's narrative where
    it is missing (``texts`` maps "achievements", ... to the translation).

    Goes through ``update_correct``, so the history keeps the update before and after.
    Only empty fields are filled: an organization's own words are never replaced this way
    (ValueError for a field that already has text in ``language``).
    """
    if language not in LANGUAGES:
        raise ValueError(f"Not a content language: {language}")
    current = _lock(update)
    if current.state != State.PUBLISHED:
        raise TransitionNotAllowed(_("Only a published update is corrected this way."))
    content = {}
    for name, text in texts.items():
        if name not in TEXT_FIELDS:
            raise ValueError(f"Not a narrative field of an update: {name}")
        if not (text or "").strip():
            continue
        if (getattr(current, f"{name}_{language}") or "").strip():
            raise ValueError(f"{name} already has {language} text")
        content[f"{name}_{language}"] = text.strip()
    return update_correct(update=current, version=version, content=content)


def open_update_of(*, pledge: Pledge, organization) -> ProgressUpdate | None:
    """The organization's update on the pledge that is not published yet, if any."""
    return (
        ProgressUpdate.objects.filter(
            pledge=pledge,
            organization=organization,
            state__in=[State.DRAFT, State.RETURNED, State.SUBMITTED],
        )
        .order_by("-updated_at")
        .first()
    )


@transaction.atomic
def pledge_refresh_current_state(*, pledge: Pledge) -> None:
    """Copy the latest published update's stage, progress and date onto the pledge, and
    each indicator's latest published value onto the indicator. Five queries plus one
    per indicator of this pledge. The pledge row stays locked until the caller's
    transaction ends, so two publications on one joint pledge cannot cross."""
    Pledge.objects.select_for_update().filter(pk=pledge.pk).first()
    latest = (
        ProgressUpdate.objects.published()
        .filter(pledge=pledge)
        .order_by("-published_at", "-pk")
        .first()
    )
    Pledge.objects.filter(pk=pledge.pk).update(
        current_stage=latest.stage if latest else Stage.NONE,
        current_progress=latest.progress if latest else None,
        last_published_at=latest.published_at if latest else None,
    )
    pledge.refresh_from_db(fields=["current_stage", "current_progress", "last_published_at"])
    for indicator in pledge.indicators.all():
        value = (
            IndicatorValue.objects.filter(indicator=indicator, update__state=State.PUBLISHED)
            .select_related("update")
            .order_by("-update__published_at", "-update__pk")
            .first()
        )
        Indicator.objects.filter(pk=indicator.pk).update(
            actual=value.value if value else None,
            actual_as_of=value.update.published_at if value else None,
        )
